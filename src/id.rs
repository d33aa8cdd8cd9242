//! Identifier newtypes.
//!
//! | type | identifies |
//! |---|---|
//! | [`ClaimId`] | a claim in a corpus |
//! | [`SourceId`] | a publication or an originator |
//! | [`EntityId`] | an entity (a group, a person, an event) |
//! | [`Property`] | what a claim states about its subject |
//!
//! All four share one syntax: 1 to 128 bytes of ASCII letters, digits and
//! `-`, `_`, `.`, `:` or `/`. The syntax keeps identifiers printable in a
//! report and safe as file or column names.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind};

/// The crate's hash map: foldhash's fast hasher with a random seed per
/// map, several times faster than SipHash on short ids and still seeded,
/// so file contents cannot choose collisions. Nothing iterates one of
/// these maps to produce output: the report's order comes from sorting.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// The crate's hash set, with the same hasher as [`HashMap`].
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// The slots of an open-addressing table for `n` entries: a power of two,
/// at most four fifths full, so that a linear probe always ends at an
/// empty slot. ([`ClaimIndex`], and the engine's table of sources.)
pub(crate) fn table_capacity(n: usize) -> usize {
    let capacity = n.next_power_of_two();
    if n.saturating_mul(5) > capacity.saturating_mul(4) {
        capacity.saturating_mul(2)
    } else {
        capacity
    }
}

/// The top `bits` bits of `hash`, as a slot or partition number: where an
/// open-addressing table of `2^bits` slots starts its probe (none when
/// `bits` is 0: a table of one slot).
pub(crate) fn top_bits(hash: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        // Truncation intended: fewer than 64 bits are kept.
        (hash >> (64 - bits)) as usize
    }
}

/// Hashes claim ids for a [`ClaimIndex`]: foldhash's fast hasher with a
/// random seed, kept so that a reader can hash each id while its claim
/// is in cache and build the index from the hashes once every claim is
/// read.
#[derive(Clone, Default)]
pub(crate) struct ClaimHasher(foldhash::fast::RandomState);

impl ClaimHasher {
    /// The hash of a claim id's text.
    pub(crate) fn hash(&self, id: &str) -> u64 {
        use std::hash::BuildHasher;
        self.0.hash_one(id)
    }
}

/// Claims found by id: an open-addressing table of 4-byte positions into
/// the vector that holds the claims, each beside 4 bytes of its id's
/// hash, compared through the ids (8 bytes a slot, where a map from a
/// cloned id to its position takes 24).
///
/// The table is built once, from every claim's hash
/// ([`ClaimIndex::build`]), not grown claim by claim: inserting a
/// million random hashes one at a time reads a random slot of a table
/// far larger than the cache for each, on the thread that keeps the
/// claims in order. Built, the hashes are first partitioned by their top
/// bits, which pick a claim's first slot, and each partition is placed
/// in its own few kilobytes of the table, in order of position, so that
/// a repeated id is found where the earlier claim already is.
#[derive(Clone, Default)]
pub(crate) struct ClaimIndex {
    /// A power of two of slots, at most four fifths full, so that a probe
    /// always ends at an empty slot; none when there are no claims.
    slots: Vec<ClaimSlot>,
    hasher: ClaimHasher,
}

/// One claim in [`ClaimIndex`]: its position in the claims, or
/// [`ClaimSlot::EMPTY`], and the low 32 bits of its id's hash.
#[derive(Clone, Copy)]
struct ClaimSlot {
    position: u32,
    low: u32,
}

impl ClaimSlot {
    /// The position of an empty slot, which no claim has: a corpus holds
    /// at most [`ClaimIndex::MAX_CLAIMS`] claims.
    const EMPTY: u32 = u32::MAX;
}

impl std::fmt::Debug for ClaimIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let claims = self.slots.iter().filter(|s| s.position != ClaimSlot::EMPTY);
        write!(f, "ClaimIndex({} claims)", claims.count())
    }
}

impl ClaimIndex {
    /// The most claims an index holds: their positions take 32 bits, one
    /// value of which marks an empty slot. (The readers' limits keep
    /// corpora far below it.)
    pub(crate) const MAX_CLAIMS: usize = u32::MAX as usize;

