//! Behaviour of the common-ground analysis on planted dialogues, its equal-weight and relabelling
//! invariants, routing, and group-informed consensus against Pol.is's own output.
//!
//! The Pol.is fixtures read here were gathered using the Polis software
//! (compdemocracy.org/polis) and are sub-licensed under CC BY 4.0 with Attribution to The
//! Computational Democracy Project.
#![allow(
    clippy::unwrap_used,
    reason = "a test should fail loudly on a missing value"
)]
#![allow(
    clippy::float_cmp,
    reason = "values copied from one place to another are meant to be exactly equal"
)]

use std::collections::BTreeMap;

use engine::common_ground::{
    CommonGroundConfig, CommonGroundInput, CommonGroundReport, Constituency, ConstituencyKind,
    RepFor, Repful, RoutingInput, Standing, Unit, analyze, next_statement, routing_weights,
};
use engine::{Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteMatrix, VoteRecord};
use proptest::prelude::*;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A dialogue as plain data, from which the analysis input is derived.
#[derive(Clone, Debug)]
struct Dialogue {
    votes: Vec<VoteRecord>,
    statements: Vec<StatementInfo>,
    participants: Vec<ParticipantId>,
    group_of: BTreeMap<ParticipantId, usize>,
    n_groups: usize,
    constituencies: Vec<Constituency>,
    memberships: Vec<(ParticipantId, Vec<usize>)>,
    bridging: Option<BTreeMap<StatementId, f64>>,
}

impl Dialogue {
    fn new(n_groups: usize, constituencies: Vec<Constituency>) -> Self {
        Dialogue {
            votes: Vec::new(),
            statements: Vec::new(),
            participants: Vec::new(),
            group_of: BTreeMap::new(),
            n_groups,
            constituencies,
            memberships: Vec::new(),
            bridging: None,
        }
    }

    fn add_participant(&mut self, id: u32, group: Option<usize>, constituencies: &[usize]) {
        let participant = ParticipantId(id);
        self.participants.push(participant);
        if let Some(group) = group {
            self.group_of.insert(participant, group);
        }
        if !constituencies.is_empty() {
            self.memberships
                .push((participant, constituencies.to_vec()));
        }
    }

    fn add_statement(&mut self, id: u32, moderation: Moderation, author: Option<u32>) {
        self.statements.push(StatementInfo {
            id: StatementId(id),
            moderation,
            is_meta: false,
            author: author.map(ParticipantId),
        });
    }

    fn vote(&mut self, participant: u32, statement: u32, vote: Vote) {
        self.votes.push(VoteRecord {
            participant: ParticipantId(participant),
            statement: StatementId(statement),
            vote,
            timestamp: i64::try_from(self.votes.len()).unwrap(),
        });
    }

    fn matrix(&self) -> VoteMatrix {
        VoteMatrix::from_records(&self.votes)
    }

    fn analyze(&self, config: &CommonGroundConfig) -> CommonGroundReport {
        let matrix = self.matrix();
        self.analyze_with(&matrix, config)
    }

    fn analyze_with(&self, matrix: &VoteMatrix, config: &CommonGroundConfig) -> CommonGroundReport {
        let group_of_row: Vec<Option<usize>> = matrix
            .participants()
            .iter()
            .map(|participant| self.group_of.get(participant).copied())
            .collect();
        let bridging: Option<Vec<Option<f64>>> = self.bridging.as_ref().map(|bridging| {
            matrix
                .statements()
                .iter()
                .map(|statement| bridging.get(statement).copied())
                .collect()
        });
        let mut memberships = self.memberships.clone();
        memberships.sort_by_key(|(participant, _)| *participant);
        let input = CommonGroundInput {
            matrix,
            statements: &self.statements,
            participants: &self.participants,
            group_of_row: &group_of_row,
            n_groups: self.n_groups,
            constituencies: &self.constituencies,
            memberships: &memberships,
            bridging: bridging.as_deref(),
            bridging_polarity: None,
            representativeness: None,
            weights: None,
        };
        analyze(&input, config)
    }
}

fn constituency(name: &str, expected_share: Option<f64>, kind: ConstituencyKind) -> Constituency {
    Constituency {
        name: name.to_owned(),
        expected_share,
        kind: Some(kind),
    }
}

/// Draws a vote: agree with probability `agree`, otherwise disagree, with 5% passes overall.
fn draw(rng: &mut ChaCha8Rng, agree: f64) -> Vote {
    if rng.random::<f64>() < 0.05 {
        Vote::Pass
    } else if rng.random::<f64>() < agree {
        Vote::Agree
    } else {
        Vote::Disagree
    }
}

const RESIDENTS: usize = 0;
const CARERS: usize = 1;
const GPS: usize = 2;

const SUPPORTED: u32 = 1;
const CARERS_REJECT: u32 = 2;
const DIVISIVE: u32 = 3;
const LUKEWARM: u32 = 4;
const REJECTED_BY_MODERATOR: u32 = 5;
const UNSEEN: u32 = 6;

