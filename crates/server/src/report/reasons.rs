//! Why a statement stands where it does, in the reader's language: "Agreed by 71–93% in all
//! 3 groups and all 5 constituencies", "Divided: in carers, 38% agree (5 of 13), not a clear
//! majority". The words come from the verdict the analysis stored (its kind, the groups and
//! constituencies it names and their estimates), so groups are lettered as everywhere else in
//! the report and a Welsh reader reads the reason in Welsh.

use super::document::{
    Estimate, Standing, Statement, StatementGround, Unit, UnitKind, group_name_in,
};
use super::snapshot::LoadedAnalysis;
use crate::web::catalogue::text;
use crate::web::language::Language;
use crate::web::render::percent;

/// How many names a list says before "and 4 more".
const NAMES_SHOWN: usize = 3;

/// Returns the reason for a statement's standing, as a sentence.
pub fn reason(language: Language, analysis: &LoadedAnalysis, statement: &Statement) -> String {
    let Some(ground) = statement.common_ground.as_ref() else {
        return text(language, "report-reason-nothing-to-compare", &[]);
    };
    if statement.is_moderated_out {
        return text(language, "report-reason-out", &[]);
    }
    let reading = Reading {
        language,
        analysis,
        ground,
    };
    match &ground.standing {
        Standing::ModeratedOut {} => text(language, "report-reason-out", &[]),
        Standing::NoGroupsOrConstituencies {} => {
            text(language, "report-reason-nothing-to-compare", &[])
        }
        Standing::TooFewVotes { unit, needed } => text(
            language,
            "report-reason-too-few",
            &[
                ("unit", reading.name(unit).into()),
                ("needed", (*needed).into()),
            ],
        ),
        Standing::BelowThreshold { unit, disagreeing } => reading.divided(unit, disagreeing),
        Standing::Provisional { short } => text(
            language,
            "report-reason-provisional",
            &[
                ("range", reading.agreed_range().into()),
                ("names", reading.names(short).into()),
            ],
        ),
        Standing::NegativeBridging { intercept } => text(
            language,
            "report-reason-negative-bridging",
            &[("intercept", format!("{intercept:.2}").into())],
        ),
        Standing::CommonGround {} => reading.common_ground(),
    }
}

/// A statement's verdict, read in one language.
struct Reading<'a> {
    language: Language,
    analysis: &'a LoadedAnalysis,
    ground: &'a StatementGround,
}

