//! Statement submission, duplicate detection, moderation and listing.

use model::{ModerationPolicy, ModerationStatus, ParticipantId, StatementId, StatementText};
use store::{
    Entity, NewParticipant, NewStatement, Statement, StatementCounts, StatementFilter, Store,
    StoreError,
};

use crate::support::{T0, TestDb, dialogue};

async fn join(store: &dyn Store, dialogue: model::DialogueId) -> ParticipantId {
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

async fn submit(
    store: &dyn Store,
    dialogue: model::DialogueId,
    author: Option<ParticipantId>,
    text: &str,
) -> Result<Statement, StoreError> {
    store
        .submit_statement(NewStatement {
            dialogue,
            text: StatementText::parse(text).unwrap(),
            author,
            is_meta: false,
            created_at: T0 + 10,
        })
        .await
}

fn visible() -> StatementFilter {
    StatementFilter {
        visible_only: true,
        ..StatementFilter::default()
    }
}

fn texts(statements: &[Statement]) -> Vec<&str> {
    statements.iter().map(|s| s.text.as_str()).collect()
}

pub async fn exact_duplicates_are_refused_and_near_ones_flagged(db: &TestDb) {
    let store = db.store();
    let created = dialogue(
        store,
        ModerationPolicy::Post,
        &["The clinic should open on Saturday mornings"],
        &[],
    )
    .await;
    let seed = store
        .list_statements(created.id, &StatementFilter::default())
        .await
        .unwrap()
        .statements[0]
        .id;
    let author = join(store, created.id).await;

    let exact = submit(
        store,
        created.id,
        Some(author),
        "the clinic should open, on SATURDAY mornings!",
    )
    .await;
    assert!(
        matches!(exact, Err(StoreError::DuplicateStatement { existing }) if existing == seed),
        "{exact:?}"
    );

    let near = submit(
        store,
        created.id,
        Some(author),
        "On Saturday mornings the clinic should open early",
    )
    .await
    .unwrap();
    assert_eq!(near.near_duplicate_of, Some(seed));
    assert_eq!(store.get_statement(near.id).await.unwrap(), near);

    let different = submit(
        store,
        created.id,
        Some(author),
        "Parking near the clinic is too dear",
    )
    .await
    .unwrap();
    assert_eq!(different.near_duplicate_of, None);

    // Duplicates are judged within one dialogue only.
    let other = dialogue(store, ModerationPolicy::Post, &["Something else"], &[]).await;
    let elsewhere = submit(
        store,
        other.id,
        None,
        "The clinic should open on Saturday mornings",
    )
    .await
    .unwrap();
    assert_eq!(elsewhere.near_duplicate_of, None);
}

pub async fn pre_moderation_hides_statements_until_accepted(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Pre, &["Seed one"], &[]).await;
    let author = join(store, created.id).await;
    let written = submit(store, created.id, Some(author), "More youth clubs")
        .await
        .unwrap();
    assert_eq!(written.moderation, ModerationStatus::Pending);
    assert!(!written.is_seed);
    assert_eq!(written.author, Some(author));

    let shown = store.list_statements(created.id, &visible()).await.unwrap();
    assert_eq!(texts(&shown.statements), ["Seed one"]);
    let queue = StatementFilter {
        moderation: Some(ModerationStatus::Pending),
        ..StatementFilter::default()
    };
    let pending = store.list_statements(created.id, &queue).await.unwrap();
    assert_eq!(texts(&pending.statements), ["More youth clubs"]);
    assert_eq!(
        store.count_statements(created.id).await.unwrap(),
        StatementCounts {
            pending: 1,
            accepted: 1,
            rejected: 0
        }
    );

    let accepted = store
        .moderate_statement(written.id, ModerationStatus::Accepted)
        .await
        .unwrap();
    assert_eq!(accepted.moderation, ModerationStatus::Accepted);
    let shown = store.list_statements(created.id, &visible()).await.unwrap();
    assert_eq!(texts(&shown.statements), ["Seed one", "More youth clubs"]);

    store
        .moderate_statement(written.id, ModerationStatus::Rejected)
        .await
        .unwrap();
    let shown = store.list_statements(created.id, &visible()).await.unwrap();
    assert_eq!(texts(&shown.statements), ["Seed one"]);
    let mine = StatementFilter {
        author: Some(author),
        ..StatementFilter::default()
    };
    assert_eq!(
        texts(
            &store
                .list_statements(created.id, &mine)
                .await
                .unwrap()
                .statements
        ),
        ["More youth clubs"]
    );
    let seeds = StatementFilter {
        is_seed: Some(true),
        ..StatementFilter::default()
    };
    assert_eq!(
        texts(
            &store
                .list_statements(created.id, &seeds)
                .await
                .unwrap()
                .statements
        ),
        ["Seed one"]
    );

    let meta = store.set_statement_meta(written.id, true).await.unwrap();
    assert!(meta.is_meta);
    assert!(matches!(
        store
            .moderate_statement(StatementId(9999), ModerationStatus::Accepted)
            .await,
        Err(StoreError::NotFound(Entity::Statement))
    ));
}

