//! A deterministic synthetic corpus generator, for benchmarks and tests.
//!
//! `Synth::new(seed, claims)` makes a corpus that looks like the real
//! thing at any size: topics with Zipf-distributed numbers of claims;
//! attribution chains in which many articles share a few origins (also
//! Zipf); ranges, bounds, approximations and vague quantities; dates at
//! year, month and day precision; quotes with near-verbatim variants;
//! entity names with spelling and "al-" variants, which name resolution
//! has to merge. The same seed and size give the same corpus, byte for
//! byte, in every form: in memory (`Synth::corpus`), the JSON corpus
//! format, JSON Lines, and CSV/TSV tables.
//!
//! Shared by the benches (`mod common;`), the `synth` example and the
//! integration tests (`#[path = ...]`), so not every item is used by each.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

use corroborate::{
    Amount, Assertion, Certainty, Claim, ClaimId, Corpus, Entity, EntityId, Modality, Period,
    Polarity, Property, Quantity, Quote, Scope, Source, SourceId, SourceKind, Statement, Status,
    Value,
};

/// splitmix64: tiny, fast, and good enough for test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5851_F42D_4C95_7F2D)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Zipf-distributed ranks in `0..n` with exponent `s`, sampled by binary
/// search over the cumulative weights.
#[derive(Clone, Debug)]
pub struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=n.max(1))
            .map(|k| {
                total += 1.0 / (k as f64).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let target = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= target)
            .min(self.cumulative.len() - 1)
    }
}

const GROUP_WORDS: &[&str] = &[
    "Front",
    "Brigade",
    "Movement",
    "Network",
    "Council",
    "Army",
    "Party",
    "Battalion",
];
const QUOTE_WORDS: &[&str] = &[
    "we",
    "will",
    "not",
    "stop",
    "until",
    "the",
    "attacks",
    "end",
    "every",
    "day",
    "our",
    "forces",
    "are",
    "ready",
    "to",
    "defend",
    "people",
    "this",
    "is",
    "a",
    "threat",
    "that",
    "must",
    "be",
    "taken",
    "seriously",
    "they",
    "have",
    "no",
    "right",
    "city",
    "border",
    "peace",
    "talks",
    "failed",
    "again",
    "country",
    "never",
    "accept",
    "terms",
    "fight",
    "continue",
    "government",
    "promised",
    "help",
    "families",
    "victims",
    "justice",
    "soon",
    "plan",
    "for",
    "withdrawal",
    "remains",
    "on",
    "track",
    "despite",
    "violence",
    "region",
];
const QUANTITY_PROPERTIES: &[&str] = &[
    "killed",
    "injured",
    "fighter_strength",
    "attacks",
    "displaced",
    "arrested",
];
const DATE_PROPERTIES: &[&str] = &["founded", "occurred", "signed"];
const STATEMENT_PROPERTIES: &[&str] = &["allied_with", "enemy_of", "led_by", "affiliate_of"];
const TEXT_PROPERTIES: &[&str] = &["nationality", "operating_mode"];
const TEXTS: &[&str] = &[
    "Pakistani",
    "Afghan",
    "Iraqi",
    "Syrian",
    "underground",
    "clandestine",
    "decentralized",
];
const VAGUE: &[(&str, f64, f64)] = &[
    ("several", 3.0, 9.0),
    ("dozens", 24.0, 99.0),
    ("scores", 40.0, 199.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2000.0, 9999.0),
    ("tens of thousands", 20000.0, 99999.0),
];
const HEDGES: &[&str] = &["about", "around", "nearly", "some", "roughly"];
const UNITS: &[&str] = &["people", "fighters", "civilians"];
const OUTLETS: &[&str] = &[
    "AP",
    "Reuters",
    "AFP",
    "CNN",
    "BBC",
    "Al Jazeera",
    "VOA",
    "DPA",
    "Xinhua",
    "NHK",
];

/// The kind of a topic's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Quantity,
    Date,
    Quote,
    Statement,
    Text,
}

/// A corpus generator: a seed, a number of claims and a number of topics.
#[derive(Clone, Debug)]
pub struct Synth {
    seed: u64,
    claims: usize,
    topics: usize,
}

