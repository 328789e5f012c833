//! Votes: latest wins, history, idempotent retries and refusals.

use model::{
    DialogueId, IdempotencyKey, ModerationPolicy, ModerationStatus, ParticipantId, StatementId,
    StatementText, VoteChannel, VoteChoice,
};
use store::{
    CastVote, Entity, LatestVote, NewParticipant, NewStatement, StatementFilter, Store, StoreError,
    VoteCounts, VoteEvent, VoteOutcome,
};

use crate::support::{T0, TestDb, dialogue};

async fn join(store: &dyn Store, dialogue: DialogueId) -> ParticipantId {
    store
        .create_participant(NewParticipant {
            dialogue,
            external_id: None,
            constituencies: Vec::new(),
            created_at: T0,
        })
        .await
        .unwrap()
        .0
        .id
}

async fn statement_ids(store: &dyn Store, dialogue: DialogueId) -> Vec<StatementId> {
    store
        .list_statements(dialogue, &StatementFilter::default())
        .await
        .unwrap()
        .statements
        .iter()
        .map(|s| s.id)
        .collect()
}

fn vote(
    participant: ParticipantId,
    statement: StatementId,
    choice: VoteChoice,
    at: i64,
) -> CastVote {
    CastVote {
        participant,
        statement,
        choice,
        cast_at: at,
        channel: VoteChannel::Online,
        idempotency_key: None,
    }
}

pub async fn a_second_vote_replaces_the_first_and_history_keeps_both(db: &TestDb) {
    let store = db.store();
    let created = dialogue(
        store,
        ModerationPolicy::Post,
        &["Claim one", "Claim two"],
        &[],
    )
    .await;
    let ids = statement_ids(store, created.id).await;
    let ann = join(store, created.id).await;
    let bob = join(store, created.id).await;

    let first = store
        .cast_vote(vote(ann, ids[0], VoteChoice::Agree, T0 + 1))
        .await
        .unwrap();
    assert_eq!(first.outcome, VoteOutcome::New);
    let second = store
        .cast_vote(vote(ann, ids[0], VoteChoice::Disagree, T0 + 2))
        .await
        .unwrap();
    assert_eq!(
        second.outcome,
        VoteOutcome::Changed {
            previous: VoteChoice::Agree
        }
    );
    assert!(second.event > first.event);
    let third = store
        .cast_vote(vote(ann, ids[0], VoteChoice::Disagree, T0 + 3))
        .await
        .unwrap();
    assert_eq!(third.outcome, VoteOutcome::Unchanged);
    store
        .cast_vote(vote(bob, ids[1], VoteChoice::Pass, T0 + 4))
        .await
        .unwrap();
    store
        .cast_vote(vote(ann, ids[1], VoteChoice::Agree, T0 + 5))
        .await
        .unwrap();

    let latest = store.latest_votes(created.id).await.unwrap();
    assert_eq!(
        latest,
        vec![
            LatestVote {
                participant: ann,
                statement: ids[0],
                choice: VoteChoice::Disagree,
                cast_at: T0 + 3,
                channel: VoteChannel::Online,
            },
            LatestVote {
                participant: ann,
                statement: ids[1],
                choice: VoteChoice::Agree,
                cast_at: T0 + 5,
                channel: VoteChannel::Online,
            },
            LatestVote {
                participant: bob,
                statement: ids[1],
                choice: VoteChoice::Pass,
                cast_at: T0 + 4,
                channel: VoteChannel::Online,
            },
        ]
    );
    assert_eq!(
        store.participant_votes(ann).await.unwrap(),
        latest[..2].to_vec()
    );

    let history = store.vote_history(created.id, None, 100).await.unwrap();
    let choices: Vec<(ParticipantId, VoteChoice)> =
        history.iter().map(|e| (e.participant, e.choice)).collect();
    assert_eq!(
        choices,
        vec![
            (ann, VoteChoice::Agree),
            (ann, VoteChoice::Disagree),
            (ann, VoteChoice::Disagree),
            (bob, VoteChoice::Pass),
            (ann, VoteChoice::Agree),
        ]
    );
    assert_eq!(history[0].id, first.event);
    // Paging on from the second event.
    let rest = store
        .vote_history(created.id, Some(history[1].id), 2)
        .await
        .unwrap();
    assert_eq!(rest, history[2..4].to_vec());

    // One participant's history is their events alone, superseded ones included.
    let anns: Vec<VoteEvent> = history
        .iter()
        .filter(|event| event.participant == ann)
        .copied()
        .collect();
    assert_eq!(anns.len(), 4);
    assert_eq!(store.participant_vote_history(ann).await.unwrap(), anns);
    assert!(matches!(
        store
            .participant_vote_history(ParticipantId(i64::MAX))
            .await,
        Err(StoreError::NotFound(Entity::Participant))
    ));

    assert_eq!(
        store.count_votes(created.id).await.unwrap(),
        VoteCounts {
            votes: 3,
            vote_events: 5,
            voters: 2,
            participants: 2
        }
    );
}

