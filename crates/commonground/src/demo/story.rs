//! The demo's story, read from `story.toml`, and the simulated participants, statements and votes
//! drawn from it by a seeded generator: the same seed and start time always give the same
//! dialogue.
//!
//! Each simulated participant belongs to a profile (which constituencies they said they are in)
//! and leans towards one of the story's opinion camps, more or less firmly. On each statement
//! they see, they pass with the statement's pass rate, else agree with the chance their camp
//! agrees, pulled towards the average of the camps when their lean is weak and shifted by what
//! the statement says of their constituencies and of lay and professional people.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, bail, ensure};
use model::{ConstituencyKind, Email, ModerationStatus, Sector, StatementText, VoteChoice};
use rand::seq::SliceRandom as _;
use rand::{Rng as _, SeedableRng as _};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use store::{ImportedParticipant, ImportedStatement, ImportedVote};

/// The story as written in the repository.
const STORY: &str = include_str!("story.toml");

/// How many opinion camps the story plants.
pub const CAMPS: usize = 3;

/// The pass rate of a statement that does not give one.
const DEFAULT_PASS: f64 = 0.06;

/// How long after the dialogue opened the last participant joins.
const JOINING_SPAN_MS: i64 = 20 * DAY_MS;

/// A day in milliseconds.
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A minute in milliseconds.
const MINUTE_MS: i64 = 60 * 1000;

/// The demo's partnership.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnershipStory {
    /// Its name.
    pub name: String,
    /// What it is for.
    pub purpose: String,
}

/// One partner organisation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerStory {
    /// How `settlement.toml` names it.
    pub key: String,
    /// Its name.
    pub name: String,
    /// Its sector.
    pub sector: Sector,
    /// The email address of the person the demo signs up to speak for it, if any.
    pub representative: Option<String>,
    /// Whether the demo prints the password of its representative.
    #[serde(default)]
    pub represented: bool,
}

/// The demo's dialogue.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DialogueStory {
    /// Its title.
    pub title: String,
    /// The question put to participants.
    pub question: String,
    /// What participants read first.
    pub description: String,
}

/// One constituency of the dialogue.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstituencyStory {
    /// How profiles, authors and shifts name it.
    pub key: String,
    /// Its name as participants read it.
    pub name: String,
    /// The share of participants the partnership expects from it.
    pub expected_share: f64,
    /// Lay or professional.
    pub kind: ConstituencyKind,
}

/// A kind of participant: how many there are, their constituencies and their likely camps.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// How many participants have this profile.
    pub count: usize,
    /// The keys of their constituencies (none: they did not say).
    pub constituencies: Vec<String>,
    /// The chance of each camp; they add up to 1.
    pub camps: [f64; CAMPS],
}

/// One statement and how each camp and constituency meets it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementStory {
    /// How `settlement.toml` cites it, if it does.
    pub key: Option<String>,
    /// Its text.
    pub text: String,
    /// The constituency key of the participant who wrote it; a seed statement when absent.
    pub by: Option<String>,
    /// Where it stands in moderation.
    #[serde(default = "accepted")]
    pub status: ModerationStatus,
    /// The chance that a participant of each camp agrees rather than disagrees.
    pub agree: [f64; CAMPS],
    /// The chance that a participant passes.
    pub pass: Option<f64>,
    /// Added to the agree chance by constituency key or by kind (`lay`, `professional`).
    #[serde(default)]
    pub shift: BTreeMap<String, f64>,
}

fn accepted() -> ModerationStatus {
    ModerationStatus::Accepted
}

/// The whole story.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// The partnership.
    pub partnership: PartnershipStory,
    /// Its partners.
    #[serde(rename = "partner")]
    pub partners: Vec<PartnerStory>,
    /// The dialogue.
    pub dialogue: DialogueStory,
    /// The dialogue's constituencies.
    #[serde(rename = "constituency")]
    pub constituencies: Vec<ConstituencyStory>,
    /// Who takes part.
    #[serde(rename = "profile")]
    pub profiles: Vec<Profile>,
    /// The statements, in the order they were written.
    #[serde(rename = "statement")]
    pub statements: Vec<StatementStory>,
}

fn kind_key(kind: ConstituencyKind) -> &'static str {
    match kind {
        ConstituencyKind::Lay => "lay",
        ConstituencyKind::Professional => "professional",
    }
}

fn is_probability(value: f64) -> bool {
    (0.0..=1.0).contains(&value)
}

