//! Rounds: starting one keeps the round that ends with its latest votes, empties the latest
//! votes for the new round, and tags every vote event with the round it was cast in.

use model::{DialogueId, ModerationPolicy, ParticipantId, StatementId, VoteChannel, VoteChoice};
use store::prelude::*;
use store::{
    Card, CastVote, Entity, LatestVote, NewParticipant, NewRound, StatementFilter, StoreError,
};

use crate::support::{T0, TestDb, dialogue};

async fn statement_ids(store: &dyn Store, dialogue: DialogueId) -> Vec<StatementId> {
    store
        .list_statements(dialogue, &StatementFilter::default())
        .await
        .unwrap()
        .statements
        .iter()
        .map(|statement| statement.id)
        .collect()
}

async fn participant(store: &dyn Store, dialogue: DialogueId) -> ParticipantId {
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

async fn vote(
    store: &dyn Store,
    participant: ParticipantId,
    statement: StatementId,
    choice: VoteChoice,
    cast_at: i64,
) {
    store
        .cast_vote(CastVote {
            participant,
            statement,
            choice,
            cast_at,
            channel: VoteChannel::Online,
            idempotency_key: None,
        })
        .await
        .unwrap();
}

fn next_round(dialogue: DialogueId, label: &str, ending: Option<&str>, at: i64) -> NewRound {
    NewRound {
        dialogue,
        label: label.to_owned(),
        ending_label: ending.map(str::to_owned),
        started_at: at,
        started_by: None,
    }
}

fn choices(votes: &[LatestVote]) -> Vec<(ParticipantId, StatementId, VoteChoice)> {
    votes
        .iter()
        .map(|vote| (vote.participant, vote.statement, vote.choice))
        .collect()
}

pub async fn a_new_round_keeps_the_last_rounds_votes_and_starts_empty(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Buses", "Benches"], &[]).await;
    let statements = statement_ids(store, created.id).await;
    let ann = participant(store, created.id).await;
    let bob = participant(store, created.id).await;
    vote(store, ann, statements[0], VoteChoice::Agree, T0 + 1).await;
    vote(store, ann, statements[1], VoteChoice::Disagree, T0 + 2).await;
    vote(store, bob, statements[0], VoteChoice::Pass, T0 + 3).await;

    let only = store.rounds(created.id).await.unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(
        (only[0].number, only[0].label.as_str(), only[0].started_at),
        (1, "Round 1", T0)
    );
    assert!(only[0].is_current());
    assert_eq!((only[0].voters, only[0].votes), (2, 3));

    let before = store.latest_votes(created.id).await.unwrap();
    let started = store
        .start_round(next_round(
            created.id,
            "  After the health fair ",
            Some("Before the health fair"),
            T0 + 100,
        ))
        .await
        .unwrap();
    assert_eq!(
        (started.number, started.label.as_str(), started.started_at),
        (2, "After the health fair", T0 + 100)
    );
    assert_eq!((started.voters, started.votes), (0, 0));
    assert!(store.latest_votes(created.id).await.unwrap().is_empty());
    let kept = store.round_votes(created.id, 1).await.unwrap();
    assert_eq!(choices(&kept), choices(&before));

    // The same participants vote again in the new round, with their same ids.
    vote(store, ann, statements[0], VoteChoice::Disagree, T0 + 101).await;
    let rounds = store.rounds(created.id).await.unwrap();
    assert_eq!(rounds.len(), 2);
    assert_eq!(rounds[0].label, "Before the health fair");
    assert_eq!(rounds[0].ended_at, Some(T0 + 100));
    assert_eq!((rounds[0].voters, rounds[0].votes), (2, 3));
    assert_eq!(rounds[1].ended_at, None);
    assert_eq!((rounds[1].voters, rounds[1].votes), (1, 1));
    assert_eq!(
        choices(&store.round_votes(created.id, 2).await.unwrap()),
        [(ann, statements[0], VoteChoice::Disagree)]
    );
    // Round 1 is unchanged by the new vote.
    assert_eq!(
        choices(&store.round_votes(created.id, 1).await.unwrap()),
        choices(&before)
    );
    let history: Vec<(StatementId, u32)> = store
        .participant_vote_history(ann)
        .await
        .unwrap()
        .iter()
        .map(|event| (event.statement, event.round))
        .collect();
    assert_eq!(
        history,
        [(statements[0], 1), (statements[1], 1), (statements[0], 2)]
    );

    // A third round without a new name for the second keeps its name.
    let third = store
        .start_round(next_round(created.id, "Six months on", None, T0 + 200))
        .await
        .unwrap();
    assert_eq!(third.number, 3);
    let rounds = store.rounds(created.id).await.unwrap();
    let labels: Vec<&str> = rounds.iter().map(|round| round.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Before the health fair",
            "After the health fair",
            "Six months on"
        ]
    );
    assert_eq!(rounds[1].ended_at, Some(T0 + 200));
}

