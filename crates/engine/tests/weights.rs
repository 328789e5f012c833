//! Flood-proof tallies: copying every member of one constituency changes no weighted agreement
//! and no common-ground verdict under `equal` and `frame` weighting, while a head count moves.
//!
//! The opinion groups are given to the common-ground stage directly (copies in their originals'
//! groups), as the property is about the tallies, not the map.
#![allow(
    clippy::unwrap_used,
    reason = "a test should fail loudly on a missing value"
)]

use engine::common_ground::weights::participant_weights;
use engine::common_ground::{
    CommonGroundConfig, CommonGroundInput, CommonGroundReport, Constituency, ParticipantWeights,
    StatementReport, Weighting, analyze,
};
use engine::{Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteMatrix, VoteRecord};
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// One participant of a planted dialogue.
#[derive(Clone, Debug)]
struct Person {
    id: u32,
    camp: usize,
    constituency: Option<usize>,
}

/// A planted dialogue: two camps, constituencies of given sizes, unaffiliated participants.
#[derive(Clone, Debug)]
struct Planted {
    people: Vec<Person>,
    n_constituencies: usize,
}

/// How each statement is voted: everyone agrees; camp 0 agrees and camp 1 disagrees; the
/// reverse; constituency 0 agrees and the rest disagree; constituency 1 disagrees and the rest
/// agree; camp 0's members of constituency 0 pass and everyone else agrees.
const N_STATEMENTS: u32 = 6;

fn vote_of(person: &Person, statement: u32) -> Vote {
    let agree = |yes: bool| if yes { Vote::Agree } else { Vote::Disagree };
    match statement {
        0 => Vote::Agree,
        1 => agree(person.camp == 0),
        2 => agree(person.camp == 1),
        3 => agree(person.constituency == Some(0)),
        4 => agree(person.constituency != Some(1)),
        _ if person.camp == 0 && person.constituency == Some(0) => Vote::Pass,
        _ => Vote::Agree,
    }
}

impl Planted {
    fn generate(seed: u64, sizes: &[usize], unaffiliated: usize, camp_share: f64) -> Planted {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut people = Vec::new();
        let memberships = sizes
            .iter()
            .enumerate()
            .flat_map(|(index, &size)| std::iter::repeat_n(Some(index), size))
            .chain(std::iter::repeat_n(None, unaffiliated));
        for (id, constituency) in (0_u32..).zip(memberships) {
            let camp = usize::from(rng.random::<f64>() >= camp_share);
            people.push(Person {
                id,
                camp,
                constituency,
            });
        }
        Planted {
            people,
            n_constituencies: sizes.len(),
        }
    }

    /// Adds `copies - 1` copies of every member of `constituency`, with new ids.
    fn flooded(&self, constituency: usize, copies: usize) -> Planted {
        let mut people = self.people.clone();
        let mut next_id = 1_000_000;
        for person in &self.people {
            if person.constituency == Some(constituency) {
                for _ in 1..copies {
                    people.push(Person {
                        id: next_id,
                        ..person.clone()
                    });
                    next_id += 1;
                }
            }
        }
        Planted {
            people,
            n_constituencies: self.n_constituencies,
        }
    }

    fn camp_sizes(&self) -> [usize; 2] {
        let mut sizes = [0, 0];
        for person in &self.people {
            sizes[person.camp] += 1;
        }
        sizes
    }

    fn analyze(&self, weighting: Weighting, frame_shares: &[Option<f64>]) -> CommonGroundReport {
        let records: Vec<VoteRecord> = self
            .people
            .iter()
            .flat_map(|person| {
                (0..N_STATEMENTS).map(move |statement| VoteRecord {
                    participant: ParticipantId(person.id),
                    statement: StatementId(statement),
                    vote: vote_of(person, statement),
                    timestamp: 0,
                })
            })
            .collect();
        let matrix = VoteMatrix::from_records(&records);
        let statements: Vec<StatementInfo> = (0..N_STATEMENTS)
            .map(|id| StatementInfo {
                id: StatementId(id),
                moderation: Moderation::Accepted,
                is_meta: false,
                author: None,
            })
            .collect();
        let camp_of = |participant: ParticipantId| {
            self.people
                .iter()
                .find(|person| ParticipantId(person.id) == participant)
                .map(|person| person.camp)
        };
        let group_of_row: Vec<Option<usize>> =
            matrix.participants().iter().map(|&p| camp_of(p)).collect();
        let constituencies: Vec<Constituency> = (0..self.n_constituencies)
            .map(|index| Constituency {
                name: format!("constituency {index}"),
                expected_share: None,
                kind: None,
            })
            .collect();
        let memberships: Vec<(ParticipantId, Vec<usize>)> = self
            .people
            .iter()
            .filter_map(|person| Some((ParticipantId(person.id), vec![person.constituency?])))
            .collect();
        let weights: ParticipantWeights = participant_weights(
            &matrix,
            constituencies.len(),
            &memberships,
            weighting,
            frame_shares,
        );
        let participants: Vec<ParticipantId> = matrix.participants().to_vec();
        analyze(
            &CommonGroundInput {
                matrix: &matrix,
                statements: &statements,
                participants: &participants,
                group_of_row: &group_of_row,
                n_groups: 2,
                constituencies: &constituencies,
                memberships: &memberships,
                bridging: None,
                bridging_polarity: None,
                representativeness: None,
                weights: Some(&weights),
            },
            &CommonGroundConfig::default(),
        )
    }
}

