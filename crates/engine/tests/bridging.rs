//! Checks the bridging scores: the fit converges by the Community Notes rule, ranks statements
//! that both camps accept above partisan ones, is reproducible, survives odd input, and agrees
//! with Pol.is' group-informed consensus on real conversations.
//!
//! The conversations under `data/polis-opendata/` were gathered using the Polis software
//! (compdemocracy.org/polis) and are sub-licensed under CC BY 4.0 with attribution to The
//! Computational Democracy Project.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use engine::bridging::{BridgingConfig, BridgingExclusion, BridgingResult, PassHandling, fit};
use engine::{ParticipantId, StatementId, Vote, VoteMatrix, VoteRecord};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

fn record(participant: u32, statement: u32, vote: Vote) -> VoteRecord {
    VoteRecord {
        participant: ParticipantId(participant),
        statement: StatementId(statement),
        vote,
        timestamp: 0,
    }
}

/// The statements of the two-camp dialogue, by id.
const CONSENSUS: [u32; 3] = [0, 1, 2];
const CAMP_A: [u32; 6] = [3, 4, 5, 6, 7, 8];
const CAMP_B: [u32; 6] = [9, 10, 11, 12, 13, 14];
const CROSS_CUTTING: u32 = 15;
const PARTISAN: u32 = 16;
const TWO_CAMP_PARTICIPANTS: u32 = 300;

fn is_in_camp_a(participant: u32) -> bool {
    participant % 10 < 8
}

/// Returns the percentage of a camp that agrees with a statement of the two-camp dialogue.
fn camp_agreement(statement: u32, in_camp_a: bool) -> usize {
    let (camp_a, camp_b) = if CONSENSUS.contains(&statement) {
        (90, 90)
    } else if CAMP_A.contains(&statement) {
        (90, 10)
    } else if CAMP_B.contains(&statement) {
        (10, 90)
    } else if statement == CROSS_CUTTING {
        (80, 80)
    } else {
        (100, 20)
    };
    if in_camp_a { camp_a } else { camp_b }
}

/// Returns the votes of a dialogue split into camp A (80% of participants) and camp B: a few
/// statements 90% of everyone agrees with, statements 90% of one camp and 10% of the other accept,
/// a cross-cutting statement 80% of each camp accepts, and a partisan statement all of camp A and
/// a fifth of camp B accept, which therefore has the higher raw agreement (84% against 80%).
/// Each camp's share is exact; the seed picks who within the camp agrees.
fn two_camp_records(seed: u64) -> Vec<VoteRecord> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut records = Vec::new();
    let camps: [Vec<u32>; 2] = [
        (0..TWO_CAMP_PARTICIPANTS)
            .filter(|&p| is_in_camp_a(p))
            .collect(),
        (0..TWO_CAMP_PARTICIPANTS)
            .filter(|&p| !is_in_camp_a(p))
            .collect(),
    ];
    for statement in 0..=PARTISAN {
        for camp in &camps {
            let mut members = camp.clone();
            members.shuffle(&mut rng);
            let percentage = camp_agreement(statement, is_in_camp_a(members[0]));
            let n_agree = members.len() * percentage / 100;
            for (index, &participant) in members.iter().enumerate() {
                let vote = if index < n_agree {
                    Vote::Agree
                } else {
                    Vote::Disagree
                };
                records.push(record(participant, statement, vote));
            }
        }
    }
    records
}

fn raw_agreement(matrix: &VoteMatrix, statement: u32) -> f64 {
    let column = matrix
        .column_of(StatementId(statement))
        .expect("the statement has votes");
    let (mut agrees, mut votes) = (0, 0);
    for row in 0..matrix.n_participants() {
        if let Some(value) = matrix.get(row, column) {
            votes += 1;
            agrees += usize::from(value == 1);
        }
    }
    agrees as f64 / votes as f64
}

fn scores(result: &BridgingResult) -> BTreeMap<u32, (f64, f64)> {
    result
        .statements
        .iter()
        .filter_map(|s| Some((s.statement.0, (s.intercept?, s.factor?))))
        .collect()
}