impl Story {
    /// Reads and checks the story the binary carries.
    pub fn bundled() -> anyhow::Result<Story> {
        Story::parse(STORY)
    }

    /// Reads and checks a story.
    pub fn parse(text: &str) -> anyhow::Result<Story> {
        let story: Story = toml::from_str(text).context("reading the demo story")?;
        story.check()?;
        Ok(story)
    }

    /// Returns the constituency with this key, by index.
    pub fn constituency(&self, key: &str) -> anyhow::Result<usize> {
        self.constituencies
            .iter()
            .position(|constituency| constituency.key == key)
            .with_context(|| format!("the demo story names an unknown constituency {key:?}"))
    }

    /// Returns the partner with this key, by index.
    pub fn partner(&self, key: &str) -> anyhow::Result<usize> {
        self.partners
            .iter()
            .position(|partner| partner.key == key)
            .with_context(|| format!("the demo story names an unknown partner {key:?}"))
    }

    /// Returns the statement with this key, by index.
    pub fn statement(&self, key: &str) -> anyhow::Result<usize> {
        self.statements
            .iter()
            .position(|statement| statement.key.as_deref() == Some(key))
            .with_context(|| format!("the demo story names an unknown statement {key:?}"))
    }

    /// Returns the number of simulated participants.
    pub fn participant_count(&self) -> usize {
        self.profiles.iter().map(|profile| profile.count).sum()
    }

    /// Checks that a profile names the story's constituencies and that its camp chances add up
    /// to 1.
    pub fn check_profile(&self, profile: &Profile) -> anyhow::Result<()> {
        for key in &profile.constituencies {
            self.constituency(key)?;
        }
        let total: f64 = profile.camps.iter().sum();
        ensure!(
            profile.camps.iter().all(|&chance| is_probability(chance))
                && (total - 1.0).abs() < 1e-9,
            "a profile's camp chances {:?} do not add up to 1",
            profile.camps
        );
        Ok(())
    }

    fn check(&self) -> anyhow::Result<()> {
        ensure!(
            self.partners
                .iter()
                .filter(|partner| partner.represented)
                .count()
                == 1,
            "the demo story must represent exactly one partner"
        );
        let mut partner_keys = BTreeSet::new();
        let mut emails = BTreeSet::new();
        for partner in &self.partners {
            ensure!(
                partner_keys.insert(partner.key.as_str()),
                "the partner key {:?} is repeated",
                partner.key
            );
            match &partner.representative {
                Some(email) => {
                    let email = Email::parse(email).with_context(|| {
                        format!("the email of {:?}'s representative", partner.name)
                    })?;
                    ensure!(
                        emails.insert(email.as_str().to_lowercase()),
                        "the representative's email {:?} is repeated",
                        email.as_str()
                    );
                }
                None => ensure!(
                    !partner.represented,
                    "the represented partner {:?} has no representative's email",
                    partner.name
                ),
            }
        }
        let mut statement_keys = BTreeSet::new();
        for statement in &self.statements {
            if let Some(key) = &statement.key {
                ensure!(
                    statement_keys.insert(key.as_str()),
                    "the statement key {key:?} is repeated"
                );
            }
        }
        let mut keys = BTreeSet::new();
        for constituency in &self.constituencies {
            ensure!(
                keys.insert(constituency.key.as_str())
                    && !["lay", "professional"].contains(&constituency.key.as_str()),
                "the constituency key {:?} is repeated or is a kind",
                constituency.key
            );
            ensure!(
                is_probability(constituency.expected_share),
                "the expected share of {:?} is not between 0 and 1",
                constituency.name
            );
        }
        let expected: f64 = self
            .constituencies
            .iter()
            .map(|constituency| constituency.expected_share)
            .sum();
        ensure!(
            expected <= 1.0 + 1e-9,
            "the expected shares add up to more than 1"
        );
        for profile in &self.profiles {
            self.check_profile(profile)?;
        }
        for statement in &self.statements {
            StatementText::parse(&statement.text)
                .with_context(|| format!("the demo statement {:?}", statement.text))?;
            if let Some(key) = &statement.by {
                self.constituency(key)?;
            }
            for key in statement.shift.keys() {
                if !["lay", "professional"].contains(&key.as_str()) {
                    self.constituency(key)?;
                }
            }
            let chances = statement.agree.iter().chain(statement.pass.iter());
            ensure!(
                chances.copied().all(is_probability),
                "the chances of {:?} are not between 0 and 1",
                statement.text
            );
            if statement.status != ModerationStatus::Accepted && statement.by.is_none() {
                bail!(
                    "the statement {:?} is moderated but has no author",
                    statement.text
                );
            }
        }
        Ok(())
    }
}