/// 110 older residents, 40 carers and 50 GPs in two opinion groups that cut across them,
/// voting on statements with planted levels of support. Two more people joined without voting.
fn planted_dialogue(seed: u64) -> Dialogue {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut dialogue = Dialogue::new(
        2,
        vec![
            constituency("older residents", Some(0.5), ConstituencyKind::Lay),
            constituency("carers", Some(0.25), ConstituencyKind::Lay),
            constituency("GPs", Some(0.3), ConstituencyKind::Professional),
        ],
    );
    dialogue.add_statement(SUPPORTED, Moderation::Accepted, Some(3));
    dialogue.add_statement(CARERS_REJECT, Moderation::Accepted, Some(150));
    dialogue.add_statement(DIVISIVE, Moderation::Accepted, None);
    dialogue.add_statement(LUKEWARM, Moderation::Unmoderated, Some(160));
    dialogue.add_statement(REJECTED_BY_MODERATOR, Moderation::Rejected, Some(4));
    dialogue.add_statement(UNSEEN, Moderation::Accepted, Some(3));
    for id in 0..200_u32 {
        let membership = match id {
            0..110 => RESIDENTS,
            110..150 => CARERS,
            _ => GPS,
        };
        let group = usize::from(rng.random::<bool>());
        dialogue.add_participant(id, Some(group), &[membership]);
        let carers_support = if membership == CARERS { 0.1 } else { 0.88 };
        let divisive_support = if group == 0 { 0.92 } else { 0.08 };
        let planted = [
            (SUPPORTED, 0.95),
            (CARERS_REJECT, carers_support),
            (DIVISIVE, divisive_support),
            (LUKEWARM, 0.55),
            (REJECTED_BY_MODERATOR, 0.97),
        ];
        for (statement, support) in planted {
            let vote = draw(&mut rng, support);
            dialogue.vote(id, statement, vote);
        }
    }
    // One carer who has not voted yet, and one person who named no constituency.
    dialogue.add_participant(500, None, &[CARERS]);
    dialogue.add_participant(501, None, &[]);
    dialogue
}

#[test]
fn a_statement_every_group_and_constituency_supports_is_common_ground_and_ranks_first() {
    let report = planted_dialogue(7).analyze(&CommonGroundConfig::default());
    let top = &report.statements[0];
    assert_eq!(top.statement, StatementId(SUPPORTED));
    assert_eq!(top.rank, 1);
    assert!(top.is_common_ground);
    assert_eq!(top.standing, Standing::CommonGround);
    assert!(
        top.reason.starts_with("agreed by ")
            && top
                .reason
                .ends_with("% in all 2 groups and all 3 constituencies"),
        "{}",
        top.reason
    );
    assert_eq!(top.holds_across_groups, Some(true));
    assert_eq!(top.holds_across_constituencies, Some(true));
    let score = top.score.unwrap();
    assert!(score >= 0.5, "{score}");
    // The score is the smallest lower bound over every group and constituency.
    let lowest = top
        .groups
        .iter()
        .chain(&top.constituencies)
        .map(|estimate| estimate.interval.unwrap().lower)
        .fold(f64::INFINITY, f64::min);
    assert_eq!(score, lowest);
    assert_eq!(report.n_common_ground, 1);
    assert_eq!(report.common_ground().count(), 1);
}

#[test]
fn a_statement_one_constituency_rejects_is_not_common_ground_and_the_reason_names_it() {
    let report = planted_dialogue(7).analyze(&CommonGroundConfig::default());
    let statement = report.statement(StatementId(CARERS_REJECT)).unwrap();
    let head_count = statement.overall.rate.unwrap();
    assert!((0.62..0.78).contains(&head_count), "{head_count}");
    assert!(!statement.is_common_ground);
    assert_eq!(
        statement.standing,
        Standing::BelowThreshold {
            unit: Unit::Constituency(CARERS),
            disagreeing: vec![Unit::Constituency(CARERS)]
        }
    );
    assert!(
        statement.reason.starts_with("divided: carers "),
        "{}",
        statement.reason
    );
    let carers = &statement.constituencies[CARERS];
    assert!(
        statement.reason.contains(&format!(
            "({} of {})",
            carers.tally.agree,
            carers.tally.seen()
        )),
        "{}",
        statement.reason
    );
    // Equal weight gives the carers the same say as the far larger resident constituency.
    let equal = statement.constituency_equal_weight.unwrap();
    assert_eq!(equal.n_counted, 3);
    assert!(equal.agreement < head_count);
    assert_eq!(
        statement.constituency_equal_weight_effect,
        Some(equal.agreement - head_count)
    );
}

#[test]
fn moderated_out_and_unseen_statements_are_explained_and_ranked_last() {
    let report = planted_dialogue(7).analyze(&CommonGroundConfig::default());
    let last = report.statements.last().unwrap();
    assert_eq!(last.statement, StatementId(REJECTED_BY_MODERATOR));
    assert!(last.is_moderated_out && !last.is_common_ground);
    assert_eq!(last.standing, Standing::ModeratedOut);
    // Near-unanimous support does not make a rejected statement common ground.
    assert!(last.overall.rate.unwrap() > 0.8);

    let unseen = report.statement(StatementId(UNSEEN)).unwrap();
    assert_eq!(
        unseen.standing,
        Standing::TooFewVotes {
            unit: Unit::Group(0),
            needed: 5
        }
    );
    assert_eq!(unseen.reason, "too few votes: needs 5 more in group 1");
    assert_eq!(unseen.overall.tally.seen(), 0);
    assert_eq!(unseen.overall.interval, None);

    let ranks: Vec<usize> = report.statements.iter().map(|s| s.rank).collect();
    assert_eq!(ranks, (1..=6).collect::<Vec<_>>());
}