    /// Indexes `claims`, whose ids `hasher` gave `hashes` (one a claim,
    /// in order). Returns the index and, in increasing order, the
    /// positions of the claims whose id repeats an earlier claim's:
    /// those are left out of the index, and the caller drops them (or
    /// refuses the corpus) and builds again.
    ///
    /// `hashes` and `claims` must be as long as each other, and no
    /// longer than [`ClaimIndex::MAX_CLAIMS`]; past that, the claims
    /// after the first `MAX_CLAIMS` are not indexed. The hashes are freed
    /// once partitioned, before the table is allocated.
    pub(crate) fn build(
        hasher: ClaimHasher,
        hashes: Vec<u64>,
        claims: &[crate::model::Claim],
    ) -> (ClaimIndex, Vec<usize>) {
        let n = hashes.len().min(claims.len()).min(Self::MAX_CLAIMS);
        let mut index = ClaimIndex {
            slots: Vec::new(),
            hasher,
        };
        if n == 0 {
            return (index, Vec::new());
        }
        let capacity = table_capacity(n);
        // Partition by the top bits of the hash, a counting sort that
        // keeps positions in order within a partition. A partition's
        // claims start their probes in one stretch of 2^(bits - top)
        // slots: with 4,096 partitions, 4 KB of a 2M-slot table.
        let bits = capacity.trailing_zeros();
        let top = bits.min(12);
        let partition = |hash: u64| top_bits(hash, top);
        let mut starts = vec![0u32; (1 << top) + 1];
        for &hash in &hashes[..n] {
            starts[partition(hash) + 1] += 1;
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        // Each claim's hash beside its position, so that placing them
        // reads one array in order; a claim itself is read only when its
        // hash's low bits match a claim already placed.
        let mut order = vec![(0u64, 0u32); n];
        for (k, &hash) in hashes[..n].iter().enumerate() {
            let at = &mut starts[partition(hash)];
            // `n` fits in 32 bits, so do the positions below it.
            order[*at as usize] = (hash, k as u32);
            *at += 1;
        }
        drop(starts);
        drop(hashes);
        index.slots = vec![
            ClaimSlot {
                position: ClaimSlot::EMPTY,
                low: 0,
            };
            capacity
        ];
        let mut repeats = Vec::new();
        let mask = capacity - 1;
        for (hash, k) in order {
            // Truncation intended: the slot keeps the low 32 bits.
            let low = hash as u32;
            let mut at = index.home(hash);
            loop {
                let slot = index.slots[at];
                if slot.position == ClaimSlot::EMPTY {
                    index.slots[at] = ClaimSlot { position: k, low };
                    break;
                }
                if slot.low == low
                    && claims[slot.position as usize].id.as_str() == claims[k as usize].id.as_str()
                {
                    repeats.push(k as usize);
                    break;
                }
                at = (at + 1) & mask;
            }
        }
        repeats.sort_unstable();
        (index, repeats)
    }

    /// Indexes `claims`, hashing their ids; see [`ClaimIndex::build`].
    pub(crate) fn of(claims: &[crate::model::Claim]) -> (ClaimIndex, Vec<usize>) {
        ClaimIndex::of_with(ClaimHasher::default(), claims)
    }

    /// Indexes `claims`, hashing their ids with `hasher`.
    pub(crate) fn of_with(
        hasher: ClaimHasher,
        claims: &[crate::model::Claim],
    ) -> (ClaimIndex, Vec<usize>) {
        let hashes: Vec<u64> = claims.iter().map(|c| hasher.hash(c.id.as_str())).collect();
        ClaimIndex::build(hasher, hashes, claims)
    }

    /// The first slot to probe for a hash: its top bits.
    fn home(&self, hash: u64) -> usize {
        top_bits(hash, self.slots.len().trailing_zeros())
    }

    /// The position in `claims` of the claim with this id.
    pub(crate) fn get(&self, claims: &[crate::model::Claim], id: &str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let hash = self.hasher.hash(id);
        // Truncation intended: the slot keeps the low 32 bits.
        let low = hash as u32;
        let mask = self.slots.len() - 1;
        let mut at = self.home(hash);
        loop {
            let slot = self.slots[at];
            if slot.position == ClaimSlot::EMPTY {
                return None;
            }
            let position = slot.position as usize;
            if slot.low == low && claims.get(position).is_some_and(|c| c.id.as_str() == id) {
                return Some(position);
            }
            at = (at + 1) & mask;
        }
    }

    /// True when a claim in `claims` has this id.
    pub(crate) fn contains(&self, claims: &[crate::model::Claim], id: &str) -> bool {
        self.get(claims, id).is_some()
    }
}

/// The longest identifier accepted, in bytes.
pub const MAX_ID_LEN: usize = 128;

fn check_id(kind: &'static str, text: &str) -> Result<(), Error> {
    let expected = "1 to 128 ASCII letters, digits or any of - _ . : /";
    if text.is_empty() || text.len() > MAX_ID_LEN {
        return Err(Error::new(ErrorKind::InvalidId {
            kind,
            value: text.chars().take(MAX_ID_LEN + 8).collect(),
            expected,
        }));
    }
    let ok = text
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':' | b'/'));
    if !ok {
        return Err(Error::new(ErrorKind::InvalidId {
            kind,
            value: text.to_string(),
            expected,
        }));
    }
    Ok(())
}

