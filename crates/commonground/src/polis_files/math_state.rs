//! The shape of Pol.is's `math-pca2.json`, read from API dumps and written by `--format polis`.
//!
//! Every number in this shape is in the raw Pol.is frame, where agree = -1: the centre, the
//! projections and the cluster centres are negated relative to the engine's agree = +1 frame.
//! Maps are keyed by ids written as strings, as Pol.is serves them.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use engine::clusters::{self, BaseCluster, KSmoother};
use engine::state::StateComponents;
use engine::{ParticipantId, PolisState, StatementId, Tally as EngineTally};

use super::api_dump::{ReadJsonError, parse_json, read_json_bytes};

/// A map from ids to values, written as a JSON object keyed by the ids as strings, in
/// ascending id order.
#[derive(Clone, Debug, PartialEq)]
pub struct IdMap<V>(pub BTreeMap<u32, V>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(BTreeMap::new())
    }
}

impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(&key.to_string(), value)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for IdMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdMapVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for IdMapVisitor<V> {
            type Value = IdMap<V>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("an object keyed by ids")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<IdMap<V>, A::Error> {
                let mut map = BTreeMap::new();
                while let Some((key, value)) = access.next_entry::<String, V>()? {
                    let id = key.parse::<u32>().map_err(|_| {
                        de::Error::custom(format_args!(
                            "key {key:?} is not an id from 0 to {}",
                            u32::MAX
                        ))
                    })?;
                    if map.insert(id, value).is_some() {
                        return Err(de::Error::custom(format_args!("key {key:?} appears twice")));
                    }
                }
                Ok(IdMap(map))
            }
        }

        deserializer.deserialize_map(IdMapVisitor(PhantomData))
    }
}

/// Pol.is's analysis of a conversation, as `/api/v3/math/pca2` serves it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MathPca2 {
    /// Participants with at least one vote.
    pub n: u64,
    /// Statements with at least one vote, moderated-out ones included.
    #[serde(rename = "n-cmts")]
    pub n_cmts: u64,
    /// Statement ids in the column order of every per-statement array.
    pub tids: Vec<u32>,
    /// Votes per participant, passes included.
    #[serde(rename = "user-vote-counts")]
    pub user_vote_counts: IdMap<u64>,
    /// Participants eligible for clustering.
    #[serde(rename = "in-conv")]
    pub in_conv: Vec<u32>,
    /// Statements moved out of the analysis (rejected or meta).
    #[serde(rename = "mod-out")]
    pub mod_out: Vec<u32>,
    /// Statements moderated in (accepted or meta).
    #[serde(rename = "mod-in")]
    pub mod_in: Vec<u32>,
    /// Meta statements.
    #[serde(rename = "meta-tids")]
    pub meta_tids: Vec<u32>,
    /// The latest vote's time, in ms since the epoch.
    #[serde(rename = "lastVoteTimestamp")]
    pub last_vote_timestamp: Option<i64>,
    /// The latest moderation's time, in ms since the epoch.
    #[serde(rename = "lastModTimestamp")]
    pub last_mod_timestamp: Option<i64>,
    /// The server's version counter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub math_tick: Option<i64>,
    /// Principal components and statement projections.
    pub pca: Pca,
    /// Base clusters, column-folded.
    #[serde(rename = "base-clusters")]
    pub base_clusters: BaseClusters,
    /// Opinion groups over base clusters.
    #[serde(rename = "group-clusters")]
    pub group_clusters: Vec<GroupCluster>,
    /// Vote tallies per statement and base cluster.
    #[serde(rename = "votes-base")]
    pub votes_base: IdMap<BaseTallies>,
    /// Vote tallies per group and statement.
    #[serde(rename = "group-votes")]
    pub group_votes: IdMap<GroupVotes>,
    /// Representative statements per group.
    pub repness: IdMap<Vec<RepnessEntry>>,
    /// Statements most agree or most disagree with, over everyone.
    pub consensus: Consensus,
    /// Group-informed consensus per statement.
    #[serde(rename = "group-aware-consensus")]
    pub group_aware_consensus: IdMap<f64>,
    /// Routing priority per statement.
    #[serde(rename = "comment-priorities")]
    pub routing_priorities: IdMap<f64>,
}