pub async fn a_retried_vote_is_acknowledged_without_a_second_event(db: &TestDb) {
    let store = db.store();
    let created = dialogue(
        store,
        ModerationPolicy::Post,
        &["Claim one", "Claim two"],
        &[],
    )
    .await;
    let ids = statement_ids(store, created.id).await;
    let ann = join(store, created.id).await;
    let bob = join(store, created.id).await;
    let key = IdempotencyKey::parse("5f0c7a8e-3b1d-4c55-9a61-0d2f1e7b9c10").unwrap();
    let keyed = |participant, statement, choice| CastVote {
        channel: VoteChannel::Online,
        idempotency_key: Some(key.clone()),
        ..vote(participant, statement, choice, T0 + 1)
    };

    let first = store
        .cast_vote(keyed(ann, ids[0], VoteChoice::Agree))
        .await
        .unwrap();
    assert_eq!(first.outcome, VoteOutcome::New);
    let retry = store
        .cast_vote(keyed(ann, ids[0], VoteChoice::Agree))
        .await
        .unwrap();
    assert_eq!(retry.outcome, VoteOutcome::Replayed);
    assert_eq!(retry.event, first.event);
    assert_eq!(store.count_votes(created.id).await.unwrap().vote_events, 1);

    let misuse = store.cast_vote(keyed(ann, ids[1], VoteChoice::Agree)).await;
    assert!(matches!(misuse, Err(StoreError::IdempotencyKeyReused)));
    // Keys belong to one participant: another may use the same one.
    let bobs = store
        .cast_vote(keyed(bob, ids[0], VoteChoice::Disagree))
        .await
        .unwrap();
    assert_eq!(bobs.outcome, VoteOutcome::New);

    // A retry that arrives after the dialogue closed is still acknowledged.
    store.set_dialogue_open(created.id, false).await.unwrap();
    let late_retry = store
        .cast_vote(keyed(ann, ids[0], VoteChoice::Agree))
        .await
        .unwrap();
    assert_eq!(late_retry.outcome, VoteOutcome::Replayed);
    assert_eq!(store.count_votes(created.id).await.unwrap().vote_events, 2);
}