/// The entity and source ids a corpus's header declares, each with its
/// position in the header.
///
/// A reader lends them to the claim deserializers of its threads (see
/// [`lend`]) so that a claim's subject, statement object and chain links
/// share the declared ids' text from the moment they are read, instead
/// of each being a fresh copy that the header check then replaces and
/// frees: four allocations and four frees a claim, on average, in a
/// synthetic corpus.
#[derive(Debug, Default)]
pub(crate) struct Declared {
    /// Each declared entity id, with its index in the header's entities.
    pub(crate) entities: HashMap<EntityId, usize>,
    /// Each declared source id, with its index in the header's sources.
    pub(crate) sources: HashMap<SourceId, usize>,
}

/// What a thread's deserializers have been lent (see [`lend`]): the
/// declared ids, and the properties and short texts read so far.
struct Lending {
    declared: Arc<Declared>,
    /// Each distinct property read on this thread while lent.
    properties: HashSet<Property>,
    /// Each distinct verb, unit, population and horizon read on this
    /// thread while lent.
    texts: HashSet<Arc<str>>,
}

thread_local! {
    /// What is lent to this thread's deserializers, if anything.
    static LENT: RefCell<Option<Lending>> = const { RefCell::new(None) };
    /// Whether `LENT` holds something: read first, so that deserializing
    /// with nothing lent (a whole corpus file, say) costs one plain
    /// thread-local read per id, not a borrow of `LENT`.
    static LENDING: Cell<bool> = const { Cell::new(false) };
    /// Room for a chain's links as they are read, kept between claims.
    static LINKS: Cell<Vec<SourceId>> = const { Cell::new(Vec::new()) };
}

/// Lends `declared` to the deserializers on this thread until the
/// returned guard drops (which restores what was lent before).
///
/// While lent, an [`EntityId`] or [`SourceId`] deserialized on this thread
/// whose text is a declared id is a clone of the declared id: the same
/// text, shared. Any other text is read as usual, copied and checked. A
/// [`Property`], and a verb, unit, population or horizon (the texts read
/// with `deserialize_shared_text`), is copied the first time it is read
/// and shared after that, until the guard drops. The values are the same
/// either way; only where their text lives differs.
pub(crate) fn lend(declared: &Arc<Declared>) -> Lent {
    let lending = Lending {
        declared: Arc::clone(declared),
        properties: HashSet::default(),
        texts: HashSet::default(),
    };
    let previous = LENT
        .try_with(|lent| lent.replace(Some(lending)))
        .ok()
        .flatten();
    LENDING.set(true);
    Lent { previous }
}

/// Keeps ids lent to this thread's deserializers; see [`lend`].
pub(crate) struct Lent {
    previous: Option<Lending>,
}

impl Drop for Lent {
    fn drop(&mut self) {
        let previous = self.previous.take();
        LENDING.set(previous.is_some());
        // Fails only while the thread itself is being torn down.
        let _ = LENT.try_with(|lent| lent.replace(previous));
    }
}

/// Runs `f` on what is lent to this thread; `None` when nothing is.
fn with_lending<R>(f: impl FnOnce(&mut Lending) -> R) -> Option<R> {
    if !LENDING.get() {
        return None;
    }
    LENT.try_with(|lent| lent.borrow_mut().as_mut().map(f))
        .ok()
        .flatten()
}

/// The lent declared id, if any, that `find` picks out.
fn lent_id<T>(find: impl FnOnce(&Declared) -> Option<T>) -> Option<Result<T, Error>> {
    with_lending(|lending| find(&lending.declared))
        .flatten()
        .map(Ok)
}

/// While lent, the property read on this thread with this text: shared
/// if read before, checked and kept if not. `None` when nothing is lent.
fn lent_property(text: &str) -> Option<Result<Property, Error>> {
    with_lending(|lending| match lending.properties.get(text) {
        Some(property) => Ok(property.clone()),
        None => Property::new(text).inspect(|property| {
            lending.properties.insert(property.clone());
        }),
    })
}

/// `text` as a shared string: while something is lent to this thread,
/// the copy read before if there is one; otherwise a new copy.
pub(crate) fn shared_text(text: &str) -> Arc<str> {
    with_lending(|lending| match lending.texts.get(text) {
        Some(shared) => Arc::clone(shared),
        None => {
            let shared: Arc<str> = Arc::from(text);
            lending.texts.insert(Arc::clone(&shared));
            shared
        }
    })
    .unwrap_or_else(|| Arc::from(text))
}

/// The most links whose room [`read_links`] keeps between claims.
const KEPT_LINKS: usize = 64;

