//! Participants: joining, tokens, constituencies and erasure.

use model::{
    DialogueId, ModerationPolicy, ModerationStatus, ParticipantId, StatementText, Token,
    VoteChannel, VoteChoice,
};
use store::{CastVote, Entity, Erasure, NewParticipant, NewStatement, Store, StoreError};

use crate::support::{T0, TestDb, dialogue};

pub async fn participants_join_with_a_token_and_constituencies(db: &TestDb) {
    let store = db.store();
    let created = dialogue(
        store,
        ModerationPolicy::Post,
        &["Seed"],
        &["Carer", "GP", "Resident"],
    )
    .await;
    let [carer, gp, resident] = [0, 1, 2].map(|i| created.constituencies[i].id);

    let (ann, ann_token) = store
        .create_participant(NewParticipant {
            dialogue: created.id,
            external_id: Some("ann".to_owned()),
            constituencies: vec![gp, carer, gp],
            created_at: T0,
        })
        .await
        .unwrap();
    assert_eq!(ann.constituencies, vec![carer, gp]);
    assert_eq!(ann.dialogue, created.id);
    let (bob, bob_token) = store
        .create_participant(NewParticipant {
            dialogue: created.id,
            external_id: None,
            constituencies: vec![],
            created_at: T0 + 1,
        })
        .await
        .unwrap();
    assert_ne!(ann_token, bob_token);
    assert_eq!(
        store.find_participant_by_token(&ann_token).await.unwrap(),
        Some(ann.clone())
    );
    assert_eq!(
        store.find_participant_by_token(&bob_token).await.unwrap(),
        Some(bob.clone())
    );
    // The token presented again as text still works; a made-up one finds nobody.
    let reparsed = Token::parse(ann_token.as_str()).unwrap();
    assert_eq!(
        store
            .find_participant_by_token(&reparsed)
            .await
            .unwrap()
            .unwrap()
            .id,
        ann.id
    );
    assert!(
        store
            .find_participant_by_token(&Token::from_bytes([7; 32]))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.get_participant(ann.id).await.unwrap(), ann);

    let updated = store
        .set_participant_constituencies(bob.id, &[resident])
        .await
        .unwrap();
    assert_eq!(updated.constituencies, vec![resident]);
    assert_eq!(
        store.list_memberships(created.id).await.unwrap(),
        vec![(ann.id, carer), (ann.id, gp), (bob.id, resident)]
    );

    let duplicate = store
        .create_participant(NewParticipant {
            dialogue: created.id,
            external_id: Some("ann".to_owned()),
            constituencies: vec![],
            created_at: T0,
        })
        .await;
    assert!(matches!(
        duplicate,
        Err(StoreError::Duplicate {
            entity: Entity::Participant,
            ..
        })
    ));

    let other = dialogue(store, ModerationPolicy::Post, &["Seed"], &["Elsewhere"]).await;
    let foreign = other.constituencies[0].id;
    assert!(matches!(
        store
            .set_participant_constituencies(bob.id, &[foreign])
            .await,
        Err(StoreError::NotInDialogue(Entity::Constituency))
    ));
    assert!(matches!(
        store
            .set_participant_constituencies(bob.id, &[model::ConstituencyId(9999)])
            .await,
        Err(StoreError::NotFound(Entity::Constituency))
    ));
    // The refused change left the memberships alone.
    assert_eq!(
        store.get_participant(bob.id).await.unwrap().constituencies,
        vec![resident]
    );

    store.set_dialogue_open(created.id, false).await.unwrap();
    let late = store
        .create_participant(NewParticipant {
            dialogue: created.id,
            external_id: None,
            constituencies: vec![],
            created_at: T0,
        })
        .await;
    assert!(matches!(late, Err(StoreError::DialogueClosed)));
    assert!(matches!(
        store.get_participant(ParticipantId(9999)).await,
        Err(StoreError::NotFound(Entity::Participant))
    ));
}