#[test]
fn differences_show_the_divisive_statement_and_the_constituency_gap() {
    let report = planted_dialogue(7).analyze(&CommonGroundConfig::default());
    let differences = &report.differences;
    let divisive = &differences.divisive[0];
    assert_eq!(divisive.statement, StatementId(DIVISIVE));
    assert_eq!(divisive.most_agreeing_group, 0);
    assert!(divisive.spread > 0.6, "{}", divisive.spread);
    assert!((divisive.std_dev - divisive.spread / 2.0).abs() < 1e-12);
    assert!(
        differences
            .divisive
            .iter()
            .all(|d| d.statement != StatementId(REJECTED_BY_MODERATOR))
    );

    // Three constituencies make three pairs; residents against carers diverge most on the
    // statement the carers reject, with a tiny p-value.
    assert_eq!(differences.constituency_gaps.len(), 3);
    let residents_carers = &differences.constituency_gaps[0];
    assert_eq!(
        (residents_carers.first, residents_carers.second),
        (RESIDENTS, CARERS)
    );
    let gap = &residents_carers.gaps[0];
    assert_eq!(gap.statement, StatementId(CARERS_REJECT));
    assert!(gap.difference > 0.5 && gap.z > 5.0 && gap.p_value < 1e-6);

    let lay_professional = differences.lay_professional.as_ref().unwrap();
    assert_eq!(lay_professional.lay_constituencies, vec![RESIDENTS, CARERS]);
    assert_eq!(lay_professional.professional_constituencies, vec![GPS]);
    // 110 residents and 41 carers (one has not voted), 50 GPs, nobody in both.
    assert_eq!(lay_professional.lay_participants, 151);
    assert_eq!(lay_professional.professional_participants, 50);
    assert_eq!(lay_professional.in_both, 0);
    assert_eq!(
        lay_professional.gaps[0].statement,
        StatementId(CARERS_REJECT)
    );
    assert!(lay_professional.gaps[0].difference < 0.0);
}

#[test]
fn the_voice_audit_counts_participation_against_expectations() {
    let report = planted_dialogue(7).analyze(&CommonGroundConfig::default());
    let voice = &report.voice;
    assert_eq!(voice.n_participants, 202);
    assert_eq!(voice.n_voters, 200);
    assert_eq!(voice.n_votes, 1000);
    let carers = &voice.constituencies[CARERS];
    assert_eq!(carers.name, "carers");
    assert_eq!(carers.counts.participants, 41);
    assert_eq!(carers.counts.voters, 40);
    assert_eq!(carers.counts.votes, 200);
    assert_eq!(carers.share, Some(41.0 / 202.0));
    assert!(carers.is_below_expected_share && carers.is_under_represented);
    let residents = &voice.constituencies[RESIDENTS];
    assert!(!residents.is_under_represented);
    // Participant 3 wrote the supported statement and the unseen one.
    assert_eq!(residents.counts.statements_written, 3);
    assert_eq!(residents.counts.statements_common_ground, 1);
    assert_eq!(voice.constituencies[GPS].counts.statements_written, 2);
    assert_eq!(voice.constituencies[CARERS].counts.statements_written, 0);
    assert_eq!(voice.under_represented, vec![CARERS, GPS]);
    assert_eq!(voice.unaffiliated.participants, 1);
    assert_eq!(voice.unaffiliated.voters, 0);
    // The statement the carers reject moves most under equal weight.
    let shift = &voice.equal_weight_shifts[0];
    assert_eq!(shift.statement, StatementId(CARERS_REJECT));
    assert!(shift.effect < -0.05, "{}", shift.effect);
}

#[test]
fn empty_input_gives_an_empty_report_with_warnings() {
    let dialogue = Dialogue::new(0, Vec::new());
    let report = dialogue.analyze(&CommonGroundConfig::default());
    assert!(report.statements.is_empty());
    assert_eq!(report.n_common_ground, 0);
    assert_eq!(report.voice.n_participants, 0);
    assert!(report.differences.divisive.is_empty());
    assert_eq!(report.differences.lay_professional, None);
    assert_eq!(report.warnings.len(), 3);

    // Statements without groups, constituencies or votes are explained, not dropped.
    let mut dialogue = Dialogue::new(0, Vec::new());
    dialogue.add_statement(1, Moderation::Accepted, None);
    dialogue.vote(1, 2, Vote::Agree);
    let report = dialogue.analyze(&CommonGroundConfig::default());
    assert_eq!(report.statements.len(), 2);
    assert!(
        report
            .statements
            .iter()
            .all(|s| s.standing == Standing::NoGroupsOrConstituencies)
    );
}

#[test]
fn out_of_range_inputs_are_ignored_with_a_warning() {
    let mut dialogue = Dialogue::new(
        1,
        vec![constituency("nurses", None, ConstituencyKind::Professional)],
    );
    dialogue.add_participant(1, Some(3), &[0, 7]);
    dialogue.vote(1, 1, Vote::Agree);
    let config = CommonGroundConfig {
        confidence: 1.5,
        ..CommonGroundConfig::default()
    };
    let report = dialogue.analyze(&config);
    let statement = report.statement(StatementId(1)).unwrap();
    assert_eq!(statement.groups[0].tally.seen(), 0);
    assert_eq!(statement.constituencies[0].tally.agree, 1);
    let warnings = format!("{:?}", report.warnings);
    for expected in [
        "GroupOutOfRange",
        "UnknownConstituency",
        "StatementsWithoutInfo",
        "ConfigValueReplaced",
    ] {
        assert!(warnings.contains(expected), "{warnings}");
    }
}