#[test]
fn the_loss_falls_and_training_stops_by_the_community_notes_rule() {
    let matrix = VoteMatrix::from_records(&two_camp_records(1));
    let config = BridgingConfig::default();
    let result = fit(&matrix, &config);

    assert_eq!(result.losses.len(), result.epochs + 1);
    assert_eq!(
        result.loss.to_bits(),
        result.losses.last().unwrap().to_bits()
    );
    assert!(result.epochs > 10 && result.epochs < config.max_epochs);
    assert!(
        result.loss < 0.5 * result.losses[0],
        "loss went from {} to {}",
        result.losses[0],
        result.loss
    );
    // Every epoch but the last continued because the rule said so; the last one stopped by it.
    let mut previous = f64::INFINITY;
    for (epoch, &loss) in result.losses.iter().enumerate() {
        let keeps_going = (loss - previous).abs() > 1e-7 && !(epoch > 100 && loss > previous);
        assert_eq!(keeps_going, epoch < result.epochs, "epoch {epoch}");
        previous = loss;
    }
    // Adam with a learning rate of 1.0 overshoots at first and wobbles a little at the end, but
    // the run ends close to the best loss it saw.
    let lowest = result.losses.iter().copied().fold(f64::INFINITY, f64::min);
    assert!(
        result.loss - lowest < 1e-4,
        "final {} lowest {lowest}",
        result.loss
    );
    // The kept restart is the best one.
    assert_eq!(result.restarts_losses.len(), config.restarts);
    assert!(
        result
            .restarts_losses
            .iter()
            .all(|&loss| result.loss <= loss)
    );
}

#[test]
fn the_epoch_cap_stops_training_early() {
    let matrix = VoteMatrix::from_records(&two_camp_records(1));
    let config = BridgingConfig {
        max_epochs: 12,
        ..BridgingConfig::default()
    };
    let result = fit(&matrix, &config);
    assert_eq!(result.epochs, 12);
    assert_eq!(result.losses.len(), 13);
    let untrained = fit(
        &matrix,
        &BridgingConfig {
            max_epochs: 0,
            ..BridgingConfig::default()
        },
    );
    assert_eq!(untrained.epochs, 0);
    assert!(result.loss < untrained.loss);
}

#[test]
fn statements_both_camps_accept_get_the_top_intercepts_and_small_factors() {
    let matrix = VoteMatrix::from_records(&two_camp_records(2));
    let result = fit(&matrix, &BridgingConfig::default());
    let scores = scores(&result);
    assert_eq!(scores.len(), 17);

    let camp_statements: Vec<u32> = CAMP_A.iter().chain(&CAMP_B).copied().collect();
    let lowest_consensus = CONSENSUS
        .iter()
        .map(|s| scores[s].0)
        .fold(f64::INFINITY, f64::min);
    let highest_other = (3..=PARTISAN)
        .map(|s| scores[&s].0)
        .fold(f64::NEG_INFINITY, f64::max);
    assert!(
        lowest_consensus > highest_other,
        "consensus {lowest_consensus} vs others {highest_other}"
    );

    let largest_consensus_factor = CONSENSUS
        .iter()
        .map(|s| scores[s].1.abs())
        .fold(0.0, f64::max);
    let smallest_camp_factor = camp_statements
        .iter()
        .map(|s| scores[s].1.abs())
        .fold(f64::INFINITY, f64::min);
    // Camp A agrees a little more often overall, which the factor partly carries, so even the
    // consensus statements lean slightly; they stay far inside Community Notes' |f| <= 0.5.
    assert!(
        largest_consensus_factor < 0.25 && smallest_camp_factor > 0.4,
        "consensus |f| up to {largest_consensus_factor}, camp |f| from {smallest_camp_factor}"
    );
    // The two camps' statements sit on opposite sides of the split.
    assert!(
        CAMP_A
            .iter()
            .all(|s| scores[s].1.signum() == scores[&3].1.signum())
    );
    assert!(
        CAMP_B
            .iter()
            .all(|s| scores[s].1.signum() == -scores[&3].1.signum())
    );
}

