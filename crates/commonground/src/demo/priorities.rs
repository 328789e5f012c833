//! The demo partnership's priority list, read from `priorities.toml`: which of the things the
//! dialogue agreed on should the partnership do first?
//!
//! The convenor creates the list, linked to the dialogue and with its six constituencies, drafts
//! options from the dialogue's common ground through the same service the API calls (each with
//! its link back to the statement) and writes a few more; early participants add options of
//! their own, which the convenor moderates (accepting some, rejecting one with a reason). The
//! simulated participants are drawn with the dialogue's profiles, so their constituencies come
//! in the dialogue's proportions; each compares random pairs of the options they could see when
//! they came, choosing by the Bradley–Terry strengths the file plants for each option and
//! constituency, with a fixed seed. The comparisons go straight to the store, oldest first, as
//! an import would write them: the rate limits protect a server from people, not from its own
//! demo.
//!
//! The file is checked in full on load against the story (statements and constituencies exist,
//! texts fit the product's limits, days fall after the analysis and before the demo starts), so
//! that a mistake in it is a clear error rather than a half-built demo.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, bail, ensure};
use model::{
    ComparisonChoice, ConstituencyName, Description, ModerationPolicy, ModerationStatus,
    OptionText, PriorityListId, PriorityListTitle, PriorityOptionId, PriorityQuestion,
    ReportVisibility, StanceReason, UndecidedReason,
};
use rand::{Rng as _, SeedableRng as _};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use server::auth::CurrentConvenor;
use server::client::ClientAddress;
use server::priorities::service::{self, ListInput};
use server::state::AppState;
use store::{NewComparison, NewPriorityParticipant};

use super::settlement::ANALYSED_ON;
use super::story::{DAY_MS, Story};
use super::{Cast, HOUR_MS, Pinned};

/// The priority list as written in the repository.
const PRIORITIES: &str = include_str!("priorities.toml");

/// A minute in milliseconds.
const MINUTE_MS: i64 = 60 * 1000;

/// The most a planted strength or shift may be, either way.
const MAX_STRENGTH: f64 = 10.0;

/// The list itself and how people took part in it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListStory {
    /// Its title.
    pub title: String,
    /// The question put to participants.
    pub question: String,
    /// What participants read first.
    pub description: String,
    /// The day the convenor created it, counted from the start of the demo.
    pub created: i64,
    /// The day the convenor moderated the participants' options.
    pub moderated: i64,
    /// Over how many days, from the day after it was created, participants joined.
    pub joining_days: i64,
    /// How many simulated participants took part.
    pub participants: usize,
    /// The fewest and most comparisons one participant made.
    pub comparisons: [usize; 2],
    /// The chance that a participant answers "can't decide".
    pub neither: f64,
}

/// One option and the strengths planted for it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionStory {
    /// The key (in `story.toml`) of the common-ground statement it was drafted from.
    pub statement: Option<String>,
    /// Its text, for an option the convenor wrote or a participant added.
    pub text: Option<String>,
    /// The constituency key of the participant who added it.
    pub by: Option<String>,
    /// What moderation made of a participant's option.
    pub status: Option<ModerationStatus>,
    /// Why the convenor rejected it.
    pub reason: Option<String>,
    /// Its planted log strength.
    pub strength: f64,
    /// Added to the strength for members of a constituency, by key.
    #[serde(default)]
    pub shift: BTreeMap<String, f64>,
}

/// Where an option came from, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Drafted from a statement of the story, by index.
    CommonGround {
        /// The statement.
        statement: usize,
    },
    /// Written by the convenor.
    Convenor,
    /// Added by a participant of a constituency (by index), then moderated.
    Participant {
        /// The author's constituency.
        constituency: usize,
        /// What moderation made of it.
        status: ModerationStatus,
    },
}

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priorities {
    /// The list.
    pub list: ListStory,
    /// Its options, in the order they were added within each kind.
    #[serde(rename = "option")]
    pub options: Vec<OptionStory>,
    /// Where each option came from, filled in by the check.
    #[serde(skip)]
    origins: Vec<Origin>,
}

