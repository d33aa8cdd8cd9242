//! proptest strategies that generate valid corpora: values are built from
//! strategies, never filtered.

use corroborate::{
    Amount, Assertion, Certainty, Claim, ClaimId, Corpus, Entity, EntityId, Modality, Period,
    Polarity, Property, Quantity, Quote, Scope, Source, SourceId, SourceKind, Statement, Status,
    Value,
};
use proptest::prelude::*;

pub const SUBJECTS: &[&str] = &["isis-k", "taliban", "kabul-attack"];
pub const PROPERTIES: &[&str] = &["fighter_strength", "founded", "said", "led_by", "killed"];
const WORDS: &[&str] = &[
    "every", "day", "we", "are", "on", "the", "ground", "is", "another", "threat", "airport",
    "target", "forces",
];
const VAGUE: &[&str] = &["dozens", "hundreds", "several", "thousands", "scores"];
const HEDGES: &[&str] = &["about", "nearly", "around", "some"];

pub fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        (0u32..2000).prop_map(|v| Amount::Exact(f64::from(v))),
        (0u32..2000, 0u32..2000).prop_map(|(a, b)| Amount::Range {
            min: f64::from(a.min(b)),
            max: f64::from(a.max(b)),
        }),
        (0u32..2000, any::<bool>()).prop_map(|(v, strict)| Amount::AtLeast {
            value: f64::from(v),
            strict
        }),
        (1u32..2000, any::<bool>()).prop_map(|(v, strict)| Amount::AtMost {
            value: f64::from(v),
            strict
        }),
        (1u32..2000, prop::sample::select(HEDGES)).prop_map(|(v, q)| Amount::Approximate {
            value: f64::from(v),
            qualifier: q.to_string()
        }),
        prop::sample::select(VAGUE).prop_map(|p| Amount::Vague {
            phrase: p.to_string()
        }),
    ]
}

pub fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (2010i32..2022).prop_map(|y| Period::year(y).unwrap()),
        (2010i32..2022, 1u32..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
        (2010i32..2022, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Period::day(y, m, d).unwrap()),
        (2010i32..2020, 1i32..3).prop_map(|(y, n)| Period::span(
            Period::year(y).unwrap(),
            Period::year(y + n).unwrap()
        )
        .unwrap()),
    ]
}

fn words(min: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), min..8).prop_map(|w| w.join(" "))
}

pub fn value(property: usize) -> BoxedStrategy<Value> {
    match PROPERTIES[property] {
        "fighter_strength" | "killed" => (
            amount(),
            prop::option::of(Just("fighters")),
            prop::option::of(prop::sample::select(HEDGES)),
        )
            .prop_map(|(a, unit, hedge)| {
                let range = matches!(a, Amount::Range { .. });
                let mut q = Quantity::new(a).unwrap();
                // Some ranges hedged as a whole: "about 500–1,500".
                if let (true, Some(hedge)) = (range, hedge) {
                    q = q.with_range_qualifier(hedge).unwrap();
                }
                Value::Quantity(match unit {
                    Some(u) => q.with_unit(u),
                    None => q,
                })
            })
            .boxed(),
        "founded" => period().prop_map(Value::Date).boxed(),
        "said" => words(3)
            .prop_map(|t| Value::Quote(Quote::new(t).unwrap()))
            .boxed(),
        _ => (prop::sample::select(SUBJECTS), any::<bool>())
            .prop_map(|(object, negative)| {
                Value::Statement(
                    Statement::new(EntityId::new(object).unwrap()).with_polarity(if negative {
                        Polarity::Negative
                    } else {
                        Polarity::Positive
                    }),
                )
            })
            .boxed(),
    }
}

fn modality() -> impl Strategy<Value = Modality> {
    (
        prop::sample::select(
            &[
                Certainty::Certain,
                Certainty::Probable,
                Certainty::Possible,
                Certainty::Unknown,
            ][..],
        ),
        prop::sample::select(&[Polarity::Positive, Polarity::Positive, Polarity::Negative][..]),
    )
        .prop_map(|(c, p)| Modality::new(c, p))
}

