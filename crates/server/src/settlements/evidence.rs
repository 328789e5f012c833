//! The evidence frozen with each version of a shared objective: the public statements it rests
//! on and their standing at the moment the version was written.
//!
//! The standing is copied from the dialogue's latest analysis exactly as the report shows it
//! (the statement's number, its verdict and reason, each opinion group's and constituency's
//! agreement with its counts and 95% interval, the weighting in use), never recomputed, so the
//! record shows what the public said when the partners decided even after more votes arrive.
//!
//! [`Evidence`] is the stored `evidence` JSON of an objective version
//! (`store::ObjectiveVersion::evidence`). It is read strictly ([`Evidence::read`]): unknown
//! fields are refused and every field must be present (`null` where optional), so a change to
//! the format shows up as an error rather than a blank page. Its fields are stable: the
//! "you said, we did" page and the record exports read them. A change of meaning raises
//! [`EVIDENCE_VERSION`].

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

use crate::report::document::WeightingMethod;
use crate::report::document::{Estimate, Statement, group_name};
use crate::report::sections::{verdict_words, weighting_in, weighting_words};
use crate::report::snapshot::LoadedAnalysis;
use crate::report::standing_reason;
use crate::time::rfc3339;
use crate::web::language::Language;

/// The version of the evidence format written by this server.
pub const EVIDENCE_VERSION: u32 = 1;

/// The most statements one version may rest on.
pub const MAX_EVIDENCE_STATEMENTS: usize = 20;

/// Reads a field that may be `null` but must be present.
fn required<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

/// The evidence of one objective version: the dialogue it was drawn from, or none when the
/// convenor wrote the objective without citing a dialogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The format's version, [`EVIDENCE_VERSION`].
    pub version: u32,
    /// The dialogue and statements cited; `null` when none were.
    #[serde(deserialize_with = "required")]
    pub source: Option<EvidenceSource>,
}

/// The dialogue an objective version cites, and its statements' standing when it was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceSource {
    /// The dialogue's id.
    pub dialogue_id: i64,
    /// Its title when the evidence was captured.
    pub dialogue_title: String,
    /// When the evidence was captured (RFC 3339).
    pub captured_at: String,
    /// Which stored analysis of the dialogue it was copied from (counts its snapshots).
    pub analysis_version: i64,
    /// When that analysis was computed (RFC 3339).
    pub analysis_computed_at: String,
    /// How participants were weighed in the agreement figures.
    pub weighting: EvidenceWeighting,
    /// Whether the report showed opinion groups at that moment (when it did not, `groups`
    /// of each statement is empty).
    pub groups_shown: bool,
    /// The statements cited, in the order the convenor chose them.
    pub statements: Vec<EvidenceStatement>,
}

/// The weighting the analysis used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceWeighting {
    /// `head_count`, `equal` (each constituency weighs the same) or `frame` (constituencies
    /// weigh as their population shares).
    pub method: String,
    /// Its name in the report: "head count", "equal weight" or "population frame".
    pub name: String,
    /// What it means, in a sentence.
    pub explanation: String,
}

/// One cited statement and its standing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceStatement {
    /// The statement's id in the dialogue.
    pub statement_id: u32,
    /// Its number in the report ("statement 4").
    pub number: usize,
    /// Its text.
    pub text: String,
    /// `common`, `divided`, `short` (needs more votes) or `out` (moderated out).
    pub verdict: String,
    /// The verdict in words: "Common ground", "Divided", ...
    pub verdict_label: String,
    /// Whether it was common ground.
    pub is_common_ground: bool,
    /// Why it stood where it did, as the report says it.
    pub reason: String,
    /// The verdict and the reason in each language of the interface, keyed by language code
    /// (`cy`, `ur`, ...), as the report said them when the evidence was captured. Evidence
    /// captured before translations were kept has none, and is shown in English as written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub words: BTreeMap<String, StandingWords>,
    /// Everyone's agreement.
    pub overall: Agreement,
    /// Each opinion group's agreement ("Group A", ...), when groups were shown.
    pub groups: Vec<Agreement>,
    /// Each constituency's agreement.
    pub constituencies: Vec<Agreement>,
    /// The plain mean of the constituencies' agreement (each constituency counted once).
    #[serde(deserialize_with = "required")]
    pub constituency_equal_weight: Option<f64>,
}

/// A statement's verdict and reason in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StandingWords {
    /// The verdict in words: "Tir cyffredin", ...
    pub verdict_label: String,
    /// Why it stood where it did.
    pub reason: String,
}

/// Agreement with a statement in one group, constituency or overall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// "Everyone", "Group A" or the constituency's name.
    pub name: String,
    /// Agree votes.
    pub agree: u64,
    /// Disagree votes.
    pub disagree: u64,
    /// Passes.
    pub pass: u64,
    /// Agree ÷ seen, weighted as `weighting` says; `null` when nobody saw it.
    #[serde(deserialize_with = "required")]
    pub rate: Option<f64>,
    /// The 95% interval of the rate.
    #[serde(deserialize_with = "required")]
    pub interval: Option<[f64; 2]>,
    /// Whether there were enough votes to count it.
    pub has_enough_votes: bool,
}

