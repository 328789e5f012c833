//! Versions of statements: a dialogue's languages, the language a statement was written in,
//! and translations and easy-read versions, one per statement, language and kind.

use model::{
    DialogueId, ModerationPolicy, ParticipantId, StatementId, StatementText, VoteChannel,
    VoteChoice,
};
use store::prelude::*;
use store::{
    CastVote, DialogueLanguages, Entity, NewParticipant, NewStatement, StatementFilter,
    StatementVersion, StoreError, Untranslated,
};

use crate::support::{T0, TestDb, dialogue, new_convenor};

async fn first_statement(store: &dyn Store, dialogue: DialogueId) -> StatementId {
    store
        .list_statements(dialogue, &StatementFilter::default())
        .await
        .unwrap()
        .statements[0]
        .id
}

fn version(
    statement: StatementId,
    language: &str,
    easy_read: bool,
    text: &str,
) -> StatementVersion {
    StatementVersion {
        statement,
        dialogue: DialogueId(0),
        language: language.to_owned(),
        easy_read,
        text: text.to_owned(),
        added_by: None,
        added_at: T0 + 5,
    }
}

pub async fn a_dialogue_keeps_its_language_and_what_it_does_with_untranslated_statements(
    db: &TestDb,
) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Open on Saturdays"], &[]).await;
    assert_eq!(
        store.dialogue_languages(created.id).await.unwrap(),
        DialogueLanguages::default()
    );
    let welsh = DialogueLanguages {
        language: "cy".to_owned(),
        untranslated: Untranslated::ShowOriginal,
    };
    store
        .set_dialogue_languages(created.id, &welsh)
        .await
        .unwrap();
    assert_eq!(store.dialogue_languages(created.id).await.unwrap(), welsh);
    let english = DialogueLanguages::default();
    store
        .set_dialogue_languages(created.id, &english)
        .await
        .unwrap();
    assert_eq!(store.dialogue_languages(created.id).await.unwrap(), english);
    assert!(matches!(
        store.dialogue_languages(DialogueId(9_999)).await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
    assert!(matches!(
        store
            .set_dialogue_languages(DialogueId(9_999), &welsh)
            .await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

pub async fn a_version_per_language_and_kind_is_added_replaced_and_removed(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Open on Saturdays"], &[]).await;
    let statement = first_statement(store, created.id).await;
    let convenor = store
        .create_convenor(new_convenor("ada@example.org"))
        .await
        .unwrap();
    let mut welsh = version(statement, "cy", false, "Agor ar ddydd Sadwrn");
    welsh.added_by = Some(convenor.id);
    let stored = store.put_statement_version(welsh.clone()).await.unwrap();
    assert_eq!(stored.dialogue, created.id);
    assert_eq!(stored.added_by, Some(convenor.id));
    store
        .put_statement_version(version(statement, "en", true, "Open on Saturday."))
        .await
        .unwrap();
    // A second Welsh translation replaces the first; the easy-read one stays apart.
    store
        .put_statement_version(version(statement, "cy", false, "Agor bob dydd Sadwrn"))
        .await
        .unwrap();
    let versions = store.statement_versions(created.id).await.unwrap();
    let listed: Vec<(&str, bool, &str)> = versions
        .iter()
        .map(|v| (v.language.as_str(), v.easy_read, v.text.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("cy", false, "Agor bob dydd Sadwrn"),
            ("en", true, "Open on Saturday.")
        ]
    );
    assert!(
        store
            .remove_statement_version(statement, "cy", false)
            .await
            .unwrap()
    );
    assert!(
        !store
            .remove_statement_version(statement, "cy", false)
            .await
            .unwrap()
    );
    assert_eq!(store.statement_versions(created.id).await.unwrap().len(), 1);
    assert!(matches!(
        store
            .put_statement_version(version(StatementId(9_999), "cy", false, "Dim"))
            .await,
        Err(StoreError::NotFound(Entity::Statement))
    ));
    let mut unknown_adder = version(statement, "pl", false, "Otwarte w soboty");
    unknown_adder.added_by = Some(model::ConvenorId(9_999));
    assert!(matches!(
        store.put_statement_version(unknown_adder).await,
        Err(StoreError::NotFound(Entity::Convenor))
    ));
    // Nothing of the refused writes was kept.
    assert_eq!(store.statement_versions(created.id).await.unwrap().len(), 1);
}

pub async fn a_statement_keeps_its_language_and_its_versions_go_with_it(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Open on Saturdays"], &[]).await;
    let seed = first_statement(store, created.id).await;
    let (author, _) = store
        .create_participant(NewParticipant {
            dialogue: created.id,
            external_id: None,
            constituencies: Vec::new(),
            created_at: T0,
        })
        .await
        .unwrap();
    let written = store
        .submit_statement(NewStatement {
            dialogue: created.id,
            text: StatementText::parse("Mae angen mwy o feddygon teulu").unwrap(),
            author: Some(author.id),
            is_meta: false,
            created_at: T0 + 10,
        })
        .await
        .unwrap();
    store
        .set_statement_language(written.id, Some("cy"))
        .await
        .unwrap();
    store
        .put_statement_version(version(written.id, "en", false, "We need more GPs"))
        .await
        .unwrap();
    assert_eq!(
        store.statement_languages(created.id).await.unwrap(),
        [(written.id, "cy".to_owned())]
    );
    // Setting no language makes it the dialogue's again.
    store
        .set_statement_language(seed, Some("pl"))
        .await
        .unwrap();
    store.set_statement_language(seed, None).await.unwrap();
    assert_eq!(
        store.statement_languages(created.id).await.unwrap().len(),
        1
    );
    assert!(matches!(
        store
            .set_statement_language(StatementId(9_999), Some("cy"))
            .await,
        Err(StoreError::NotFound(Entity::Statement))
    ));
    // Erasing the author removes their statement, its language and its versions.
    store.erase_participant(author.id).await.unwrap();
    assert!(
        store
            .statement_languages(created.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .statement_versions(created.id)
            .await
            .unwrap()
            .is_empty()
    );
    let _: ParticipantId = author.id;
}

async fn joined(store: &dyn Store, dialogue: DialogueId) -> ParticipantId {
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

fn agree(participant: ParticipantId, statement: StatementId) -> CastVote {
    CastVote {
        participant,
        statement,
        choice: VoteChoice::Agree,
        cast_at: T0 + 20,
        channel: VoteChannel::Online,
        idempotency_key: None,
    }
}

pub async fn a_statement_is_written_with_its_language_and_waits_for_a_translation_before_votes(
    db: &TestDb,
) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Open on Saturdays"], &[]).await;
    let author = joined(store, created.id).await;
    let voter = joined(store, created.id).await;
    let written = |text: &str| NewStatement {
        dialogue: created.id,
        text: StatementText::parse(text).unwrap(),
        author: Some(author),
        is_meta: false,
        created_at: T0 + 10,
    };
    // The language is stored with the statement; the dialogue's own language leaves no row.
    let welsh = store
        .submit_screened_statement(
            written("Mae angen mwy o feddygon teulu"),
            Vec::new(),
            Some("cy"),
        )
        .await
        .unwrap();
    let english = store
        .submit_screened_statement(written("More buses to the clinic"), Vec::new(), Some("en"))
        .await
        .unwrap();
    assert_eq!(
        store.statement_languages(created.id).await.unwrap(),
        [(welsh.id, "cy".to_owned())]
    );
    // A refused statement (a duplicate) leaves no language behind either.
    assert!(matches!(
        store
            .submit_screened_statement(written("More buses to the clinic"), Vec::new(), Some("pl"))
            .await,
        Err(StoreError::DuplicateStatement { .. })
    ));
    assert_eq!(
        store.statement_languages(created.id).await.unwrap().len(),
        1
    );
    // The dialogue waits for translations by default: a vote on it is refused, on the
    // English one recorded.
    assert!(matches!(
        store.cast_vote(agree(voter, welsh.id)).await,
        Err(StoreError::StatementAwaitingTranslation)
    ));
    store.cast_vote(agree(voter, english.id)).await.unwrap();
    // An easy-read version or a translation into another language is not enough.
    store
        .put_statement_version(version(welsh.id, "en", true, "More doctors."))
        .await
        .unwrap();
    store
        .put_statement_version(version(welsh.id, "pl", false, "Potrzeba więcej lekarzy"))
        .await
        .unwrap();
    assert!(matches!(
        store.cast_vote(agree(voter, welsh.id)).await,
        Err(StoreError::StatementAwaitingTranslation)
    ));
    // Shown in the original, it may be voted on; waiting again, it may not.
    store
        .set_dialogue_languages(
            created.id,
            &DialogueLanguages {
                language: "en".to_owned(),
                untranslated: Untranslated::ShowOriginal,
            },
        )
        .await
        .unwrap();
    store.cast_vote(agree(voter, welsh.id)).await.unwrap();
    store
        .set_dialogue_languages(created.id, &DialogueLanguages::default())
        .await
        .unwrap();
    assert!(matches!(
        store.cast_vote(agree(voter, welsh.id)).await,
        Err(StoreError::StatementAwaitingTranslation)
    ));
    // Once translated into the dialogue's language, it is voted on like any other.
    store
        .put_statement_version(version(welsh.id, "en", false, "We need more GPs"))
        .await
        .unwrap();
    store.cast_vote(agree(voter, welsh.id)).await.unwrap();
    // A dialogue held in Welsh does not wait for its own language.
    let in_welsh = DialogueLanguages {
        language: "cy".to_owned(),
        untranslated: Untranslated::Wait,
    };
    store
        .set_dialogue_languages(created.id, &in_welsh)
        .await
        .unwrap();
    store
        .remove_statement_version(welsh.id, "en", false)
        .await
        .unwrap();
    store.cast_vote(agree(voter, welsh.id)).await.unwrap();
}