/// The `pca` object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pca {
    /// Mean vote per statement (raw frame).
    pub center: Vec<f64>,
    /// The two components, one entry per statement.
    pub comps: Vec<Vec<f64>>,
    /// Statement projections, transposed: `[[x…], [y…]]` (raw frame).
    #[serde(rename = "comment-projection")]
    pub comment_projection: Vec<Vec<f64>>,
    /// Length of each statement's projection.
    #[serde(rename = "comment-extremity")]
    pub comment_extremity: Vec<f64>,
}

/// The `base-clusters` object: one array per field, one entry per base cluster in id order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BaseClusters {
    /// Base cluster ids.
    pub id: Vec<u32>,
    /// Participant ids of each base cluster.
    pub members: Vec<Vec<u32>>,
    /// Centre x (raw frame).
    pub x: Vec<f64>,
    /// Centre y (raw frame).
    pub y: Vec<f64>,
    /// Number of members.
    pub count: Vec<u64>,
}

/// One entry of `group-clusters`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupCluster {
    /// Group id.
    pub id: u32,
    /// Base cluster ids in the group.
    pub members: Vec<u32>,
    /// Size-weighted centre (raw frame).
    pub center: Vec<f64>,
}

/// Agree, disagree and seen counts per base cluster for one statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BaseTallies {
    /// Agrees per base cluster.
    #[serde(rename = "A")]
    pub agree: Vec<u64>,
    /// Disagrees per base cluster.
    #[serde(rename = "D")]
    pub disagree: Vec<u64>,
    /// Votes of any kind per base cluster.
    #[serde(rename = "S")]
    pub seen: Vec<u64>,
}

/// Agree, disagree and seen counts for one statement in one group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Agrees.
    #[serde(rename = "A")]
    pub agree: u64,
    /// Disagrees.
    #[serde(rename = "D")]
    pub disagree: u64,
    /// Votes of any kind.
    #[serde(rename = "S")]
    pub seen: u64,
}

/// One value of `group-votes`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupVotes {
    /// Participants in the group.
    #[serde(rename = "n-members")]
    pub n_members: u64,
    /// Tallies per statement.
    pub votes: IdMap<Tally>,
    /// The group id (added by the Pol.is server).
    pub id: u32,
}

/// One representative statement of a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepnessEntry {
    /// The statement.
    pub tid: u32,
    /// Members of the group on the representative side.
    #[serde(rename = "n-success")]
    pub n_success: u64,
    /// Members of the group who voted.
    #[serde(rename = "n-trials")]
    pub n_trials: u64,
    /// Smoothed share on the representative side.
    #[serde(rename = "p-success")]
    pub p_success: f64,
    /// One-proportion test statistic.
    #[serde(rename = "p-test")]
    pub p_test: f64,
    /// Ratio against the other groups.
    pub repness: f64,
    /// Two-proportion test statistic, as a 32-bit float like Pol.is.
    #[serde(rename = "repness-test")]
    pub repness_test: f32,
    /// `agree` or `disagree`.
    #[serde(rename = "repful-for")]
    pub repful_for: String,
    /// Agrees in the group (on the best-agree entry only).
    #[serde(rename = "n-agree", default, skip_serializing_if = "Option::is_none")]
    pub n_agree: Option<u64>,
    /// Marks the best-agree entry.
    #[serde(
        rename = "best-agree",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub best_agree: Option<bool>,
}

/// The `consensus` object.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Consensus {
    /// Statements most agree with.
    pub agree: Vec<ConsensusEntry>,
    /// Statements most disagree with.
    pub disagree: Vec<ConsensusEntry>,
}

