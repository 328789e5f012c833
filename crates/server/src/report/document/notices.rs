//! The analysis's notes about its limits, as data ([`Notice`]) and in words: `warnings` in
//! the document says each note in English, and the report says the same note in the reader's
//! language, from the one wording here.

use engine::analysis::Analysis;
use engine::common_ground::{CommonGroundWarning, Stratum};
use engine::pipeline::{AnalysisWarning, PolisAnalysis};
use serde::{Deserialize, Serialize};

use crate::web::catalogue::text;
use crate::web::language::Language;

/// One note about the analysis's limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Notice {
    /// There are no votes to analyse.
    NoVotes {},
    /// The votes vary in fewer than two directions.
    FewerThanTwoComponents {
        /// How many directions they vary in.
        found: usize,
    },
    /// The principal components did not converge.
    PcaNotConverged {
        /// The passes made.
        iterations: usize,
    },
    /// Fewer than two opinion groups could be formed.
    FewerThanTwoGroups {
        /// The participants clustered.
        clustered: usize,
        /// The groups formed.
        groups: usize,
    },
    /// The previous number of groups could not be formed.
    SmoothedKUnavailable {
        /// The number asked for.
        smoothed_k: usize,
        /// The number used.
        used_k: usize,
    },
    /// Common ground rests on constituencies alone.
    NoGroups {},
    /// Common ground rests on opinion groups alone.
    NoConstituencies {},
    /// Participants whose group the common-ground analysis does not know.
    GroupOutOfRange {
        /// How many.
        rows: usize,
    },
    /// Memberships naming no known constituency.
    UnknownConstituency {
        /// How many.
        entries: usize,
    },
    /// Statements with votes but no description.
    StatementsWithoutInfo {
        /// How many.
        statements: usize,
    },
    /// A setting out of range, replaced by its default.
    ConfigValueReplaced {
        /// The setting.
        field: String,
    },
    /// A constituency (or the unaffiliated, `None`) carried by very few voters.
    ThinlyCarried {
        /// The constituency's index.
        constituency: Option<usize>,
    },
    /// A constituency's population share trimmed to within 5 times its equal share.
    ShareTrimmed {
        /// The constituency's index (`None`: the unaffiliated).
        constituency: Option<usize>,
    },
    /// The opinion map leans on the largest constituency's numbers.
    MapLeans {
        /// The largest constituency's index.
        constituency: usize,
        /// The largest change of a group's share without its excess, in points.
        points: f64,
    },
}

/// The notes of the Pol.is pipeline.
pub fn polis_notices(polis: &PolisAnalysis) -> Vec<Notice> {
    polis
        .warnings
        .iter()
        .map(|warning| match warning {
            AnalysisWarning::NoVotes => Notice::NoVotes {},
            AnalysisWarning::FewerThanTwoComponents { found } => {
                Notice::FewerThanTwoComponents { found: *found }
            }
            AnalysisWarning::PcaNotConverged { iterations } => Notice::PcaNotConverged {
                iterations: *iterations,
            },
            AnalysisWarning::FewerThanTwoGroups { clustered, groups } => {
                Notice::FewerThanTwoGroups {
                    clustered: *clustered,
                    groups: *groups,
                }
            }
            AnalysisWarning::SmoothedKUnavailable { smoothed_k, used_k } => {
                Notice::SmoothedKUnavailable {
                    smoothed_k: *smoothed_k,
                    used_k: *used_k,
                }
            }
        })
        .collect()
}

/// Every note of the analysis.
pub fn notices(analysis: &Analysis) -> Vec<Notice> {
    let mut notices = polis_notices(&analysis.polis);
    for warning in &analysis.common_ground.warnings {
        notices.push(match warning {
            // The pipeline already said so.
            CommonGroundWarning::NoVotes => continue,
            CommonGroundWarning::NoGroups => Notice::NoGroups {},
            CommonGroundWarning::NoConstituencies => Notice::NoConstituencies {},
            CommonGroundWarning::GroupOutOfRange { rows } => {
                Notice::GroupOutOfRange { rows: *rows }
            }
            CommonGroundWarning::UnknownConstituency { entries } => {
                Notice::UnknownConstituency { entries: *entries }
            }
            CommonGroundWarning::StatementsWithoutInfo { statements } => {
                Notice::StatementsWithoutInfo {
                    statements: *statements,
                }
            }
            CommonGroundWarning::ConfigValueReplaced { field } => Notice::ConfigValueReplaced {
                field: (*field).to_owned(),
            },
        });
    }
    let index = |stratum: &Stratum| match stratum {
        Stratum::Constituency(index) => Some(*index),
        Stratum::Unaffiliated => None,
    };
    let voice = &analysis.common_ground.voice;
    notices.extend(
        voice
            .weighting
            .thinly_carried
            .iter()
            .map(|stratum| Notice::ThinlyCarried {
                constituency: index(stratum),
            }),
    );
    notices.extend(
        voice
            .weighting
            .trimmed
            .iter()
            .map(|stratum| Notice::ShareTrimmed {
                constituency: index(stratum),
            }),
    );
    if voice.map_balance.is_shaped_by_numbers
        && let Some(largest) = voice.map_balance.largest_constituency
    {
        notices.push(Notice::MapLeans {
            constituency: largest,
            points: voice.map_balance.largest_shift * 100.0,
        });
    }
    notices
}