/// One simulated person.
struct Person {
    /// Their constituencies, by index.
    constituencies: Vec<usize>,
    /// The camp they lean towards.
    camp: usize,
    /// How firmly, from 0 (the average of the camps) to 1 (their camp's view).
    lean: f64,
    /// When they joined, in ms since the epoch.
    joined_at: i64,
}

/// The participants, statements and votes of the demo dialogue, ready to import.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// Every participant with their constituencies' names.
    pub participants: Vec<ImportedParticipant>,
    /// Every statement with its author and moderation.
    pub statements: Vec<ImportedStatement>,
    /// Every vote.
    pub votes: Vec<ImportedVote>,
}

fn participant_id(index: usize) -> String {
    format!("participant-{}", index + 1)
}

fn statement_id(index: usize) -> String {
    format!("statement-{}", index + 1)
}

/// Picks an index by the given chances.
pub(super) fn pick(rng: &mut ChaCha8Rng, chances: &[f64]) -> usize {
    let mut draw: f64 = rng.random();
    for (index, chance) in chances.iter().enumerate() {
        if draw < *chance {
            return index;
        }
        draw -= chance;
    }
    chances.len().saturating_sub(1)
}

/// The simulated people, in the order they joined.
fn people(story: &Story, rng: &mut ChaCha8Rng, opened_at: i64) -> anyhow::Result<Vec<Person>> {
    let mut people = Vec::with_capacity(story.participant_count());
    for profile in &story.profiles {
        let constituencies = profile
            .constituencies
            .iter()
            .map(|key| story.constituency(key))
            .collect::<anyhow::Result<Vec<_>>>()?;
        for _ in 0..profile.count {
            people.push(Person {
                constituencies: constituencies.clone(),
                camp: pick(rng, &profile.camps),
                lean: rng.random_range(0.65..=1.0),
                joined_at: 0,
            });
        }
    }
    people.shuffle(rng);
    let count = i64::try_from(people.len().max(1)).context("too many demo participants")?;
    for (index, person) in people.iter_mut().enumerate() {
        let index = i64::try_from(index).context("too many demo participants")?;
        person.joined_at =
            opened_at + JOINING_SPAN_MS * index / count + rng.random_range(0..60 * MINUTE_MS);
    }
    people.sort_by_key(|person| person.joined_at);
    Ok(people)
}

/// The chance that a person agrees with a statement when they do not pass.
fn agree_chance(story: &Story, statement: &StatementStory, person: &Person) -> f64 {
    let average = statement.agree.iter().sum::<f64>() / CAMPS as f64;
    let held = person.lean * statement.agree[person.camp] + (1.0 - person.lean) * average;
    let shift = if person.constituencies.is_empty() {
        0.0
    } else {
        let total: f64 = person
            .constituencies
            .iter()
            .map(|&index| {
                let constituency = &story.constituencies[index];
                statement
                    .shift
                    .get(&constituency.key)
                    .copied()
                    .unwrap_or(0.0)
                    + statement
                        .shift
                        .get(kind_key(constituency.kind))
                        .copied()
                        .unwrap_or(0.0)
            })
            .sum();
        total / person.constituencies.len() as f64
    };
    (held + shift).clamp(0.02, 0.98)
}

/// Draws a person's box on a statement: pass at the statement's pass rate, else agree with
/// the chance their camp, their lean and their constituencies give.
fn draw_choice(
    rng: &mut ChaCha8Rng,
    story: &Story,
    statement: &StatementStory,
    person: &Person,
) -> VoteChoice {
    if rng.random_bool(statement.pass.unwrap_or(DEFAULT_PASS)) {
        VoteChoice::Pass
    } else if rng.random_bool(agree_chance(story, statement, person)) {
        VoteChoice::Agree
    } else {
        VoteChoice::Disagree
    }
}

/// A paper card drawn from the story: the constituency boxes ticked and the boxes ticked per
/// statement.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnCard {
    /// The names of the constituencies ticked.
    pub constituencies: Vec<String>,
    /// The statements ticked, by index in the story, each with its box.
    pub votes: Vec<(usize, VoteChoice)>,
}

