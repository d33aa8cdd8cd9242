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
                let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                Self::new(&text).map_err(serde::de::Error::custom)
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
