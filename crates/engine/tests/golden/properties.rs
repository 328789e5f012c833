//! Invariants of the Pol.is pipeline on random dialogues.

use engine::{
    Moderation, ParticipantId, PolisAnalysis, PolisConfig, StatementId, StatementInfo, Vote,
    VoteMatrix, VoteRecord, run,
};
use proptest::prelude::*;

const PARTICIPANTS: u32 = 30;
const STATEMENTS: u32 = 12;

/// Votes with distinct timestamps (the record index), so that input order cannot matter.
fn votes() -> impl Strategy<Value = Vec<VoteRecord>> {
    prop::collection::vec((0..PARTICIPANTS, 0..STATEMENTS, -1i8..=1), 0..260).prop_map(|cells| {
        cells
            .into_iter()
            .enumerate()
            .map(|(index, (participant, statement, value))| VoteRecord {
                participant: ParticipantId(participant),
                statement: StatementId(statement),
                vote: Vote::from_value(value).expect("vote in range"),
                timestamp: i64::try_from(index).expect("small index"),
            })
            .collect()
    })
}

fn statements() -> impl Strategy<Value = Vec<StatementInfo>> {
    prop::collection::vec((0u8..10, prop::bool::weighted(0.1)), STATEMENTS as usize).prop_map(
        |flags| {
            flags
                .into_iter()
                .zip(0..)
                .map(|((moderation, is_meta), id)| StatementInfo {
                    id: StatementId(id),
                    moderation: match moderation {
                        0 => Moderation::Rejected,
                        1..=4 => Moderation::Unmoderated,
                        _ => Moderation::Accepted,
                    },
                    is_meta,
                    author: None,
                })
                .collect()
        },
    )
}

fn analyse(records: &[VoteRecord], statements: &[StatementInfo]) -> PolisAnalysis {
    run(
        &VoteMatrix::from_records(records),
        statements,
        None,
        &PolisConfig::default(),
    )
}

fn relabel(
    records: &[VoteRecord],
    map: &dyn Fn(ParticipantId) -> ParticipantId,
) -> Vec<VoteRecord> {
    records
        .iter()
        .map(|record| VoteRecord {
            participant: map(record.participant),
            ..*record
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn shuffling_the_votes_changes_nothing(
        (records, shuffled) in votes().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        statements in statements(),
    ) {
        prop_assert_eq!(analyse(&records, &statements), analyse(&shuffled, &statements));
    }

    #[test]
    fn the_same_input_and_state_give_the_same_analysis(
        records in votes(),
        statements in statements(),
        seed in any::<u64>(),
    ) {
        let matrix = VoteMatrix::from_records(&records);
        let config = PolisConfig { seed, ..PolisConfig::default() };
        let first = run(&matrix, &statements, None, &config);
        prop_assert_eq!(&first, &run(&matrix, &statements, None, &config));
        let warm = run(&matrix, &statements, Some(&first.state), &config);
        prop_assert_eq!(&warm, &run(&matrix, &statements, Some(&first.state), &config));
        // A warm run on unchanged votes keeps the groups.
        prop_assert_eq!(&warm.group_clusters.len(), &first.group_clusters.len());
    }

    #[test]
    fn relabelling_participants_keeps_count_based_statistics(
        records in votes(),
        statements in statements(),
        permutation in Just((0..PARTICIPANTS).collect::<Vec<u32>>()).prop_shuffle(),
    ) {
        let map = |p: ParticipantId| ParticipantId(permutation[p.0 as usize] * 7 + 3);
        let original = analyse(&records, &statements);
        let relabelled = analyse(&relabel(&records, &map), &statements);
        prop_assert_eq!(original.n, relabelled.n);
        prop_assert_eq!(&original.tids, &relabelled.tids);
        prop_assert_eq!(&original.consensus, &relabelled.consensus);
        prop_assert_eq!(&original.pca.center, &relabelled.pca.center);
        prop_assert_eq!(&original.mod_out, &relabelled.mod_out);
        let mut counts: Vec<(ParticipantId, u32)> =
            original.user_vote_counts.iter().map(|&(p, c)| (map(p), c)).collect();
        counts.sort_unstable();
        prop_assert_eq!(counts, relabelled.user_vote_counts);
    }

    #[test]
    fn an_order_preserving_relabelling_changes_only_the_ids(
        records in votes(),
        statements in statements(),
    ) {
        let map = |p: ParticipantId| ParticipantId(p.0 * 5 + 2);
        let original = analyse(&records, &statements);
        let relabelled = analyse(&relabel(&records, &map), &statements);
        prop_assert_eq!(&original.participant_projections, &relabelled.participant_projections);
        prop_assert_eq!(&original.group_of_row, &relabelled.group_of_row);
        prop_assert_eq!(&original.group_clusters, &relabelled.group_clusters);
        prop_assert_eq!(&original.repness, &relabelled.repness);
        prop_assert_eq!(&original.votes_base, &relabelled.votes_base);
        let in_conv: Vec<ParticipantId> = original.in_conv.iter().map(|&p| map(p)).collect();
        prop_assert_eq!(in_conv, relabelled.in_conv);
        for (ours, theirs) in original.base_clusters.iter().zip(&relabelled.base_clusters) {
            let members: Vec<ParticipantId> = ours.members.iter().map(|&p| map(p)).collect();
            prop_assert_eq!(members, theirs.members.clone());
        }
    }

    #[test]
    fn admitted_participants_stay_admitted(
        records in votes(),
        statements in statements(),
        cut in 0usize..260,
    ) {
        let early = analyse(&records[..cut.min(records.len())], &statements);
        let later = run(
            &VoteMatrix::from_records(&records),
            &statements,
            Some(&early.state),
            &PolisConfig::default(),
        );
        for participant in &early.in_conv {
            prop_assert!(later.in_conv.binary_search(participant).is_ok());
        }
        // Every grouped participant is admitted and every group id is one of the groups.
        for (row, group) in later.group_of_row.iter().enumerate() {
            if let Some(group) = group {
                prop_assert!(later.in_conv.binary_search(&later.participants[row]).is_ok());
                prop_assert!(later.group_clusters.iter().any(|g| g.id == *group));
            }
        }
    }
}