/// What the generator made.
pub struct Parts {
    pub entities: Vec<Entity>,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A made-up word of two or three syllables, each a consonant, a vowel
/// and maybe a closing consonant: about 600 syllables. Names drawn from
/// them are nearly all distinct as text, but many are a letter apart:
/// at the default name threshold, `Synth::names(1, 100_000)` resolves
/// to 33,879 merges for about 10,000 deliberate variants, and the 1M
/// claim corpus's 36,627 entities to 12,608 merges: accidental
/// near-duplicates grow faster than the names.
fn word(rng: &mut Rng) -> String {
    const ONSETS: &[u8] = b"bdfghjklmnqrstwyz";
    const VOWELS: &[u8] = b"aeiou";
    const CODAS: &[u8] = b"nrsmlk";
    let n = 2 + rng.below(2);
    let mut word = String::new();
    for _ in 0..n {
        word.push(*rng.pick(ONSETS) as char);
        word.push(*rng.pick(VOWELS) as char);
        if rng.chance(0.5) {
            word.push(*rng.pick(CODAS) as char);
        }
    }
    word
}

/// A person's or a group's name: "Bakdar al-Sultar", "Jannur Khasa Front".
fn name(rng: &mut Rng) -> String {
    if rng.chance(0.7) {
        let first = capitalize(&word(rng));
        let last = capitalize(&word(rng));
        if rng.chance(0.5) {
            format!("{first} al-{last}")
        } else {
            format!("{first} {last}")
        }
    } else {
        format!("{} {}", capitalize(&word(rng)), rng.pick(GROUP_WORDS))
    }
}

/// A spelling variant: the "al-" dropped or added, a letter doubled, or
/// a vowel changed.
fn variant(name: &str, rng: &mut Rng) -> String {
    if let Some(at) = name.find(" al-") {
        return format!("{} {}", &name[..at], &name[at + 4..]);
    }
    let bytes: Vec<char> = name.chars().collect();
    let vowels: Vec<usize> = (1..bytes.len())
        .filter(|&i| "aeiou".contains(bytes[i]))
        .collect();
    if vowels.is_empty() || rng.chance(0.5) {
        let at = 1 + rng.below(bytes.len().saturating_sub(1).max(1));
        let mut out: String = bytes[..at].iter().collect();
        out.push(bytes[at.min(bytes.len() - 1)]);
        out.extend(&bytes[at..]);
        out
    } else {
        let at = *rng.pick(&vowels);
        let mut chars = bytes.clone();
        chars[at] = match chars[at] {
            'a' => 'e',
            'e' => 'i',
            'i' => 'y',
            'o' => 'u',
            _ => 'o',
        };
        chars.into_iter().collect()
    }
}

/// A number shown with thousands separators.
fn show(value: f64) -> String {
    let n = value.round() as u64;
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl Synth {
    /// `claims` claims over `claims / 10` topics (at least one).
    pub fn new(seed: u64, claims: usize) -> Synth {
        Synth {
            seed,
            claims,
            topics: (claims / 10).max(1),
        }
    }

    /// Sets the number of topics.
    pub fn with_topics(mut self, topics: usize) -> Synth {
        self.topics = topics.max(1);
        self
    }

    /// Everything in one topic (`fighter_strength` of one group), for the
    /// one-big-topic benchmark.
    pub fn one_topic(seed: u64, claims: usize) -> Synth {
        Synth::new(seed, claims).with_topics(1)
    }

    fn kind_of(property: &str) -> Kind {
        if QUANTITY_PROPERTIES.contains(&property) {
            Kind::Quantity
        } else if DATE_PROPERTIES.contains(&property) {
            Kind::Date
        } else if property == "said" {
            Kind::Quote
        } else if STATEMENT_PROPERTIES.contains(&property) {
            Kind::Statement
        } else {
            Kind::Text
        }
    }

    /// `n` entity names, about one in ten a spelling variant of another.
    pub fn names(seed: u64, n: usize) -> Vec<Entity> {
        Synth::named(Rng::new(seed ^ 0xE17), n, name)
    }

    /// `n` long entity names, about 75 to 100 characters, in the shape of a
    /// conflict dataset's actor names ("Police Forces of the Kalmur
    /// Dastan Republic (Jannur Bekso Province) Prison Guards"); about one
    /// in ten is a spelling variant of another. Every key has eleven
    /// words ("the" is dropped) and one of three first words, so the
    /// names fall in a few large blocks whose keys are all over 64
    /// characters.
    pub fn long_names(seed: u64, n: usize) -> Vec<Entity> {
        const FORCES: &[&str] = &["Military Forces", "Police Forces", "Unidentified Armed"];
        const UNITS: &[&str] = &["Prison Guards", "Border Patrol", "Special Brigade"];
        Synth::named(Rng::new(seed ^ 0x10C6), n, |rng| {
            let mut word = || capitalize(&word(rng));
            let (a, b, c, d) = (word(), word(), word(), word());
            format!(
                "{} of the {a} {b} Republic ({c} {d} Province) {}",
                rng.pick(FORCES),
                rng.pick(UNITS)
            )
        })
    }

    /// `n` entities `e0`, `e1`, …, each named by `fresh`, or, one in ten,
    /// by a spelling variant of an earlier one's name.
    fn named(mut rng: Rng, n: usize, mut fresh: impl FnMut(&mut Rng) -> String) -> Vec<Entity> {
        let mut entities: Vec<Entity> = Vec::with_capacity(n);
        for i in 0..n {
            let text = if i > 0 && rng.chance(0.1) {
                let of = rng.below(i);
                variant(&entities[of].name, &mut rng)
            } else {
                fresh(&mut rng)
            };
            let id = EntityId::new(&format!("e{i}")).expect("a valid id");
            entities.push(Entity::new(id, text));
        }
        entities
    }

    /// Generates entities, sources and claims.
    pub fn parts(&self) -> Parts {
        let mut rng = Rng::new(self.seed);
        let topics = self.topics;
        // Subjects: about one per three topics, one in ten with a
        // spelling-variant twin that claims sometimes use instead.
        let subjects = (topics / 3).max(1);
        let mut entities = Synth::names(self.seed, subjects);
        let mut twin: Vec<Option<usize>> = vec![None; subjects];
        for (s, slot) in twin.iter_mut().enumerate() {
            if rng.chance(0.1) {
                let text = variant(&entities[s].name, &mut rng);
                let id = EntityId::new(&format!("e{s}-v")).expect("a valid id");
                *slot = Some(entities.len());
                entities.push(Entity::new(id, text));
            }
        }
        // Sources: outlets that relay, a few originators that many
        // articles go back to, and articles.
        let mut sources = Vec::new();
        let outlets: Vec<SourceId> = OUTLETS
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let id = SourceId::new(&format!("outlet-{i}")).expect("a valid id");
                sources.push(Source::new(id.clone(), SourceKind::Outlet, *name));
                id
            })
            .collect();
        let origin_count = (self.claims / 500).clamp(4, 5000);
        let origins: Vec<SourceId> = (0..origin_count)
            .map(|i| {
                let id = SourceId::new(&format!("origin-{i}")).expect("a valid id");
                let kind = match i % 4 {
                    0 => SourceKind::Office,
                    1 => SourceKind::Report,
                    2 => SourceKind::Person,
                    _ => SourceKind::Group,
                };
                let mut source = Source::new(id.clone(), kind, format!("Originator {i}"));
                if kind == SourceKind::Group {
                    source = source.anonymous().plural();
                }
                sources.push(source);
                id
            })
            .collect();
        let origin_zipf = Zipf::new(origin_count, 1.1);
        let article_count = (self.claims / 5).max(1);
        let articles: Vec<SourceId> = (0..article_count)
            .map(|i| {
                let id = SourceId::new(&format!("a{i}")).expect("a valid id");
                let mut source =
                    Source::new(id.clone(), SourceKind::Publication, format!("Article {i}"));
                source.outlet = Some(OUTLETS[i % OUTLETS.len()].to_string());
                let year = 2015 + rng.below(7) as i32;
                let month = 1 + rng.below(12) as u32;
                source.published = match rng.below(5) {
                    0 => None,
                    1 => Period::month(year, month).ok(),
                    _ => Period::day(year, month, 1 + rng.below(28) as u32).ok(),
                };
                sources.push(source);
                id
            })
            .collect();

        // Topic k: subject k / 3 (mod subjects), a property of its own.
        let all_properties: Vec<&str> = QUANTITY_PROPERTIES
            .iter()
            .chain(DATE_PROPERTIES)
            .chain(["said"].iter())
            .chain(STATEMENT_PROPERTIES)
            .chain(TEXT_PROPERTIES)
            .copied()
            .collect();
        // Claims share their repeated parts (property, verb, chain) as a
        // careful caller's would, and as the stream readers' claims do: one
        // `Property` per name, one `Arc` per verb, unit and distinct chain.
        let shared_properties: Vec<Property> = all_properties
            .iter()
            .map(|p| Property::new(p).expect("a valid property"))
            .collect();
        let verbs: Vec<Arc<str>> = ["said", "reported", "estimated", "claimed"]
            .into_iter()
            .map(Arc::from)
            .collect();
        let units: Vec<Arc<str>> = UNITS.iter().copied().map(Arc::from).collect();
        let (horizon, population): (Arc<str>, Arc<str>) =
            (Arc::from("over the next year"), Arc::from("civilians"));
        let mut chains: HashMap<(usize, usize, usize), Arc<[SourceId]>> = HashMap::new();
        let topic_zipf = Zipf::new(topics, 1.0);
        let mut claims = Vec::with_capacity(self.claims);
        for i in 0..self.claims {
            // Every topic gets a claim before the Zipf tail is drawn.
            let topic = if i < topics {
                i
            } else {
                topic_zipf.sample(&mut rng)
            };
            let subject = (topic / 3) % subjects;
            let slot = topic % 3 + 3 * (topic / (3 * subjects));
            let property_slot = (subject * 5 + slot) % all_properties.len();
            let property = all_properties[property_slot];
            // Topic-level randomness: the same for every claim of a topic.
            let mut topic_rng = Rng::new(self.seed ^ (topic as u64).wrapping_mul(0x9E37_79B9));
            let subject_entity = match twin[subject] {
                Some(v) if rng.chance(0.3) => v,
                _ => subject,
            };
            let value = self.value(
                Synth::kind_of(property),
                &mut topic_rng,
                &mut rng,
                subjects,
                &units,
            );
            // The chain by index: (article, outlet, origin), `usize::MAX`
            // for a link not there.
            let article = rng.below(article_count);
            let links = match rng.below(10) {
                0..=2 => (article, usize::MAX, usize::MAX),
                3..=6 => (article, usize::MAX, origin_zipf.sample(&mut rng)),
                _ => {
                    let outlet = rng.below(outlets.len());
                    (article, outlet, origin_zipf.sample(&mut rng))
                }
            };
            let certainty = match rng.below(10) {
                0 => Certainty::Probable,
                1 => Certainty::Possible,
                _ => Certainty::Certain,
            };
            let polarity = if rng.chance(0.03) {
                Polarity::Negative
            } else {
                Polarity::Positive
            };
            let chain = Arc::clone(chains.entry(links).or_insert_with(|| {
                let (article, outlet, origin) = links;
                let mut chain = vec![articles[article].clone()];
                chain.extend(outlets.get(outlet).cloned());
                chain.extend(origins.get(origin).cloned());
                Arc::from(chain)
            }));
            let mut assertion = Assertion::new(chain)
                .with_modality(Modality::new(certainty, polarity))
                .with_verb(Arc::clone(rng.pick(&verbs)));
            if rng.chance(0.3) {
                let year = 2015 + rng.below(7) as i32;
                let month = 1 + rng.below(12) as u32;
                let said = if rng.chance(0.5) {
                    Period::month(year, month)
                } else {
                    Period::day(year, month, 1 + rng.below(28) as u32)
                };
                if let Ok(said) = said {
                    assertion = assertion.with_said(said);
                }
            }
            let mut scope = Scope::default();
            if Synth::kind_of(property) == Kind::Quantity {
                scope.status = match rng.below(10) {
                    0..=3 => Status::Unspecified,
                    4..=6 => Status::Observed,
                    7..=8 => Status::Estimated,
                    _ => Status::Projected,
                };
                if scope.status == Status::Projected {
                    scope.horizon = Some(Arc::clone(&horizon));
                }
                if rng.chance(0.05) {
                    scope.population = Some(Arc::clone(&population));
                }
            }
            let claim = Claim::new(
                ClaimId::new(&format!("c{i}")).expect("a valid id"),
                entities[subject_entity].id.clone(),
                shared_properties[property_slot].clone(),
                value,
                assertion,
            )
            .with_scope(scope);
            claims.push(claim);
        }
        Parts {
            entities,
            sources,
            claims,
        }
    }