impl Notice {
    /// Says the note as a sentence in `language`, its first letter a capital even where it
    /// starts with a constituency's name; `constituency` names a constituency by its index.
    pub fn words(&self, language: Language, constituency: impl Fn(usize) -> String) -> String {
        let words = self.words_as_written(language, constituency);
        let mut characters = words.chars();
        characters.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(characters).collect()
        })
    }

    fn words_as_written(
        &self,
        language: Language,
        constituency: impl Fn(usize) -> String,
    ) -> String {
        let say =
            |key: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]| text(language, key, args);
        let stratum = |index: &Option<usize>| match index {
            Some(index) => constituency(*index),
            None => say("report-notice-unaffiliated", &[]),
        };
        match self {
            Notice::NoVotes {} => say("report-notice-no-votes", &[]),
            Notice::FewerThanTwoComponents { found } => say(
                "report-notice-fewer-components",
                &[("found", (*found).into())],
            ),
            Notice::PcaNotConverged { iterations } => say(
                "report-notice-not-converged",
                &[("iterations", (*iterations).into())],
            ),
            Notice::FewerThanTwoGroups { clustered, groups } => say(
                "report-notice-fewer-groups",
                &[
                    ("groups", (*groups).into()),
                    ("clustered", (*clustered).into()),
                ],
            ),
            Notice::SmoothedKUnavailable { smoothed_k, used_k } => say(
                "report-notice-smoothed-groups",
                &[("asked", (*smoothed_k).into()), ("used", (*used_k).into())],
            ),
            Notice::NoGroups {} => say("report-notice-no-groups", &[]),
            Notice::NoConstituencies {} => say("report-notice-no-constituencies", &[]),
            Notice::GroupOutOfRange { rows } => say(
                "report-notice-group-out-of-range",
                &[("rows", (*rows).into())],
            ),
            Notice::UnknownConstituency { entries } => say(
                "report-notice-unknown-constituency",
                &[("entries", (*entries).into())],
            ),
            Notice::StatementsWithoutInfo { statements } => say(
                "report-notice-statements-without-info",
                &[("statements", (*statements).into())],
            ),
            Notice::ConfigValueReplaced { field } => say(
                "report-notice-setting-replaced",
                &[("field", field.as_str().into())],
            ),
            Notice::ThinlyCarried { constituency } => say(
                "report-notice-thinly-carried",
                &[("name", stratum(constituency).into())],
            ),
            Notice::ShareTrimmed { constituency } => say(
                "report-notice-share-trimmed",
                &[("name", stratum(constituency).into())],
            ),
            Notice::MapLeans {
                constituency: index,
                points,
            } => say(
                "report-notice-map-leans",
                &[
                    ("points", format!("{points:.0}").into()),
                    ("name", constituency(*index).into()),
                ],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(index: usize) -> String {
        ["carers", "GPs"][index].to_owned()
    }

    #[test]
    fn each_note_is_a_sentence_that_names_its_constituency() {
        let thin = Notice::ThinlyCarried {
            constituency: Some(0),
        };
        assert_eq!(
            thin.words(Language::English, named),
            "Carers is carried by fewer than 5 voters, each weighing at least twice the mean: \
             its agreement rests on very few people."
        );
        let unaffiliated = Notice::ShareTrimmed { constituency: None };
        assert!(
            unaffiliated
                .words(Language::English, named)
                .starts_with("The population share of the unaffiliated was trimmed")
        );
        let leans = Notice::MapLeans {
            constituency: 1,
            points: 12.4,
        };
        let welsh = leans.words(Language::Welsh, named);
        assert!(welsh.contains("12") && welsh.contains("GPs"), "{welsh}");
        assert_ne!(welsh, leans.words(Language::English, named));
        assert_eq!(
            Notice::FewerThanTwoGroups {
                clustered: 9,
                groups: 1
            }
            .words(Language::English, named),
            "Only 1 opinion group could be formed from 9 clustered participants."
        );
    }

    #[test]
    fn notes_are_kept_as_tagged_data() {
        let notice = Notice::ConfigValueReplaced {
            field: "threshold".to_owned(),
        };
        let json = serde_json::to_value(&notice).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "config_value_replaced", "field": "threshold"})
        );
        let back: Notice = serde_json::from_value(json).unwrap();
        assert_eq!(back, notice);
        assert!(
            serde_json::from_value::<Notice>(serde_json::json!({"kind": "no_votes", "extra": 1}))
                .is_err()
        );
    }
}