/// Reads a sequence of source ids into a chain: the links are gathered in
/// a buffer this thread keeps, then moved into the chain, in place or
/// into one shared slice (see [`Chain::take_from`](crate::model::Chain::take_from)).
pub(crate) fn read_links<'de, A: serde::de::SeqAccess<'de>>(
    mut seq: A,
) -> Result<crate::model::Chain, A::Error> {
    gather_links(|| seq.next_element::<SourceId>())
}

/// Gathers the links that `next` gives, one a call until it gives none,
/// into a chain, through the buffer this thread keeps (as
/// [`read_links`], which reads them with serde; the claim line reader's
/// fast path in `crate::stream` reads them itself).
pub(crate) fn gather_links<E>(
    mut next: impl FnMut() -> Result<Option<SourceId>, E>,
) -> Result<crate::model::Chain, E> {
    let mut links = LINKS.take();
    links.clear();
    while let Some(link) = next()? {
        links.push(link);
    }
    let chain = crate::model::Chain::take_from(&mut links);
    // A line with a very long chain (refused by the check afterwards)
    // must not leave its room held by the thread.
    if links.capacity() <= KEPT_LINKS {
        LINKS.set(links);
    }
    Ok(chain)
}

/// Deserializes a string through `make`, from the input's own text where
/// it lends it. (serde's `Cow<str>` always makes an owned `String`, which
/// an id then copied into its own `Arc<str>` and freed: an allocation and
/// a free per id read, a million scattered holes in the heap at a
/// million claims.)
pub(crate) fn deserialize_text<'de, D, T, E>(
    deserializer: D,
    make: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: crate::error::IntoSerde,
{
    struct Text<F>(F);
    impl<'de, T, E: crate::error::IntoSerde, F: FnOnce(&str) -> Result<T, E>>
        serde::de::Visitor<'de> for Text<F>
    {
        type Value = T;
        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a string")
        }
        fn visit_str<X: serde::de::Error>(self, text: &str) -> Result<T, X> {
            (self.0)(text).map_err(crate::error::IntoSerde::into_serde)
        }
    }
    deserializer.deserialize_str(Text(make))
}

/// Where an id type keeps its text: [`arcstr::ArcStr`] for the ids that
/// many claims mention, [`IdText`] for claim ids.
trait IdStorage: Clone + Eq + Ord + std::hash::Hash + std::ops::Deref<Target = str> {
    /// The text, stored.
    fn store(text: &str) -> Self;
    /// True when both share one copy of their text.
    fn same(a: &Self, b: &Self) -> bool;
}

impl IdStorage for arcstr::ArcStr {
    fn store(text: &str) -> Self {
        arcstr::ArcStr::from(text)
    }
    fn same(a: &Self, b: &Self) -> bool {
        arcstr::ArcStr::ptr_eq(a, b)
    }
}

/// The longest text [`IdText`] holds in place.
const INLINE_LEN: usize = 15;

/// How many bytes of an [`Inline`] text are used: an enum, not a `u8`,
/// so that its unused values leave [`IdText`] a place for its tag and
/// the whole fits in 16 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum InlineLen {
    L0,
    L1,
    L2,
    L3,
    L4,
    L5,
    L6,
    L7,
    L8,
    L9,
    L10,
    L11,
    L12,
    L13,
    L14,
    L15,
}

impl InlineLen {
    /// Every length, at its own index.
    const ALL: [InlineLen; INLINE_LEN + 1] = {
        use InlineLen::*;
        [
            L0, L1, L2, L3, L4, L5, L6, L7, L8, L9, L10, L11, L12, L13, L14, L15,
        ]
    };
}

/// A short text held in place.
#[derive(Clone, Copy)]
struct Inline {
    len: InlineLen,
    bytes: [u8; INLINE_LEN],
}

/// A claim id's text: in place when it has at most 15 bytes (most claim
/// ids: `c123456`, `a004-strength-1`), shared otherwise. 16 bytes either
/// way.
///
/// Claim ids are the one id a corpus does not repeat: each claim has its
/// own, so sharing its text saves nothing, and a separate allocation per
/// claim cost 32 bytes of heap and, read in topic order, a cache miss
/// apart from the claim's own (see DESIGN.md, "Why are short claim ids and
/// chains held in place?").
#[derive(Clone)]
enum IdText {
    /// At most [`INLINE_LEN`] bytes, in place.
    Inline(Inline),
    /// A longer text, shared.
    Shared(arcstr::ArcStr),
}

impl IdText {
    /// The text's bytes, read without checking them again: what ordering
    /// and sorting read (a `str` orders as its bytes).
    fn as_bytes(&self) -> &[u8] {
        match self {
            IdText::Inline(inline) => &inline.bytes[..inline.len as usize],
            IdText::Shared(text) => text.as_bytes(),
        }
    }