/// One consensus statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsensusEntry {
    /// The statement.
    pub tid: u32,
    /// Voters on the consensus side.
    #[serde(rename = "n-success")]
    pub n_success: u64,
    /// Voters.
    #[serde(rename = "n-trials")]
    pub n_trials: u64,
    /// Smoothed share on the consensus side.
    #[serde(rename = "p-success")]
    pub p_success: f64,
    /// One-proportion test statistic.
    #[serde(rename = "p-test")]
    pub p_test: f64,
}

/// Reads `math-pca2.json`.
pub fn read_math_pca2(path: &Path) -> Result<MathPca2, ReadJsonError> {
    parse_math_pca2(&read_json_bytes(path)?, path)
}

/// Parses `math-pca2.json` held in memory and checks that its arrays agree in length.
pub fn parse_math_pca2(bytes: &[u8], path: &Path) -> Result<MathPca2, ReadJsonError> {
    let math: MathPca2 = parse_json(bytes, path)?;
    check_shape(&math).map_err(|reason| ReadJsonError::Invalid {
        path: path.to_path_buf(),
        reason,
    })?;
    Ok(math)
}

/// Checks the lengths that the conversion to a previous state relies on.
fn check_shape(math: &MathPca2) -> Result<(), String> {
    let columns = math.tids.len();
    let pca = &math.pca;
    if pca.center.len() != columns && columns > 1 {
        return Err(format!(
            "pca.center has {} entries for {columns} tids",
            pca.center.len()
        ));
    }
    if pca.comps.iter().any(|component| component.len() != columns) {
        return Err(format!(
            "pca.comps entries must have {columns} values, one per tid"
        ));
    }
    let base = &math.base_clusters;
    let n_base = base.id.len();
    if base.members.len() != n_base
        || base.x.len() != n_base
        || base.y.len() != n_base
        || base.count.len() != n_base
    {
        return Err("base-clusters arrays id, members, x, y and count differ in length".to_owned());
    }
    if let Some(group) = math
        .group_clusters
        .iter()
        .find(|group| group.center.len() != 2)
    {
        return Err(format!(
            "group-clusters entry {} has a centre of {} values instead of 2",
            group.id,
            group.center.len()
        ));
    }
    Ok(())
}

/// Returns `0 - value`: the value in the other vote frame, with zero staying +0.
pub fn flip(value: f64) -> f64 {
    0.0 - value
}