/// Why stored evidence could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    /// It does not match the format.
    #[error("the evidence does not match its format: {0}")]
    Malformed(#[from] serde_json::Error),
    /// It was written in another version of the format.
    #[error(
        "the evidence is in version {0} of its format; this server reads version {EVIDENCE_VERSION}"
    )]
    Version(u32),
}

impl Evidence {
    /// The evidence of a version that cites no dialogue.
    pub fn none() -> Evidence {
        Evidence {
            version: EVIDENCE_VERSION,
            source: None,
        }
    }

    /// Reads stored evidence strictly.
    pub fn read(json: &str) -> Result<Evidence, EvidenceError> {
        let evidence: Evidence = serde_json::from_str(json)?;
        if evidence.version != EVIDENCE_VERSION {
            return Err(EvidenceError::Version(evidence.version));
        }
        Ok(evidence)
    }

    /// Writes the evidence as the JSON stored with the version.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

impl EvidenceWeighting {
    /// Names the weighting and explains it in `language`; as written for a method this server
    /// does not know.
    pub fn words_in(&self, language: Language) -> (String, String) {
        serde_json::from_value::<WeightingMethod>(serde_json::Value::String(self.method.clone()))
            .map_or_else(
                |_| (self.name.clone(), self.explanation.clone()),
                |method| weighting_in(language, method),
            )
    }
}

impl EvidenceStatement {
    /// The verdict and the reason in `language`, or as written (in English) when the evidence
    /// was captured before it kept them in every language.
    pub fn words_in(&self, language: Language) -> (String, String) {
        self.words.get(language.code()).map_or_else(
            || (self.verdict_label.clone(), self.reason.clone()),
            |words| (words.verdict_label.clone(), words.reason.clone()),
        )
    }
}

/// A statement asked for that the analysis does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownStatement(pub u32);

/// Freezes the standing of `statements` (ids, in the order given, without repeats) in a
/// dialogue's latest analysis, as captured at `now` (ms since the epoch).
pub fn capture(
    analysis: &LoadedAnalysis,
    dialogue_id: i64,
    dialogue_title: &str,
    statements: &[u32],
    now: i64,
) -> Result<EvidenceSource, UnknownStatement> {
    let doc = &analysis.doc;
    let (name, explanation) = weighting_words(doc.weighting.method);
    let method = serde_json::to_value(doc.weighting.method)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default();
    let groups_shown = analysis.groups_are_shown();
    let cited = statements
        .iter()
        .map(|&id| {
            let statement = doc
                .statements
                .iter()
                .find(|statement| statement.id == id)
                .ok_or(UnknownStatement(id))?;
            Ok(standing(analysis, statement, groups_shown))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(EvidenceSource {
        dialogue_id,
        dialogue_title: dialogue_title.to_owned(),
        captured_at: rfc3339(now),
        analysis_version: analysis.version,
        analysis_computed_at: rfc3339(analysis.computed_at),
        weighting: EvidenceWeighting {
            method,
            name: name.to_owned(),
            explanation: explanation.to_owned(),
        },
        groups_shown,
        statements: cited,
    })
}

/// One statement's standing, as the report's statement page shows it.
fn standing(
    analysis: &LoadedAnalysis,
    statement: &Statement,
    groups_shown: bool,
) -> EvidenceStatement {
    let (key, label) = verdict_words(Language::English, statement);
    let ground = statement.common_ground.as_ref();
    let empty = Estimate {
        agree: statement.votes.agree,
        disagree: statement.votes.disagree,
        pass: statement.votes.pass,
        rate: None,
        interval: None,
        has_enough_votes: false,
        head_count_rate: None,
        effective_votes: 0.0,
    };
    EvidenceStatement {
        statement_id: statement.id,
        number: analysis.number(statement.id),
        text: statement.text.clone(),
        verdict: key.to_owned(),
        verdict_label: label.to_owned(),
        is_common_ground: ground.is_some_and(|ground| ground.is_common_ground),
        reason: ground.map_or_else(String::new, |ground| ground.reason.clone()),
        words: Language::ALL
            .into_iter()
            .map(|language| {
                let words = StandingWords {
                    verdict_label: verdict_words(language, statement).1,
                    reason: standing_reason(language, analysis, statement),
                };
                (language.code().to_owned(), words)
            })
            .collect(),
        overall: agreement(
            "Everyone".to_owned(),
            ground.map_or(&empty, |ground| &ground.overall),
        ),
        groups: ground
            .filter(|_| groups_shown)
            .map(|ground| {
                ground
                    .groups
                    .iter()
                    .enumerate()
                    .map(|(index, estimate)| agreement(group_name(index), estimate))
                    .collect()
            })
            .unwrap_or_default(),
        constituencies: ground
            .map(|ground| {
                ground
                    .constituencies
                    .iter()
                    .enumerate()
                    .map(|(index, estimate)| agreement(analysis.constituency_name(index), estimate))
                    .collect()
            })
            .unwrap_or_default(),
        constituency_equal_weight: ground
            .and_then(|ground| ground.constituency_equal_weight.as_ref())
            .map(|weight| weight.agreement),
    }
}

fn agreement(name: String, estimate: &Estimate) -> Agreement {
    Agreement {
        name,
        agree: estimate.agree,
        disagree: estimate.disagree,
        pass: estimate.pass,
        rate: estimate.rate,
        interval: estimate.interval,
        has_enough_votes: estimate.has_enough_votes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::synthetic;

    #[test]
    fn evidence_round_trips_and_is_read_strictly() {
        let none = Evidence::none();
        assert_eq!(Evidence::read(&none.to_json()).unwrap(), none);
        assert!(
            Evidence::read(r#"{"version":1}"#).is_err(),
            "source must be present"
        );
        assert!(Evidence::read(r#"{"version":1,"source":null,"extra":1}"#).is_err());
        assert!(matches!(
            Evidence::read(r#"{"version":2,"source":null}"#),
            Err(EvidenceError::Version(2))
        ));
    }

    #[test]
    fn captured_standing_is_the_reports() {
        let doc = synthetic::document(synthetic::Shape {
            statements: 8,
            participants: 40,
            groups: 2,
            constituencies: 3,
        });
        let analysis = LoadedAnalysis::new(5, 3, 1_000, doc.clone());
        let first = doc.statements[0].id;
        let second = doc.statements[1].id;
        let source = capture(&analysis, 5, "Evening clinics", &[second, first], 2_000).unwrap();
        assert_eq!(source.analysis_version, 3);
        assert_eq!(source.captured_at, "1970-01-01T00:00:02.000Z");
        let ids: Vec<u32> = source.statements.iter().map(|s| s.statement_id).collect();
        assert_eq!(ids, vec![second, first]);
        let cited = &source.statements[1];
        let ground = doc.statements[0].common_ground.as_ref().unwrap();
        assert_eq!(cited.number, 1);
        assert_eq!(cited.overall.agree, ground.overall.agree);
        assert_eq!(cited.overall.interval, ground.overall.interval);
        assert_eq!(cited.constituencies.len(), ground.constituencies.len());
        assert_eq!(cited.is_common_ground, ground.is_common_ground);
        assert_eq!(cited.reason, ground.reason);
        // The verdict and reason are kept in every language, as the report says them there.
        assert_eq!(cited.words.len(), Language::ALL.len());
        let (verdict, reason) = cited.words_in(Language::Welsh);
        assert_eq!(
            verdict,
            verdict_words(Language::Welsh, &doc.statements[0]).1
        );
        assert_eq!(
            reason,
            standing_reason(Language::Welsh, &analysis, &doc.statements[0])
        );
        assert_ne!(
            reason,
            cited.words_in(Language::English).1,
            "the Welsh reason is not the English one"
        );
        // Evidence captured before the words were kept reads as written.
        let older = EvidenceStatement {
            words: BTreeMap::new(),
            ..cited.clone()
        };
        assert_eq!(
            older.words_in(Language::Welsh),
            (cited.verdict_label.clone(), cited.reason.clone())
        );
        assert_eq!(
            source.weighting.words_in(Language::Welsh),
            weighting_in(Language::Welsh, doc.weighting.method)
        );
        let evidence = Evidence {
            version: EVIDENCE_VERSION,
            source: Some(source),
        };
        // JSON keeps every field; a float may come back one unit in the last place apart.
        let back = Evidence::read(&evidence.to_json()).unwrap();
        assert_same_within_rounding(
            &serde_json::to_value(&back).unwrap(),
            &serde_json::to_value(&evidence).unwrap(),
        );
        assert_eq!(
            capture(&analysis, 5, "Evening clinics", &[u32::MAX], 2_000),
            Err(UnknownStatement(u32::MAX))
        );
    }

    fn assert_same_within_rounding(left: &serde_json::Value, right: &serde_json::Value) {
        use serde_json::Value;
        match (left, right) {
            (Value::Number(a), Value::Number(b)) => {
                let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
                assert!((a - b).abs() <= 1e-12 * a.abs().max(1.0), "{a} != {b}");
            }
            (Value::Array(a), Value::Array(b)) => {
                assert_eq!(a.len(), b.len());
                for (a, b) in a.iter().zip(b) {
                    assert_same_within_rounding(a, b);
                }
            }
            (Value::Object(a), Value::Object(b)) => {
                assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
                for (key, a) in a {
                    assert_same_within_rounding(a, &b[key]);
                }
            }
            (a, b) => assert_eq!(a, b),
        }
    }
}