    /// A claim's value: the topic's value (drawn from `topic`, the same
    /// for every claim of the topic) as one claim states it.
    fn value(
        &self,
        kind: Kind,
        topic: &mut Rng,
        rng: &mut Rng,
        subjects: usize,
        units: &[Arc<str>],
    ) -> Value {
        match kind {
            Kind::Quantity => {
                let magnitude = 10f64.powi(1 + topic.below(4) as i32);
                let mut base = (magnitude * (1.0 + 9.0 * topic.unit())).round();
                if rng.chance(0.1) {
                    base *= 3.0;
                }
                let amount = match rng.below(10) {
                    0..=2 => Amount::Exact((base * (0.95 + 0.1 * rng.unit())).round()),
                    3..=4 => Amount::Range {
                        min: (base * 0.8).round(),
                        max: (base * 1.2).round(),
                    },
                    5 => Amount::AtLeast {
                        value: (base * 0.9).round(),
                        strict: rng.chance(0.5),
                    },
                    6 => Amount::AtMost {
                        value: (base * 1.1).round().max(1.0),
                        strict: false,
                    },
                    7..=8 => Amount::Approximate {
                        value: base,
                        qualifier: rng.pick(HEDGES).to_string(),
                    },
                    _ => {
                        let phrase = VAGUE
                            .iter()
                            .find(|(_, lo, hi)| base >= *lo && base <= *hi)
                            .or_else(|| VAGUE.iter().find(|(_, lo, _)| base < *lo))
                            .unwrap_or(&VAGUE[0]);
                        Amount::Vague {
                            phrase: phrase.0.to_string(),
                        }
                    }
                };
                let quantity = Quantity::new(amount).expect("a valid quantity");
                // One shared text per unit, as the corpus readers give.
                Value::Quantity(quantity.with_unit(Arc::clone(topic.pick(units))))
            }
            Kind::Date => {
                let mut year = 1990 + topic.below(32) as i32;
                let month = 1 + topic.below(12) as u32;
                let day = 1 + topic.below(28) as u32;
                if rng.chance(0.1) {
                    year += 1;
                }
                let period = match rng.below(10) {
                    0..=2 => Period::year(year),
                    3..=5 => Period::month(year, month),
                    6 => Period::year(year).and_then(|from| {
                        Period::year(year + 1).and_then(|to| Period::span(from, to))
                    }),
                    _ => Period::day(year, month, day),
                };
                Value::Date(period.expect("a valid period"))
            }
            Kind::Quote => {
                // One to three base quotes per topic; a claim gives one
                // verbatim or with a word dropped, changed or recased.
                let bases = 1 + topic.below(3);
                let which = rng.below(bases);
                let mut words: Vec<String> = Vec::new();
                for _ in 0..=which {
                    let n = 8 + topic.below(9);
                    words = (0..n)
                        .map(|_| topic.pick(QUOTE_WORDS).to_string())
                        .collect();
                }
                match rng.below(10) {
                    0 => {
                        let at = rng.below(words.len());
                        words.remove(at);
                    }
                    1 => {
                        let at = rng.below(words.len());
                        words[at] = rng.pick(QUOTE_WORDS).to_string();
                    }
                    2 => words[0] = capitalize(&words[0]),
                    _ => {}
                }
                let mut text = capitalize(&words.join(" "));
                text.push('.');
                Value::Quote(Quote::new(text).expect("a quote with words"))
            }
            Kind::Statement => {
                let objects = 1 + topic.below(2);
                let first = topic.below(subjects);
                let object = (first + rng.below(objects)) % subjects;
                let id = EntityId::new(&format!("e{object}")).expect("a valid id");
                Value::Statement(Statement::new(id))
            }
            Kind::Text => {
                let choices = 1 + topic.below(2);
                let first = topic.below(TEXTS.len());
                Value::Text(TEXTS[(first + rng.below(choices)) % TEXTS.len()].to_string())
            }
        }
    }

