//! The demo's rounds part: "Staying steady", a smaller dialogue on falls prevention that the
//! partnership ran in two rounds, before and after the Northvale Healthy Ageing Fair, where
//! physiotherapists ran taster strength-and-balance classes and pharmacists reviewed
//! medicines. Round 1's participants are imported; the convenor starts round 2 through the
//! same service as the API, and most participants come back with their own links and vote
//! again, some changing their minds, with a few new people who heard of it at the fair.
//! The report then compares the rounds.
//!
//! Opinions are drawn from a fixed seed: each person leans towards self-reliance or towards
//! services, and each statement has a chance of agreement per leaning in each round.

use anyhow::{Context, ensure};
use model::{
    ConstituencyKind, ConstituencyName, Description, DialogueQuestion, DialogueTitle,
    ExpectedShare, ModerationPolicy, ReportVisibility, VoteChannel, VoteChoice,
};
use server::analysis::RunOutcome;
use server::state::AppState;
use store::{
    CastVote, DialogueImport, DialogueSettings, ImportedParticipant, ImportedStatement,
    ImportedVote, NewConstituency, NewParticipant,
};

use super::story::DAY_MS;
use super::{Cast, HOUR_MS, Pinned};

/// The dialogue's title, as the summary names it.
pub const TITLE: &str = "Staying steady: falls prevention in Northvale";

/// Each statement with its chance of agreement, by leaning (self-reliant, services), before
/// and after the fair.
const STATEMENTS: [(&str, [f64; 2], [f64; 2]); 8] = [
    (
        "Strength and balance classes should be free for everyone over 65",
        [0.45, 0.9],
        [0.8, 0.92],
    ),
    (
        "I would go to a falls prevention class if it was within walking distance",
        [0.35, 0.7],
        [0.75, 0.85],
    ),
    (
        "GPs should ask about falls at every annual review",
        [0.6, 0.85],
        [0.65, 0.88],
    ),
    (
        "A home hazard check should be offered after any fall, not only after a hospital stay",
        [0.5, 0.9],
        [0.6, 0.9],
    ),
    (
        "Falls are a normal part of getting older",
        [0.75, 0.3],
        [0.35, 0.12],
    ),
    (
        "Bus stops on the way to the high street need seats to rest on",
        [0.8, 0.85],
        [0.82, 0.85],
    ),
    (
        "Wearing an alarm pendant makes me feel less independent",
        [0.8, 0.3],
        [0.7, 0.3],
    ),
    (
        "Pharmacists should review any medicine that makes people dizzy",
        [0.55, 0.85],
        [0.85, 0.9],
    ),
];

/// The constituencies: name, expected share, kind, and how many take part in round 1.
const CONSTITUENCIES: [(&str, f64, ConstituencyKind, usize); 3] = [
    ("Older residents", 0.6, ConstituencyKind::Lay, 60),
    ("Carers", 0.2, ConstituencyKind::Lay, 20),
    (
        "Health and care staff",
        0.2,
        ConstituencyKind::Professional,
        20,
    ),
];

/// Of round 1's participants, one in this many does not come back for round 2.
const STAYS_AWAY_EVERY: usize = 5;

/// New participants in round 2, who heard of the dialogue at the fair.
const NEW_AT_THE_FAIR: usize = 12;

/// When round 1 opened and the fair (round 2's start) took place, in days before today.
const OPENED_DAYS_AGO: i64 = 40;
const FAIR_DAYS_AGO: i64 = 12;

/// What the demo's rounds part left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundsSummary {
    /// The dialogue.
    pub dialogue: model::DialogueId,
    /// Participants with a vote in round 1.
    pub first_round: usize,
    /// Participants with a vote in round 2.
    pub second_round: usize,
}