/// One simulated participant of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Their constituencies, by index into the story's.
    pub constituencies: Vec<usize>,
    /// When they joined, in ms since the epoch.
    pub joined_at: i64,
}

/// One simulated comparison, by index.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedComparison {
    /// The person, by index into [`Simulation::people`].
    pub person: usize,
    /// The option shown on the left, by index into the file's options.
    pub left: usize,
    /// The option shown on the right.
    pub right: usize,
    /// The answer.
    pub choice: ComparisonChoice,
    /// Why they could not decide, if they said.
    pub reason: Option<UndecidedReason>,
    /// When, in ms since the epoch.
    pub at: i64,
}

/// The people, authors and comparisons drawn from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// The people, in the order they joined.
    pub people: Vec<Person>,
    /// Per option, the person who added it (participants' options only).
    pub authors: Vec<Option<usize>>,
    /// The comparisons, oldest first.
    pub comparisons: Vec<SimulatedComparison>,
}

/// What the demo's priority list holds.
#[derive(Debug, Clone)]
pub struct PrioritySummary {
    /// The list.
    pub list: PriorityListId,
    /// Its title.
    pub title: String,
    /// How many options it has, the rejected one included.
    pub options: usize,
    /// How many simulated participants joined it.
    pub participants: usize,
    /// How many comparisons they made.
    pub comparisons: usize,
}

fn check_strength(value: f64, what: &str) -> anyhow::Result<()> {
    ensure!(
        value.is_finite() && value.abs() <= MAX_STRENGTH,
        "{what} is {value}, not a number between -{MAX_STRENGTH} and {MAX_STRENGTH}"
    );
    Ok(())
}

impl Priorities {
    /// Reads and checks the list the binary carries against the story.
    pub fn bundled(story: &Story) -> anyhow::Result<Priorities> {
        Priorities::parse(PRIORITIES, story)
    }

    /// Reads and checks a list against the story.
    pub fn parse(text: &str, story: &Story) -> anyhow::Result<Priorities> {
        let mut priorities: Priorities =
            toml::from_str(text).context("reading the demo priority list")?;
        priorities.origins = priorities
            .check(story)
            .context("checking the demo priority list")?;
        Ok(priorities)
    }

    /// Returns an option's text.
    pub fn text<'a>(&'a self, story: &'a Story, option: usize) -> &'a str {
        match self.origins[option] {
            Origin::CommonGround { statement } => &story.statements[statement].text,
            Origin::Convenor | Origin::Participant { .. } => {
                self.options[option].text.as_deref().unwrap_or_default()
            }
        }
    }

    /// When the convenor created the list, for a demo whose day 0 starts at `midnight`.
    fn created_at(&self, midnight: i64) -> i64 {
        midnight + self.list.created * DAY_MS + 9 * HOUR_MS
    }

    /// When the convenor moderated the participants' options.
    fn moderated_at(&self, midnight: i64) -> i64 {
        midnight + self.list.moderated * DAY_MS + 9 * HOUR_MS
    }

