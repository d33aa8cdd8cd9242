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

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind};

/// The crate's hash map: foldhash's fast hasher with a random seed per
/// map, several times faster than SipHash on short ids and still seeded,
/// so file contents cannot choose collisions. Nothing iterates one of
/// these maps to produce output: the report's order comes from sorting.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// The crate's hash set, with the same hasher as [`HashMap`].
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// Claims found by id: a hash table of 4-byte positions into the vector
/// that holds the claims, each beside 4 bytes of its id's hash, compared
/// through the ids. A map from a cloned id to its position takes 24 bytes
/// a slot; this takes 8, about 30 MB less for a million claims. The
/// stored hash lets the table grow without reading a claim. Every call
/// passes the claims the positions point into.
#[derive(Clone, Default)]
pub(crate) struct ClaimIndex {
    /// (position, the low 32 bits of the id's hash).
    table: hashbrown::HashTable<(u32, u32)>,
    hasher: foldhash::fast::RandomState,
}

impl std::fmt::Debug for ClaimIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ClaimIndex({} claims)", self.table.len())
    }
}

/// The table's hash of a stored 32-bit hash: multiplied by an odd
/// constant so that its high bits, which the table reads, vary too.
fn spread(low: u32) -> u64 {
    u64::from(low).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Why [`ClaimIndex::insert`] did not record a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NotInserted {
    /// A claim with that id is there already.
    Duplicate,
    /// The position does not fit in four bytes.
    Full,
}

/// A test for a slot holding the claim of `claims` with this id, whose
/// hash's low 32 bits are `low`: the stored bits first, the id only when
/// they agree.
fn holds<'c>(
    claims: &'c [crate::model::Claim],
    id: &'c str,
    low: u32,
) -> impl Fn(&(u32, u32)) -> bool + 'c {
    move |&(k, h)| h == low && claims.get(k as usize).is_some_and(|c| c.id.as_str() == id)
}

impl ClaimIndex {
    /// The 32 bits of the id's hash that the table keeps.
    fn low_hash(&self, id: &str) -> u32 {
        use std::hash::BuildHasher;
        // Truncation intended: the table keeps 32 bits.
        self.hasher.hash_one(id) as u32
    }

    /// An empty index with room for `n` claims.
    pub(crate) fn with_capacity(n: usize) -> ClaimIndex {
        ClaimIndex {
            table: hashbrown::HashTable::with_capacity(n),
            hasher: foldhash::fast::RandomState::default(),
        }
    }

    /// The position in `claims` of the claim with this id.
    pub(crate) fn get(&self, claims: &[crate::model::Claim], id: &str) -> Option<usize> {
        let low = self.low_hash(id);
        self.table
            .find(spread(low), holds(claims, id, low))
            .map(|&(k, _)| k as usize)
    }

    /// True when a claim in `claims` has this id.
    pub(crate) fn contains(&self, claims: &[crate::model::Claim], id: &str) -> bool {
        self.get(claims, id).is_some()
    }

    /// Records that the claim with id `id` is at `position`, the next one
    /// after `claims`, unless a claim in `claims` has that id already or
    /// `position` is beyond `u32::MAX` (the readers' limits keep corpora
    /// far below it).
    pub(crate) fn insert(
        &mut self,
        claims: &[crate::model::Claim],
        id: &str,
        position: usize,
    ) -> Result<(), NotInserted> {
        let position = u32::try_from(position).map_err(|_| NotInserted::Full)?;
        let low = self.low_hash(id);
        let entry = self
            .table
            .entry(spread(low), holds(claims, id, low), |&(_, h)| spread(h));
        match entry {
            hashbrown::hash_table::Entry::Occupied(_) => Err(NotInserted::Duplicate),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert((position, low));
                Ok(())
            }
        }
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
    E: fmt::Display,
{
    struct Text<F>(F);
    impl<'de, T, E: fmt::Display, F: FnOnce(&str) -> Result<T, E>> serde::de::Visitor<'de> for Text<F> {
        type Value = T;
        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a string")
        }
        fn visit_str<X: serde::de::Error>(self, text: &str) -> Result<T, X> {
            (self.0)(text).map_err(X::custom)
        }
    }
    deserializer.deserialize_str(Text(make))
}

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $kind:literal) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        // Shared, not boxed: a report repeats every claim's ids, and
        // readers make every mention of a source or entity share the
        // declared id's text, so a clone is a reference count, not an
        // allocation, and two mentions of one id usually compare equal
        // by address before their bytes are read (`Arc`'s own equality
        // does this; `Ord` below does it too).
        pub struct $name(std::sync::Arc<str>);

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $name {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                if self.same_text(other) {
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
                Ok(Self(text.into()))
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// True when both share one copy of their text: a sufficient,
            /// not a necessary, condition for equality.
            pub(crate) fn same_text(&self, other: &Self) -> bool {
                std::sync::Arc::ptr_eq(&self.0, &other.0)
            }

            /// The address of the shared text, to hash ids by identity
            /// where every copy is known to be shared.
            #[allow(dead_code)] // used for some of the id types only
            pub(crate) fn text_address(&self) -> usize {
                std::sync::Arc::as_ptr(&self.0).cast::<u8>() as usize
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

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserialize_text(deserializer, Self::new)
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
    "claim id"
);

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
    "source id"
);

id_type!(
    /// Identifies an [`Entity`](crate::Entity).
    ///
    /// ```
    /// use corroborate::EntityId;
    /// let id = EntityId::new("isis-k")?;
    /// assert_eq!(id.as_str(), "isis-k");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    EntityId,
    "entity id"
);

id_type!(
    /// What a claim states about its subject: `fighter_strength`, `founded`,
    /// `killed`, `leader`, `said`.
    ///
    /// Properties are names, not a closed list: a corpus brings its own, and
    /// [`Policy`](crate::Policy) can declare aliases between them and mark
    /// some as cumulative.
    ///
    /// ```
    /// use corroborate::Property;
    /// let p = Property::new("fighter_strength")?;
    /// assert_eq!(p.as_str(), "fighter_strength");
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    Property,
    "property"
);

#[cfg(test)]
mod tests {
    use super::*;

    /// The index finds every claim it was given, through growth from
    /// empty, refuses a repeated id, and finds no other id.
    #[test]
    fn claim_index_finds_each_claim_once() {
        use crate::model::{Assertion, Claim, Value};
        let claim = |id: &str| {
            Claim::new(
                ClaimId::new(id).unwrap(),
                EntityId::new("e").unwrap(),
                Property::new("p").unwrap(),
                Value::Date("2021".parse().unwrap()),
                Assertion::new(vec![SourceId::new("s").unwrap()]),
            )
        };
        let mut claims = Vec::new();
        let mut index = ClaimIndex::default();
        for k in 0..5000 {
            let c = claim(&format!("c{k}"));
            assert_eq!(index.insert(&claims, c.id.as_str(), claims.len()), Ok(()));
            claims.push(c);
            assert_eq!(
                index.insert(&claims, "c0", claims.len()),
                Err(NotInserted::Duplicate),
                "c0 again"
            );
        }
        for (k, c) in claims.iter().enumerate() {
            assert_eq!(index.get(&claims, c.id.as_str()), Some(k));
        }
        assert_eq!(index.get(&claims, "c5000"), None);
        assert!(!index.contains(&claims, "d1"));
        assert_eq!(
            index.insert(&claims, "x", u32::MAX as usize + 1),
            Err(NotInserted::Full)
        );
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