/// Whether more votes of the same kind could settle a unit of the statement: its agree rate is
/// at the threshold or above while its interval still reaches below. Copies narrow the intervals
/// of the units they join (the copied votes are counted as votes), so only such a borderline
/// verdict may change; every verdict that is not borderline must stay.
fn is_borderline(statement: &StatementReport) -> bool {
    let threshold = CommonGroundConfig::default().threshold;
    statement
        .groups
        .iter()
        .chain(&statement.constituencies)
        .any(|unit| match (unit.rate, unit.interval) {
            (Some(rate), Some(interval)) => rate >= threshold && interval.lower < threshold,
            _ => false,
        })
}

/// Asserts that every weighted agreement of `after` is that of `before`, and so is every verdict
/// that is not borderline.
fn same_agreement_and_verdicts(
    before: &CommonGroundReport,
    after: &CommonGroundReport,
) -> Result<(), TestCaseError> {
    for old in &before.statements {
        let new = after.statement(old.statement).unwrap();
        let close = |left: Option<f64>, right: Option<f64>| match (left, right) {
            (Some(left), Some(right)) => (left - right).abs() <= 1e-9,
            (None, None) => true,
            _ => false,
        };
        prop_assert!(
            close(old.overall.rate, new.overall.rate),
            "overall of {:?}",
            old.statement
        );
        for (left, right) in old.groups.iter().zip(&new.groups) {
            prop_assert!(close(left.rate, right.rate), "group of {:?}", old.statement);
        }
        for (left, right) in old.constituencies.iter().zip(&new.constituencies) {
            prop_assert!(
                close(left.rate, right.rate),
                "constituency of {:?}",
                old.statement
            );
        }
        prop_assert!(close(
            old.group_equal_weight.map(|e| e.agreement),
            new.group_equal_weight.map(|e| e.agreement)
        ));
        if is_borderline(old) {
            continue;
        }
        prop_assert_eq!(
            old.is_common_ground,
            new.is_common_ground,
            "{:?}: {} became {}",
            old.statement,
            &old.reason,
            &new.reason
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Camps from 50/50 to 85/15, two or three constituencies of 10 to 30 members, none or 10
    /// to 20 unaffiliated, one constituency copied 2 to 20 times.
    #[test]
    fn copying_a_constituency_changes_no_weighted_agreement_or_verdict(
        seed in any::<u64>(),
        sizes in prop::collection::vec(10_usize..30, 2..4),
        unaffiliated in prop_oneof![Just(0_usize), 10_usize..20],
        camp_share in 0.5_f64..0.85,
        flooded in 0_usize..3,
        copies in 2_usize..=20,
        shares in prop::collection::vec(0.1_f64..0.5, 3),
    ) {
        let planted = Planted::generate(seed, &sizes, unaffiliated, camp_share);
        let [camp_0, camp_1] = planted.camp_sizes();
        prop_assume!(camp_0 >= 10 && camp_1 >= 10);
        let flooded = flooded % sizes.len();
        let copied = planted.flooded(flooded, copies);
        let frame: Vec<Option<f64>> = shares[..sizes.len()].iter().copied().map(Some).collect();
        for (weighting, frame) in [(Weighting::Equal, &[][..]), (Weighting::Frame, &frame[..])] {
            let before = planted.analyze(weighting, frame);
            let after = copied.analyze(weighting, frame);
            same_agreement_and_verdicts(&before, &after)?;
        }
    }
}

#[test]
fn a_flood_moves_head_count_agreement_but_not_equal_weight() {
    let planted = Planted::generate(7, &[12, 20], 10, 0.6);
    let copied = planted.flooded(0, 10);
    let statement = StatementId(5);
    let head_before = planted.analyze(Weighting::HeadCount, &[]);
    let head_after = copied.analyze(Weighting::HeadCount, &[]);
    let group_rate =
        |report: &CommonGroundReport| report.statement(statement).unwrap().groups[0].rate.unwrap();
    // Constituency 0's camp-0 members pass on statement 5: copied ten times by head count, they
    // swamp group 1's agreement.
    assert!(group_rate(&head_after) < group_rate(&head_before) - 0.2);
    let equal_before = planted.analyze(Weighting::Equal, &[]);
    let equal_after = copied.analyze(Weighting::Equal, &[]);
    assert!((group_rate(&equal_after) - group_rate(&equal_before)).abs() < 1e-9);
    assert_eq!(equal_after.weighting, Weighting::Equal);
    // The head-count verdict of the weighted analysis is reported beside it.
    let weighted = equal_after.statement(statement).unwrap();
    assert!(weighted.head_count_is_common_ground.is_some());
}