impl Reading<'_> {
    /// Names a group by its letter and a constituency by its name.
    fn name(&self, unit: &Unit) -> String {
        match unit.kind {
            UnitKind::Group => group_name_in(self.language, unit.index),
            UnitKind::Constituency => self.analysis.constituency_name(unit.index),
        }
    }

    fn estimate(&self, unit: &Unit) -> Option<&Estimate> {
        match unit.kind {
            UnitKind::Group => self.ground.groups.get(unit.index),
            UnitKind::Constituency => self.ground.constituencies.get(unit.index),
        }
    }

    /// Joins names as "a", "a and b", "a, b and c", or "a, b, c and 4 more".
    fn joined(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [only] => only.clone(),
            _ if names.len() <= NAMES_SHOWN => {
                let (last, rest) = names.split_last().unwrap_or((&names[0], &[]));
                text(
                    self.language,
                    "report-list-and",
                    &[
                        ("rest", rest.join(", ").into()),
                        ("last", last.as_str().into()),
                    ],
                )
            }
            _ => text(
                self.language,
                "report-list-more",
                &[
                    ("shown", names[..NAMES_SHOWN].join(", ").into()),
                    ("more", (names.len() - NAMES_SHOWN).into()),
                ],
            ),
        }
    }

    fn names(&self, units: &[Unit]) -> String {
        let names: Vec<String> = units.iter().map(|unit| self.name(unit)).collect();
        self.joined(&names)
    }

    /// Says the range of agreement over the groups and constituencies with enough votes:
    /// "71–93%", or "80%" when it is one value.
    fn agreed_range(&self) -> String {
        let rates: Vec<f64> = self
            .ground
            .groups
            .iter()
            .chain(&self.ground.constituencies)
            .filter(|estimate| estimate.has_enough_votes)
            .filter_map(|estimate| estimate.rate)
            .collect();
        let lowest = percent(rates.iter().copied().fold(f64::INFINITY, f64::min));
        let highest = percent(rates.iter().copied().fold(f64::NEG_INFINITY, f64::max));
        if rates.is_empty() {
            text(self.language, "report-no-votes", &[])
        } else if lowest == highest {
            lowest
        } else {
            format!("{}–{}", lowest.trim_end_matches('%'), highest)
        }
    }

    /// Says how many of a kind count: "all 3 groups", "the one group", "2 of 3 groups".
    fn coverage(&self, estimates: &[Estimate], kind: &str) -> Option<String> {
        let counted = estimates
            .iter()
            .filter(|estimate| estimate.has_enough_votes)
            .count();
        (counted > 0).then(|| {
            text(
                self.language,
                "report-coverage",
                &[
                    ("counted", counted.into()),
                    ("total", estimates.len().into()),
                    ("kind", kind.into()),
                    (
                        "whole",
                        if counted == estimates.len() {
                            "all"
                        } else {
                            "some"
                        }
                        .into(),
                    ),
                ],
            )
        })
    }

    fn common_ground(&self) -> String {
        let places: Vec<String> = [
            self.coverage(&self.ground.groups, "groups"),
            self.coverage(&self.ground.constituencies, "constituencies"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let thin: Vec<String> = self
            .ground
            .groups
            .iter()
            .enumerate()
            .filter(|(_, estimate)| !estimate.has_enough_votes)
            .map(|(index, _)| group_name_in(self.language, index))
            .chain(
                self.ground
                    .constituencies
                    .iter()
                    .enumerate()
                    .filter(|(_, estimate)| !estimate.has_enough_votes)
                    .map(|(index, _)| self.analysis.constituency_name(index)),
            )
            .collect();
        let agreed = text(
            self.language,
            "report-reason-common",
            &[
                ("range", self.agreed_range().into()),
                ("places", self.joined(&places).into()),
            ],
        );
        if thin.is_empty() {
            agreed
        } else {
            format!(
                "{agreed} {}",
                text(
                    self.language,
                    "report-reason-thin",
                    &[("names", self.joined(&thin).into())],
                )
            )
        }
    }

    fn divided(&self, unit: &Unit, disagreeing: &[Unit]) -> String {
        let name = self.name(unit);
        let Some(estimate) = self.estimate(unit) else {
            return text(
                self.language,
                "report-reason-divided-unknown",
                &[("unit", name.into())],
            );
        };
        let is_weighted = estimate.rate != estimate.head_count_rate;
        let counts = if is_weighted {
            text(
                self.language,
                "report-reason-voted",
                &[("voted", estimate.seen().into())],
            )
        } else {
            text(
                self.language,
                "report-of",
                &[
                    ("part", estimate.agree.into()),
                    ("whole", estimate.seen().into()),
                ],
            )
        };
        let divided = text(
            self.language,
            "report-reason-divided",
            &[
                ("unit", name.into()),
                ("rate", percent(estimate.rate.unwrap_or(0.0)).into()),
                ("counts", counts.into()),
            ],
        );
        let others: Vec<String> = disagreeing
            .iter()
            .filter(|other| *other != unit)
            .map(|other| {
                let rate = self
                    .estimate(other)
                    .and_then(|estimate| estimate.rate)
                    .unwrap_or(0.0);
                text(
                    self.language,
                    "report-reason-other",
                    &[
                        ("unit", self.name(other).into()),
                        ("rate", percent(rate).into()),
                    ],
                )
            })
            .collect();
        if others.is_empty() {
            divided
        } else {
            format!(
                "{divided} {}",
                text(
                    self.language,
                    "report-reason-also",
                    &[("names", self.joined(&others).into())],
                )
            )
        }
    }
}