#[test]
fn the_bridging_intercept_ranks_a_cross_cutting_statement_above_a_partisan_one_with_higher_raw_agreement()
 {
    for seed in 0..4 {
        let matrix = VoteMatrix::from_records(&two_camp_records(seed));
        assert!(
            raw_agreement(&matrix, PARTISAN) > raw_agreement(&matrix, CROSS_CUTTING) + 0.02,
            "seed {seed}: the partisan statement must have the higher raw agreement"
        );
        let result = fit(
            &matrix,
            &BridgingConfig {
                seed,
                ..BridgingConfig::default()
            },
        );
        let scores = scores(&result);
        let (cross_intercept, cross_factor) = scores[&CROSS_CUTTING];
        let (partisan_intercept, partisan_factor) = scores[&PARTISAN];
        assert!(
            cross_intercept > partisan_intercept,
            "seed {seed}: cross-cutting {cross_intercept} vs partisan {partisan_intercept}"
        );
        assert!(cross_factor.abs() < partisan_factor.abs());
    }
}

#[test]
fn most_participant_factors_are_negative_after_identification() {
    for seed in 0..6 {
        let records = two_camp_records(seed);
        // Half of the time, keep one camp-A participant in ten: camp B becomes the majority.
        let records: Vec<VoteRecord> = if seed % 2 == 0 {
            records
        } else {
            records
                .into_iter()
                .filter(|r| r.participant.0 % 10 >= 7)
                .collect()
        };
        let result = fit(
            &VoteMatrix::from_records(&records),
            &BridgingConfig {
                seed,
                ..BridgingConfig::default()
            },
        );
        let factors: Vec<(bool, f64)> = result
            .participants
            .iter()
            .map(|p| (is_in_camp_a(p.participant.0), p.factor.unwrap()))
            .collect();
        let non_positive = factors.iter().filter(|&&(_, factor)| factor <= 0.0).count();
        assert!(
            2 * non_positive >= factors.len(),
            "seed {seed}: {non_positive} of {}",
            factors.len()
        );
        // The factor tells the camps apart, and the majority camp is the negative one; a few
        // participants whom chance gave mixed votes may sit near zero on the other side.
        let majority_is_a = seed % 2 == 0;
        let on_their_side = factors
            .iter()
            .filter(|&&(in_camp_a, factor)| (factor < 0.0) == (in_camp_a == majority_is_a))
            .count();
        assert!(
            on_their_side * 100 >= factors.len() * 97,
            "seed {seed}: {on_their_side} of {} on their camp's side",
            factors.len()
        );
    }
}

#[test]
fn the_same_seed_gives_identical_results_whatever_the_input_order_and_threads() {
    let records = two_camp_records(5);
    let config = BridgingConfig {
        seed: 11,
        ..BridgingConfig::default()
    };
    let first = fit(&VoteMatrix::from_records(&records), &config);
    let again = fit(&VoteMatrix::from_records(&records), &config);
    assert_eq!(first, again);

    let mut shuffled = records.clone();
    shuffled.shuffle(&mut ChaCha8Rng::seed_from_u64(99));
    assert_ne!(shuffled, records);
    let from_shuffled = fit(&VoteMatrix::from_records(&shuffled), &config);
    assert_eq!(format!("{first:?}"), format!("{from_shuffled:?}"));

    let single_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| fit(&VoteMatrix::from_records(&records), &config));
    assert_eq!(format!("{first:?}"), format!("{single_thread:?}"));

    let other_seed = fit(
        &VoteMatrix::from_records(&records),
        &BridgingConfig {
            seed: 12,
            ..config.clone()
        },
    );
    assert_ne!(first.restarts_losses, other_seed.restarts_losses);
}

#[test]
fn a_participant_who_only_passes_changes_nothing() {
    let records = two_camp_records(3);
    let config = BridgingConfig::default();
    let before = fit(&VoteMatrix::from_records(&records), &config);

    let mut with_passer = records.clone();
    for statement in 0..=PARTISAN {
        with_passer.push(record(10_000, statement, Vote::Pass));
    }
    let after = fit(&VoteMatrix::from_records(&with_passer), &config);
    assert_eq!(before.statements, after.statements);
    assert_eq!(
        before.global_intercept.to_bits(),
        after.global_intercept.to_bits()
    );
    assert_eq!(before.losses, after.losses);
    let passer = after
        .participants
        .iter()
        .find(|p| p.participant == ParticipantId(10_000))
        .unwrap();
    assert_eq!(passer.intercept, None);
    assert_eq!(
        passer.exclusion,
        Some(BridgingExclusion::TooFewRatingsOnKeptStatements {
            ratings: 0,
            minimum: 7
        })
    );
}