fn scope() -> impl Strategy<Value = Scope> {
    (
        prop::sample::select(
            &[
                Status::Unspecified,
                Status::Estimated,
                Status::Observed,
                Status::Projected,
            ][..],
        ),
        prop::option::of(prop::sample::select(
            &["Afghans", "U.S. service members"][..],
        )),
        prop::option::of(period()),
    )
        .prop_map(|(status, population, time)| {
            let mut scope = Scope::default().with_status(status);
            if status == Status::Projected {
                scope = scope.with_horizon("over the medium term");
            }
            if let Some(p) = population {
                scope = scope.with_population(p);
            }
            if let Some(t) = time {
                scope = scope.with_time(t);
            }
            scope
        })
}

/// A chain: one of 4 publications, then up to four of 4 relays/origins:
/// 1 to 5 links, so chains held in place (up to 3) and shared (4 or 5)
/// both go through every property that uses this strategy.
fn chain() -> impl Strategy<Value = Vec<SourceId>> {
    (0usize..4, prop::collection::btree_set(0usize..4, 0..5)).prop_map(|(p, rest)| {
        let mut chain = vec![SourceId::new(&format!("pub-{p}")).unwrap()];
        chain.extend(
            rest.into_iter()
                .map(|o| SourceId::new(&format!("org-{o}")).unwrap()),
        );
        chain
    })
}

pub fn claim(index: usize) -> impl Strategy<Value = Claim> {
    (0..SUBJECTS.len(), 0..PROPERTIES.len())
        .prop_flat_map(move |(s, p)| {
            (
                Just(s),
                Just(p),
                value(p),
                chain(),
                modality(),
                scope(),
                prop::option::of(period()),
            )
        })
        .prop_map(move |(s, p, value, chain, modality, scope, said)| {
            let mut assertion = Assertion::new(chain).with_modality(modality);
            if let Some(said) = said {
                assertion = assertion.with_said(said);
            }
            Claim::new(
                // Short ids are held in place, long ones shared: both kinds.
                ClaimId::new(&if index.is_multiple_of(2) {
                    format!("c{index:03}")
                } else {
                    format!("claim-number-{index:03}")
                })
                .unwrap(),
                EntityId::new(SUBJECTS[s]).unwrap(),
                Property::new(PROPERTIES[p]).unwrap(),
                value,
                assertion,
            )
            .with_scope(scope)
        })
}

pub fn entities() -> Vec<Entity> {
    vec![
        Entity::new(EntityId::new("isis-k").unwrap(), "ISIS-K").with_aliases(["ISIL-K"]),
        Entity::new(EntityId::new("taliban").unwrap(), "Taliban"),
        Entity::new(
            EntityId::new("kabul-attack").unwrap(),
            "Kabul airport attack",
        ),
    ]
}

pub fn sources() -> Vec<Source> {
    let mut sources = Vec::new();
    for p in 0..4 {
        let mut s = Source::new(
            SourceId::new(&format!("pub-{p}")).unwrap(),
            SourceKind::Publication,
            format!("Publication {p}"),
        );
        if p % 2 == 0 {
            s = s.with_published(Period::day(2021, 8, 24 + p).unwrap());
        } else {
            s.collected = Some(Period::day(2021, 9, 1).unwrap());
        }
        sources.push(s);
    }
    for o in 0..4 {
        sources.push(Source::new(
            SourceId::new(&format!("org-{o}")).unwrap(),
            if o == 0 {
                SourceKind::Report
            } else {
                SourceKind::Group
            },
            format!("Originator {o}"),
        ));
    }
    sources
}

pub fn claims(max: usize) -> impl Strategy<Value = Vec<Claim>> {
    (1..max).prop_flat_map(|n| (0..n).map(claim).collect::<Vec<_>>())
}

pub fn corpus(max: usize) -> impl Strategy<Value = Corpus> {
    claims(max).prop_map(|claims| Corpus::new(entities(), sources(), claims).unwrap())
}