/// Draws the cards of people who took part on paper, by the same model as the online
/// participants: a card lists every statement accepted so far, and people leave a box blank
/// now and then (`blank`, the chance of that).
pub fn draw_cards(
    story: &Story,
    profiles: &[Profile],
    blank: f64,
    seed: u64,
) -> anyhow::Result<Vec<DrawnCard>> {
    ensure!(
        is_probability(blank),
        "the chance of a blank box is not between 0 and 1"
    );
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut cards = Vec::new();
    for profile in profiles {
        story.check_profile(profile)?;
        let constituencies = profile
            .constituencies
            .iter()
            .map(|key| story.constituency(key))
            .collect::<anyhow::Result<Vec<_>>>()?;
        for _ in 0..profile.count {
            let person = Person {
                constituencies: constituencies.clone(),
                camp: pick(&mut rng, &profile.camps),
                lean: rng.random_range(0.65..=1.0),
                joined_at: 0,
            };
            let mut votes = Vec::new();
            for (index, statement) in story.statements.iter().enumerate() {
                if statement.status == ModerationStatus::Accepted && !rng.random_bool(blank) {
                    votes.push((index, draw_choice(&mut rng, story, statement, &person)));
                }
            }
            cards.push(DrawnCard {
                constituencies: constituencies
                    .iter()
                    .map(|&index| story.constituencies[index].name.clone())
                    .collect(),
                votes,
            });
        }
    }
    Ok(cards)
}