#[test]
fn representativeness_is_passed_through_per_group() {
    let dialogue = planted_dialogue(3);
    let matrix = dialogue.matrix();
    let group_of_row: Vec<Option<usize>> = matrix
        .participants()
        .iter()
        .map(|participant| dialogue.group_of.get(participant).copied())
        .collect();
    let distinctive = vec![
        vec![RepFor {
            statement: StatementId(DIVISIVE),
            repful: Repful::Agree,
            repness: 3.2,
            p_success: 0.9,
            n_success: 90,
            n_trials: 100,
            repness_test: 3.0,
        }],
        Vec::new(),
    ];
    let input = CommonGroundInput {
        matrix: &matrix,
        statements: &dialogue.statements,
        participants: &dialogue.participants,
        group_of_row: &group_of_row,
        n_groups: 2,
        constituencies: &dialogue.constituencies,
        memberships: &dialogue.memberships,
        bridging: None,
        bridging_polarity: None,
        representativeness: Some(&distinctive),
        weights: None,
    };
    let report = analyze(&input, &CommonGroundConfig::default());
    let passed: Vec<Vec<RepFor>> = report
        .differences
        .distinctive
        .iter()
        .map(|group| group.iter().map(|entry| entry.rep).collect())
        .collect();
    assert_eq!(passed, distinctive);
    let only = report.differences.distinctive[0][0];
    // z = 3 gives p = 0.0027; the correction for the other tests shown can only raise it.
    assert!(
        (only.p_value - 0.002_699_796).abs() < 1e-8,
        "{}",
        only.p_value
    );
    assert!(only.q_value >= only.p_value);
    assert_eq!(only.is_discovery, only.q_value <= 0.05);
}

#[test]
fn a_negative_bridging_intercept_keeps_a_supported_statement_out_of_common_ground() {
    let mut dialogue = planted_dialogue(7);
    dialogue.bridging = Some(BTreeMap::from([(StatementId(SUPPORTED), -0.1)]));
    let report = dialogue.analyze(&CommonGroundConfig::default());
    let statement = report.statement(StatementId(SUPPORTED)).unwrap();
    assert_eq!(statement.bridging, Some(-0.1));
    assert_eq!(
        statement.standing,
        Standing::NegativeBridging { intercept: -0.1 }
    );
    assert_eq!(report.n_common_ground, 0);
}

/// A random dialogue: constituency 0 (when `exclusive_first`) has members who belong to no
/// other constituency; others belong to any subset of the rest.
fn random_dialogue(
    seed: u64,
    n_participants: u32,
    n_statements: u32,
    n_groups: usize,
    n_constituencies: usize,
) -> Dialogue {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let constituencies = (0..n_constituencies)
        .map(|index| Constituency {
            name: format!("constituency {index}"),
            expected_share: Some(rng.random::<f64>() * 0.5),
            kind: [
                None,
                Some(ConstituencyKind::Lay),
                Some(ConstituencyKind::Professional),
            ][rng.random_range(0..3)],
        })
        .collect();
    let mut dialogue = Dialogue::new(n_groups, constituencies);
    for statement in 1..=n_statements {
        let moderation = if rng.random::<f64>() < 0.15 {
            Moderation::Rejected
        } else {
            Moderation::Accepted
        };
        let author = rng
            .random::<bool>()
            .then(|| rng.random_range(0..3 * n_participants));
        dialogue.add_statement(statement, moderation, author);
    }
    if rng.random::<bool>() {
        let mut bridging = BTreeMap::new();
        for statement in 1..=n_statements {
            if rng.random::<bool>() {
                bridging.insert(StatementId(statement), rng.random::<f64>() - 0.2);
            }
        }
        dialogue.bridging = Some(bridging);
    }
    // Support per (constituency or none, statement), mostly high so that common ground occurs.
    let support: Vec<Vec<f64>> = (0..=n_constituencies)
        .map(|_| {
            (0..n_statements)
                .map(|_| [0.98, 0.95, 0.85, 0.4][rng.random_range(0..4)])
                .collect()
        })
        .collect();
    let mut ids: Vec<u32> = (0..3 * n_participants).collect();
    ids.shuffle(&mut rng);
    for &id in &ids[..n_participants as usize] {
        let group =
            (n_groups > 0 && rng.random::<f64>() < 0.9).then(|| rng.random_range(0..n_groups));
        let memberships: Vec<usize> = if n_constituencies > 0 && rng.random::<f64>() < 0.35 {
            vec![0]
        } else {
            (1..n_constituencies)
                .filter(|_| rng.random::<f64>() < 0.4)
                .collect()
        };
        dialogue.add_participant(id, group, &memberships);
        let profile = memberships.first().map_or(n_constituencies, |&first| first);
        for statement in 1..=n_statements {
            if rng.random::<f64>() < 0.85 {
                let vote = draw(&mut rng, support[profile][statement as usize - 1]);
                dialogue.vote(id, statement, vote);
            }
        }
    }
    dialogue
}

fn small_config() -> CommonGroundConfig {
    CommonGroundConfig {
        min_votes: 3,
        ..CommonGroundConfig::default()
    }
}