pub async fn votes_are_refused_where_they_cannot_count(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Pre, &["Claim one"], &[]).await;
    let seed = statement_ids(store, created.id).await[0];
    let ann = join(store, created.id).await;
    let write = |text: &str| NewStatement {
        dialogue: created.id,
        text: StatementText::parse(text).unwrap(),
        author: Some(ann),
        is_meta: false,
        created_at: T0,
    };
    let pending = store
        .submit_statement(write("Awaiting review"))
        .await
        .unwrap();
    let rejected = store.submit_statement(write("Off topic")).await.unwrap();
    store
        .moderate_statement(rejected.id, ModerationStatus::Rejected)
        .await
        .unwrap();
    let other = dialogue(store, ModerationPolicy::Post, &["Elsewhere"], &[]).await;
    let foreign = statement_ids(store, other.id).await[0];

    let refusal = |statement| store.cast_vote(vote(ann, statement, VoteChoice::Agree, T0 + 9));
    assert!(matches!(
        refusal(pending.id).await,
        Err(StoreError::StatementPending)
    ));
    assert!(matches!(
        refusal(rejected.id).await,
        Err(StoreError::StatementRejected)
    ));
    assert!(matches!(
        refusal(foreign).await,
        Err(StoreError::StatementNotInDialogue)
    ));
    assert!(matches!(
        refusal(StatementId(9999)).await,
        Err(StoreError::NotFound(Entity::Statement))
    ));
    assert!(matches!(
        store
            .cast_vote(vote(ParticipantId(9999), seed, VoteChoice::Agree, T0))
            .await,
        Err(StoreError::NotFound(Entity::Participant))
    ));

    // Under post-moderation the unreviewed statement could be voted on.
    let mut post = created.settings.clone();
    post.moderation = ModerationPolicy::Post;
    store
        .update_dialogue_settings(created.id, post)
        .await
        .unwrap();
    // Its author agreed with it when writing it, so the same vote again changes nothing.
    assert_eq!(
        refusal(pending.id).await.unwrap().outcome,
        VoteOutcome::Unchanged
    );

    store.set_dialogue_open(created.id, false).await.unwrap();
    assert!(matches!(
        refusal(seed).await,
        Err(StoreError::DialogueClosed)
    ));
    assert_eq!(
        store.count_votes(created.id).await.unwrap(),
        VoteCounts {
            votes: 2,
            vote_events: 3,
            voters: 1,
            participants: 1
        }
    );
}