/// A deterministic draw in [0, 1) from a seed and three numbers (SplitMix64).
fn uniform(seed: u64, a: u64, b: u64, c: u64) -> f64 {
    let mut x = seed
        ^ a.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ b.wrapping_mul(0xBF58_476D_1CE4_E5B9)
        ^ c.wrapping_mul(0x94D0_49BB_1331_11EB);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    // The top 53 bits give every double in [0, 1) with equal spacing.
    (x >> 11) as f64 / (1u64 << 53) as f64
}

/// How a person with `leaning` votes on statement `index` in `round` (0 or 1).
fn choice(seed: u64, person: usize, index: usize, round: usize, leaning: usize) -> VoteChoice {
    let (_, before, after) = STATEMENTS[index];
    let agree = if round == 0 { before } else { after }[leaning];
    let draw = uniform(seed, person as u64, index as u64, round as u64);
    if draw < 0.08 {
        VoteChoice::Pass
    } else if draw < 0.08 + 0.92 * agree {
        VoteChoice::Agree
    } else {
        VoteChoice::Disagree
    }
}

/// Whether a person leans towards services (1) or self-reliance (0); staff mostly lean to
/// services.
fn leaning(seed: u64, person: usize, constituency: usize) -> usize {
    let towards_services = if constituency == 2 { 0.8 } else { 0.45 };
    usize::from(uniform(seed, person as u64, 99, 7) < towards_services)
}