/// Copies every member of constituency 0 `copies` times under new ids, with the same votes,
/// the same group and the same (exclusive) membership.
fn copy_first_constituency(dialogue: &Dialogue, copies: u32) -> Dialogue {
    let mut copied = dialogue.clone();
    let members: Vec<ParticipantId> = dialogue
        .memberships
        .iter()
        .filter(|(_, indices)| indices == &vec![0])
        .map(|(participant, _)| *participant)
        .collect();
    let mut next_id = 1_000_000;
    for member in members {
        for _ in 0..copies {
            let group = dialogue.group_of.get(&member).copied();
            copied.add_participant(next_id, group, &[0]);
            for vote in dialogue.votes.iter().filter(|v| v.participant == member) {
                copied.vote(next_id, vote.statement.0, vote.vote);
            }
            next_id += 1;
        }
    }
    copied
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Copying every member of a constituency ten times changes nothing that equal weight
    /// protects. Precisely, for every statement:
    ///
    /// - every other constituency's tally is untouched and the copied one's agree rate is
    ///   unchanged, its interval lying within the old one;
    /// - the constituency equal-weight agreement is unchanged (to 1e-9), unless the copies lift
    ///   the copied constituency to `min_votes` on that statement, in which case its rate joins
    ///   the mean;
    /// - in that same case only can the constituencies stop holding the statement: otherwise
    ///   it holding across constituencies before means it holds after, and no statement leaves
    ///   common ground on account of a constituency (groups, held fixed, are head-counts
    ///   within, so they may move);
    /// - head-count agreement moves towards the copied constituency's rate.
    #[test]
    fn copying_a_constituency_leaves_equal_weight_unchanged(
        seed in any::<u64>(),
        n_participants in 1_u32..60,
        n_statements in 1_u32..7,
        n_groups in 0_usize..4,
        n_constituencies in 1_usize..4,
    ) {
        let config = small_config();
        let dialogue = random_dialogue(seed, n_participants, n_statements, n_groups, n_constituencies);
        let copied = copy_first_constituency(&dialogue, 10);
        let before = dialogue.analyze(&config);
        let after = copied.analyze(&config);
        let min_votes = u64::from(config.min_votes);
        for old in &before.statements {
            let new = after.statement(old.statement).unwrap();
            let (old_x, new_x) = (&old.constituencies[0], &new.constituencies[0]);
            prop_assert_eq!(new_x.tally.agree, 11 * old_x.tally.agree);
            prop_assert_eq!(new_x.tally.seen(), 11 * old_x.tally.seen());
            prop_assert_eq!(new_x.rate, old_x.rate);
            if let (Some(old_interval), Some(new_interval)) = (old_x.interval, new_x.interval) {
                prop_assert!(old_interval.contains_interval(&new_interval, 1e-12));
            }
            prop_assert_eq!(&new.constituencies[1..], &old.constituencies[1..]);

            let seen = old_x.tally.seen();
            let lifted = seen > 0 && seen < min_votes && 11 * seen >= min_votes;
            match (old.constituency_equal_weight, new.constituency_equal_weight) {
                (Some(old_mean), Some(new_mean)) if !lifted => {
                    prop_assert!((old_mean.agreement - new_mean.agreement).abs() <= 1e-9);
                    prop_assert_eq!(old_mean.n_counted, new_mean.n_counted);
                }
                (old_mean, Some(new_mean)) if lifted => {
                    let (sum, count) = old_mean.map_or((0.0, 0), |m| (m.agreement * m.n_counted as f64, m.n_counted));
                    let expected = (sum + new_x.rate.unwrap()) / (count + 1) as f64;
                    prop_assert!((new_mean.agreement - expected).abs() <= 1e-9);
                    prop_assert_eq!(new_mean.n_counted, count + 1);
                }
                (None, None) => prop_assert!(!lifted),
                (old_mean, new_mean) => prop_assert!(false, "{:?} became {:?}", old_mean, new_mean),
            }

            if !lifted {
                if old.holds_across_constituencies == Some(true) {
                    prop_assert_eq!(new.holds_across_constituencies, Some(true));
                }
                if old.is_common_ground && !new.is_common_ground {
                    let left_on_account_of_a_group = matches!(new.standing, Standing::BelowThreshold { unit: Unit::Group(_), .. });
                    prop_assert!(left_on_account_of_a_group, "{:?}", new.standing);
                }
            }

            if let (Some(x_rate), Some(old_rate), Some(new_rate)) = (old_x.rate, old.overall.rate, new.overall.rate) {
                prop_assert!((new_rate - x_rate).abs() <= (old_rate - x_rate).abs() + 1e-12);
                if (old_rate - x_rate).abs() > 1e-12 {
                    prop_assert!((new_rate - x_rate).abs() < (old_rate - x_rate).abs());
                }
            }
        }
    }

    /// Without opinion groups, the whole verdict is the constituencies' verdict: copying a
    /// constituency never takes a statement out of common ground unless the copies are what
    /// gives that constituency enough votes to count.
    #[test]
    fn without_groups_copying_a_constituency_keeps_common_ground(
        seed in any::<u64>(),
        n_participants in 1_u32..60,
        n_statements in 1_u32..7,
        n_constituencies in 1_usize..4,
    ) {
        let config = small_config();
        let dialogue = random_dialogue(seed, n_participants, n_statements, 0, n_constituencies);
        let before = dialogue.analyze(&config);
        let after = copy_first_constituency(&dialogue, 10).analyze(&config);
        for old in before.common_ground() {
            let seen = old.constituencies[0].tally.seen();
            let lifted = seen > 0 && seen < u64::from(config.min_votes);
            let new = after.statement(old.statement).unwrap();
            prop_assert!(new.is_common_ground || lifted, "{:?}", new.standing);
        }
    }

    /// Relabelling participants (with their groups, constituencies and authorship) changes
    /// nothing in the report.
    #[test]
    fn relabelling_participants_changes_nothing(
        seed in any::<u64>(),
        n_participants in 1_u32..60,
        n_statements in 1_u32..7,
        n_groups in 0_usize..4,
        n_constituencies in 0_usize..4,
    ) {
        let config = small_config();
        let dialogue = random_dialogue(seed, n_participants, n_statements, n_groups, n_constituencies);
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
        let mut new_ids: Vec<u32> = (0..10 * n_participants + 10).collect();
        new_ids.shuffle(&mut rng);
        let mut relabel: BTreeMap<ParticipantId, ParticipantId> = BTreeMap::new();
        let known = dialogue.participants.iter().copied().chain(dialogue.statements.iter().filter_map(|s| s.author));
        for participant in known {
            let next = ParticipantId(new_ids[relabel.len()]);
            relabel.entry(participant).or_insert(next);
        }
        let map = |participant: ParticipantId| relabel[&participant];
        let mut relabelled = dialogue.clone();
        for vote in &mut relabelled.votes {
            vote.participant = map(vote.participant);
        }
        for statement in &mut relabelled.statements {
            statement.author = statement.author.map(map);
        }
        relabelled.participants = dialogue.participants.iter().map(|&p| map(p)).collect();
        relabelled.group_of = dialogue.group_of.iter().map(|(&p, &g)| (map(p), g)).collect();
        relabelled.memberships = dialogue.memberships.iter().map(|(p, c)| (map(*p), c.clone())).collect();

        let mut expected = dialogue.analyze(&config);
        for statement in &mut expected.statements {
            statement.author = statement.author.map(map);
        }
        prop_assert_eq!(relabelled.analyze(&config), expected);
    }

    /// Passes count as seen, so a participant who only passes can lower agree rates but never
    /// raise one; with the agree and disagree counts untouched, a statement that already had a
    /// group or constituency with enough votes cannot become common ground through them.
    #[test]
    fn a_participant_who_only_passes_never_creates_common_ground(
        seed in any::<u64>(),
        n_participants in 1_u32..60,
        n_statements in 1_u32..7,
        n_groups in 0_usize..4,
        n_constituencies in 0_usize..4,
    ) {
        let config = small_config();
        let dialogue = random_dialogue(seed, n_participants, n_statements, n_groups, n_constituencies);
        let mut rng = ChaCha8Rng::seed_from_u64(!seed);
        let mut with_passer = dialogue.clone();
        let group = (n_groups > 0).then(|| rng.random_range(0..n_groups));
        let constituencies: Vec<usize> = (0..n_constituencies).filter(|_| rng.random::<bool>()).collect();
        let passer = 999_999;
        with_passer.add_participant(passer, group, &constituencies);
        for statement in 1..=n_statements {
            if rng.random::<f64>() < 0.7 {
                with_passer.vote(passer, statement, Vote::Pass);
            }
        }
        let before = dialogue.analyze(&config);
        let after = with_passer.analyze(&config);
        for old in &before.statements {
            let new = after.statement(old.statement).unwrap();
            let pairs = std::iter::once((&old.overall, &new.overall))
                .chain(old.groups.iter().zip(&new.groups))
                .chain(old.constituencies.iter().zip(&new.constituencies));
            for (old_estimate, new_estimate) in pairs {
                prop_assert_eq!(old_estimate.tally.agree, new_estimate.tally.agree);
                prop_assert_eq!(old_estimate.tally.disagree, new_estimate.tally.disagree);
                if let (Some(old_rate), Some(new_rate)) = (old_estimate.rate, new_estimate.rate) {
                    prop_assert!(new_rate <= old_rate);
                }
                if let (Some(old_interval), Some(new_interval)) = (old_estimate.interval, new_estimate.interval) {
                    prop_assert!(new_interval.lower <= old_interval.lower + 1e-12);
                }
            }
            if old.score.is_some() && !old.is_common_ground {
                prop_assert!(!new.is_common_ground);
            }
        }
    }
}