impl MathPca2 {
    /// Returns the state a Pol.is run with this output would hand to the next run, in the
    /// engine's agree = +1 frame.
    ///
    /// `math-pca2` holds the clustering of the chosen k only, so the smoother starts from that
    /// k, and it holds no per-k history. Components keep their signs (they carry no vote
    /// frame); centres are negated.
    pub fn to_previous_state(&self) -> Result<PolisState, String> {
        let to_u32 = |value: u64, what: &str| {
            u32::try_from(value).map_err(|_| format!("{what} {value} does not fit in 32 bits"))
        };
        let mut in_conv: Vec<ParticipantId> =
            self.in_conv.iter().copied().map(ParticipantId).collect();
        in_conv.sort_unstable();
        in_conv.dedup();

        let zeros = vec![0.0; self.tids.len()];
        let component = |index: usize| -> Vec<f64> {
            self.pca
                .comps
                .get(index)
                .filter(|values| values.len() == self.tids.len())
                .cloned()
                .unwrap_or_else(|| zeros.clone())
        };
        let components = (!self.tids.is_empty()).then(|| StateComponents {
            statements: self.tids.iter().copied().map(StatementId).collect(),
            vectors: [component(0), component(1)],
        });

        let base = &self.base_clusters;
        let mut base_clusters: Vec<BaseCluster> = (0..base.id.len())
            .map(|index| BaseCluster {
                id: base.id[index] as usize,
                members: base.members[index]
                    .iter()
                    .copied()
                    .map(ParticipantId)
                    .collect(),
                center: [flip(base.x[index]), flip(base.y[index])],
            })
            .collect();
        base_clusters.sort_by_key(|cluster| cluster.id);

        let mut groups: Vec<clusters::GroupCluster> = self
            .group_clusters
            .iter()
            .map(|group| clusters::GroupCluster {
                id: group.id as usize,
                members: group.members.iter().map(|&id| id as usize).collect(),
                center: [
                    flip(group.center.first().copied().unwrap_or(0.0)),
                    flip(group.center.get(1).copied().unwrap_or(0.0)),
                ],
            })
            .collect();
        groups.sort_by_key(|group| group.id);
        let k = groups.len();
        let mut group_clusterings = BTreeMap::new();
        let smoother = if k > 0 {
            group_clusterings.insert(k, groups);
            KSmoother {
                last_k: None,
                last_k_count: 0,
                smoothed_k: Some(k),
            }
        } else {
            KSmoother::default()
        };

        let mut totals: BTreeMap<u32, (u64, u64, u64)> = BTreeMap::new();
        for group in self.group_votes.0.values() {
            for (&tid, tally) in &group.votes.0 {
                let total = totals.entry(tid).or_default();
                total.0 += tally.agree;
                total.1 += tally.disagree;
                total.2 += tally.seen;
            }
        }
        let group_vote_totals = totals
            .into_iter()
            .map(|(tid, (agree, disagree, seen))| {
                Ok((
                    StatementId(tid),
                    EngineTally {
                        agree: to_u32(agree, "agree count")?,
                        disagree: to_u32(disagree, "disagree count")?,
                        seen: to_u32(seen, "vote count")?,
                    },
                ))
            })
            .collect::<Result<Vec<_>, String>>()?;

        Ok(PolisState {
            in_conv,
            components,
            base_clusters,
            group_clusterings,
            smoother,
            group_vote_totals,
        })
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "negations and copies are exact")]
mod tests {
    use super::*;
    use crate::polis_files::check_clear_error;
    use proptest::prelude::*;