/// Imports round 1, starts round 2 as the convenor and casts round 2's votes, then computes
/// the analysis that compares the two.
pub(super) async fn set_up(
    state: &AppState,
    pinned: &Pinned<'_>,
    midnight: i64,
    cast: &Cast,
    seed: u64,
) -> anyhow::Result<RoundsSummary> {
    let store = state.store();
    let opened_at = midnight - OPENED_DAYS_AGO * DAY_MS + 9 * HOUR_MS;
    let fair = midnight - FAIR_DAYS_AGO * DAY_MS + 17 * HOUR_MS;
    let mut people = Vec::new();
    for (constituency, &(_, _, _, count)) in CONSTITUENCIES.iter().enumerate() {
        people.extend(std::iter::repeat_n(constituency, count));
    }
    let participants: Vec<ImportedParticipant> = people
        .iter()
        .enumerate()
        .map(|(person, &constituency)| ImportedParticipant {
            external_id: format!("steady-{person}"),
            constituencies: vec![CONSTITUENCIES[constituency].0.to_owned()],
            created_at: opened_at + (person as i64) * HOUR_MS,
        })
        .collect();
    let mut votes = Vec::new();
    for (person, &constituency) in people.iter().enumerate() {
        let leans = leaning(seed, person, constituency);
        for index in 0..STATEMENTS.len() {
            votes.push(ImportedVote {
                participant: format!("steady-{person}"),
                statement: format!("steady-s{index}"),
                choice: choice(seed, person, index, 0, leans),
                cast_at: opened_at + (person as i64) * HOUR_MS + (index as i64) * 60_000,
            });
        }
    }
    let imported = store
        .import_dialogue(DialogueImport {
            partnership: cast.partnership,
            settings: DialogueSettings {
                title: DialogueTitle::parse(TITLE).context("the rounds dialogue's title")?,
                question: DialogueQuestion::parse(
                    "What would help older people in Northvale avoid falls?",
                )
                .context("the rounds dialogue's question")?,
                description: Description::parse(
                    "Run in two rounds: before the Northvale Healthy Ageing Fair, and after it, \
                     once people had tried a strength-and-balance class or had their medicines \
                     reviewed there.",
                )
                .context("the rounds dialogue's description")?,
                allow_participant_statements: true,
                moderation: ModerationPolicy::Pre,
                report_visibility: ReportVisibility::Public,
            },
            constituencies: CONSTITUENCIES
                .iter()
                .map(|&(name, share, kind, _)| {
                    Ok(NewConstituency {
                        name: ConstituencyName::parse(name)
                            .context("a rounds constituency's name")?,
                        expected_share: Some(
                            ExpectedShare::parse(share).context("a rounds constituency's share")?,
                        ),
                        kind: Some(kind),
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?,
            is_open: true,
            created_by: Some(cast.convenor.convenor.id),
            external_id: None,
            created_at: opened_at,
            statements: STATEMENTS
                .iter()
                .enumerate()
                .map(|(index, (text, _, _))| ImportedStatement {
                    external_id: format!("steady-s{index}"),
                    text: (*text).to_owned(),
                    is_seed: true,
                    is_meta: false,
                    moderation: model::ModerationStatus::Accepted,
                    author: None,
                    created_at: opened_at,
                })
                .collect(),
            participants,
            votes,
        })
        .await
        .context("creating the rounds dialogue")?;
    let dialogue = imported.dialogue;
    store
        .set_dialogue_shared_with_partners(dialogue, true)
        .await
        .context("sharing the rounds dialogue with partners")?;

    pinned.at(fair);
    server::rounds::service::start(
        state,
        &cast.convenor,
        dialogue,
        "After the Healthy Ageing Fair",
        Some("Before the Healthy Ageing Fair"),
    )
    .await
    .map_err(|error| anyhow::anyhow!("starting the demo's second round: {error}"))?;

    // Round 2: most people come back with their own links; a few are new.
    let mut returning: Vec<(model::ParticipantId, usize, usize)> = imported
        .participants
        .iter()
        .enumerate()
        .filter(|(person, _)| person % STAYS_AWAY_EVERY != 1)
        .map(|(person, (_, id))| (*id, person, people[person]))
        .collect();
    for new in 0..NEW_AT_THE_FAIR {
        let person = people.len() + new;
        let constituency = new % CONSTITUENCIES.len();
        let (created, _) = store
            .create_participant(NewParticipant {
                dialogue,
                external_id: None,
                constituencies: vec![
                    store
                        .get_dialogue(dialogue)
                        .await
                        .context("reading the rounds dialogue")?
                        .constituencies[constituency]
                        .id,
                ],
                created_at: fair + HOUR_MS,
            })
            .await
            .context("a participant who joined at the fair")?;
        returning.push((created.id, person, constituency));
    }
    let mut second = Vec::new();
    for (order, &(participant, person, constituency)) in returning.iter().enumerate() {
        let leans = leaning(seed, person, constituency);
        for (index, &(_, statement)) in imported.statements.iter().enumerate() {
            second.push(CastVote {
                participant,
                statement,
                choice: choice(seed, person, index, 1, leans),
                cast_at: fair + 2 * HOUR_MS + (order as i64) * 600_000 + (index as i64) * 1000,
                channel: VoteChannel::Online,
                idempotency_key: None,
            });
        }
    }
    let answers = store
        .cast_votes(&second)
        .await
        .context("casting the demo's second-round votes")?;
    ensure!(
        answers.iter().all(Result::is_ok),
        "a second-round vote of the demo was refused"
    );

    pinned.at(midnight - 2 * DAY_MS + 9 * HOUR_MS);
    let outcome = super::recompute_waiting(state, dialogue).await;
    ensure!(
        matches!(outcome, RunOutcome::Computed | RunOutcome::UpToDate),
        "the rounds dialogue's analysis was not computed ({})",
        outcome.name()
    );
    Ok(RoundsSummary {
        dialogue,
        first_round: people.len(),
        second_round: returning.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_are_spread_and_repeatable() {
        let draws: Vec<f64> = (0..1000).map(|n| uniform(7, n, 1, 2)).collect();
        assert!(draws.iter().all(|draw| (0.0..1.0).contains(draw)));
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        assert!((mean - 0.5).abs() < 0.05, "{mean}");
        assert_eq!(uniform(7, 3, 1, 2).to_bits(), draws[3].to_bits());
        assert_ne!(uniform(8, 3, 1, 2).to_bits(), draws[3].to_bits());
    }
}