#[test]
fn a_participant_without_votes_changes_only_the_voice_audit() {
    let config = CommonGroundConfig::default();
    let dialogue = planted_dialogue(11);
    let before = dialogue.analyze(&config);
    let mut joined = dialogue.clone();
    joined.add_participant(777, Some(1), &[GPS]);
    let after = joined.analyze(&config);
    assert_eq!(after.statements, before.statements);
    assert_eq!(after.differences.divisive, before.differences.divisive);
    assert_eq!(
        after.differences.constituency_gaps,
        before.differences.constituency_gaps
    );
    assert_eq!(after.voice.n_participants, before.voice.n_participants + 1);
    assert_eq!(after.voice.n_voters, before.voice.n_voters);
    let gps = |report: &CommonGroundReport| report.voice.constituencies[GPS].counts;
    assert_eq!(gps(&after).participants, gps(&before).participants + 1);
    assert_eq!(gps(&after).voters, gps(&before).voters);
}

#[test]
fn the_same_input_gives_the_same_report() {
    let config = CommonGroundConfig::default();
    let dialogue = planted_dialogue(5);
    assert_eq!(dialogue.analyze(&config), dialogue.analyze(&config));
    let mut shuffled = dialogue.clone();
    // Votes in another order, with distinct timestamps kept, give the same matrix.
    shuffled.votes.shuffle(&mut ChaCha8Rng::seed_from_u64(1));
    shuffled.memberships.reverse();
    assert_eq!(shuffled.analyze(&config), dialogue.analyze(&config));
}