    const FIXTURE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/polis-math-fixtures/25ptpt-3gp-no-strict-with-meta/math-pca2.json"
    );

    #[test]
    fn the_fixture_reads_and_writes_back_the_same_values() {
        let bytes = std::fs::read(FIXTURE).unwrap();
        let math = parse_math_pca2(&bytes, Path::new(FIXTURE)).unwrap();
        assert_eq!(math.n, 27);
        assert_eq!(math.tids.len(), 57);
        assert_eq!(math.group_clusters.len(), 3);
        assert_eq!(math.math_tick, Some(673));
        assert_eq!(math.last_mod_timestamp, None);

        let written: serde_json::Value =
            serde_json::from_slice(&serde_json::to_vec(&math).unwrap()).unwrap();
        let original: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let written_keys: Vec<&String> = written.as_object().unwrap().keys().collect();
        let original_keys: Vec<&String> = original.as_object().unwrap().keys().collect();
        let mut written_keys = written_keys;
        let mut original_keys = original_keys;
        written_keys.sort();
        original_keys.sort();
        assert_eq!(written_keys, original_keys);
        // repness-test is written as the shortest f32 representation, as Pol.is writes it.
        assert_eq!(
            written["repness"]["0"][0]["repness-test"],
            original["repness"]["0"][0]["repness-test"]
        );
        let reread: MathPca2 = serde_json::from_value(written).unwrap();
        assert_eq!(reread, math);
    }

    #[test]
    fn keys_that_are_not_ids_are_refused() {
        let error = serde_json::from_str::<IdMap<u64>>(r#"{"x": 1}"#).unwrap_err();
        assert!(error.to_string().starts_with("key \"x\" is not an id"));
        let map: IdMap<u64> = serde_json::from_str(r#"{"10": 1, "2": 3}"#).unwrap();
        assert_eq!(serde_json::to_string(&map).unwrap(), r#"{"2":3,"10":1}"#);
    }

    #[test]
    fn inconsistent_lengths_are_refused() {
        let bytes = std::fs::read(FIXTURE).unwrap();
        let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        value["base-clusters"]["x"].as_array_mut().unwrap().pop();
        let text = serde_json::to_vec(&value).unwrap();
        let error = parse_math_pca2(&text, Path::new("math-pca2.json")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "math-pca2.json: base-clusters arrays id, members, x, y and count differ in length"
        );
    }

    #[test]
    fn the_previous_state_negates_centres_and_keeps_components() {
        let bytes = std::fs::read(FIXTURE).unwrap();
        let math = parse_math_pca2(&bytes, Path::new(FIXTURE)).unwrap();
        let state = math.to_previous_state().unwrap();
        assert_eq!(state.in_conv.len(), 27);
        assert!(state.in_conv.windows(2).all(|pair| pair[0] < pair[1]));
        let components = state.components.as_ref().unwrap();
        assert_eq!(components.vectors[0], math.pca.comps[0]);
        assert_eq!(state.base_clusters.len(), math.base_clusters.id.len());
        let first = &state.base_clusters[0];
        assert_eq!(first.id, math.base_clusters.id[0] as usize);
        assert_eq!(first.center[0], -math.base_clusters.x[0]);
        let groups = &state.group_clusterings[&3];
        assert_eq!(groups[1].center[1], -math.group_clusters[1].center[1]);
        assert_eq!(state.smoother.smoothed_k, Some(3));
        // Statement 0: group votes A = 5 + ... summed over the three groups.
        let expected_agree: u64 = math
            .group_votes
            .0
            .values()
            .map(|group| group.votes.0[&0].agree)
            .sum();
        assert_eq!(state.group_vote_totals[0].0, StatementId(0));
        assert_eq!(
            u64::from(state.group_vote_totals[0].1.agree),
            expected_agree
        );
    }

    /// Every path to a number, string, boolean or null in a JSON value.
    fn leaf_paths(value: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match value {
            serde_json::Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    path.push(index.to_string());
                    leaf_paths(item, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Object(fields) => {
                for (key, item) in fields {
                    path.push(key.clone());
                    leaf_paths(item, path, out);
                    path.pop();
                }
            }
            _ => out.push(path.clone()),
        }
    }

    fn leaf_mut<'v>(
        value: &'v mut serde_json::Value,
        path: &[String],
    ) -> &'v mut serde_json::Value {
        path.iter().fold(value, |value, key| match value {
            serde_json::Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
            other => &mut other[key.as_str()],
        })
    }

    proptest! {
        #[test]
        fn any_bytes_read_or_give_a_clear_error(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            if let Err(error) = parse_math_pca2(&bytes, Path::new("math-pca2.json")) {
                prop_assert_eq!(check_clear_error(&error.to_string(), "math-pca2.json"), Ok(()));
            }
        }

        #[test]
        fn a_hostile_value_anywhere_in_the_fixture_is_read_or_refused_clearly(
            leaf in any::<proptest::sample::Index>(),
            replacement in proptest::sample::select(vec![
                "-1", "4294967296", "18446744073709551616", "-9223372036854775809", "1e400",
                "-1e400", "1.5", "null", "true", "\"x\"", "[]", "{}", "[[]]", "\"\\u0000\"",
            ]),
        ) {
            let bytes = std::fs::read(FIXTURE).unwrap();
            let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            let mut paths = Vec::new();
            leaf_paths(&value, &mut Vec::new(), &mut paths);
            let path = leaf.get(&paths).clone();
            // Numbers beyond f64 cannot be held in a Value: write a marker and replace its text.
            *leaf_mut(&mut value, &path) = serde_json::Value::String("\u{1}marker".to_owned());
            let text = serde_json::to_string_pretty(&value).unwrap().replace("\"\\u0001marker\"", replacement);
            match parse_math_pca2(text.as_bytes(), Path::new("math-pca2.json")) {
                Ok(math) => {
                    // A state that reads must convert or refuse, never panic.
                    let _ = math.to_previous_state();
                }
                Err(error) => prop_assert_eq!(check_clear_error(&error.to_string(), "math-pca2.json"), Ok(())),
            }
        }
    }
}