pub async fn post_moderation_shows_statements_at_once(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Seed one"], &[]).await;
    let author = join(store, created.id).await;
    let written = submit(store, created.id, Some(author), "More youth clubs")
        .await
        .unwrap();
    // Not yet reviewed, but shown at once.
    assert_eq!(written.moderation, ModerationStatus::Pending);
    let shown = store.list_statements(created.id, &visible()).await.unwrap();
    assert_eq!(texts(&shown.statements), ["Seed one", "More youth clubs"]);

    store
        .moderate_statement(written.id, ModerationStatus::Rejected)
        .await
        .unwrap();
    let shown = store.list_statements(created.id, &visible()).await.unwrap();
    assert_eq!(texts(&shown.statements), ["Seed one"]);
}

pub async fn participant_statements_need_an_open_dialogue_that_accepts_them(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Seed one"], &[]).await;
    let author = join(store, created.id).await;

    let mut settings = created.settings.clone();
    settings.allow_participant_statements = false;
    store
        .update_dialogue_settings(created.id, settings)
        .await
        .unwrap();
    assert!(matches!(
        submit(store, created.id, Some(author), "Mine").await,
        Err(StoreError::ParticipantStatementsDisabled)
    ));
    // Convenors still seed.
    let seeded = submit(store, created.id, None, "A convenor's seed")
        .await
        .unwrap();
    assert!(seeded.is_seed);
    assert_eq!(seeded.moderation, ModerationStatus::Accepted);

    store
        .update_dialogue_settings(created.id, created.settings.clone())
        .await
        .unwrap();
    store.set_dialogue_open(created.id, false).await.unwrap();
    assert!(matches!(
        submit(store, created.id, Some(author), "Mine").await,
        Err(StoreError::DialogueClosed)
    ));
    store.set_dialogue_open(created.id, true).await.unwrap();

    let other = dialogue(store, ModerationPolicy::Post, &["Other seed"], &[]).await;
    assert!(matches!(
        submit(store, other.id, Some(author), "Mine").await,
        Err(StoreError::NotInDialogue(Entity::Participant))
    ));
    assert!(matches!(
        submit(store, created.id, Some(ParticipantId(9999)), "Mine").await,
        Err(StoreError::NotFound(Entity::Participant))
    ));
    assert!(matches!(
        submit(store, model::DialogueId(9999), None, "Mine").await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

pub async fn statements_are_listed_in_pages(db: &TestDb) {
    let store = db.store();
    let seeds = [
        "First claim",
        "Second claim",
        "Third claim",
        "Fourth claim",
        "Fifth claim",
    ];
    let created = dialogue(store, ModerationPolicy::Post, &seeds, &[]).await;
    let mut filter = StatementFilter {
        limit: Some(2),
        ..StatementFilter::default()
    };
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let page = store.list_statements(created.id, &filter).await.unwrap();
        assert!(page.statements.len() <= 2);
        seen.extend(page.statements.iter().map(|s| s.text.clone()));
        pages += 1;
        match page.next_after {
            Some(after) => filter.after = Some(after),
            None => break,
        }
    }
    assert_eq!(seen, seeds);
    assert_eq!(pages, 3);
}

pub async fn moderating_a_batch_is_all_or_nothing(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Pre, &["Seed one"], &[]).await;
    let author = join(store, created.id).await;
    let a = submit(store, created.id, Some(author), "Claim a")
        .await
        .unwrap();
    let b = submit(store, created.id, Some(author), "Claim b")
        .await
        .unwrap();
    let other = dialogue(store, ModerationPolicy::Pre, &["Elsewhere"], &[]).await;
    let foreign = store
        .list_statements(other.id, &StatementFilter::default())
        .await
        .unwrap()
        .statements[0]
        .id;

    let refused = store
        .moderate_statements(created.id, &[a.id, foreign], ModerationStatus::Accepted)
        .await;
    assert!(matches!(
        refused,
        Err(StoreError::NotFound(Entity::Statement))
    ));
    assert_eq!(
        store.get_statement(a.id).await.unwrap().moderation,
        ModerationStatus::Pending
    );

    let changed = store
        .moderate_statements(created.id, &[a.id, b.id, a.id], ModerationStatus::Accepted)
        .await
        .unwrap();
    assert_eq!(changed, 2);
    let again = store
        .moderate_statements(created.id, &[a.id, b.id], ModerationStatus::Accepted)
        .await
        .unwrap();
    assert_eq!(again, 0);
    assert_eq!(
        store.count_statements(created.id).await.unwrap(),
        StatementCounts {
            pending: 0,
            accepted: 3,
            rejected: 0
        }
    );
}

// Snapshots and exports name statements by id, so the id of a statement removed with its
// author must never come back on another statement, even one with the same text.
pub async fn a_removed_statement_id_is_never_given_again(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    let author = join(store, created.id).await;
    let removed = submit(
        store,
        created.id,
        Some(author),
        "Open the library on Sundays",
    )
    .await
    .unwrap();
    let erasure = store.erase_participant(author).await.unwrap();
    assert_eq!(erasure.statements_removed, 1);
    assert!(matches!(
        store.get_statement(removed.id).await,
        Err(StoreError::NotFound(Entity::Statement))
    ));

    let another_author = join(store, created.id).await;
    let rewritten = submit(
        store,
        created.id,
        Some(another_author),
        "Open the library on Sundays",
    )
    .await
    .unwrap();
    assert!(
        rewritten.id.0 > removed.id.0,
        "{:?} after {:?}",
        rewritten.id,
        removed.id
    );
    assert_eq!(rewritten.near_duplicate_of, None);
}