pub async fn erasing_a_participant_removes_their_data(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Seed"], &["Carer"]).await;
    let seed = store
        .list_statements(created.id, &store::StatementFilter::default())
        .await
        .unwrap()
        .statements[0]
        .id;
    let mut people = Vec::new();
    for name in ["ann", "bob"] {
        people.push(
            store
                .create_participant(NewParticipant {
                    dialogue: created.id,
                    external_id: Some(name.to_owned()),
                    constituencies: vec![created.constituencies[0].id],
                    created_at: T0,
                })
                .await
                .unwrap(),
        );
    }
    let (ann, ann_token) = people.remove(0);
    let (bob, _) = people.remove(0);
    let write = |text: &str| NewStatement {
        dialogue: created.id,
        text: StatementText::parse(text).unwrap(),
        author: Some(ann.id),
        is_meta: false,
        created_at: T0,
    };
    let voted_on = store
        .submit_statement(write("Ann's popular claim"))
        .await
        .unwrap();
    let ignored = store
        .submit_statement(write("Ann's unnoticed claim"))
        .await
        .unwrap();
    let vote = |participant: ParticipantId, statement, choice| CastVote {
        participant,
        statement,
        choice,
        cast_at: T0 + 100,
        channel: VoteChannel::Online,
        idempotency_key: None,
    };
    store
        .cast_vote(vote(ann.id, seed, VoteChoice::Agree))
        .await
        .unwrap();
    store
        .cast_vote(vote(ann.id, seed, VoteChoice::Pass))
        .await
        .unwrap();
    store
        .cast_vote(vote(ann.id, voted_on.id, VoteChoice::Agree))
        .await
        .unwrap();
    store
        .cast_vote(vote(bob.id, voted_on.id, VoteChoice::Disagree))
        .await
        .unwrap();
    store
        .cast_vote(vote(bob.id, seed, VoteChoice::Agree))
        .await
        .unwrap();

    let erasure = store.erase_participant(ann.id).await.unwrap();
    assert_eq!(
        erasure,
        Erasure {
            // Her votes and her agreement with each of the two statements she wrote.
            vote_events_removed: 5,
            statements_removed: 1,
            statements_unlinked: 1
        }
    );
    assert!(matches!(
        store.get_participant(ann.id).await,
        Err(StoreError::NotFound(Entity::Participant))
    ));
    assert!(
        store
            .find_participant_by_token(&ann_token)
            .await
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        store.get_statement(ignored.id).await,
        Err(StoreError::NotFound(Entity::Statement))
    ));
    let kept = store.get_statement(voted_on.id).await.unwrap();
    assert_eq!(kept.author, None);
    assert_eq!(kept.moderation, ModerationStatus::Pending);

    let latest = store.latest_votes(created.id).await.unwrap();
    assert!(latest.iter().all(|v| v.participant == bob.id));
    assert_eq!(latest.len(), 2);
    let history = store.vote_history(created.id, None, 100).await.unwrap();
    assert!(history.iter().all(|e| e.participant == bob.id));
    assert_eq!(history.len(), 2);
    assert_eq!(store.list_memberships(created.id).await.unwrap().len(), 1);
    let counts = store.count_votes(created.id).await.unwrap();
    assert_eq!(
        (counts.participants, counts.voters, counts.votes),
        (1, 1, 2)
    );
    assert!(matches!(
        store.erase_participant(ann.id).await,
        Err(StoreError::NotFound(Entity::Participant))
    ));
}

/// Joins the dialogue without constituencies and returns the new participant's id.
async fn join(store: &dyn Store, dialogue: DialogueId) -> ParticipantId {
    let (participant, _) = store
        .create_participant(NewParticipant {
            dialogue,
            external_id: None,
            constituencies: Vec::new(),
            created_at: T0,
        })
        .await
        .unwrap();
    participant.id
}

// Snapshots, engine state and exports name participants and vote events by id, so an id freed
// by an erasure must never be handed to someone else, not even after a restart.
pub async fn an_erased_participant_id_is_never_given_again(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    let seed = store
        .list_statements(created.id, &store::StatementFilter::default())
        .await
        .unwrap()
        .statements[0]
        .id;
    let vote = |participant, choice| CastVote {
        participant,
        statement: seed,
        choice,
        cast_at: T0 + 100,
        channel: VoteChannel::Online,
        idempotency_key: None,
    };
    let ann = join(store, created.id).await;
    store.cast_vote(vote(ann, VoteChoice::Agree)).await.unwrap();
    let newest = join(store, created.id).await;
    store
        .cast_vote(vote(newest, VoteChoice::Agree))
        .await
        .unwrap();
    let newest_event = store
        .cast_vote(vote(newest, VoteChoice::Disagree))
        .await
        .unwrap()
        .event;
    store.erase_participant(newest).await.unwrap();

    let newcomer = join(store, created.id).await;
    assert!(newcomer.0 > newest.0, "{newcomer:?} after {newest:?}");
    let newcomer_event = store
        .cast_vote(vote(newcomer, VoteChoice::Pass))
        .await
        .unwrap()
        .event;
    assert!(
        newcomer_event.0 > newest_event.0,
        "{newcomer_event:?} after {newest_event:?}"
    );

    // The ids already given out are remembered by the database, not by the store that gave them.
    store.erase_participant(newcomer).await.unwrap();
    let reopened = db.open_another().await;
    let after_restart = join(reopened.as_ref(), created.id).await;
    assert!(
        after_restart.0 > newcomer.0,
        "{after_restart:?} after {newcomer:?}"
    );
    let after_restart_event = reopened
        .cast_vote(vote(after_restart, VoteChoice::Agree))
        .await
        .unwrap()
        .event;
    assert!(
        after_restart_event.0 > newcomer_event.0,
        "{after_restart_event:?} after {newcomer_event:?}"
    );
    reopened.close().await;
}