pub async fn rounds_refuse_bad_labels_unknown_dialogues_and_rounds_not_reached(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Buses"], &[]).await;
    for label in ["", "   ", &"x".repeat(121), "tab\there"] {
        let refused = store
            .start_round(next_round(created.id, label, None, T0 + 1))
            .await;
        assert!(
            matches!(refused, Err(StoreError::Invalid(_))),
            "{label:?}: {refused:?}"
        );
    }
    let refused = store
        .start_round(next_round(created.id, "Two", Some(""), T0 + 1))
        .await;
    assert!(matches!(refused, Err(StoreError::Invalid(_))));
    // Nothing was started by the refusals.
    assert_eq!(store.rounds(created.id).await.unwrap().len(), 1);
    assert!(matches!(
        store
            .start_round(next_round(DialogueId(999_999), "Two", None, T0 + 1))
            .await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
    assert!(matches!(
        store.rounds(DialogueId(999_999)).await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
    for round in [0, 2] {
        assert!(matches!(
            store.round_votes(created.id, round).await,
            Err(StoreError::NotFound(Entity::Round))
        ));
    }
}

pub async fn erasing_a_participant_removes_their_votes_from_every_round(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Buses", "Benches"], &[]).await;
    let statements = statement_ids(store, created.id).await;
    let ann = participant(store, created.id).await;
    let bob = participant(store, created.id).await;
    vote(store, ann, statements[0], VoteChoice::Agree, T0 + 1).await;
    vote(store, bob, statements[1], VoteChoice::Agree, T0 + 2).await;
    store
        .start_round(next_round(created.id, "Two", None, T0 + 10))
        .await
        .unwrap();
    vote(store, ann, statements[1], VoteChoice::Agree, T0 + 11).await;
    store.erase_participant(ann).await.unwrap();
    assert_eq!(
        choices(&store.round_votes(created.id, 1).await.unwrap()),
        [(bob, statements[1], VoteChoice::Agree)]
    );
    assert!(store.round_votes(created.id, 2).await.unwrap().is_empty());
}

pub async fn a_paper_code_is_keyed_once_per_round(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Buses"], &["Carers"]).await;
    let statements = statement_ids(store, created.id).await;
    let card = |choice: VoteChoice, at: i64| Card {
        dialogue: created.id,
        code: "NCC-01".to_owned(),
        constituencies: vec![created.constituencies[0].id],
        votes: vec![(statements[0], choice)],
        channel: VoteChannel::Paper,
        replace: false,
        entered_at: at,
    };
    let first = store
        .enter_card(card(VoteChoice::Agree, T0 + 1))
        .await
        .unwrap();
    assert!(first.is_new);
    assert!(matches!(
        store.enter_card(card(VoteChoice::Agree, T0 + 2)).await,
        Err(StoreError::Duplicate { .. })
    ));
    store
        .start_round(next_round(created.id, "After the fair", None, T0 + 10))
        .await
        .unwrap();
    // The same person's card in the new round votes again as the same participant.
    let again = store
        .enter_card(card(VoteChoice::Disagree, T0 + 11))
        .await
        .unwrap();
    assert!(!again.is_new);
    assert_eq!(again.participant.id, first.participant.id);
    assert_eq!(
        choices(&store.round_votes(created.id, 1).await.unwrap()),
        [(first.participant.id, statements[0], VoteChoice::Agree)]
    );
    assert_eq!(
        choices(&store.latest_votes(created.id).await.unwrap()),
        [(first.participant.id, statements[0], VoteChoice::Disagree)]
    );
    // Once keyed in this round, the code is a duplicate again.
    assert!(matches!(
        store.enter_card(card(VoteChoice::Agree, T0 + 12)).await,
        Err(StoreError::Duplicate { .. })
    ));
}