    /// The text.
    fn as_str(&self) -> &str {
        match self {
            // The bytes are a whole `str`'s, copied in `store`, so they are
            // valid UTF-8; an id's are ASCII, checked in a few instructions.
            IdText::Inline(inline) => {
                std::str::from_utf8(&inline.bytes[..inline.len as usize]).unwrap_or_default()
            }
            IdText::Shared(text) => text,
        }
    }
}

impl std::ops::Deref for IdText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl IdStorage for IdText {
    fn store(text: &str) -> Self {
        match InlineLen::ALL.get(text.len()) {
            Some(&len) => {
                let mut bytes = [0; INLINE_LEN];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                IdText::Inline(Inline { len, bytes })
            }
            None => IdText::Shared(arcstr::ArcStr::from(text)),
        }
    }
    fn same(a: &Self, b: &Self) -> bool {
        match (a, b) {
            (IdText::Shared(a), IdText::Shared(b)) => arcstr::ArcStr::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl PartialEq for IdText {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            // Unused bytes are zero, so equal texts have equal arrays.
            (IdText::Inline(a), IdText::Inline(b)) => a.len == b.len && a.bytes == b.bytes,
            _ => IdText::same(self, other) || self.as_bytes() == other.as_bytes(),
        }
    }
}

impl Eq for IdText {}

impl PartialOrd for IdText {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for IdText {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl std::hash::Hash for IdText {
    /// Hashes as the text, as `Borrow<str>` requires.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $storage:ty $(, lent: $lent:expr)? $(, fold: $fold:expr)?) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name($storage);

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $name {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                if <$storage as IdStorage>::same(&self.0, &other.0) {
                    std::cmp::Ordering::Equal
                } else {
                    self.0.cmp(&other.0)
                }
            }
        }