    fn check(&self, story: &Story) -> anyhow::Result<Vec<Origin>> {
        let list = &self.list;
        PriorityListTitle::parse(&list.title).context("the list's title")?;
        PriorityQuestion::parse(&list.question).context("the list's question")?;
        Description::parse(&list.description).context("the list's description")?;
        ensure!(
            list.created > ANALYSED_ON && list.joining_days >= 1,
            "the list is created on day {}, before the dialogue's analysis (day {ANALYSED_ON}), or has no joining days",
            list.created
        );
        ensure!(
            list.created + list.joining_days <= 0,
            "participants join until day {}, after the demo starts (day 0)",
            list.created + list.joining_days
        );
        ensure!(
            list.created < list.moderated && list.moderated < list.created + list.joining_days,
            "the options are moderated on day {}, not while participants are joining (days {} to {})",
            list.moderated,
            list.created + 1,
            list.created + list.joining_days
        );
        ensure!(list.participants >= 1, "the list has no participants");
        let [fewest, most] = list.comparisons;
        ensure!(
            fewest >= 1 && fewest <= most,
            "the comparisons per participant {:?} are not a range from at least 1",
            list.comparisons
        );
        ensure!(
            (0.0..1.0).contains(&list.neither),
            "the chance of \"can't decide\" {} is not between 0 and 1",
            list.neither
        );
        let mut origins = Vec::with_capacity(self.options.len());
        let mut texts = BTreeSet::new();
        for option in &self.options {
            let what = option
                .statement
                .as_deref()
                .or(option.text.as_deref())
                .unwrap_or("an option without text or statement")
                .to_owned();
            let origin = match (&option.statement, &option.text, &option.by) {
                (Some(key), None, None) => {
                    ensure!(
                        option.status.is_none() && option.reason.is_none(),
                        "the option drafted from {key:?} is not moderated: it has no `status` or `reason`"
                    );
                    let statement = story.statement(key)?;
                    let written = &story.statements[statement];
                    ensure!(
                        written.status == ModerationStatus::Accepted,
                        "the option drafted from {key:?} cites a statement that is not accepted"
                    );
                    OptionText::parse(&written.text)
                        .with_context(|| format!("the statement {key:?} as an option"))?;
                    Origin::CommonGround { statement }
                }
                (None, Some(text), None) => {
                    ensure!(
                        option.status.is_none() && option.reason.is_none(),
                        "the convenor's option {text:?} is not moderated: it has no `status` or `reason`"
                    );
                    OptionText::parse(text).with_context(|| format!("the option {text:?}"))?;
                    Origin::Convenor
                }
                (None, Some(text), Some(key)) => {
                    OptionText::parse(text).with_context(|| format!("the option {text:?}"))?;
                    let constituency = story.constituency(key)?;
                    let status = option.status.with_context(|| {
                        format!("the participant's option {text:?} has no moderation `status`")
                    })?;
                    match (status, &option.reason) {
                        (ModerationStatus::Rejected, Some(reason)) => {
                            StanceReason::parse(reason)
                                .with_context(|| format!("the reason for rejecting {text:?}"))?;
                        }
                        (ModerationStatus::Rejected, None) => {
                            bail!(
                                "the rejected option {text:?} needs the `reason` the convenor gave"
                            )
                        }
                        (_, Some(_)) => {
                            bail!(
                                "only a rejected option has a `reason`, and {text:?} is not rejected"
                            )
                        }
                        (_, None) => {}
                    }
                    Origin::Participant {
                        constituency,
                        status,
                    }
                }
                _ => bail!(
                    "{what:?}: an option has either a `statement`, or a `text` (with `by` when a participant added it)"
                ),
            };
            let normalised = match origin {
                Origin::CommonGround { statement } => story.statements[statement].text.as_str(),
                _ => option.text.as_deref().unwrap_or_default(),
            }
            .to_lowercase();
            ensure!(texts.insert(normalised), "the option {what:?} is repeated");
            check_strength(option.strength, &format!("the strength of {what:?}"))?;
            for (key, shift) in &option.shift {
                story
                    .constituency(key)
                    .with_context(|| format!("a shift of {what:?}"))?;
                check_strength(*shift, &format!("the shift of {what:?} for {key:?}"))?;
            }
            origins.push(origin);
        }
        let always_shown = origins
            .iter()
            .filter(|origin| !matches!(origin, Origin::Participant { .. }))
            .count();
        ensure!(
            always_shown >= 2,
            "the list needs at least two options drafted or written by the convenor"
        );
        Ok(origins)
    }

    /// Whether an option could be compared at `at`: the convenor's and drafted options from
    /// the start, participants' options once accepted.
    fn shown(&self, option: usize, at: i64, moderated_at: i64) -> bool {
        match self.origins[option] {
            Origin::CommonGround { .. } | Origin::Convenor => true,
            Origin::Participant { status, .. } => {
                status == ModerationStatus::Accepted && at >= moderated_at
            }
        }
    }