/// Routing inputs over the planted dialogue for participant 0, who voted on statements 1 to 5.
struct Routing {
    dialogue: Dialogue,
    matrix: VoteMatrix,
    report: CommonGroundReport,
    routing_priorities: Vec<f64>,
    eligible: Vec<StatementId>,
}

impl Routing {
    fn new() -> Self {
        let mut dialogue = planted_dialogue(7);
        dialogue.add_statement(7, Moderation::Accepted, None);
        dialogue.add_statement(8, Moderation::Accepted, None);
        // Participant 1 answers statement 7 only, so participant 0's constituency has seen it.
        dialogue.vote(1, 7, Vote::Agree);
        let matrix = dialogue.matrix();
        let report = dialogue.analyze_with(&matrix, &CommonGroundConfig::default());
        let routing_priorities = vec![1.0; matrix.n_statements()];
        let eligible = (1..=8).map(StatementId).collect();
        Routing {
            dialogue,
            matrix,
            report,
            routing_priorities,
            eligible,
        }
    }

    fn input<'a>(&'a self, participant: u32, voted: &'a [StatementId]) -> RoutingInput<'a> {
        RoutingInput {
            matrix: &self.matrix,
            routing_priorities: &self.routing_priorities,
            report: &self.report,
            statements: &self.dialogue.statements,
            eligible: &self.eligible,
            participant: ParticipantId(participant),
            voted,
            group: None,
            constituencies: &[RESIDENTS],
        }
    }
}

#[test]
fn routing_never_offers_a_voted_or_moderated_out_statement_and_repeats_with_the_seed() {
    let routing = Routing::new();
    let config = CommonGroundConfig::default();
    let input = RoutingInput {
        group: routing.dialogue.group_of.get(&ParticipantId(0)).copied(),
        ..routing.input(0, &[])
    };
    let mut chosen = std::collections::BTreeSet::new();
    for seed in 0..300 {
        let statement = next_statement(&input, &config, seed).unwrap();
        assert!(
            [StatementId(UNSEEN), StatementId(7), StatementId(8)].contains(&statement),
            "{statement}"
        );
        assert_eq!(next_statement(&input, &config, seed), Some(statement));
        chosen.insert(statement);
    }
    // Every candidate comes up for some seed.
    assert_eq!(chosen.len(), 3);

    let weights = routing_weights(&input, &config);
    let ids: Vec<u32> = weights.iter().map(|w| w.statement.0).collect();
    assert_eq!(ids, vec![UNSEEN, 7, 8]);
}

#[test]
fn routing_boosts_what_the_participants_own_sets_have_seen_least() {
    let routing = Routing::new();
    let config = CommonGroundConfig::default();
    let input = routing.input(0, &[]);
    let weights = routing_weights(&input, &config);
    let weight_of = |id: u32| weights.iter().find(|w| w.statement.0 == id).unwrap();
    // Statement 7 has one vote in the matrix; statements 6 and 8 have none, so take the Pol.is
    // routing priority of a statement nobody has voted on.
    assert_eq!(weight_of(7).routing_priority, 1.0);
    assert_eq!(
        weight_of(8).routing_priority,
        engine::common_ground::NO_VOTE_ROUTING_PRIORITY
    );
    assert_eq!(weight_of(7).seen, Some(1));
    assert_eq!(weight_of(7).boost, 1.0 + config.routing_boost / 2.0);
    assert_eq!(weight_of(8).seen, Some(0));
    assert_eq!(weight_of(8).boost, 1.0 + config.routing_boost);
    assert_eq!(
        weight_of(8).weight,
        weight_of(8).routing_priority * weight_of(8).boost
    );

    // Drawn in proportion to the weights.
    let mut routing = routing;
    routing.eligible = vec![StatementId(7), StatementId(8)];
    let input = routing.input(0, &[]);
    let eight = (0..3000)
        .filter(|&seed| next_statement(&input, &config, seed) == Some(StatementId(8)))
        .count();
    // Weights 5.0625 * 5 against 1 * 3: statement 8 has probability 0.894, about 2682 draws.
    assert!((2550..2800).contains(&eight), "{eight}");
}

#[test]
fn routing_returns_none_when_nothing_is_left() {
    let routing = Routing::new();
    let config = CommonGroundConfig::default();
    let just_voted = [StatementId(UNSEEN), StatementId(7), StatementId(8)];
    let input = routing.input(0, &just_voted);
    assert_eq!(next_statement(&input, &config, 42), None);
    assert!(routing_weights(&input, &config).is_empty());

    // A newcomer with no votes, group or constituency is offered only what is moderated in.
    let newcomer = RoutingInput {
        group: None,
        constituencies: &[],
        ..routing.input(12_345, &[])
    };
    let weights = routing_weights(&newcomer, &config);
    assert!(weights.iter().all(|w| w.boost == 1.0 && w.seen.is_none()));
    assert!(
        weights
            .iter()
            .all(|w| w.statement != StatementId(REJECTED_BY_MODERATOR))
    );
    assert_eq!(weights.len(), 7);

    // Zero routing priorities still route, uniformly.
    let mut routing = routing;
    routing.routing_priorities = vec![0.0; routing.matrix.n_statements()];
    routing.eligible = vec![StatementId(1), StatementId(2)];
    let input = routing.input(12_345, &[]);
    assert!(next_statement(&input, &config, 3).is_some());
}

