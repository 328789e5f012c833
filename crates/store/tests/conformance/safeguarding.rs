//! Safeguarding: a screened statement is held under every policy, flags are one per
//! participant, decisions change the statement and are logged, and settings round-trip.

use model::{
    ModerationAction, ModerationPolicy, ModerationStatus, RejectionReason, SafeguardingConcern,
    StatementText, VoteChoice,
};
use store::prelude::*;
use store::{
    CastVote, Dialogue, Entity, Finding, NewDecision, NewFlag, NewParticipant, NewStatement,
    Participant, SafeguardingSettings, Statement, StatementFilter, StoreError,
};

use crate::support::{T0, TestDb, dialogue, new_convenor};

async fn participant(store: &dyn Store, dialogue: &Dialogue) -> Participant {
    store
        .create_participant(NewParticipant {
            dialogue: dialogue.id,
            external_id: None,
            constituencies: Vec::new(),
            created_at: T0,
        })
        .await
        .unwrap()
        .0
}

fn new_statement(dialogue: &Dialogue, author: &Participant, text: &str) -> NewStatement {
    NewStatement {
        dialogue: dialogue.id,
        text: StatementText::parse(text).unwrap(),
        author: Some(author.id),
        is_meta: false,
        created_at: T0 + 1,
    }
}

fn disclosure() -> Finding {
    Finding {
        concern: SafeguardingConcern::Disclosure,
        rule: "disclosure_term".to_owned(),
        start: 0,
        end: 4,
    }
}

async fn visible(store: &dyn Store, dialogue: &Dialogue) -> Vec<Statement> {
    store
        .list_statements(
            dialogue.id,
            &StatementFilter {
                visible_only: true,
                ..StatementFilter::default()
            },
        )
        .await
        .unwrap()
        .statements
}

fn decision(
    statement: &Statement,
    actor: model::ConvenorId,
    action: ModerationAction,
) -> NewDecision {
    NewDecision {
        statement: statement.id,
        actor,
        actor_email: "mod@example.org".to_owned(),
        action,
        reason: None,
        note: None,
        new_text: None,
        decided_at: T0 + 10,
    }
}

pub async fn a_screened_statement_is_held_even_under_post_moderation(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    let author = participant(store, &created).await;
    let voter = participant(store, &created).await;
    let plain = store
        .submit_screened_statement(
            new_statement(&created, &author, "More benches"),
            Vec::new(),
            None,
        )
        .await
        .unwrap();
    let held = store
        .submit_screened_statement(
            new_statement(&created, &author, "Help I want to die"),
            vec![disclosure()],
            None,
        )
        .await
        .unwrap();
    assert_eq!(held.moderation, ModerationStatus::Pending);
    let shown: Vec<_> = visible(store, &created)
        .await
        .iter()
        .map(|s| s.id)
        .collect();
    assert!(shown.contains(&plain.id));
    assert!(!shown.contains(&held.id));
    assert_eq!(store.held_statements(created.id).await.unwrap(), [held.id]);
    assert_eq!(
        store.statement_findings(held.id).await.unwrap(),
        [disclosure()]
    );
    let refused = store
        .cast_vote(CastVote {
            participant: voter.id,
            statement: held.id,
            choice: VoteChoice::Agree,
            cast_at: T0 + 2,
            channel: model::VoteChannel::Online,
            idempotency_key: None,
        })
        .await
        .unwrap_err();
    assert!(
        matches!(refused, StoreError::StatementPending),
        "{refused:?}"
    );
    // Once accepted, it is shown like any other.
    let convenor = store
        .create_convenor(new_convenor("mod@example.org"))
        .await
        .unwrap();
    store
        .decide(decision(&held, convenor.id, ModerationAction::Accept))
        .await
        .unwrap();
    assert!(store.held_statements(created.id).await.unwrap().is_empty());
    let shown: Vec<_> = visible(store, &created)
        .await
        .iter()
        .map(|s| s.id)
        .collect();
    assert!(shown.contains(&held.id));
}

pub async fn a_participant_flags_a_statement_once(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    let other = dialogue(store, ModerationPolicy::Post, &["Other seed"], &[]).await;
    let author = participant(store, &created).await;
    let outsider = participant(store, &other).await;
    let statement = store
        .submit_statement(new_statement(&created, &author, "Vaccines cause it"))
        .await
        .unwrap();
    let flag = NewFlag {
        statement: statement.id,
        participant: author.id,
        reason: SafeguardingConcern::Misinformation,
        note: Some("not true".to_owned()),
        created_at: T0 + 5,
    };
    let stored = store.flag_statement(flag.clone()).await.unwrap();
    assert_eq!(stored.reason, SafeguardingConcern::Misinformation);
    assert_eq!(stored.note.as_deref(), Some("not true"));
    let again = store.flag_statement(flag.clone()).await.unwrap_err();
    assert!(
        matches!(
            again,
            StoreError::Duplicate {
                entity: Entity::Flag,
                ..
            }
        ),
        "{again:?}"
    );
    let foreign = store
        .flag_statement(NewFlag {
            participant: outsider.id,
            ..flag.clone()
        })
        .await
        .unwrap_err();
    assert!(
        matches!(foreign, StoreError::StatementNotInDialogue),
        "{foreign:?}"
    );
    let cases = store.safeguarding_cases(created.id).await.unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].statement.id, statement.id);
    assert_eq!(cases[0].flags.len(), 1);
    // A decision after the flag closes the case; a later flag opens it again.
    let convenor = store
        .create_convenor(new_convenor("mod@example.org"))
        .await
        .unwrap();
    store
        .decide(decision(&statement, convenor.id, ModerationAction::Accept))
        .await
        .unwrap();
    assert!(
        store
            .safeguarding_cases(created.id)
            .await
            .unwrap()
            .is_empty()
    );
    let second = participant(store, &created).await;
    store
        .flag_statement(NewFlag {
            participant: second.id,
            created_at: T0 + 20,
            ..flag
        })
        .await
        .unwrap();
    assert_eq!(store.safeguarding_cases(created.id).await.unwrap().len(), 1);
}

