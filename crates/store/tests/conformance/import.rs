//! Bulk import of a whole conversation.

use model::{ModerationPolicy, ModerationStatus, VoteChannel, VoteChoice};
use store::{
    DialogueImport, Entity, ImportedParticipant, ImportedStatement, ImportedVote, LatestVote,
    StatementFilter, StoreError,
};

use crate::support::{T0, TestDb, constituency, partnership, settings};

fn statement(id: &str, text: &str, moderation: ModerationStatus) -> ImportedStatement {
    ImportedStatement {
        external_id: id.to_owned(),
        text: text.to_owned(),
        is_seed: false,
        is_meta: false,
        moderation,
        author: None,
        created_at: T0,
    }
}

fn cast(participant: &str, statement: &str, choice: VoteChoice, at: i64) -> ImportedVote {
    ImportedVote {
        participant: participant.to_owned(),
        statement: statement.to_owned(),
        choice,
        cast_at: T0 + at,
    }
}

fn conversation(partnership: model::PartnershipId) -> DialogueImport {
    let long = "x".repeat(400);
    DialogueImport {
        partnership,
        settings: settings(ModerationPolicy::Post),
        constituencies: vec![constituency("Carer"), constituency("GP")],
        is_open: false,
        created_by: None,
        external_id: Some("7xyz".to_owned()),
        created_at: T0,
        statements: vec![
            ImportedStatement {
                is_seed: true,
                ..statement("0", "Buses should run later", ModerationStatus::Accepted)
            },
            statement("1", &long, ModerationStatus::Rejected),
            ImportedStatement {
                is_meta: true,
                author: Some("p3".to_owned()),
                ..statement("2", "", ModerationStatus::Pending)
            },
        ],
        participants: vec![ImportedParticipant {
            external_id: "p0".to_owned(),
            constituencies: vec!["Carer".to_owned(), "GP".to_owned()],
            created_at: T0,
        }],
        votes: vec![
            cast("p0", "0", VoteChoice::Agree, 5),
            cast("p0", "0", VoteChoice::Disagree, 3),
            cast("p1", "1", VoteChoice::Agree, 7),
            cast("p1", "1", VoteChoice::Pass, 7),
            cast("p2", "0", VoteChoice::Disagree, 1),
            cast("p0", "2", VoteChoice::Pass, 2),
        ],
    }
}

pub async fn an_imported_conversation_keeps_its_data_and_latest_votes(db: &TestDb) {
    let store = db.store();
    let partnership = partnership(store, "North").await;
    let summary = store
        .import_dialogue(conversation(partnership.id))
        .await
        .unwrap();
    assert_eq!(summary.vote_events, 6);
    assert_eq!(summary.votes, 4);
    let statement_keys: Vec<&str> = summary.statements.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(statement_keys, ["0", "1", "2"]);
    // Listed participants first, then those only mentioned, in order of first mention.
    let participant_keys: Vec<&str> = summary
        .participants
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(participant_keys, ["p0", "p3", "p1", "p2"]);
    let statement = |key: &str| summary.statements.iter().find(|(k, _)| k == key).unwrap().1;
    let participant = |key: &str| {
        summary
            .participants
            .iter()
            .find(|(k, _)| k == key)
            .unwrap()
            .1
    };

    let dialogue = store.get_dialogue(summary.dialogue).await.unwrap();
    assert!(!dialogue.is_open);
    assert_eq!(dialogue.external_id.as_deref(), Some("7xyz"));
    assert_eq!(dialogue.constituencies.len(), 2);

    let listed = store
        .list_statements(summary.dialogue, &StatementFilter::default())
        .await
        .unwrap()
        .statements;
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0].external_id.as_deref(), Some("0"));
    assert!(listed[0].is_seed);
    assert_eq!(listed[1].text.chars().count(), 400);
    assert_eq!(listed[1].moderation, ModerationStatus::Rejected);
    assert_eq!(listed[2].text, "");
    assert!(listed[2].is_meta);
    assert_eq!(listed[2].author, Some(participant("p3")));
    assert_eq!(listed[2].moderation, ModerationStatus::Pending);

    let latest = store.latest_votes(summary.dialogue).await.unwrap();
    let mut expected = vec![
        LatestVote {
            participant: participant("p0"),
            statement: statement("0"),
            choice: VoteChoice::Agree,
            cast_at: T0 + 5,
            channel: VoteChannel::Online,
        },
        LatestVote {
            participant: participant("p0"),
            statement: statement("2"),
            choice: VoteChoice::Pass,
            cast_at: T0 + 2,
            channel: VoteChannel::Online,
        },
        LatestVote {
            participant: participant("p1"),
            statement: statement("1"),
            choice: VoteChoice::Pass,
            cast_at: T0 + 7,
            channel: VoteChannel::Online,
        },
        LatestVote {
            participant: participant("p2"),
            statement: statement("0"),
            choice: VoteChoice::Disagree,
            cast_at: T0 + 1,
            channel: VoteChannel::Online,
        },
    ];
    expected.sort_by_key(|v| (v.participant, v.statement));
    assert_eq!(latest, expected);

    let history = store
        .vote_history(summary.dialogue, None, 100)
        .await
        .unwrap();
    let times: Vec<i64> = history.iter().map(|e| e.cast_at - T0).collect();
    assert_eq!(times, [1, 2, 3, 5, 7, 7]);
    assert_eq!(history[4].choice, VoteChoice::Agree);
    assert_eq!(history[5].choice, VoteChoice::Pass);

    let memberships = store.list_memberships(summary.dialogue).await.unwrap();
    assert_eq!(memberships.len(), 2);
    assert!(memberships.iter().all(|(p, _)| *p == participant("p0")));
    let counts = store.count_votes(summary.dialogue).await.unwrap();
    assert_eq!((counts.participants, counts.voters), (4, 3));
}

pub async fn an_inconsistent_import_is_refused_whole(db: &TestDb) {
    let store = db.store();
    let partnership = partnership(store, "North").await;

    let mut unknown_statement = conversation(partnership.id);
    unknown_statement
        .votes
        .push(cast("p0", "99", VoteChoice::Agree, 9));
    assert!(matches!(
        store.import_dialogue(unknown_statement).await,
        Err(StoreError::Invalid(_))
    ));

    let mut repeated = conversation(partnership.id);
    repeated
        .statements
        .push(statement("0", "Again", ModerationStatus::Accepted));
    assert!(matches!(
        store.import_dialogue(repeated).await,
        Err(StoreError::Invalid(_))
    ));

    // Found only once the dialogue and constituencies are written: the transaction undoes them.
    let mut unknown_constituency = conversation(partnership.id);
    unknown_constituency.participants[0]
        .constituencies
        .push("Nurse".to_owned());
    assert!(matches!(
        store.import_dialogue(unknown_constituency).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(
        store
            .list_dialogues(partnership.id)
            .await
            .unwrap()
            .is_empty()
    );

    let orphan = conversation(model::PartnershipId(9999));
    assert!(matches!(
        store.import_dialogue(orphan).await,
        Err(StoreError::NotFound(Entity::Partnership))
    ));
}
