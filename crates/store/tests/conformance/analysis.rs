//! Analysis snapshots, staleness and the analysis lock.

use model::{DialogueId, ModerationPolicy, VoteChannel, VoteChoice};
use store::{
    AnalysisLock, CastVote, Entity, NewParticipant, NewSnapshot, StatementFilter, Store, StoreError,
};

use crate::support::{T0, TestDb, dialogue};

async fn vote_once(store: &dyn Store, dialogue: DialogueId, at: i64) {
    let statement = store
        .list_statements(dialogue, &StatementFilter::default())
        .await
        .unwrap()
        .statements[0]
        .id;
    let (participant, _) = store
        .create_participant(NewParticipant {
            dialogue,
            external_id: None,
            constituencies: Vec::new(),
            created_at: at,
        })
        .await
        .unwrap();
    store
        .cast_vote(CastVote {
            participant: participant.id,
            statement,
            choice: VoteChoice::Agree,
            cast_at: at,
            channel: VoteChannel::Online,
            idempotency_key: None,
        })
        .await
        .unwrap();
}

pub async fn snapshots_are_saved_loaded_and_go_stale(db: &TestDb) {
    let store = db.store();
    let quiet = dialogue(store, ModerationPolicy::Post, &["Nobody votes here"], &[]).await;
    let busy = dialogue(store, ModerationPolicy::Post, &["Claim one"], &[]).await;
    vote_once(store, busy.id, T0 + 1).await;
    assert!(store.load_snapshot(busy.id).await.unwrap().is_none());
    assert!(store.analysis_is_stale(busy.id).await.unwrap());
    assert_eq!(
        store.dialogues_needing_analysis(10).await.unwrap(),
        vec![busy.id]
    );

    let revision = store.dialogue_revision(busy.id).await.unwrap();
    let snapshot = |json: &str| NewSnapshot {
        dialogue: busy.id,
        revision,
        computed_at: T0 + 2,
        n_votes: 1,
        result_json: json.to_owned(),
        engine_state: vec![0, 255, 7],
    };
    assert_eq!(
        store
            .save_snapshot(snapshot("{\"groups\":[]}"))
            .await
            .unwrap(),
        1
    );
    let loaded = store.load_snapshot(busy.id).await.unwrap().expect("saved");
    assert_eq!(loaded.version, 1);
    assert_eq!(loaded.revision, revision);
    assert_eq!(loaded.computed_at, T0 + 2);
    assert_eq!(loaded.n_votes, 1);
    assert_eq!(loaded.result_json, "{\"groups\":[]}");
    assert_eq!(loaded.engine_state, vec![0, 255, 7]);
    assert!(!store.analysis_is_stale(busy.id).await.unwrap());
    assert!(
        store
            .dialogues_needing_analysis(10)
            .await
            .unwrap()
            .is_empty()
    );

    vote_once(store, busy.id, T0 + 3).await;
    assert!(store.dialogue_revision(busy.id).await.unwrap() > revision);
    assert!(store.analysis_is_stale(busy.id).await.unwrap());
    assert_eq!(
        store.dialogues_needing_analysis(10).await.unwrap(),
        vec![busy.id]
    );
    assert_eq!(store.save_snapshot(snapshot("{}")).await.unwrap(), 2);
    assert_eq!(
        store
            .load_snapshot(busy.id)
            .await
            .unwrap()
            .unwrap()
            .result_json,
        "{}"
    );

    assert!(store.load_snapshot(quiet.id).await.unwrap().is_none());
    let mut orphan = snapshot("{}");
    orphan.dialogue = DialogueId(9999);
    assert!(matches!(
        store.save_snapshot(orphan).await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
    assert!(matches!(
        store.analysis_is_stale(DialogueId(9999)).await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

/// Tries to take the lock until it is free, for at most `attempts` tries: a guard dropped
/// without `release` on PostgreSQL frees its lock once its connection has closed, which happens
/// on another task.
async fn lock_when_free(store: &dyn Store, dialogue: DialogueId, attempts: u32) -> AnalysisLock {
    for _ in 0..attempts {
        if let Some(lock) = store.try_lock_analysis(dialogue).await.unwrap() {
            return lock;
        }
        tokio::task::yield_now().await;
    }
    panic!("the analysis lock was not freed");
}

pub async fn the_analysis_lock_is_exclusive_within_a_store(db: &TestDb) {
    let store = db.store();
    let first = dialogue(store, ModerationPolicy::Post, &["Claim"], &[]).await;
    let second = dialogue(store, ModerationPolicy::Post, &["Claim"], &[]).await;

    let lock = store
        .try_lock_analysis(first.id)
        .await
        .unwrap()
        .expect("free");
    assert_eq!(lock.dialogue(), first.id);
    assert!(store.try_lock_analysis(first.id).await.unwrap().is_none());
    let other = store
        .try_lock_analysis(second.id)
        .await
        .unwrap()
        .expect("another dialogue");
    lock.release().await.unwrap();
    let again = store
        .try_lock_analysis(first.id)
        .await
        .unwrap()
        .expect("released");
    drop(again);
    let after_drop = lock_when_free(store, first.id, 500).await;
    after_drop.release().await.unwrap();
    other.release().await.unwrap();
    assert!(matches!(
        store.try_lock_analysis(DialogueId(9999)).await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

pub async fn the_analysis_lock_is_exclusive_across_stores(db: &TestDb) {
    let store = db.store();
    let instance = db.open_another().await;
    let created = dialogue(store, ModerationPolicy::Post, &["Claim"], &[]).await;

    let held = store
        .try_lock_analysis(created.id)
        .await
        .unwrap()
        .expect("free");
    assert!(
        instance
            .try_lock_analysis(created.id)
            .await
            .unwrap()
            .is_none()
    );
    held.release().await.unwrap();

    let theirs = instance
        .try_lock_analysis(created.id)
        .await
        .unwrap()
        .expect("released");
    assert!(store.try_lock_analysis(created.id).await.unwrap().is_none());
    drop(theirs);
    let ours = lock_when_free(store, created.id, 500).await;
    assert!(
        instance
            .try_lock_analysis(created.id)
            .await
            .unwrap()
            .is_none()
    );
    ours.release().await.unwrap();
    instance.close().await;
}