    /// The strength of an option for a person: its own plus the mean of their constituencies'
    /// shifts.
    fn strength(&self, story: &Story, option: usize, person: &Person) -> f64 {
        let planted = &self.options[option];
        if person.constituencies.is_empty() {
            return planted.strength;
        }
        let shift: f64 = person
            .constituencies
            .iter()
            .map(|&index| {
                planted
                    .shift
                    .get(&story.constituencies[index].key)
                    .copied()
                    .unwrap_or(0.0)
            })
            .sum();
        planted.strength + shift / person.constituencies.len() as f64
    }

    /// Draws the list's participants, its options' authors and the comparisons, for a demo
    /// whose day 0 starts at `midnight`: the same seed always gives the same list.
    pub fn simulate(&self, story: &Story, seed: u64, midnight: i64) -> anyhow::Result<Simulation> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let created_at = self.created_at(midnight);
        let moderated_at = self.moderated_at(midnight);

        // Each participant's option is added by one of the first to join, a member of its
        // constituency (of a profile drawn among the dialogue's that include it); the others
        // come in the proportions of the dialogue's profiles, over the joining days.
        let total = story.participant_count();
        ensure!(total > 0, "the demo story has no participants to draw from");
        let weights = |keep: &dyn Fn(&super::story::Profile) -> bool| -> Vec<f64> {
            story
                .profiles
                .iter()
                .map(|profile| {
                    if keep(profile) {
                        profile.count as f64
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        let draw = |rng: &mut ChaCha8Rng, weights: &[f64]| -> anyhow::Result<Vec<usize>> {
            let sum: f64 = weights.iter().sum();
            ensure!(sum > 0.0, "no profile of the demo story fits");
            let chances: Vec<f64> = weights.iter().map(|weight| weight / sum).collect();
            story.profiles[super::story::pick(rng, &chances)]
                .constituencies
                .iter()
                .map(|key| story.constituency(key))
                .collect()
        };
        let mut people = Vec::with_capacity(self.list.participants);
        let mut authored = Vec::new();
        for (option, origin) in self.origins.iter().enumerate() {
            let Origin::Participant { constituency, .. } = *origin else {
                continue;
            };
            let key = &story.constituencies[constituency].key;
            let constituencies = draw(
                &mut rng,
                &weights(&|profile: &super::story::Profile| profile.constituencies.contains(key)),
            )
            .with_context(|| format!("nobody in the dialogue's profiles is in {key:?}"))?;
            let order = i64::try_from(people.len()).context("too many list participants")?;
            let joined_at = created_at + DAY_MS + order * 45 * MINUTE_MS;
            ensure!(
                joined_at + 10 * MINUTE_MS < moderated_at,
                "the participant who adds {:?} joins after the options are moderated",
                self.text(story, option)
            );
            authored.push((people.len(), option));
            people.push(Person {
                constituencies,
                joined_at,
            });
        }
        ensure!(
            people.len() <= self.list.participants,
            "the list has fewer participants than participants' options"
        );
        let everyone = weights(&|_: &super::story::Profile| true);
        let others = self.list.participants - people.len();
        let count = i64::try_from(others.max(1)).context("too many list participants")?;
        let span = self.list.joining_days * DAY_MS;
        for index in 0..others {
            let index = i64::try_from(index).context("too many list participants")?;
            let constituencies = draw(&mut rng, &everyone)?;
            people.push(Person {
                constituencies,
                joined_at: created_at
                    + DAY_MS
                    + span * index / count
                    + rng.random_range(0..60 * MINUTE_MS),
            });
        }
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by_key(|&person| (people[person].joined_at, person));
        let mut position = vec![0; people.len()];
        for (at, &person) in order.iter().enumerate() {
            position[person] = at;
        }
        let mut authors = vec![None; self.options.len()];
        for (person, option) in authored {
            authors[option] = Some(position[person]);
        }
        let people: Vec<Person> = order
            .into_iter()
            .map(|person| people[person].clone())
            .collect();

        let [fewest, most] = self.list.comparisons;
        let mut comparisons = Vec::new();
        for (index, person) in people.iter().enumerate() {
            let shown: Vec<usize> = (0..self.options.len())
                .filter(|&option| self.shown(option, person.joined_at, moderated_at))
                .collect();
            let pairs = shown.len() * (shown.len() - 1) / 2;
            let wanted = rng.random_range(fewest..=most).min(pairs);
            let mut answered = BTreeSet::new();
            let mut at = person.joined_at + MINUTE_MS;
            while answered.len() < wanted {
                let first = shown[rng.random_range(0..shown.len())];
                let second = shown[rng.random_range(0..shown.len())];
                if first == second || !answered.insert((first.min(second), first.max(second))) {
                    continue;
                }
                at += rng.random_range(6_000..40_000);
                let (choice, reason) = if rng.random_bool(self.list.neither) {
                    let reason = match rng.random_range(0..3) {
                        0 => Some(UndecidedReason::BothMatterEqually),
                        1 => Some(UndecidedReason::DontKnowEnough),
                        _ => None,
                    };
                    (ComparisonChoice::Neither, reason)
                } else {
                    let difference =
                        self.strength(story, first, person) - self.strength(story, second, person);
                    let left_wins = rng.random_bool(1.0 / (1.0 + (-difference).exp()));
                    let choice = if left_wins {
                        ComparisonChoice::Left
                    } else {
                        ComparisonChoice::Right
                    };
                    (choice, None)
                };
                comparisons.push(SimulatedComparison {
                    person: index,
                    left: first,
                    right: second,
                    choice,
                    reason,
                    at,
                });
            }
        }
        comparisons.sort_by_key(|comparison| comparison.at);
        Ok(Simulation {
            people,
            authors,
            comparisons,
        })
    }
}

/// Creates the demo's priority list in the cast's partnership, linked to its dialogue, and
/// fills it from the file with the clock pinned to each moment; `midnight` starts day 0.
pub(super) async fn set_up(
    state: &AppState,
    pinned: &Pinned<'_>,
    midnight: i64,
    story: &Story,
    priorities: &Priorities,
    cast: &Cast,
    seed: u64,
) -> anyhow::Result<PrioritySummary> {
    let store = state.store();
    let convenor: &CurrentConvenor = &cast.convenor;
    let simulation = priorities.simulate(story, seed, midnight)?;
    let created_at = priorities.created_at(midnight);
    let moderated_at = priorities.moderated_at(midnight);

    pinned.at(created_at);
    let list = service::create_list(
        state,
        convenor,
        cast.partnership,
        ListInput {
            title: priorities.list.title.clone(),
            question: priorities.list.question.clone(),
            description: priorities.list.description.clone(),
            dialogue: Some(cast.dialogue),
            constituencies: story
                .constituencies
                .iter()
                .map(|constituency| (constituency.name.clone(), Some(constituency.kind)))
                .collect(),
            allow_participant_options: true,
            moderation: ModerationPolicy::Pre,
            results_visibility: ReportVisibility::Public,
        },
    )
    .await
    .context("creating the demo priority list")?;
    // The list's constituencies, by the story's index.
    let constituencies = story
        .constituencies
        .iter()
        .map(|constituency| {
            let name = ConstituencyName::parse(&constituency.name)
                .context("a demo constituency's name")?;
            list.constituencies
                .iter()
                .find(|created| created.name == name)
                .map(|created| created.id)
                .with_context(|| {
                    format!("the demo list has no constituency {:?}", constituency.name)
                })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;

    // The dialogue's common ground, drafted as the convenor drafts it.
    let mut ids: Vec<Option<PriorityOptionId>> = vec![None; priorities.options.len()];
    pinned.at(created_at + 10 * MINUTE_MS);
    let drafted = service::draft_from_common_ground(state, convenor, list.id)
        .await
        .context("drafting the demo list's options from the dialogue's common ground")?;
    ensure!(
        drafted.too_long.is_empty(),
        "common-ground statements of the demo dialogue are too long to be options"
    );
    for option in &drafted.added {
        let index = (0..priorities.options.len())
            .find(|&index| {
                matches!(priorities.origins[index], Origin::CommonGround { .. })
                    && priorities.text(story, index) == option.text
            })
            .with_context(|| {
                format!(
                    "the dialogue's analysis finds common ground on {:?}, which priorities.toml does not plant strengths for",
                    option.text
                )
            })?;
        ids[index] = Some(option.id);
    }
    for (index, origin) in priorities.origins.iter().enumerate() {
        if let Origin::CommonGround { .. } = origin {
            ensure!(
                ids[index].is_some(),
                "priorities.toml drafts {:?}, which is not common ground in the dialogue's analysis",
                priorities.text(story, index)
            );
        }
    }
    let mut minute = 20;
    for (index, origin) in priorities.origins.iter().enumerate() {
        if *origin != Origin::Convenor {
            continue;
        }
        pinned.at(created_at + minute * MINUTE_MS);
        minute += 5;
        let text = priorities.text(story, index);
        let added = service::add_option(state, convenor, list.id, text)
            .await
            .with_context(|| format!("adding the demo option {text:?}"))?;
        ids[index] = Some(added.id);
    }

    // People join; the first ones add their options, which the convenor moderates.
    let mut participants = Vec::with_capacity(simulation.people.len());
    let mut moderated = false;
    for (person_index, person) in simulation.people.iter().enumerate() {
        if !moderated && person.joined_at >= moderated_at {
            moderate(
                state,
                pinned,
                priorities,
                story,
                convenor,
                list.id,
                &ids,
                moderated_at,
            )
            .await?;
            moderated = true;
        }
        let (participant, _) = store
            .join_priority_list(NewPriorityParticipant {
                list: list.id,
                constituencies: person
                    .constituencies
                    .iter()
                    .map(|&index| constituencies[index])
                    .collect(),
                dialogue_participant: None,
                created_at: person.joined_at,
            })
            .await
            .context("joining the demo priority list")?;
        for (option, author) in simulation.authors.iter().enumerate() {
            if *author != Some(person_index) {
                continue;
            }
            pinned.at(person.joined_at + 5 * MINUTE_MS);
            let text = priorities.text(story, option);
            let added =
                service::add_participant_option(state, ClientAddress(None), &participant, text)
                    .await
                    .with_context(|| format!("adding the participant's option {text:?}"))?;
            ids[option] = Some(added.id);
        }
        participants.push(participant.id);
    }
    if !moderated {
        moderate(
            state,
            pinned,
            priorities,
            story,
            convenor,
            list.id,
            &ids,
            moderated_at,
        )
        .await?;
    }

    for comparison in &simulation.comparisons {
        let option = |index: usize| {
            ids[index].with_context(|| {
                format!(
                    "the demo option {:?} was compared before it was added",
                    priorities.text(story, index)
                )
            })
        };
        store
            .record_comparison(NewComparison {
                participant: participants[comparison.person],
                left: option(comparison.left)?,
                right: option(comparison.right)?,
                choice: comparison.choice,
                reason: comparison.reason,
                compared_at: comparison.at,
                idempotency_key: None,
            })
            .await
            .context("recording a demo comparison")?;
    }
    Ok(PrioritySummary {
        list: list.id,
        title: priorities.list.title.clone(),
        options: priorities.options.len(),
        participants: participants.len(),
        comparisons: simulation.comparisons.len(),
    })
}

/// The convenor accepts or rejects each participant's option as the file says.
#[expect(
    clippy::too_many_arguments,
    reason = "the moderation step reads the whole demo's context"
)]
async fn moderate(
    state: &AppState,
    pinned: &Pinned<'_>,
    priorities: &Priorities,
    story: &Story,
    convenor: &CurrentConvenor,
    list: PriorityListId,
    ids: &[Option<PriorityOptionId>],
    moderated_at: i64,
) -> anyhow::Result<()> {
    pinned.at(moderated_at);
    for (index, origin) in priorities.origins.iter().enumerate() {
        let Origin::Participant { status, .. } = *origin else {
            continue;
        };
        if status == ModerationStatus::Pending {
            continue;
        }
        let text = priorities.text(story, index);
        let id = ids[index].with_context(|| {
            format!("the participant's option {text:?} was moderated before it was added")
        })?;
        service::moderate(
            state,
            convenor,
            list,
            id,
            status,
            priorities.options[index].reason.as_deref(),
        )
        .await
        .with_context(|| format!("moderating the demo option {text:?}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIDNIGHT: i64 = 1_800_000_000_000 / DAY_MS * DAY_MS;

    fn bundled() -> (Story, Priorities) {
        let story = Story::bundled().unwrap();
        let priorities = Priorities::bundled(&story).unwrap();
        (story, priorities)
    }

    #[test]
    fn the_bundled_list_has_options_of_every_origin() {
        let (_, priorities) = bundled();
        let origins = &priorities.origins;
        assert!(
            origins
                .iter()
                .any(|origin| matches!(origin, Origin::CommonGround { .. }))
        );
        assert!(origins.contains(&Origin::Convenor));
        let statuses: BTreeSet<ModerationStatus> = origins
            .iter()
            .filter_map(|origin| match origin {
                Origin::Participant { status, .. } => Some(*status),
                _ => None,
            })
            .collect();
        assert_eq!(
            statuses,
            [ModerationStatus::Accepted, ModerationStatus::Rejected].into()
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_comparisons_from_every_constituency() {
        let (story, priorities) = bundled();
        let first = priorities.simulate(&story, 7, MIDNIGHT).unwrap();
        assert_eq!(first, priorities.simulate(&story, 7, MIDNIGHT).unwrap());
        assert_ne!(
            first.comparisons,
            priorities
                .simulate(&story, 8, MIDNIGHT)
                .unwrap()
                .comparisons
        );
        assert_eq!(first.people.len(), priorities.list.participants);
        let compared: BTreeSet<usize> = first
            .comparisons
            .iter()
            .flat_map(|comparison| first.people[comparison.person].constituencies.clone())
            .collect();
        assert_eq!(compared.len(), story.constituencies.len());
        let moderated_at = priorities.moderated_at(MIDNIGHT);
        let mut pairs = BTreeSet::new();
        for comparison in &first.comparisons {
            let person = &first.people[comparison.person];
            assert!(comparison.at > person.joined_at && comparison.at < MIDNIGHT);
            assert_ne!(comparison.left, comparison.right);
            // Nobody compares a rejected option, or a participant's before it was accepted,
            // or the same pair twice.
            for option in [comparison.left, comparison.right] {
                assert!(priorities.shown(option, person.joined_at, moderated_at));
            }
            let pair = (
                comparison.person,
                comparison.left.min(comparison.right),
                comparison.left.max(comparison.right),
            );
            assert!(pairs.insert(pair));
        }
        // Authors joined before moderation.
        for author in first.authors.iter().flatten() {
            assert!(first.people[*author].joined_at < moderated_at);
        }
    }

    fn refused(from: &str, to: &str) -> String {
        let story = Story::bundled().unwrap();
        assert!(PRIORITIES.contains(from), "{from}");
        let broken = PRIORITIES.replacen(from, to, 1);
        let error = Priorities::parse(&broken, &story).unwrap_err();
        format!("{error:#}")
    }

    #[test]
    fn a_list_with_a_mistake_is_refused_with_a_clear_error() {
        let error = refused(
            "statement = \"loneliness\"",
            "statement = \"no-such-statement\"",
        );
        assert!(error.contains("no-such-statement"), "{error}");
        let error = refused("voluntary = 1.6", "astronauts = 1.6");
        assert!(error.contains("astronauts"), "{error}");
        let error = refused("reason = \"This names", "# reason = \"This names");
        assert!(error.contains("needs the `reason`"), "{error}");
        let error = refused("moderated = -67", "moderated = -20");
        assert!(error.contains("moderated on day -20"), "{error}");
        let error = refused("strength = 0.4", "strength = inf");
        assert!(error.contains("strength"), "{error}");
        let error = refused("participants = 200", "participants = 200\nvotes = 3");
        assert!(error.contains("votes"), "{error}");
    }
}