#[test]
fn counting_passes_as_half_changes_the_ratings() {
    let mut records = two_camp_records(4);
    for participant in 0..40 {
        records.push(VoteRecord {
            timestamp: 1,
            ..record(participant, CROSS_CUTTING, Vote::Pass)
        });
    }
    let matrix = VoteMatrix::from_records(&records);
    let dropped = fit(&matrix, &BridgingConfig::default());
    let halved = fit(
        &matrix,
        &BridgingConfig {
            pass: PassHandling::Half,
            ..BridgingConfig::default()
        },
    );
    let column = matrix.column_of(StatementId(CROSS_CUTTING)).unwrap();
    assert_eq!(dropped.statements[column].n_ratings, 260);
    assert_eq!(halved.statements[column].n_ratings, 300);
    assert_ne!(
        dropped.statements[column].intercept,
        halved.statements[column].intercept
    );
}

#[test]
fn empty_and_tiny_dialogues_get_no_scores_and_say_why() {
    let empty = fit(&VoteMatrix::from_records(&[]), &BridgingConfig::default());
    assert!(empty.statements.is_empty() && empty.participants.is_empty());
    assert_eq!(
        (empty.epochs, empty.loss, empty.global_intercept),
        (0, 0.0, 0.0)
    );
    assert!(empty.restarts_losses.is_empty());

    // Three participants on two statements: no statement reaches five ratings.
    let tiny = VoteMatrix::from_records(&[
        record(1, 1, Vote::Agree),
        record(2, 1, Vote::Disagree),
        record(3, 1, Vote::Pass),
        record(1, 2, Vote::Agree),
    ]);
    let result = fit(&tiny, &BridgingConfig::default());
    assert_eq!(result.statements.len(), 2);
    assert_eq!(
        result.statements[0].exclusion,
        Some(BridgingExclusion::TooFewRatings {
            ratings: 2,
            minimum: 5
        })
    );
    assert!(result.statements.iter().all(|s| s.intercept.is_none()));
    assert!(result.participants.iter().all(|p| p.factor.is_none()));

    // Only passes: nothing to rate with passes dropped.
    let passes: Vec<VoteRecord> = (0..10)
        .flat_map(|p| (0..10).map(move |s| record(p, s, Vote::Pass)))
        .collect();
    let result = fit(
        &VoteMatrix::from_records(&passes),
        &BridgingConfig::default(),
    );
    assert!(result.statements.iter().all(|s| s.intercept.is_none()));
}

#[test]
fn asking_for_no_restarts_still_runs_one() {
    let result = fit(
        &VoteMatrix::from_records(&two_camp_records(0)),
        &BridgingConfig {
            restarts: 0,
            ..BridgingConfig::default()
        },
    );
    assert_eq!(result.restarts_losses.len(), 1);
    assert!(result.statements.iter().all(|s| s.intercept.is_some()));
}