    /// The corpus, checked.
    pub fn corpus(&self) -> Corpus {
        let parts = self.parts();
        Corpus::new(parts.entities, parts.sources, parts.claims).expect("a valid synthetic corpus")
    }

    /// Writes the corpus format (`corroborate/1`), one claim per line.
    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        let parts = self.parts();
        write!(out, "{{\"format\": \"corroborate/1\",\n\"entities\": ")?;
        serde_json::to_writer(&mut *out, &parts.entities)?;
        write!(out, ",\n\"sources\": ")?;
        serde_json::to_writer(&mut *out, &parts.sources)?;
        write!(out, ",\n\"claims\": [")?;
        for (i, claim) in parts.claims.iter().enumerate() {
            out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut *out, claim)?;
        }
        writeln!(out, "\n]}}")
    }

    /// Writes JSON Lines: the header, then one claim per line.
    pub fn write_jsonl(&self, out: &mut impl Write) -> io::Result<()> {
        let parts = self.parts();
        write!(out, "{{\"format\": \"corroborate-jsonl/1\", \"entities\": ")?;
        serde_json::to_writer(&mut *out, &parts.entities)?;
        write!(out, ", \"sources\": ")?;
        serde_json::to_writer(&mut *out, &parts.sources)?;
        writeln!(out, "}}")?;
        for claim in &parts.claims {
            serde_json::to_writer(&mut *out, claim)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Writes a flat table with the columns source, subject, property,
    /// value, date, speaker, origin, separated by `delimiter` (`b','`
    /// quotes fields as CSV; `b'\t'` writes TSV, with tabs and newlines
    /// in fields replaced by spaces).
    pub fn write_table(&self, out: &mut impl Write, delimiter: u8) -> io::Result<()> {
        let parts = self.parts();
        let entity_names: std::collections::HashMap<&EntityId, &str> = parts
            .entities
            .iter()
            .map(|e| (&e.id, e.name.as_str()))
            .collect();
        let source_names: std::collections::HashMap<&SourceId, &str> = parts
            .sources
            .iter()
            .map(|s| (&s.id, s.name.as_str()))
            .collect();
        let sep = delimiter as char;
        let field = |text: &str| -> String {
            if delimiter == b',' {
                if text.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", text.replace('"', "\"\""))
                } else {
                    text.to_string()
                }
            } else {
                text.replace(['\t', '\n', '\r'], " ")
            }
        };
        writeln!(
            out,
            "source{sep}subject{sep}property{sep}value{sep}date{sep}speaker{sep}origin"
        )?;
        for claim in &parts.claims {
            let chain = &claim.assertion.chain;
            let source = source_names.get(&chain[0]).copied().unwrap_or("");
            let origin = if chain.len() > 1 {
                source_names
                    .get(&chain[chain.len() - 1])
                    .copied()
                    .unwrap_or("")
            } else {
                ""
            };
            let subject = entity_names.get(&claim.subject).copied().unwrap_or("");
            let mut speaker = "";
            let value = match &claim.value {
                Value::Quantity(q) => quantity_text(q),
                Value::Date(p) => date_text(p),
                Value::Quote(q) => {
                    speaker = subject;
                    q.text().to_string()
                }
                Value::Statement(s) => entity_names
                    .get(&s.object)
                    .copied()
                    .unwrap_or("")
                    .to_string(),
                Value::Text(t) => t.clone(),
            };
            let date = claim
                .assertion
                .said
                .map(|p| date_text(&p))
                .unwrap_or_default();
            writeln!(
                out,
                "{}{sep}{}{sep}{}{sep}{}{sep}{}{sep}{}{sep}{}",
                field(source),
                field(subject),
                field(claim.property.as_str()),
                field(&value),
                field(&date),
                field(speaker),
                field(origin)
            )?;
        }
        Ok(())
    }
}

