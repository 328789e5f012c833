//! The latest results of a priority list, as the background analysis keeps them: the results
//! document, and what choosing the next pair needs (each option's fitted log strength and its
//! standard error, and how often the comparers of each set of constituencies saw it).
//!
//! A snapshot is computed from the store at one revision of the list (read before anything
//! else), on a blocking thread, and kept in memory by [`crate::analysis::AnalysisService`].
//! The results endpoint serves it and the next pair reads it, so neither loads every
//! comparison; only a recompute does.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};

use engine::priorities::{PriorityInput, PriorityResults, Ranking};
use model::{
    DialogueId, PriorityConstituencyId, PriorityListId, PriorityOptionId, PriorityParticipantId,
};
use store::{Comparison, PriorityList, PriorityOption, PriorityParticipant, Store, StoreError};

use super::document::{self, DocumentSource, PriorityDocument};

/// How many options of each constituency's ranking earn shortlist points, as in the command.
pub const SHORTLIST_SIZE: usize = 10;

/// The standard error of an option nobody has compared yet, as the pair choice reads it.
const UNSEEN_STANDARD_ERROR: f64 = 10.0;

/// The z value of the document's 95% intervals, to read standard errors back from them.
const Z_95: f64 = 1.959_963_984_540_054;

/// Why a snapshot could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// Reading the store failed.
    #[error("storage failed while ranking the priority list")]
    Store(#[from] StoreError),
    /// The engine refused the input (which the store's constraints rule out).
    #[error("the priority list could not be ranked")]
    Engine(#[from] engine::priorities::PriorityError),
    /// The blocking task panicked or was cancelled.
    #[error("the ranking task did not finish")]
    Join(#[from] tokio::task::JoinError),
}

/// One priority list's results at one revision.
#[derive(Debug)]
pub struct PrioritySnapshot {
    /// The list.
    pub list: PriorityListId,
    /// The list's revision the snapshot reflects.
    pub revision: i64,
    /// The linked dialogue whose opinion groups it read, if any.
    pub dialogue: Option<DialogueId>,
    /// When it was computed.
    pub computed_at: i64,
    /// The results document.
    pub document: PriorityDocument,
    /// What choosing the next pair needs.
    pub pairs: PairState,
    /// Set when the linked dialogue's analysis moved after this snapshot was computed.
    outdated: AtomicBool,
}

impl PrioritySnapshot {
    /// Notes that the linked dialogue's analysis (its opinion groups) moved since.
    pub fn mark_outdated(&self) {
        self.outdated.store(true, Ordering::Relaxed);
    }

    /// Whether the linked dialogue's analysis moved since this snapshot was computed.
    pub fn is_outdated(&self) -> bool {
        self.outdated.load(Ordering::Relaxed)
    }

    /// Whether the snapshot reflects the list at `revision`.
    pub fn is_current(&self, revision: i64) -> bool {
        self.revision >= revision && !self.is_outdated()
    }
}

/// What choosing the next pair needs, over the options participants may be shown.
#[derive(Debug)]
pub struct PairState {
    /// The options participants may be shown at the snapshot's revision, in id order.
    pub options: Vec<PriorityOption>,
    /// Each option's index in `options`.
    index: BTreeMap<PriorityOptionId, usize>,
    /// Per option, the fitted log strength.
    log_strength: Vec<f64>,
    /// Per option, the standard error of its log strength.
    standard_error: Vec<f64>,
    /// Per distinct set of constituencies of the people who compared (each comparer has one
    /// set), how many of their comparisons involved each option.
    exposure: Vec<(Vec<PriorityConstituencyId>, Vec<u64>)>,
}

/// The opinion groups of a list's participants, read from the linked dialogue's latest
/// analysis through the dialogue token they showed on joining.
#[derive(Debug, Default, Clone)]
pub struct LinkedGroups {
    /// Each group holding a participant of the list, in group id order: its id and label.
    pub groups: Vec<(u64, String)>,
    /// Each linked participant's group, as an index into `groups`.
    pub of: BTreeMap<PriorityParticipantId, usize>,
}

/// Reads the opinion group of each participant who joined with their dialogue token; empty
/// when the list has no linked dialogue or that dialogue no analysis (in the current format).
pub async fn linked_groups(
    store: &dyn Store,
    list: &PriorityList,
    participants: &[PriorityParticipant],
) -> Result<LinkedGroups, StoreError> {
    let Some(dialogue) = list.dialogue else {
        return Ok(LinkedGroups::default());
    };
    if participants
        .iter()
        .all(|participant| participant.dialogue_participant.is_none())
    {
        return Ok(LinkedGroups::default());
    }
    let Some(snapshot) = store.load_snapshot(dialogue).await? else {
        return Ok(LinkedGroups::default());
    };
    let analysis = match crate::report::document::read(&snapshot.result_json) {
        Ok(analysis) => analysis,
        Err(error) => {
            tracing::info!(%dialogue, %error, "the linked dialogue's analysis is not readable yet; ranking without its groups");
            return Ok(LinkedGroups::default());
        }
    };
    let names = store.group_labels(dialogue).await?;
    let group_of: BTreeMap<i64, usize> = analysis
        .participants
        .iter()
        .filter_map(|participant| Some((i64::from(participant.id), participant.group?)))
        .collect();
    let mut member_group: BTreeMap<PriorityParticipantId, usize> = BTreeMap::new();
    for participant in participants {
        if let Some(group) = participant
            .dialogue_participant
            .and_then(|linked| group_of.get(&linked.get()))
        {
            member_group.insert(participant.id, *group);
        }
    }
    let used: BTreeSet<usize> = member_group.values().copied().collect();
    let groups: Vec<(u64, String)> = used
        .iter()
        .map(|&group| {
            let label = i64::try_from(group)
                .ok()
                .and_then(|key| names.get(&key).cloned())
                .or_else(|| {
                    analysis
                        .groups
                        .iter()
                        .find(|found| found.id == group)
                        .map(|found| found.label.clone())
                })
                .unwrap_or_else(|| crate::report::document::group_label(group));
            (u64::try_from(group).unwrap_or(u64::MAX), label)
        })
        .collect();
    let position: BTreeMap<usize, usize> = used
        .iter()
        .enumerate()
        .map(|(index, &group)| (group, index))
        .collect();
    let of = member_group
        .into_iter()
        .filter_map(|(participant, group)| Some((participant, *position.get(&group)?)))
        .collect();
    Ok(LinkedGroups { groups, of })
}

/// The options a ranking counts: those participants may compare (not rejected, and accepted
/// under pre-moderation), so an option still awaiting a moderator is never shown in the public
/// results, and the export counts the same options as the results.
pub fn ranked_options(list: &PriorityList, options: &[PriorityOption]) -> Vec<PriorityOption> {
    comparable_options(list, options)
}

/// The options participants may compare: not rejected, and accepted under pre-moderation.
pub fn comparable_options(list: &PriorityList, options: &[PriorityOption]) -> Vec<PriorityOption> {
    options
        .iter()
        .filter(|option| option.moderation.is_visible_under(list.settings.moderation))
        .cloned()
        .collect()
}

/// Everything one ranking reads.
pub struct RankInput<'a> {
    /// The list, with its constituencies.
    pub list: &'a PriorityList,
    /// The options ranked, in id order.
    pub options: &'a [PriorityOption],
    /// The comparisons (those of options not in `options` are left out).
    pub comparisons: &'a [Comparison],
    /// The list's participants.
    pub participants: &'a [PriorityParticipant],
    /// Their opinion groups.
    pub groups: &'a LinkedGroups,
    /// The seed recorded in the document.
    pub seed: u64,
}

fn engine_choice(choice: model::ComparisonChoice) -> engine::priorities::Choice {
    match choice {
        model::ComparisonChoice::Left => engine::priorities::Choice::Left,
        model::ComparisonChoice::Right => engine::priorities::Choice::Right,
        model::ComparisonChoice::Neither => engine::priorities::Choice::Neither,
    }
}

/// Ranks the options overall, per constituency and per opinion group, and builds the
/// document `commonground priorities --format json` writes for the list's exported files.
pub fn rank(input: &RankInput<'_>) -> Result<(PriorityDocument, PriorityResults), SnapshotError> {
    let index: BTreeMap<PriorityOptionId, u32> = input
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| (option.id, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    // Participants are numbered in order of their first comparison, as the command numbers
    // the rows of comparisons.csv.
    let mut participant_index: BTreeMap<PriorityParticipantId, u32> = BTreeMap::new();
    let mut comparisons = Vec::with_capacity(input.comparisons.len());
    for comparison in input.comparisons {
        let (Some(&left), Some(&right)) =
            (index.get(&comparison.left), index.get(&comparison.right))
        else {
            continue;
        };
        let next = u32::try_from(participant_index.len()).unwrap_or(u32::MAX);
        let participant = *participant_index
            .entry(comparison.participant)
            .or_insert(next);
        comparisons.push(engine::priorities::Comparison {
            participant,
            left,
            right,
            choice: engine_choice(comparison.choice),
        });
    }
    let constituency_index: BTreeMap<PriorityConstituencyId, u32> = input
        .list
        .constituencies
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let mut constituencies_of = vec![Vec::new(); participant_index.len()];
    let mut group_of = vec![None; participant_index.len()];
    for participant in input.participants {
        if let Some(&i) = participant_index.get(&participant.id) {
            constituencies_of[i as usize] = participant
                .constituencies
                .iter()
                .filter_map(|c| constituency_index.get(c).copied())
                .collect();
            group_of[i as usize] = input
                .groups
                .of
                .get(&participant.id)
                .and_then(|&group| u32::try_from(group).ok());
        }
    }
    let results = engine::priorities::rank(&PriorityInput {
        options: input.options.len(),
        comparisons: &comparisons,
        constituency_count: input.list.constituencies.len(),
        constituencies_of: &constituencies_of,
        group_count: input.groups.groups.len(),
        group_of: &group_of,
        shortlist_size: SHORTLIST_SIZE,
    })?;
    let options: Vec<(u64, String)> = input
        .options
        .iter()
        .map(|option| {
            (
                u64::try_from(option.id.get()).unwrap_or(0),
                option.text.clone(),
            )
        })
        .collect();
    let names: Vec<String> = input
        .list
        .constituencies
        .iter()
        .map(|c| c.name.as_str().to_owned())
        .collect();
    let document = document::build(
        &DocumentSource {
            options: &options,
            constituencies: &names,
            groups: &input.groups.groups,
            seed: input.seed,
            shortlist_size: SHORTLIST_SIZE,
        },
        &results,
    );
    Ok((document, results))
}

/// Computes a list's snapshot from the store: reads the revision first, so that a change made
/// while computing leaves the snapshot stale rather than wrongly current.
pub async fn compute(
    store: &dyn Store,
    id: PriorityListId,
    seed: u64,
    now_ms: i64,
) -> Result<PrioritySnapshot, SnapshotError> {
    let revision = store.priority_list_revision(id).await?;
    let list = store.get_priority_list(id).await?;
    let all_options = store.list_priority_options(id).await?;
    let comparisons = store.list_comparisons(id).await?;
    let participants = store.list_priority_participants(id).await?;
    let groups = linked_groups(store, &list, &participants).await?;
    tokio::task::spawn_blocking(move || {
        let ranked = ranked_options(&list, &all_options);
        let comparable = comparable_options(&list, &all_options);
        let (document, results) = rank(&RankInput {
            list: &list,
            options: &ranked,
            comparisons: &comparisons,
            participants: &participants,
            groups: &groups,
            seed,
        })?;
        let pairs = PairState::new(
            comparable,
            &ranked,
            &results.overall,
            &comparisons,
            &participants,
        )?;
        Ok(PrioritySnapshot {
            list: id,
            revision,
            dialogue: list.dialogue,
            computed_at: now_ms,
            document,
            pairs,
            outdated: AtomicBool::new(false),
        })
    })
    .await?
}

impl PairState {
    /// Builds the pair state over the comparable options. Where they are the ranked options
    /// (always under post-moderation) the head-count ranking's fit serves; otherwise (options
    /// awaiting pre-moderation, never compared) the comparable options are fitted on their own.
    fn new(
        options: Vec<PriorityOption>,
        ranked: &[PriorityOption],
        overall: &Ranking,
        comparisons: &[Comparison],
        participants: &[PriorityParticipant],
    ) -> Result<PairState, SnapshotError> {
        let index: BTreeMap<PriorityOptionId, usize> = options
            .iter()
            .enumerate()
            .map(|(i, option)| (option.id, i))
            .collect();
        let same =
            options.len() == ranked.len() && options.iter().zip(ranked).all(|(a, b)| a.id == b.id);
        let (log_strength, standard_error) = if same {
            overall
                .options
                .iter()
                .map(|standing| {
                    let (low, high) = standing.log_strength_interval;
                    (standing.fitted_log_strength, (high - low) / (2.0 * Z_95))
                })
                .unzip()
        } else {
            let narrowed = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
            let engine_comparisons: Vec<engine::priorities::Comparison> = comparisons
                .iter()
                .filter_map(|comparison| {
                    Some(engine::priorities::Comparison {
                        participant: 0,
                        left: narrowed(*index.get(&comparison.left)?),
                        right: narrowed(*index.get(&comparison.right)?),
                        choice: engine_choice(comparison.choice),
                    })
                })
                .collect();
            let fit = engine::priorities::fit(options.len(), &engine_comparisons)?;
            (fit.log_strength, fit.standard_error)
        };
        let constituencies_of: BTreeMap<PriorityParticipantId, &Vec<PriorityConstituencyId>> =
            participants
                .iter()
                .map(|participant| (participant.id, &participant.constituencies))
                .collect();
        let mut by_set: BTreeMap<Vec<PriorityConstituencyId>, Vec<u64>> = BTreeMap::new();
        for comparison in comparisons {
            let (Some(&left), Some(&right)) =
                (index.get(&comparison.left), index.get(&comparison.right))
            else {
                continue;
            };
            let set = constituencies_of
                .get(&comparison.participant)
                .map_or_else(Vec::new, |set| (*set).clone());
            let counts = by_set.entry(set).or_insert_with(|| vec![0; options.len()]);
            counts[left] += 1;
            counts[right] += 1;
        }
        Ok(PairState {
            options,
            index,
            log_strength,
            standard_error,
            exposure: by_set.into_iter().collect(),
        })
    }

    /// Chooses the next pair for a participant of `constituencies` (in id order) who has
    /// answered `answered` (option ids, either order), among `current`: the options
    /// participants may be shown now (`None`: those of the snapshot). Options added since the
    /// snapshot count as never compared. Returns (left, right) as indices into the options.
    pub fn choose(
        &self,
        current: Option<&[PriorityOption]>,
        constituencies: &[PriorityConstituencyId],
        answered: &[(PriorityOptionId, PriorityOptionId)],
        seed: u64,
    ) -> Option<(usize, usize)> {
        let options = current.unwrap_or(&self.options);
        let n = options.len();
        if n < 2 {
            return None;
        }
        // Each option's position in the snapshot, when it has one.
        let known: Vec<Option<usize>> = match current {
            None => (0..n).map(Some).collect(),
            Some(current) => current
                .iter()
                .map(|option| self.index.get(&option.id).copied())
                .collect(),
        };
        let mut log_strength = vec![0.0; n];
        let mut standard_error = vec![UNSEEN_STANDARD_ERROR; n];
        for (i, position) in known.iter().enumerate() {
            if let Some(p) = *position {
                log_strength[i] = self.log_strength[p];
                standard_error[i] = self.standard_error[p];
            }
        }
        // Exposure counts the comparisons made by people sharing a constituency with this
        // participant; for a participant of no constituency, everyone's.
        let mut exposure = vec![0_u64; n];
        for (set, counts) in &self.exposure {
            let shares = constituencies.is_empty()
                || set
                    .iter()
                    .any(|constituency| constituencies.binary_search(constituency).is_ok());
            if !shares {
                continue;
            }
            for (i, position) in known.iter().enumerate() {
                if let Some(p) = *position {
                    exposure[i] += counts[p];
                }
            }
        }
        let position_now: BTreeMap<PriorityOptionId, u32> = options
            .iter()
            .enumerate()
            .map(|(i, option)| (option.id, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let answered: Vec<(u32, u32)> = answered
            .iter()
            .filter_map(|(left, right)| Some((*position_now.get(left)?, *position_now.get(right)?)))
            .collect();
        let active = vec![true; n];
        let seed = seed ^ u64::try_from(answered.len()).unwrap_or(0);
        engine::priorities::next_pair(&engine::priorities::PairRequest {
            log_strength: &log_strength,
            standard_error: &standard_error,
            exposure: &exposure,
            active: &active,
            answered: &answered,
            seed,
        })
        .map(|(left, right)| (left as usize, right as usize))
    }
}