#[test]
fn the_filters_run_statements_then_participants_then_statements_again() {
    let mut records = Vec::new();
    // Ten statements; participants 0..6 vote on all of them.
    for participant in 0..6 {
        for statement in 0..10 {
            let vote = if (participant + statement) % 3 == 0 {
                Vote::Disagree
            } else {
                Vote::Agree
            };
            records.push(record(participant, statement, vote));
        }
    }
    // Statement 10 gets five votes, four from participants who vote on little else.
    records.push(record(0, 10, Vote::Agree));
    for participant in 20..24 {
        records.push(record(participant, 10, Vote::Agree));
        records.push(record(participant, 0, Vote::Agree));
    }
    // Participant 30 votes on six of the ten statements: one short of min(7, 11).
    for statement in 0..6 {
        records.push(record(30, statement, Vote::Agree));
    }
    // Statement 11 has four votes: too few from the start.
    for participant in 0..4 {
        records.push(record(participant, 11, Vote::Agree));
    }
    let matrix = VoteMatrix::from_records(&records);
    let result = fit(&matrix, &BridgingConfig::default());
    let statement = |id: u32| &result.statements[matrix.column_of(StatementId(id)).unwrap()];
    let participant = |id: u32| &result.participants[matrix.row_of(ParticipantId(id)).unwrap()];

    assert_eq!(
        statement(11).exclusion,
        Some(BridgingExclusion::TooFewRatings {
            ratings: 4,
            minimum: 5
        })
    );
    assert_eq!(
        participant(30).exclusion,
        Some(BridgingExclusion::TooFewRatingsOnKeptStatements {
            ratings: 6,
            minimum: 7
        })
    );
    assert_eq!(
        participant(21).exclusion,
        Some(BridgingExclusion::TooFewRatingsOnKeptStatements {
            ratings: 2,
            minimum: 7
        })
    );
    assert_eq!(
        statement(10).exclusion,
        Some(BridgingExclusion::TooFewRatingsFromKeptParticipants {
            ratings: 1,
            minimum: 5
        })
    );
    assert_eq!(statement(0).n_ratings, 6);
    assert!(statement(0).intercept.is_some());
    assert_eq!(participant(0).n_ratings, 10);
    assert!(participant(0).factor.is_some());

    // With a participant minimum of one, participant 30 and the light voters count too.
    let relaxed = fit(
        &matrix,
        &BridgingConfig {
            min_votes_per_participant: Some(1),
            ..BridgingConfig::default()
        },
    );
    let column = matrix.column_of(StatementId(10)).unwrap();
    assert_eq!(relaxed.statements[column].n_ratings, 5);
    assert!(relaxed.participants.iter().all(|p| p.factor.is_some()));
}

/// A Pol.is conversation from the open-data export.
struct Conversation {
    name: String,
    matrix: VoteMatrix,
    /// Group of each participant the Pol.is math put in a group.
    groups: BTreeMap<ParticipantId, u32>,
    moderated_out: BTreeSet<StatementId>,
}

fn opendata_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/polis-opendata");
    let entries = std::fs::read_dir(&root).expect("the bundled open data is readable");
    let mut dirs: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.join("votes.csv").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// A CSV file's rows, with a lookup of its columns by header.
struct Table {
    headers: csv::StringRecord,
    rows: Vec<csv::StringRecord>,
}

impl Table {
    fn read(path: &Path) -> Table {
        let mut reader = csv::Reader::from_path(path).expect("the CSV file opens");
        let headers = reader.headers().expect("the CSV file has headers").clone();
        let rows = reader
            .records()
            .collect::<Result<_, _>>()
            .expect("every CSV row parses");
        Table { headers, rows }
    }

    fn column(&self, name: &str) -> usize {
        self.headers
            .iter()
            .position(|header| header == name)
            .expect("the column exists")
    }
}

fn parse<T: std::str::FromStr>(field: &str) -> T {
    field.parse().ok().expect("a well-formed number")
}

fn load(dir: &Path) -> Conversation {
    let votes = Table::read(&dir.join("votes.csv"));
    let (timestamp, statement, voter, vote) = (
        votes.column("timestamp"),
        votes.column("comment-id"),
        votes.column("voter-id"),
        votes.column("vote"),
    );
    let records: Vec<VoteRecord> = votes
        .rows
        .iter()
        .map(|row| VoteRecord {
            participant: ParticipantId(parse(&row[voter])),
            statement: StatementId(parse(&row[statement])),
            vote: Vote::from_value(parse(&row[vote])).expect("votes are -1, 0 or 1"),
            timestamp: parse(&row[timestamp]),
        })
        .collect();

    let participants = Table::read(&dir.join("participants-votes.csv"));
    let (participant, group) = (
        participants.column("participant"),
        participants.column("group-id"),
    );
    let groups = participants
        .rows
        .iter()
        .filter(|row| !row[group].is_empty())
        .map(|row| (ParticipantId(parse(&row[participant])), parse(&row[group])))
        .collect();

    let comments = Table::read(&dir.join("comments.csv"));
    let (statement, moderated) = (comments.column("comment-id"), comments.column("moderated"));
    let moderated_out = comments
        .rows
        .iter()
        .filter(|row| &row[moderated] == "-1")
        .map(|row| StatementId(parse(&row[statement])))
        .collect();

    Conversation {
        name: dir
            .file_name()
            .expect("a conversation folder has a name")
            .to_string_lossy()
            .into_owned(),
        matrix: VoteMatrix::from_records(&records),
        groups,
        moderated_out,
    }
}