        impl $name {
            /// Checks the syntax and wraps the identifier.
            ///
            /// # Errors
            ///
            /// Fails when `text` is empty, longer than [`MAX_ID_LEN`] bytes,
            /// or has a character other than ASCII letters, digits and
            /// `- _ . : /`.
            pub fn new(text: &str) -> Result<Self, Error> {
                check_id($kind, text)?;
                $(
                    let fold: fn(&str) -> std::borrow::Cow<'_, str> = $fold;
                    let text: &str = &fold(text);
                )?
                Ok(Self(<$storage as IdStorage>::store(text)))
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), &*self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;
            fn from_str(text: &str) -> Result<Self, Error> {
                Self::new(text)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl $name {
            /// The id a deserializer reads from `text`: while something is
            /// lent to this thread (see [`lend`]), the lent id or property
            /// with this text if there is one; otherwise checked and
            /// stored as [`new`](Self::new) does. The claim line reader's
            /// fast path (`crate::stream`) reads ids through it too, so
            /// that both give the same ids.
            pub(crate) fn read(text: &str) -> Result<Self, Error> {
                $(
                    let lent: fn(&str) -> Option<Result<Self, Error>> = $lent;
                    if let Some(read) = lent(text) {
                        return read;
                    }
                )?
                Self::new(text)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserialize_text(deserializer, Self::read)
            }
        }

        /// Hashes and compares as its text, so that a map keyed by ids
        /// can be searched with a `&str`.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// Identifies a [`Claim`](crate::Claim) within a corpus.
    ///
    /// ```
    /// use corroborate::ClaimId;
    /// let id = ClaimId::new("a004-strength-1")?;
    /// assert_eq!(id.as_str(), "a004-strength-1");
    /// assert!(ClaimId::new("has space").is_err());
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    ClaimId,
    "claim id",
    IdText
);

impl ClaimId {
    /// The id's bytes, for sorting: unlike [`ClaimId::as_str`], reading
    /// a text held in place does not check it again.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

id_type!(
    /// Identifies a [`Source`](crate::Source): a publication or an originator.
    ///
    /// ```
    /// use corroborate::SourceId;
    /// let id: SourceId = "un-monitoring-team-report".parse()?;
    /// assert_eq!(id.to_string(), "un-monitoring-team-report");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    SourceId,
    "source id",
    arcstr::ArcStr,
    lent: |text| lent_id(|declared| declared.sources.get_key_value(text).map(|(id, _)| id.clone()))
);

id_type!(
    /// Identifies an [`Entity`](crate::Entity).
    ///
    /// ```
    /// use corroborate::EntityId;
    /// let id = EntityId::new("isis-k")?;
    /// assert_eq!(id.as_str(), "isis-k");
    /// // Ids borrow as their text, so a map keyed by ids takes a `&str`.
    /// let mut names = std::collections::HashMap::new();
    /// names.insert(id, "ISIS-K");
    /// assert_eq!(names.get("isis-k"), Some(&"ISIS-K"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    EntityId,
    "entity id",
    arcstr::ArcStr,
    lent: |text| lent_id(|declared| declared.entities.get_key_value(text).map(|(id, _)| id.clone()))
);

id_type!(
    /// What a claim states about its subject: `fighter_strength`, `founded`,
    /// `killed`, `leader`, `said`.
    ///
    /// Properties are names, not a closed list: a corpus brings its own, and
    /// [`Policy`](crate::Policy) can declare aliases between them and mark
    /// some as cumulative.
    ///
    /// A property is its name in lower case: `Deaths` and `deaths` are one
    /// property, `deaths`, whichever reader, policy or call gives it (a
    /// spreadsheet capitalises cells, an annotator a heading), so that
    /// one fact makes one topic and a policy's rule for it holds however
    /// it was typed.
    ///
    /// ```
    /// use corroborate::Property;
    /// let p = Property::new("fighter_strength")?;
    /// assert_eq!(p.as_str(), "fighter_strength");
    /// assert_eq!(Property::new("Deaths")?, Property::new("deaths")?);
    /// assert_eq!(Property::new("Deaths")?.as_str(), "deaths");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    Property,
    "property",
    arcstr::ArcStr,
    lent: lent_property,
    fold: lower_case
);

/// An id in lower case: borrowed, with no allocation, when it is
/// already (ids are ASCII).
fn lower_case(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(text.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The ids that many claims mention, each shared rather than copied: a
/// report repeats every claim's ids, and readers make every mention of a
/// source or entity share the declared id's text, so a clone is a
/// reference count, not an allocation, and two mentions of one id usually
/// compare equal by address before their bytes are read (`ArcStr`'s own
/// equality does this; `Ord` does it too). One word, not `Arc<str>`'s
/// two: the length lives beside the count and the bytes, so a claim is
/// smaller and a chain's links take half the room.
macro_rules! shared_id {
    ($($name:ident),*) => {$(
        impl $name {
            /// True when both share one copy of their text: a sufficient,
            /// not a necessary, condition for equality.
            #[allow(dead_code)] // used for some of the id types only
            pub(crate) fn same_text(&self, other: &Self) -> bool {
                arcstr::ArcStr::ptr_eq(&self.0, &other.0)
            }

            /// The address of the shared text, to hash ids by identity
            /// where every copy is known to be shared.
            #[allow(dead_code)] // used for some of the id types only
            pub(crate) fn text_address(&self) -> usize {
                self.0.as_ptr() as usize
            }
        }
    )*};
}

shared_id!(SourceId, EntityId, Property);

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim id holds a text of up to 15 bytes in place and shares a
    /// longer one.
    #[test]
    fn claim_ids_hold_short_texts_in_place() {
        let short = ClaimId::new(&"c".repeat(INLINE_LEN)).unwrap();
        let long = ClaimId::new(&"c".repeat(INLINE_LEN + 1)).unwrap();
        assert!(matches!(short.0, IdText::Inline(_)));
        assert!(matches!(long.0, IdText::Shared(_)));
        assert_eq!(long.as_str().len(), INLINE_LEN + 1);
        assert!(long.clone() == long && IdText::same(&long.0, &long.clone().0));
        assert!(!IdText::same(&short.0, &short.clone().0));
    }

    proptest::proptest! {
        /// Claim ids compare, order and hash as their texts, whichever way
        /// each is stored (texts around the 15-byte boundary are either).
        #[test]
        fn claim_ids_behave_as_their_texts(
            a in "[a-c0-9]{1,20}",
            b in "[a-c0-9]{1,20}",
        ) {
            use std::hash::BuildHasher;
            let (x, y) = (ClaimId::new(&a).unwrap(), ClaimId::new(&b).unwrap());
            proptest::prop_assert_eq!(x.as_str(), a.as_str());
            proptest::prop_assert_eq!(x.to_string(), a.clone());
            proptest::prop_assert_eq!(x == y, a == b);
            proptest::prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            let hasher = foldhash::fast::FixedState::default();
            proptest::prop_assert_eq!(hasher.hash_one(&x), hasher.hash_one(a.as_str()));
            let map: HashMap<ClaimId, ()> = [(x.clone(), ())].into_iter().collect();
            proptest::prop_assert!(map.contains_key(a.as_str()));
            proptest::prop_assert_eq!(map.contains_key(b.as_str()), a == b);
        }
    }

    fn claim(id: &str) -> crate::model::Claim {
        use crate::model::{Assertion, Claim, Value};
        Claim::new(
            ClaimId::new(id).unwrap(),
            EntityId::new("e").unwrap(),
            Property::new("p").unwrap(),
            Value::Date("2021".parse().unwrap()),
            Assertion::new(vec![SourceId::new("s").unwrap()]),
        )
    }

    /// The index finds every claim it was given at its position, leaves
    /// out each claim whose id repeats an earlier one and names it, and
    /// finds no other id.
    #[test]
    fn claim_index_finds_each_claim_once() {
        let mut claims: Vec<_> = (0..5000).map(|k| claim(&format!("c{k}"))).collect();
        claims.insert(17, claim("c3"));
        claims.push(claim("c0"));
        claims.push(claim("c17"));
        let (index, repeats) = ClaimIndex::of(&claims);
        assert_eq!(repeats, vec![17, 5001, 5002]);
        for (k, c) in claims.iter().enumerate() {
            if !repeats.contains(&k) {
                assert_eq!(index.get(&claims, c.id.as_str()), Some(k), "{}", c.id);
            }
        }
        assert_eq!(index.get(&claims, "c3"), Some(3));
        assert_eq!(index.get(&claims, "c5000"), None);
        assert!(!index.contains(&claims, "d1"));
        assert_eq!(format!("{index:?}"), "ClaimIndex(5000 claims)");
        let (empty, none) = ClaimIndex::of(&[]);
        assert!(none.is_empty());
        assert_eq!(empty.get(&claims, "c0"), None);
    }

    /// Hashes that all agree, in every bit, put every claim's first probe
    /// in one slot: ids still tell repeats from claims, through probes
    /// that run the length of the table and wrap around its end.
    #[test]
    fn claim_index_tells_repeats_by_id_when_hashes_collide() {
        let ids = ["a", "b", "a", "c", "b", "d", "a"];
        let claims: Vec<_> = ids.iter().map(|id| claim(id)).collect();
        for hash in [0, u64::MAX, 0x8000_0000_0000_0000] {
            let hashes = vec![hash; claims.len()];
            let (_, repeats) = ClaimIndex::build(ClaimHasher::default(), hashes, &claims);
            assert_eq!(repeats, vec![2, 4, 6], "hash {hash:#x}");
        }
    }

    proptest::proptest! {
        /// Built from ids with repeats, the index reports exactly the
        /// claims whose id came before, and finds each id at its first
        /// claim.
        #[test]
        fn claim_index_keeps_the_first_of_each_id(
            picks in proptest::collection::vec(0usize..300, 0..600),
        ) {
            let claims: Vec<_> = picks.iter().map(|k| claim(&format!("c{k}"))).collect();
            let (index, repeats) = ClaimIndex::of(&claims);
            let mut first = std::collections::HashMap::new();
            let mut expected = Vec::new();
            for (k, pick) in picks.iter().enumerate() {
                if first.contains_key(pick) {
                    expected.push(k);
                } else {
                    first.insert(*pick, k);
                }
            }
            proptest::prop_assert_eq!(repeats, expected);
            for pick in 0..300usize {
                let id = format!("c{pick}");
                proptest::prop_assert_eq!(index.get(&claims, &id), first.get(&pick).copied());
            }
        }
    }

    fn declared(entities: &[&str], sources: &[&str]) -> Arc<Declared> {
        let mut declared = Declared::default();
        for (k, id) in entities.iter().enumerate() {
            declared.entities.insert(EntityId::new(id).unwrap(), k);
        }
        for (k, id) in sources.iter().enumerate() {
            declared.sources.insert(SourceId::new(id).unwrap(), k);
        }
        Arc::new(declared)
    }

    fn lent_entity(declared: &Declared, id: &str) -> EntityId {
        declared.entities.get_key_value(id).unwrap().0.clone()
    }

    /// While lent, declared ids are read as the declared copies; other
    /// ids are read and checked as always; after the guard drops, ids
    /// are fresh copies again.
    #[test]
    fn lent_ids_share_the_declared_text() {
        let declared = declared(&["isis-k", "taliban"], &["ap", "un-report"]);
        let read = |json: &str| serde_json::from_str::<EntityId>(json);
        {
            let _lent = lend(&declared);
            let id = read(r#""isis-k""#).unwrap();
            assert!(id.same_text(&lent_entity(&declared, "isis-k")));
            // Not declared: read as usual, a copy of its own.
            let other = read(r#""haqqani""#).unwrap();
            assert_eq!(other.as_str(), "haqqani");
            // Not declared and not an id: still refused.
            assert!(read(r#""has space""#).is_err());
            // Links share the declared sources; an undeclared one is read.
            let chain: Vec<SourceId> =
                serde_json::from_str(r#"["ap", "un-report", "reuters"]"#).unwrap();
            let ap = declared.sources.get_key_value("ap").unwrap().0;
            assert!(chain[0].same_text(ap));
            assert_eq!(chain[2].as_str(), "reuters");
        }
        let after = read(r#""isis-k""#).unwrap();
        assert_eq!(after, lent_entity(&declared, "isis-k"));
        assert!(!after.same_text(&lent_entity(&declared, "isis-k")));
    }

    /// Properties and texts read while lent are shared from the second
    /// reading on, each kind in its own set: a text that is not a valid
    /// property is still refused as a property after it was read as a
    /// verb.
    #[test]
    fn lent_properties_and_texts_are_shared_and_still_checked() {
        let declared = declared(&[], &[]);
        let _lent = lend(&declared);
        let first: Property = serde_json::from_str(r#""fighter_strength""#).unwrap();
        let second: Property = serde_json::from_str(r#""fighter_strength""#).unwrap();
        assert!(first.same_text(&second));
        let verb = shared_text("has said");
        assert!(Arc::ptr_eq(&verb, &shared_text("has said")));
        assert!(serde_json::from_str::<Property>(r#""has said""#).is_err());
        assert!(serde_json::from_str::<Property>(r#""has said""#).is_err());
    }

    /// Lending nests: the inner guard restores the outer lending.
    #[test]
    fn lending_nests_and_restores() {
        let outer = declared(&["a"], &[]);
        let inner = declared(&["b"], &[]);
        let _outer = lend(&outer);
        {
            let _inner = lend(&inner);
            let b: EntityId = serde_json::from_str(r#""b""#).unwrap();
            assert!(b.same_text(&lent_entity(&inner, "b")));
            let a: EntityId = serde_json::from_str(r#""a""#).unwrap();
            assert!(!a.same_text(&lent_entity(&outer, "a")));
        }
        let a: EntityId = serde_json::from_str(r#""a""#).unwrap();
        assert!(a.same_text(&lent_entity(&outer, "a")));
    }

    /// A chain read after a failed one has only its own links, however
    /// many, in order.
    #[test]
    fn links_are_read_whole_after_a_failure() {
        use crate::model::Chain;
        assert!(serde_json::from_str::<Chain>(r#"["a", "b", "not valid"]"#).is_err());
        let many: Vec<String> = (0..20).map(|k| format!("s{k}")).collect();
        let chain: Chain = serde_json::from_str(&serde_json::to_string(&many).unwrap()).unwrap();
        let read: Vec<&str> = chain.iter().map(SourceId::as_str).collect();
        assert_eq!(read, many);
        let chain: Chain = serde_json::from_str(r#"["x"]"#).unwrap();
        assert_eq!(chain.len(), 1);
        // A very long chain's room is not kept by the thread.
        let long: Vec<String> = (0..1000).map(|k| format!("s{k}")).collect();
        let chain: Chain = serde_json::from_str(&serde_json::to_string(&long).unwrap()).unwrap();
        assert_eq!(chain.len(), 1000);
        let kept = LINKS.take();
        assert!(kept.capacity() <= KEPT_LINKS, "{}", kept.capacity());
    }

    /// The shared ids are one word each, so that a claim holding three of
    /// them and a chain of links stay small; a claim id, which holds its
    /// text in place, is two.
    #[test]
    fn ids_are_one_word_and_claim_ids_two() {
        use std::mem::size_of;
        assert_eq!(size_of::<SourceId>(), size_of::<usize>());
        assert_eq!(size_of::<EntityId>(), size_of::<usize>());
        assert_eq!(size_of::<Property>(), size_of::<usize>());
        assert_eq!(size_of::<ClaimId>(), 16);
        assert_eq!(size_of::<Option<ClaimId>>(), 16);
        assert_eq!(size_of::<crate::Chain>(), 32);
        assert!(
            size_of::<crate::Claim>() <= 264,
            "{}",
            size_of::<crate::Claim>()
        );
    }

    /// Two ids with one text are equal however they were made; sharing
    /// is told by address, and the address is the text's.
    #[test]
    fn equality_and_sharing() {
        let a = EntityId::new("isis-k").unwrap();
        let b = EntityId::new("isis-k").unwrap();
        let c = a.clone();
        assert_eq!(a, b);
        assert_eq!(a.cmp(&b), std::cmp::Ordering::Equal);
        assert!(!a.same_text(&b));
        assert!(a.same_text(&c));
        assert_eq!(a.text_address(), c.text_address());
        assert_ne!(a.text_address(), b.text_address());
        assert_eq!(a.text_address(), a.as_str().as_ptr() as usize);
        assert!(EntityId::new("a").unwrap() < EntityId::new("b").unwrap());
    }

    #[test]
    fn syntax() {
        assert!(ClaimId::new("a").is_ok());
        assert!(ClaimId::new("a:b/c.d-e_f").is_ok());
        assert!(ClaimId::new("").is_err());
        assert!(ClaimId::new("é").is_err());
        assert!(ClaimId::new(&"x".repeat(129)).is_err());
        assert!(ClaimId::new(&"x".repeat(128)).is_ok());
    }
}