pub async fn decisions_change_the_statement_keep_the_original_and_are_logged(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Pre, &["Seed"], &[]).await;
    let author = participant(store, &created).await;
    let convenor = store
        .create_convenor(new_convenor("mod@example.org"))
        .await
        .unwrap();
    let first = store
        .submit_screened_statement(
            new_statement(&created, &author, "Mrs Jones has dementia"),
            vec![Finding {
                concern: SafeguardingConcern::PersonalDetails,
                rule: "name_with_condition".to_owned(),
                start: 0,
                end: 9,
            }],
            None,
        )
        .await
        .unwrap();
    let (redacted, logged) = store
        .decide(NewDecision {
            new_text: Some("[removed] has dementia".to_owned()),
            note: Some("name removed".to_owned()),
            ..decision(&first, convenor.id, ModerationAction::Redact)
        })
        .await
        .unwrap();
    assert_eq!(redacted.text, "[removed] has dementia");
    assert_eq!(redacted.moderation, ModerationStatus::Accepted);
    assert_eq!(logged.action, ModerationAction::Redact);
    assert_eq!(logged.dialogue, created.id);
    // A second edit keeps the author's first text.
    store
        .decide(NewDecision {
            new_text: Some("Someone has dementia".to_owned()),
            ..decision(&first, convenor.id, ModerationAction::Edit)
        })
        .await
        .unwrap();
    let second = store
        .submit_statement(new_statement(&created, &author, "Rubbish idea"))
        .await
        .unwrap();
    let (rejected, _) = store
        .decide(NewDecision {
            reason: Some(RejectionReason::Abusive),
            note: Some("Please keep it kind".to_owned()),
            ..decision(&second, convenor.id, ModerationAction::Reject)
        })
        .await
        .unwrap();
    assert_eq!(rejected.moderation, ModerationStatus::Rejected);
    assert_eq!(
        rejected.rejection_reason.as_deref(),
        Some("Please keep it kind")
    );
    store
        .log_decision(decision(&second, convenor.id, ModerationAction::Accept))
        .await
        .unwrap();
    let log = store.list_decisions(created.partnership).await.unwrap();
    let actions: Vec<ModerationAction> = log.iter().map(|d| d.action).collect();
    assert_eq!(
        actions,
        [
            ModerationAction::Redact,
            ModerationAction::Edit,
            ModerationAction::Reject,
            ModerationAction::Accept
        ]
    );
    assert_eq!(log[2].reason, Some(RejectionReason::Abusive));
    assert_eq!(log[0].note.as_deref(), Some("name removed"));
    assert!(log.iter().all(|d| d.actor == Some(convenor.id)
        && d.actor_email == "mod@example.org"
        && d.decided_at == T0 + 10));
    // Flag the edited statement so it shows as a case with its original.
    let flagger = participant(store, &created).await;
    store
        .flag_statement(NewFlag {
            statement: first.id,
            participant: flagger.id,
            reason: SafeguardingConcern::Other,
            note: None,
            created_at: T0 + 30,
        })
        .await
        .unwrap();
    let cases = store.safeguarding_cases(created.id).await.unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(
        cases[0].original_text.as_deref(),
        Some("Mrs Jones has dementia")
    );
    assert_eq!(cases[0].statement.text, "Someone has dementia");
    // A flag raised in the very millisecond of the last decision still reopens the case.
    store
        .flag_statement(NewFlag {
            statement: second.id,
            participant: flagger.id,
            reason: SafeguardingConcern::Abuse,
            note: None,
            created_at: T0 + 10,
        })
        .await
        .unwrap();
    let cases = store.safeguarding_cases(created.id).await.unwrap();
    let reopened = cases
        .iter()
        .find(|case| case.statement.id == second.id)
        .expect("the flag reopens the case");
    assert!(reopened.flags.iter().all(|flag| flag.created_at > T0 + 10));
    let missing = store
        .decide(NewDecision {
            statement: model::StatementId(999_999),
            ..decision(&second, convenor.id, ModerationAction::Accept)
        })
        .await
        .unwrap_err();
    assert!(matches!(missing, StoreError::NotFound(Entity::Statement)));
}

pub async fn settings_round_trip_and_start_empty(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    let empty = store
        .safeguarding_settings(created.partnership)
        .await
        .unwrap();
    assert_eq!(empty, SafeguardingSettings::default());
    let saved = store
        .set_safeguarding_settings(
            created.partnership,
            SafeguardingSettings {
                signposting: "Call Samaritans on 116 123".to_owned(),
                extra_disclosure: vec!["food bank closed".to_owned(), " ".to_owned()],
                extra_abuse: vec!["numpty".to_owned()],
                updated_at: Some(T0 + 3),
            },
        )
        .await
        .unwrap();
    assert_eq!(saved.extra_disclosure, ["food bank closed"]);
    let read = store
        .safeguarding_settings(created.partnership)
        .await
        .unwrap();
    assert_eq!(read, saved);
    assert_eq!(read.signposting, "Call Samaritans on 116 123");
    let missing = store
        .safeguarding_settings(model::PartnershipId(999_999))
        .await
        .unwrap_err();
    assert!(matches!(missing, StoreError::NotFound(Entity::Partnership)));
}