pub async fn concurrent_votes_are_all_recorded(db: &TestDb) {
    let store = db.store();
    let seeds = [
        "Claim one",
        "Claim two",
        "Claim three",
        "Claim four",
        "Claim five",
    ];
    let created = dialogue(store, ModerationPolicy::Post, &seeds, &[]).await;
    let ids = statement_ids(store, created.id).await;
    let mut voters = Vec::new();
    for _ in 0..6 {
        voters.push(join(store, created.id).await);
    }
    let mut tasks = Vec::new();
    for (n, voter) in voters.iter().copied().enumerate() {
        let shared = db.shared();
        let ids = ids.clone();
        tasks.push(tokio::spawn(async move {
            // Each voter votes on every statement twice; the second vote flips the first.
            for round in 0..2_i64 {
                for (i, statement) in ids.iter().copied().enumerate() {
                    let choice = if (n + i) % 2 == usize::try_from(round).unwrap() {
                        VoteChoice::Agree
                    } else {
                        VoteChoice::Disagree
                    };
                    shared
                        .cast_vote(vote(voter, statement, choice, T0 + round))
                        .await
                        .unwrap();
                }
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(
        store.count_votes(created.id).await.unwrap(),
        VoteCounts {
            votes: 30,
            vote_events: 60,
            voters: 6,
            participants: 6
        }
    );
    let latest = store.latest_votes(created.id).await.unwrap();
    for vote in &latest {
        let n = voters.iter().position(|v| *v == vote.participant).unwrap();
        let i = ids.iter().position(|s| *s == vote.statement).unwrap();
        let expected = if (n + i) % 2 == 1 {
            VoteChoice::Agree
        } else {
            VoteChoice::Disagree
        };
        assert_eq!(vote.choice, expected);
        assert_eq!(vote.cast_at, T0 + 1);
    }
}

pub async fn concurrent_retries_record_one_event(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Claim one"], &[]).await;
    let statement = statement_ids(store, created.id).await[0];
    let ann = join(store, created.id).await;
    let key = IdempotencyKey::parse("retry-me").unwrap();
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let shared = db.shared();
        let retry = CastVote {
            channel: VoteChannel::Online,
            idempotency_key: Some(key.clone()),
            ..vote(ann, statement, VoteChoice::Agree, T0)
        };
        tasks.push(tokio::spawn(async move {
            shared.cast_vote(retry).await.unwrap()
        }));
    }
    let mut receipts = Vec::new();
    for task in tasks {
        receipts.push(task.await.unwrap());
    }
    let new = receipts
        .iter()
        .filter(|r| r.outcome == VoteOutcome::New)
        .count();
    let replayed = receipts
        .iter()
        .filter(|r| r.outcome == VoteOutcome::Replayed)
        .count();
    assert_eq!((new, replayed), (1, 5));
    assert!(receipts.iter().all(|r| r.event == receipts[0].event));
    assert_eq!(store.count_votes(created.id).await.unwrap().vote_events, 1);
}

pub async fn a_batch_answers_each_vote_as_alone(db: &TestDb) {
    let store = db.store();
    let created = dialogue(
        store,
        ModerationPolicy::Post,
        &["Claim one", "Claim two"],
        &[],
    )
    .await;
    let ids = statement_ids(store, created.id).await;
    let ann = join(store, created.id).await;
    let bob = join(store, created.id).await;
    let rejected = ids[1];
    store
        .moderate_statement(rejected, ModerationStatus::Rejected)
        .await
        .unwrap();
    let closed = dialogue(store, ModerationPolicy::Post, &["Closed claim"], &[]).await;
    let closed_statement = statement_ids(store, closed.id).await[0];
    let latecomer = join(store, closed.id).await;
    store.set_dialogue_open(closed.id, false).await.unwrap();
    let key = IdempotencyKey::parse("batch-key").unwrap();

    let batch = [
        vote(ann, ids[0], VoteChoice::Agree, T0 + 1),
        vote(ann, rejected, VoteChoice::Agree, T0 + 2),
        vote(ann, ids[0], VoteChoice::Disagree, T0 + 3),
        CastVote {
            channel: VoteChannel::Online,
            idempotency_key: Some(key.clone()),
            ..vote(bob, ids[0], VoteChoice::Pass, T0 + 4)
        },
        CastVote {
            channel: VoteChannel::Online,
            idempotency_key: Some(key.clone()),
            ..vote(bob, ids[0], VoteChoice::Pass, T0 + 5)
        },
        vote(latecomer, closed_statement, VoteChoice::Agree, T0 + 6),
        vote(ParticipantId(9999), ids[0], VoteChoice::Agree, T0 + 7),
    ];
    let answers = store.cast_votes(&batch).await.unwrap();
    assert_eq!(answers.len(), batch.len());
    assert_eq!(answers[0].as_ref().unwrap().outcome, VoteOutcome::New);
    assert!(matches!(answers[1], Err(StoreError::StatementRejected)));
    assert_eq!(
        answers[2].as_ref().unwrap().outcome,
        VoteOutcome::Changed {
            previous: VoteChoice::Agree
        }
    );
    let bobs = answers[3].as_ref().unwrap();
    assert_eq!(bobs.outcome, VoteOutcome::New);
    let retry = answers[4].as_ref().unwrap();
    assert_eq!(
        (retry.outcome, retry.event),
        (VoteOutcome::Replayed, bobs.event)
    );
    assert!(matches!(answers[5], Err(StoreError::DialogueClosed)));
    assert!(matches!(
        answers[6],
        Err(StoreError::NotFound(Entity::Participant))
    ));

    assert_eq!(
        store.count_votes(created.id).await.unwrap(),
        VoteCounts {
            votes: 2,
            vote_events: 3,
            voters: 2,
            participants: 2
        }
    );
    assert_eq!(store.count_votes(closed.id).await.unwrap().vote_events, 0);
    assert!(store.cast_votes(&[]).await.unwrap().is_empty());
}