/// Returns Pol.is' group-informed consensus of every matrix column: the product over groups of
/// `(agrees + 1) / (votes + 2)`, counting the latest votes (passes included) of group members.
fn group_informed_consensus(conversation: &Conversation) -> Vec<f64> {
    let matrix = &conversation.matrix;
    let mut counts: BTreeMap<u32, Vec<(u32, u32)>> = BTreeMap::new();
    for (row, participant) in matrix.participants().iter().enumerate() {
        let Some(&group) = conversation.groups.get(participant) else {
            continue;
        };
        let group_counts = counts
            .entry(group)
            .or_insert_with(|| vec![(0, 0); matrix.n_statements()]);
        for (column, value) in matrix.row(row) {
            group_counts[column].0 += u32::from(value == 1);
            group_counts[column].1 += 1;
        }
    }
    (0..matrix.n_statements())
        .map(|column| {
            counts
                .values()
                .map(|group| {
                    let (agrees, votes) = group[column];
                    (f64::from(agrees) + 1.0) / (f64::from(votes) + 2.0)
                })
                .product()
        })
        .collect()
}

/// Returns the ranks of the values, ties sharing the average of their positions (1-based).
fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]].total_cmp(&values[order[start]]).is_eq() {
            end += 1;
        }
        let rank = (start + end + 1) as f64 / 2.0;
        for &index in &order[start..end] {
            ranks[index] = rank;
        }
        start = end;
    }
    ranks
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mean_x, mean_y) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut xy, mut xx, mut yy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        xy += (a - mean_x) * (b - mean_y);
        xx += (a - mean_x) * (a - mean_x);
        yy += (b - mean_y) * (b - mean_y);
    }
    xy / (xx * yy).sqrt()
}

fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&average_ranks(x), &average_ranks(y))
}

#[test]
fn spearman_uses_average_ranks_for_ties() {
    assert_eq!(
        average_ranks(&[3.0, 1.0, 3.0, 2.0]),
        vec![3.5, 1.0, 3.5, 2.0]
    );
    assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-12);
    assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
}

#[test]
fn bridging_intercepts_rank_statements_like_polis_group_informed_consensus() {
    let mut correlations = Vec::new();
    eprintln!(
        "{:<36} {:>10} {:>9}",
        "conversation", "statements", "spearman"
    );
    for dir in opendata_dirs() {
        let conversation = load(&dir);
        let result = fit(&conversation.matrix, &BridgingConfig::default());
        let consensus = group_informed_consensus(&conversation);
        let (mut intercepts, mut gic) = (Vec::new(), Vec::new());
        for (column, statement) in result.statements.iter().enumerate() {
            if let Some(intercept) = statement.intercept
                && !conversation.moderated_out.contains(&statement.statement)
            {
                intercepts.push(intercept);
                gic.push(consensus[column]);
            }
        }
        let correlation = spearman(&intercepts, &gic);
        eprintln!(
            "{:<36} {:>10} {:>9.3}",
            conversation.name,
            intercepts.len(),
            correlation
        );
        correlations.push((conversation.name, correlation));
    }
    assert!(correlations.len() >= 5);
    let mut sorted: Vec<f64> = correlations.iter().map(|&(_, c)| c).collect();
    sorted.sort_by(f64::total_cmp);
    let median = if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2]
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0
    };
    eprintln!("median spearman {median:.3}");
    assert!(median >= 0.8, "median {median}");
    for (name, correlation) in &correlations {
        assert!(*correlation >= 0.5, "{name}: {correlation}");
    }
}