/// A quantity as news prints it, readable by `parse_quantity`.
pub fn quantity_text(quantity: &Quantity) -> String {
    let number = match quantity.amount() {
        Amount::Exact(v) => show(*v),
        Amount::Range { min, max } => format!("between {} and {}", show(*min), show(*max)),
        Amount::AtLeast {
            value,
            strict: true,
        } => format!("more than {}", show(*value)),
        Amount::AtLeast { value, .. } => format!("at least {}", show(*value)),
        Amount::AtMost {
            value,
            strict: true,
        } => format!("fewer than {}", show(*value)),
        Amount::AtMost { value, .. } => format!("as many as {}", show(*value)),
        Amount::Approximate { value, qualifier } => format!("{qualifier} {}", show(*value)),
        Amount::Vague { phrase } => {
            return format!("{phrase} of {}", quantity.unit().unwrap_or("people"));
        }
    };
    match quantity.unit() {
        Some(unit) => format!("{number} {unit}"),
        None => number,
    }
}

/// A period as `parse_date` reads it after `parse_quantity` has declined
/// it: a bare year would read as a count, so years are written "in 2015".
pub fn date_text(period: &Period) -> String {
    let text = period.to_string();
    if text.len() == 4 {
        format!("in {text}")
    } else if let Some((from, to)) = text.split_once('/')
        && from.len() == 4
    {
        format!("between {from} and {to}")
    } else {
        text
    }
}
