//! Dialogues, their constituencies and settings.

use model::{
    AnalysisWeighting, ConstituencyKind, ConstituencyName, DialogueId, DialogueTitle,
    ExpectedShare, ModerationPolicy, ModerationStatus, ReportVisibility, StatementText,
};
use store::{Entity, NewConstituency, NewDialogue, StatementFilter, StoreError};

use crate::support::{T0, TestDb, constituency, dialogue, partnership, settings};

pub async fn a_dialogue_is_created_with_constituencies_and_seeds(db: &TestDb) {
    let store = db.store();
    let partnership = partnership(store, "North").await;
    let created = store
        .create_dialogue(NewDialogue {
            partnership: partnership.id,
            settings: settings(ModerationPolicy::Pre),
            constituencies: vec![
                NewConstituency {
                    name: ConstituencyName::parse("Older resident").unwrap(),
                    expected_share: Some(ExpectedShare::parse(0.25).unwrap()),
                    kind: Some(ConstituencyKind::Lay),
                },
                constituency("GP"),
            ],
            seed_statements: vec![
                StatementText::parse("Buses should run later at night").unwrap(),
                StatementText::parse("The clinic should open on Saturdays").unwrap(),
            ],
            schedule: model::DialogueSchedule::NONE,
            created_by: None,
            created_at: T0,
        })
        .await
        .unwrap();
    assert!(created.is_open);
    assert_eq!(created.partnership, partnership.id);
    assert_eq!(created.settings, settings(ModerationPolicy::Pre));
    let names: Vec<&str> = created
        .constituencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Older resident", "GP"]);
    let older = &created.constituencies[0];
    assert_eq!(older.kind, Some(ConstituencyKind::Lay));
    assert!((older.expected_share.unwrap().get() - 0.25).abs() < 1e-12);
    assert_eq!(created.constituencies[1].expected_share, None);
    assert_eq!(store.get_dialogue(created.id).await.unwrap(), created);
    assert_eq!(
        store.list_dialogues(partnership.id).await.unwrap(),
        vec![created.clone()]
    );

    let page = store
        .list_statements(created.id, &StatementFilter::default())
        .await
        .unwrap();
    let texts: Vec<&str> = page.statements.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Buses should run later at night",
            "The clinic should open on Saturdays"
        ]
    );
    for seed in &page.statements {
        assert!(seed.is_seed);
        assert_eq!(seed.moderation, ModerationStatus::Accepted);
        assert_eq!(seed.author, None);
        assert_eq!(seed.created_at, T0);
    }

    let added = store
        .add_constituency(created.id, constituency("Carer"))
        .await
        .unwrap();
    assert_eq!(added.dialogue, created.id);
    assert!(matches!(
        store.add_constituency(created.id, constituency("GP")).await,
        Err(StoreError::Duplicate {
            entity: Entity::Constituency,
            field: "name"
        })
    ));
    assert_eq!(
        store
            .get_dialogue(created.id)
            .await
            .unwrap()
            .constituencies
            .len(),
        3
    );
    assert!(matches!(
        store.get_dialogue(DialogueId(9999)).await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

pub async fn a_failed_creation_leaves_nothing_behind(db: &TestDb) {
    let store = db.store();
    let partnership = partnership(store, "North").await;
    let new = |seeds: &[&str], constituencies: &[&str]| NewDialogue {
        partnership: partnership.id,
        settings: settings(ModerationPolicy::Post),
        constituencies: constituencies
            .iter()
            .map(|name| constituency(name))
            .collect(),
        seed_statements: seeds
            .iter()
            .map(|s| StatementText::parse(s).unwrap())
            .collect(),
        schedule: model::DialogueSchedule::NONE,
        created_by: None,
        created_at: T0,
    };
    let twice = store
        .create_dialogue(new(&["More benches", "more  BENCHES!"], &["Carer"]))
        .await;
    assert!(
        matches!(twice, Err(StoreError::DuplicateStatement { .. })),
        "{twice:?}"
    );
    let same_names = store
        .create_dialogue(new(&["More benches"], &["Carer", "Carer"]))
        .await;
    assert!(matches!(
        same_names,
        Err(StoreError::Duplicate {
            entity: Entity::Constituency,
            ..
        })
    ));
    assert!(
        store
            .list_dialogues(partnership.id)
            .await
            .unwrap()
            .is_empty()
    );

    let mut orphan = new(&["More benches"], &[]);
    orphan.partnership = model::PartnershipId(9999);
    assert!(matches!(
        store.create_dialogue(orphan).await,
        Err(StoreError::NotFound(Entity::Partnership))
    ));
}

pub async fn settings_and_open_state_can_change(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Pre, &["Seed"], &[]).await;
    let mut changed = settings(ModerationPolicy::Post);
    changed.title = DialogueTitle::parse("Healthy streets, round two").unwrap();
    changed.allow_participant_statements = false;
    changed.report_visibility = ReportVisibility::Convenors;
    let updated = store
        .update_dialogue_settings(created.id, changed.clone())
        .await
        .unwrap();
    assert_eq!(updated.settings, changed);
    assert_eq!(
        store.get_dialogue(created.id).await.unwrap().settings,
        changed
    );

    let closed = store.set_dialogue_open(created.id, false).await.unwrap();
    assert!(!closed.is_open);
    assert!(!store.get_dialogue(created.id).await.unwrap().is_open);
    assert!(
        store
            .set_dialogue_open(created.id, true)
            .await
            .unwrap()
            .is_open
    );
    assert!(matches!(
        store.set_dialogue_open(DialogueId(9999), true).await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

pub async fn a_dialogue_is_shared_with_partners_only_when_asked(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    assert!(!created.shared_with_partners, "not shared by default");
    let revision = store.dialogue_revision(created.id).await.unwrap();

    let shared = store
        .set_dialogue_shared_with_partners(created.id, true)
        .await
        .unwrap();
    assert!(shared.shared_with_partners);
    assert_eq!(shared.settings, created.settings);
    assert_eq!(store.get_dialogue(created.id).await.unwrap(), shared);
    assert!(
        store
            .list_dialogues(created.partnership)
            .await
            .unwrap()
            .iter()
            .all(|dialogue| dialogue.shared_with_partners)
    );
    // Sharing changes who reads the dialogue, not what the analysis sees.
    assert_eq!(store.dialogue_revision(created.id).await.unwrap(), revision);

    // Changing the settings keeps the sharing.
    let updated = store
        .update_dialogue_settings(created.id, settings(ModerationPolicy::Pre))
        .await
        .unwrap();
    assert!(updated.shared_with_partners);

    let unshared = store
        .set_dialogue_shared_with_partners(created.id, false)
        .await
        .unwrap();
    assert!(!unshared.shared_with_partners);
    assert!(matches!(
        store
            .set_dialogue_shared_with_partners(DialogueId(9999), true)
            .await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

pub async fn weighting_and_population_shares_are_kept_and_make_the_analysis_stale(db: &TestDb) {
    let store = db.store();
    let created = dialogue(store, ModerationPolicy::Post, &[], &["carers", "GPs"]).await;
    assert_eq!(created.weighting, None);
    assert!(
        created
            .constituencies
            .iter()
            .all(|c| c.population_share.is_none())
    );
    let before = store.dialogue_revision(created.id).await.unwrap();
    let carers = created.constituencies[0].id;
    let share = ExpectedShare::parse(0.15).unwrap();
    let updated = store
        .set_dialogue_weighting(
            created.id,
            Some(AnalysisWeighting::Frame),
            vec![(carers, Some(share))],
        )
        .await
        .unwrap();
    assert_eq!(updated.weighting, Some(AnalysisWeighting::Frame));
    assert_eq!(updated.constituencies[0].population_share, Some(share));
    assert_eq!(updated.constituencies[1].population_share, None);
    assert_eq!(store.get_dialogue(created.id).await.unwrap(), updated);
    assert_ne!(store.dialogue_revision(created.id).await.unwrap(), before);

    // Back to the default, clearing the share.
    let cleared = store
        .set_dialogue_weighting(created.id, None, vec![(carers, None)])
        .await
        .unwrap();
    assert_eq!(cleared.weighting, None);
    assert_eq!(cleared.constituencies[0].population_share, None);

    // A constituency of another dialogue is not this dialogue's, and nothing changes.
    let other = dialogue(store, ModerationPolicy::Post, &[], &["residents"]).await;
    let foreign = other.constituencies[0].id;
    assert!(matches!(
        store
            .set_dialogue_weighting(
                created.id,
                Some(AnalysisWeighting::Equal),
                vec![(foreign, Some(share))]
            )
            .await,
        Err(StoreError::NotFound(Entity::Constituency))
    ));
    assert_eq!(
        store.get_dialogue(created.id).await.unwrap().weighting,
        None
    );
    assert!(matches!(
        store
            .set_dialogue_weighting(DialogueId(9999), None, Vec::new())
            .await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

pub async fn a_schedule_admits_writes_only_between_its_times(db: &TestDb) {
    use model::{DialogueSchedule, DialogueStatus, ParticipantId, VoteChoice};
    use store::{CastVote, NewParticipant, NewStatement};

    let store = db.store();
    let created = dialogue(
        store,
        ModerationPolicy::Post,
        &["Open the clinic later"],
        &[],
    )
    .await;
    let seed = store
        .list_statements(created.id, &StatementFilter::default())
        .await
        .unwrap()
        .statements[0]
        .id;
    let opens = T0 + 1_000;
    let closes = T0 + 2_000;
    let scheduled = store
        .set_dialogue_schedule(
            created.id,
            DialogueSchedule::new(Some(opens), Some(closes)).unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(scheduled.schedule.opens_at(), Some(opens));
    assert_eq!(scheduled.schedule.closes_at(), Some(closes));
    assert!(scheduled.is_open, "the convenor's flag is untouched");
    assert_eq!(store.get_dialogue(created.id).await.unwrap(), scheduled);
    assert_eq!(
        scheduled.status_at(opens - 1),
        DialogueStatus::NotYetOpen { opens_at: opens }
    );

    let join = |at: i64| {
        store.create_participant(NewParticipant {
            dialogue: created.id,
            external_id: None,
            constituencies: Vec::new(),
            created_at: at,
        })
    };
    let vote = |participant: ParticipantId, at: i64| async move {
        store
            .cast_votes(&[CastVote {
                participant,
                statement: seed,
                choice: VoteChoice::Agree,
                cast_at: at,
                channel: model::VoteChannel::Online,
                idempotency_key: None,
            }])
            .await
            .unwrap()
            .remove(0)
    };
    let write = |author: ParticipantId, at: i64, text: &str| {
        store.submit_statement(NewStatement {
            dialogue: created.id,
            text: StatementText::parse(text).unwrap(),
            author: Some(author),
            is_meta: false,
            created_at: at,
        })
    };

    // Before the opening time nobody joins.
    assert!(matches!(
        join(opens - 1).await,
        Err(StoreError::DialogueNotOpen { opens_at }) if opens_at == opens
    ));
    let (participant, _) = join(opens).await.unwrap();
    // A participant who joined cannot vote or write with a moment before the opening time.
    assert!(matches!(
        vote(participant.id, opens - 1).await,
        Err(StoreError::DialogueNotOpen { .. })
    ));
    assert!(matches!(
        write(participant.id, opens - 1, "Buses every ten minutes").await,
        Err(StoreError::DialogueNotOpen { .. })
    ));
    // Between the times everything is taken; at the closing time nothing is.
    vote(participant.id, closes - 1).await.unwrap();
    write(participant.id, closes - 1, "Buses every ten minutes")
        .await
        .unwrap();
    assert!(matches!(
        vote(participant.id, closes).await,
        Err(StoreError::DialogueClosed)
    ));
    assert!(matches!(
        write(participant.id, closes, "Free parking at the clinic").await,
        Err(StoreError::DialogueClosed)
    ));
    assert!(matches!(
        join(closes).await,
        Err(StoreError::DialogueClosed)
    ));

    // Moving the closing time later opens it again; removing the times leaves it open always.
    let later = T0 + 10_000;
    store
        .set_dialogue_schedule(
            created.id,
            DialogueSchedule::new(Some(opens), Some(later)).unwrap(),
        )
        .await
        .unwrap();
    vote(participant.id, closes + 1).await.unwrap();
    store
        .set_dialogue_schedule(created.id, DialogueSchedule::NONE)
        .await
        .unwrap();
    vote(participant.id, later + 1).await.unwrap();
    // A convenor's close wins over any schedule.
    store.set_dialogue_open(created.id, false).await.unwrap();
    assert!(matches!(
        vote(participant.id, later + 2).await,
        Err(StoreError::DialogueClosed)
    ));
    assert_eq!(
        store
            .set_dialogue_schedule(created.id, DialogueSchedule::NONE)
            .await
            .unwrap()
            .status_at(later),
        DialogueStatus::Closed
    );
    // An unknown dialogue is not found.
    assert!(matches!(
        store
            .set_dialogue_schedule(DialogueId(i64::MAX), DialogueSchedule::NONE)
            .await,
        Err(StoreError::NotFound(Entity::Dialogue))
    ));
}

pub async fn a_dialogue_is_created_with_its_schedule(db: &TestDb) {
    let store = db.store();
    let partnership = partnership(store, "Scheduled").await;
    let schedule = model::DialogueSchedule::new(Some(T0 + 60_000), Some(T0 + 120_000)).unwrap();
    let created = store
        .create_dialogue(NewDialogue {
            partnership: partnership.id,
            settings: settings(ModerationPolicy::Post),
            constituencies: Vec::new(),
            seed_statements: Vec::new(),
            schedule,
            created_by: None,
            created_at: T0,
        })
        .await
        .unwrap();
    assert_eq!(created.schedule, schedule);
    assert_eq!(
        store.list_dialogues(partnership.id).await.unwrap()[0].schedule,
        schedule
    );
    assert!(created.is_closed_at(T0 + 120_000));
    assert!(!created.is_closed_at(T0 + 119_999));
}