/// Draws the demo dialogue from the story: `opened_at` is when the dialogue opened (ms since
/// the epoch); participants join over the following 20 days.
pub fn simulate(story: &Story, seed: u64, opened_at: i64) -> anyhow::Result<Simulation> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let people = people(story, &mut rng, opened_at)?;

    // Authors: early joiners write the statements others vote on, late joiners those still
    // waiting in moderation.
    let mut statements = Vec::with_capacity(story.statements.len());
    let mut authors = Vec::with_capacity(story.statements.len());
    for (index, statement) in story.statements.iter().enumerate() {
        let author = match &statement.by {
            None => None,
            Some(key) => {
                let constituency = story.constituency(key)?;
                let members: Vec<usize> = (0..people.len())
                    .filter(|&person| people[person].constituencies.contains(&constituency))
                    .collect();
                ensure!(
                    !members.is_empty(),
                    "nobody in {key:?} can write a statement"
                );
                let third = members.len().div_ceil(3);
                let eligible = if statement.status == ModerationStatus::Accepted {
                    &members[..third]
                } else {
                    &members[members.len() - third..]
                };
                Some(eligible[rng.random_range(0..eligible.len())])
            }
        };
        let created_at = match author {
            None => opened_at,
            Some(person) => people[person].joined_at + rng.random_range(2..20) * MINUTE_MS,
        };
        authors.push(author);
        statements.push(ImportedStatement {
            external_id: statement_id(index),
            text: statement.text.clone(),
            is_seed: author.is_none(),
            is_meta: false,
            moderation: statement.status,
            author: author.map(participant_id),
            created_at,
        });
    }

    let mut votes = Vec::new();
    // Authors agree with what they wrote, as they write it.
    for (index, author) in authors.iter().enumerate() {
        if let Some(person) = author
            && story.statements[index].status == ModerationStatus::Accepted
        {
            votes.push(ImportedVote {
                participant: participant_id(*person),
                statement: statement_id(index),
                choice: VoteChoice::Agree,
                cast_at: statements[index].created_at,
            });
        }
    }
    for (index, person) in people.iter().enumerate() {
        // The accepted statements already written when they came, except their own.
        let mut shown: Vec<usize> = (0..story.statements.len())
            .filter(|&statement| {
                story.statements[statement].status == ModerationStatus::Accepted
                    && statements[statement].created_at < person.joined_at
                    && authors[statement] != Some(index)
            })
            .collect();
        shown.shuffle(&mut rng);
        let answered = if rng.random_bool(0.45) || shown.len() <= 10 {
            shown.len()
        } else {
            rng.random_range(10..shown.len())
        };
        let mut cast_at = person.joined_at;
        for &statement in &shown[..answered] {
            cast_at += rng.random_range(8_000..45_000);
            let choice = draw_choice(&mut rng, story, &story.statements[statement], person);
            votes.push(ImportedVote {
                participant: participant_id(index),
                statement: statement_id(statement),
                choice,
                cast_at,
            });
        }
    }

    let participants = people
        .iter()
        .enumerate()
        .map(|(index, person)| ImportedParticipant {
            external_id: participant_id(index),
            constituencies: person
                .constituencies
                .iter()
                .map(|&constituency| story.constituencies[constituency].name.clone())
                .collect(),
            created_at: person.joined_at,
        })
        .collect();
    Ok(Simulation {
        participants,
        statements,
        votes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENED_AT: i64 = 1_800_000_000_000;

    fn bundled() -> Story {
        Story::bundled().unwrap()
    }

    #[test]
    fn the_bundled_story_tells_of_a_health_partnership() {
        let story = bundled();
        assert_eq!(story.partnership.name, "Healthy ageing in Northvale");
        assert_eq!(story.partners.len(), 8);
        assert_eq!(story.constituencies.len(), 6);
        assert_eq!(story.participant_count(), 600);
        let accepted = story
            .statements
            .iter()
            .filter(|statement| statement.status == ModerationStatus::Accepted)
            .count();
        assert!((36..=42).contains(&accepted), "{accepted}");
        let expected: f64 = story
            .constituencies
            .iter()
            .map(|constituency| constituency.expected_share)
            .sum();
        assert!((expected - 1.0).abs() < 1e-9, "{expected}");
    }

    #[test]
    fn the_same_seed_gives_the_same_dialogue_and_another_seed_another() {
        let story = bundled();
        let first = simulate(&story, 7, OPENED_AT).unwrap();
        assert_eq!(first, simulate(&story, 7, OPENED_AT).unwrap());
        assert_ne!(first.votes, simulate(&story, 8, OPENED_AT).unwrap().votes);
    }

    #[test]
    fn the_simulation_has_passes_authors_and_people_in_several_constituencies() {
        let story = bundled();
        let simulation = simulate(&story, 7, OPENED_AT).unwrap();
        assert_eq!(simulation.participants.len(), 600);
        let choices: BTreeSet<_> = simulation.votes.iter().map(|vote| vote.choice).collect();
        assert_eq!(choices.len(), 3, "{choices:?}");
        assert!(
            simulation
                .participants
                .iter()
                .any(|participant| participant.constituencies.len() > 1)
        );
        let written = simulation
            .statements
            .iter()
            .filter(|statement| statement.author.is_some())
            .count();
        assert!(written >= 10, "{written}");
        // Every vote is cast after its statement was written and after its voter joined, and
        // nobody votes twice on a statement.
        let joined: BTreeMap<&str, i64> = simulation
            .participants
            .iter()
            .map(|participant| (participant.external_id.as_str(), participant.created_at))
            .collect();
        let written_at: BTreeMap<&str, i64> = simulation
            .statements
            .iter()
            .map(|statement| (statement.external_id.as_str(), statement.created_at))
            .collect();
        let mut seen = BTreeSet::new();
        for vote in &simulation.votes {
            assert!(vote.cast_at >= joined[vote.participant.as_str()]);
            assert!(vote.cast_at >= written_at[vote.statement.as_str()]);
            assert!(seen.insert((&vote.participant, &vote.statement)));
        }
        // Nobody votes on statements waiting in moderation or turned down.
        for (index, statement) in story.statements.iter().enumerate() {
            if statement.status != ModerationStatus::Accepted {
                let id = statement_id(index);
                assert!(simulation.votes.iter().all(|vote| vote.statement != id));
            }
        }
        let last = simulation
            .votes
            .iter()
            .map(|vote| vote.cast_at)
            .max()
            .unwrap();
        assert!(last < OPENED_AT + 21 * DAY_MS);
    }

    #[test]
    fn the_unpaid_carers_fall_far_short_of_their_expected_share() {
        let story = bundled();
        let simulation = simulate(&story, 7, OPENED_AT).unwrap();
        for constituency in &story.constituencies {
            let members = simulation
                .participants
                .iter()
                .filter(|participant| participant.constituencies.contains(&constituency.name))
                .count();
            let share = members as f64 / 600.0;
            if constituency.key == "carer" {
                assert!(share < constituency.expected_share / 2.0, "{share}");
            } else {
                assert!(
                    share >= constituency.expected_share,
                    "{}: {share}",
                    constituency.name
                );
            }
        }
    }

    #[test]
    fn a_story_with_an_unknown_constituency_is_refused() {
        let broken = STORY.replace("by = \"carer\"", "by = \"astronaut\"");
        let error = Story::parse(&broken).unwrap_err();
        assert!(format!("{error:#}").contains("astronaut"), "{error:#}");
    }
}