/// Loads a Pol.is fixture: votes, statement information and each in-conv participant's group.
fn polis_fixture(
    votes_json: &str,
    comments_json: &str,
    math_json: &str,
) -> (
    Vec<VoteRecord>,
    Vec<StatementInfo>,
    BTreeMap<ParticipantId, usize>,
    usize,
    serde_json::Value,
) {
    // Fixtures spell fields either way ("pid" or "participant_id") and write numbers as
    // integers, floats or strings.
    #[allow(clippy::cast_possible_truncation, reason = "whole numbers within i64")]
    let number = |value: &serde_json::Value| -> i64 {
        value
            .as_i64()
            .or_else(|| value.as_f64().map(|float| float as i64))
            .or_else(|| value.as_str().and_then(|text| text.parse().ok()))
            .unwrap()
    };
    let field = |object: &serde_json::Value, names: [&str; 2]| -> i64 {
        number(
            names
                .iter()
                .map(|name| &object[name])
                .find(|v| !v.is_null())
                .unwrap(),
        )
    };
    let id = |value: &serde_json::Value| u32::try_from(number(value)).unwrap();
    let id_field =
        |object: &serde_json::Value, names: [&str; 2]| u32::try_from(field(object, names)).unwrap();
    let votes_value: serde_json::Value = serde_json::from_str(votes_json).unwrap();
    let votes = votes_value
        .as_array()
        .unwrap()
        .iter()
        .map(|vote| VoteRecord {
            participant: ParticipantId(id_field(vote, ["pid", "participant_id"])),
            statement: StatementId(id_field(vote, ["tid", "statement_id"])),
            vote: Vote::from_value(i8::try_from(number(&vote["vote"])).unwrap()).unwrap(),
            timestamp: number(&vote["modified"]),
        })
        .collect();
    let comments: serde_json::Value = serde_json::from_str(comments_json).unwrap();
    let statements = comments
        .as_array()
        .unwrap()
        .iter()
        .map(|comment| StatementInfo {
            id: StatementId(id_field(comment, ["tid", "statement_id"])),
            moderation: match field(comment, ["mod", "moderated"]) {
                1 => Moderation::Accepted,
                -1 => Moderation::Rejected,
                _ => Moderation::Unmoderated,
            },
            is_meta: comment["is_meta"].as_bool().unwrap(),
            author: Some(ParticipantId(id_field(comment, ["pid", "participant_id"]))),
        })
        .collect();
    let math: serde_json::Value = serde_json::from_str(math_json).unwrap();
    let base = &math["base-clusters"];
    let base_members: BTreeMap<i64, Vec<u32>> = base["id"]
        .as_array()
        .unwrap()
        .iter()
        .zip(base["members"].as_array().unwrap())
        .map(|(base_id, members)| {
            (
                number(base_id),
                members.as_array().unwrap().iter().map(id).collect(),
            )
        })
        .collect();
    let mut group_of = BTreeMap::new();
    let groups = math["group-clusters"].as_array().unwrap();
    for (group, cluster) in groups.iter().enumerate() {
        for base_id in cluster["members"].as_array().unwrap() {
            for &participant in &base_members[&number(base_id)] {
                group_of.insert(ParticipantId(participant), group);
            }
        }
    }
    (votes, statements, group_of, groups.len(), math)
}

#[test]
fn group_informed_consensus_matches_polis_on_its_own_conversations() {
    let fixtures = [
        (
            include_str!("../../../data/polis-math-fixtures/below-100-ptpts/votes.json"),
            include_str!("../../../data/polis-math-fixtures/below-100-ptpts/comments.json"),
            include_str!("../../../data/polis-math-fixtures/below-100-ptpts/math-pca2.json"),
        ),
        (
            include_str!(
                "../../../data/polis-math-fixtures/25ptpt-3gp-no-strict-with-meta/votes.json"
            ),
            include_str!(
                "../../../data/polis-math-fixtures/25ptpt-3gp-no-strict-with-meta/comments.json"
            ),
            include_str!(
                "../../../data/polis-math-fixtures/25ptpt-3gp-no-strict-with-meta/math-pca2.json"
            ),
        ),
        (
            include_str!("../../../data/polis-math-fixtures/above-100-ptpts/votes.json"),
            include_str!("../../../data/polis-math-fixtures/above-100-ptpts/comments.json"),
            include_str!("../../../data/polis-math-fixtures/above-100-ptpts/math-pca2.json"),
        ),
    ];
    for (votes_json, comments_json, math_json) in fixtures {
        let (votes, statements, group_of, n_groups, math) =
            polis_fixture(votes_json, comments_json, math_json);
        let mut dialogue = Dialogue::new(n_groups, Vec::new());
        dialogue.votes = votes;
        dialogue.statements = statements;
        dialogue.group_of = group_of;
        let report = dialogue.analyze(&CommonGroundConfig::default());
        let expected = math["group-aware-consensus"].as_object().unwrap();
        assert!(!expected.is_empty());
        for (tid, value) in expected {
            let statement = StatementId(tid.parse().unwrap());
            let actual = report
                .statement(statement)
                .unwrap()
                .group_informed_consensus
                .unwrap();
            let expected = value.as_f64().unwrap();
            assert!(
                ((actual - expected) / expected).abs() < 1e-12,
                "statement {statement}: {actual} against {expected}"
            );
        }
    }
}
