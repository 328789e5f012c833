//! Priority lists: lists and their constituencies, options with moderation and duplicate
//! detection, drafting from a dialogue's statements, joining, comparisons, erasure, and the
//! translations of options.

use model::{
    ComparisonChoice, ConstituencyKind, ConstituencyName, Description, DialogueId, IdempotencyKey,
    ModerationPolicy, ModerationStatus, OptionOrigin, OptionText, PartnershipId, PriorityListId,
    PriorityListTitle, PriorityOptionId, PriorityParticipantId, PriorityQuestion, ReportVisibility,
    StatementId, Token, UndecidedReason,
};
use store::{
    ComparisonOutcome, DraftedOption, Entity, NewComparison, NewParticipant,
    NewPriorityConstituency, NewPriorityList, NewPriorityOption, NewPriorityParticipant,
    OptionVersion, PriorityErasure, PriorityList, PriorityListSettings, PriorityOption,
    StatementFilter, Store, StoreError,
};

use crate::support::{T0, TestDb, dialogue, partnership};

fn settings(moderation: ModerationPolicy) -> PriorityListSettings {
    PriorityListSettings {
        title: PriorityListTitle::parse("What first?").unwrap(),
        question: PriorityQuestion::parse("Which should the partnership do first?").unwrap(),
        description: Description::parse("").unwrap(),
        allow_participant_options: true,
        moderation,
        results_visibility: ReportVisibility::Public,
    }
}

fn new_list(
    partnership: PartnershipId,
    dialogue: Option<DialogueId>,
    moderation: ModerationPolicy,
    constituencies: &[&str],
) -> NewPriorityList {
    NewPriorityList {
        partnership,
        dialogue,
        settings: settings(moderation),
        constituencies: constituencies
            .iter()
            .map(|name| NewPriorityConstituency {
                name: ConstituencyName::parse(name).unwrap(),
                kind: Some(ConstituencyKind::Lay),
            })
            .collect(),
        created_by: None,
        created_at: T0,
    }
}

/// Creates a list in a fresh partnership with the given constituencies and convenor options.
async fn list(
    store: &dyn Store,
    moderation: ModerationPolicy,
    constituencies: &[&str],
    options: &[&str],
) -> (PriorityList, Vec<PriorityOptionId>) {
    let owner = partnership(store, "Northtown Health Partnership").await;
    let created = store
        .create_priority_list(new_list(owner.id, None, moderation, constituencies))
        .await
        .unwrap();
    let mut ids = Vec::new();
    for text in options {
        ids.push(convenor_option(store, &created, text).await.unwrap().id);
    }
    (created, ids)
}

async fn convenor_option(
    store: &dyn Store,
    list: &PriorityList,
    text: &str,
) -> Result<PriorityOption, StoreError> {
    store
        .add_priority_option(NewPriorityOption {
            list: list.id,
            text: OptionText::parse(text).unwrap(),
            author: None,
            created_at: T0 + 1,
        })
        .await
}

async fn participant_option(
    store: &dyn Store,
    list: &PriorityList,
    author: PriorityParticipantId,
    text: &str,
) -> Result<PriorityOption, StoreError> {
    store
        .add_priority_option(NewPriorityOption {
            list: list.id,
            text: OptionText::parse(text).unwrap(),
            author: Some(author),
            created_at: T0 + 2,
        })
        .await
}

async fn join(store: &dyn Store, list: &PriorityList) -> PriorityParticipantId {
    let (participant, _) = store
        .join_priority_list(NewPriorityParticipant {
            list: list.id,
            constituencies: Vec::new(),
            dialogue_participant: None,
            created_at: T0,
        })
        .await
        .unwrap();
    participant.id
}

fn comparison(
    participant: PriorityParticipantId,
    left: PriorityOptionId,
    right: PriorityOptionId,
    choice: ComparisonChoice,
) -> NewComparison {
    NewComparison {
        participant,
        left,
        right,
        choice,
        reason: None,
        compared_at: T0 + 10,
        idempotency_key: None,
    }
}

fn texts(options: &[PriorityOption]) -> Vec<&str> {
    options.iter().map(|option| option.text.as_str()).collect()
}

pub async fn a_priority_list_keeps_its_settings_constituencies_and_dialogue(db: &TestDb) {
    let store = db.store();
    let linked = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    let created = store
        .create_priority_list(new_list(
            linked.partnership,
            Some(linked.id),
            ModerationPolicy::Pre,
            &["Carers", "GPs"],
        ))
        .await
        .unwrap();
    assert_eq!(created.partnership, linked.partnership);
    assert_eq!(created.dialogue, Some(linked.id));
    assert!(created.is_open);
    assert_eq!(created.settings, settings(ModerationPolicy::Pre));
    let names: Vec<&str> = created
        .constituencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Carers", "GPs"]);
    assert!(created.constituencies.iter().all(|c| c.list == created.id));
    assert_eq!(store.get_priority_list(created.id).await.unwrap(), created);
    assert_eq!(
        store.list_priority_lists(linked.partnership).await.unwrap(),
        vec![created.clone()]
    );

    let changed = PriorityListSettings {
        title: PriorityListTitle::parse("Our first steps").unwrap(),
        allow_participant_options: false,
        moderation: ModerationPolicy::Post,
        results_visibility: ReportVisibility::Convenors,
        ..settings(ModerationPolicy::Pre)
    };
    let updated = store
        .update_priority_list(created.id, changed.clone())
        .await
        .unwrap();
    assert_eq!(updated.settings, changed);
    assert!(updated.revision > created.revision);
    let closed = store
        .set_priority_list_open(created.id, false)
        .await
        .unwrap();
    assert!(!closed.is_open);
    assert!(
        store
            .set_priority_list_open(created.id, true)
            .await
            .unwrap()
            .is_open
    );

    // A dialogue of another partnership, repeated constituency names and an unknown
    // partnership or list are refused, and nothing is stored.
    let other = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    let foreign = store
        .create_priority_list(new_list(
            linked.partnership,
            Some(other.id),
            ModerationPolicy::Pre,
            &[],
        ))
        .await;
    assert!(
        matches!(foreign, Err(StoreError::NotInPartnership(Entity::Dialogue))),
        "{foreign:?}"
    );
    let repeated = store
        .create_priority_list(new_list(
            linked.partnership,
            None,
            ModerationPolicy::Pre,
            &["Carers", "Carers"],
        ))
        .await;
    assert!(
        matches!(
            repeated,
            Err(StoreError::Duplicate {
                entity: Entity::Constituency,
                ..
            })
        ),
        "{repeated:?}"
    );
    let nowhere = store
        .create_priority_list(new_list(
            PartnershipId(999_999),
            None,
            ModerationPolicy::Pre,
            &[],
        ))
        .await;
    assert!(
        matches!(nowhere, Err(StoreError::NotFound(Entity::Partnership))),
        "{nowhere:?}"
    );
    assert_eq!(
        store
            .list_priority_lists(linked.partnership)
            .await
            .unwrap()
            .len(),
        1
    );
    let missing = store
        .get_priority_list(model::PriorityListId(999_999))
        .await;
    assert!(
        matches!(missing, Err(StoreError::NotFound(Entity::PriorityList))),
        "{missing:?}"
    );
}

pub async fn options_are_moderated_and_duplicates_refused(db: &TestDb) {
    let store = db.store();
    let (created, ids) = list(
        store,
        ModerationPolicy::Pre,
        &[],
        &["Open the clinic on Saturday mornings"],
    )
    .await;
    let convenors = store.get_priority_option(ids[0]).await.unwrap();
    assert_eq!(convenors.origin, OptionOrigin::Convenor);
    assert_eq!(convenors.moderation, ModerationStatus::Accepted);
    assert_eq!(convenors.author, None);

    let ann = join(store, &created).await;
    let added = participant_option(store, &created, ann, "More benches along the river")
        .await
        .unwrap();
    assert_eq!(added.origin, OptionOrigin::Participant);
    assert_eq!(added.moderation, ModerationStatus::Pending);
    assert_eq!(added.author, Some(ann));
    assert_eq!(added.near_duplicate_of, None);

    let exact = participant_option(
        store,
        &created,
        ann,
        "open the clinic, on SATURDAY mornings!",
    )
    .await;
    assert!(
        matches!(exact, Err(StoreError::DuplicateOption { existing }) if existing == ids[0]),
        "{exact:?}"
    );
    let near = participant_option(
        store,
        &created,
        ann,
        "On Saturday mornings open the clinic early",
    )
    .await
    .unwrap();
    assert_eq!(near.near_duplicate_of, Some(ids[0]));

    let rejected = store
        .moderate_priority_option(
            added.id,
            ModerationStatus::Rejected,
            Some("Not something the partnership can do".to_owned()),
        )
        .await
        .unwrap();
    assert_eq!(rejected.moderation, ModerationStatus::Rejected);
    assert_eq!(
        rejected.rejection_reason.as_deref(),
        Some("Not something the partnership can do")
    );
    let accepted = store
        .moderate_priority_option(
            added.id,
            ModerationStatus::Accepted,
            Some("kept only for rejections".to_owned()),
        )
        .await
        .unwrap();
    assert_eq!(accepted.moderation, ModerationStatus::Accepted);
    assert_eq!(accepted.rejection_reason, None);
    assert_eq!(store.get_priority_option(added.id).await.unwrap(), accepted);

    // A list that takes no options from participants, or is closed, refuses them; a
    // convenor may still add options.
    store
        .update_priority_list(
            created.id,
            PriorityListSettings {
                allow_participant_options: false,
                ..settings(ModerationPolicy::Pre)
            },
        )
        .await
        .unwrap();
    let disabled = participant_option(store, &created, ann, "A walking group").await;
    assert!(
        matches!(disabled, Err(StoreError::ParticipantOptionsDisabled)),
        "{disabled:?}"
    );
    store
        .update_priority_list(created.id, settings(ModerationPolicy::Pre))
        .await
        .unwrap();
    store
        .set_priority_list_open(created.id, false)
        .await
        .unwrap();
    let closed = participant_option(store, &created, ann, "A walking group").await;
    assert!(
        matches!(closed, Err(StoreError::PriorityListClosed)),
        "{closed:?}"
    );
    convenor_option(store, &created, "A walking group")
        .await
        .unwrap();

    // A participant of another list cannot add options here.
    let (other, _) = list(store, ModerationPolicy::Pre, &[], &[]).await;
    let stranger = join(store, &other).await;
    store
        .set_priority_list_open(created.id, true)
        .await
        .unwrap();
    let foreign = participant_option(store, &created, stranger, "Free parking").await;
    assert!(
        matches!(foreign, Err(StoreError::NotInList(Entity::Participant))),
        "{foreign:?}"
    );

    assert_eq!(
        texts(&store.list_priority_options(created.id).await.unwrap()),
        [
            "Open the clinic on Saturday mornings",
            "More benches along the river",
            "On Saturday mornings open the clinic early",
            "A walking group",
        ]
    );
}

pub async fn options_are_drafted_once_from_the_dialogues_statements(db: &TestDb) {
    let store = db.store();
    let linked = dialogue(
        store,
        ModerationPolicy::Post,
        &[
            "Community transport to the hospital",
            "Longer opening hours at the pharmacy",
        ],
        &[],
    )
    .await;
    let statements: Vec<StatementId> = store
        .list_statements(linked.id, &StatementFilter::default())
        .await
        .unwrap()
        .statements
        .iter()
        .map(|s| s.id)
        .collect();
    let created = store
        .create_priority_list(new_list(
            linked.partnership,
            Some(linked.id),
            ModerationPolicy::Post,
            &[],
        ))
        .await
        .unwrap();
    convenor_option(store, &created, "Longer opening hours at the pharmacy")
        .await
        .unwrap();
    let drafts: Vec<DraftedOption> = statements
        .iter()
        .zip([
            "Community transport to the hospital",
            "Longer opening hours at the pharmacy",
        ])
        .map(|(statement, text)| DraftedOption {
            statement: *statement,
            text: OptionText::parse(text).unwrap(),
        })
        .collect();
    let added = store
        .import_priority_options(created.id, &drafts, T0 + 5)
        .await
        .unwrap();
    // The second statement's text is already an option, so only the first is drafted.
    assert_eq!(texts(&added), ["Community transport to the hospital"]);
    assert_eq!(added[0].origin, OptionOrigin::CommonGround);
    assert_eq!(added[0].statement, Some(statements[0]));
    assert_eq!(added[0].moderation, ModerationStatus::Accepted);
    // Drafting again adds nothing.
    assert!(
        store
            .import_priority_options(created.id, &drafts, T0 + 6)
            .await
            .unwrap()
            .is_empty()
    );

    // A statement of another dialogue refuses the whole batch.
    let other = dialogue(store, ModerationPolicy::Post, &["Free gym passes"], &[]).await;
    let foreign = store
        .list_statements(other.id, &StatementFilter::default())
        .await
        .unwrap()
        .statements[0]
        .id;
    let mixed = [
        DraftedOption {
            statement: statements[1],
            text: OptionText::parse("Pharmacy hours, reworded").unwrap(),
        },
        DraftedOption {
            statement: foreign,
            text: OptionText::parse("Free gym passes").unwrap(),
        },
    ];
    let refused = store
        .import_priority_options(created.id, &mixed, T0 + 7)
        .await;
    assert!(
        matches!(refused, Err(StoreError::NotInDialogue(Entity::Statement))),
        "{refused:?}"
    );
    assert_eq!(
        store.list_priority_options(created.id).await.unwrap().len(),
        2
    );

    // A list without a dialogue has nothing to draft from.
    let (unlinked, _) = list(store, ModerationPolicy::Post, &[], &[]).await;
    let nothing = store
        .import_priority_options(unlinked.id, &drafts[..1], T0)
        .await;
    assert!(
        matches!(nothing, Err(StoreError::Invalid(_))),
        "{nothing:?}"
    );
}

pub async fn participants_join_with_a_token_constituencies_and_their_dialogue_self(db: &TestDb) {
    let store = db.store();
    let linked = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    let (voter, _) = store
        .create_participant(NewParticipant {
            dialogue: linked.id,
            external_id: None,
            constituencies: Vec::new(),
            created_at: T0,
        })
        .await
        .unwrap();
    let created = store
        .create_priority_list(new_list(
            linked.partnership,
            Some(linked.id),
            ModerationPolicy::Post,
            &["Carers", "GPs"],
        ))
        .await
        .unwrap();
    let [carers, gps] = [0, 1].map(|i| created.constituencies[i].id);
    let (ann, ann_token) = store
        .join_priority_list(NewPriorityParticipant {
            list: created.id,
            constituencies: vec![gps, carers, gps],
            dialogue_participant: Some(voter.id),
            created_at: T0 + 1,
        })
        .await
        .unwrap();
    assert_eq!(ann.constituencies, vec![carers, gps]);
    assert_eq!(ann.dialogue_participant, Some(voter.id));
    assert_eq!(
        store
            .find_priority_participant_by_token(&ann_token)
            .await
            .unwrap(),
        Some(ann.clone())
    );
    assert!(
        store
            .find_priority_participant_by_token(&Token::from_bytes([7; 32]))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.get_priority_participant(ann.id).await.unwrap(), ann);

    // The same dialogue participant joins once; one of another dialogue, a constituency of
    // another list and a closed list are refused.
    let again = store
        .join_priority_list(NewPriorityParticipant {
            list: created.id,
            constituencies: Vec::new(),
            dialogue_participant: Some(voter.id),
            created_at: T0 + 2,
        })
        .await;
    assert!(
        matches!(
            again,
            Err(StoreError::Duplicate {
                entity: Entity::Participant,
                ..
            })
        ),
        "{again:?}"
    );
    let other = dialogue(store, ModerationPolicy::Post, &["Seed"], &[]).await;
    let (stranger, _) = store
        .create_participant(NewParticipant {
            dialogue: other.id,
            external_id: None,
            constituencies: Vec::new(),
            created_at: T0,
        })
        .await
        .unwrap();
    let foreign = store
        .join_priority_list(NewPriorityParticipant {
            list: created.id,
            constituencies: Vec::new(),
            dialogue_participant: Some(stranger.id),
            created_at: T0 + 2,
        })
        .await;
    assert!(
        matches!(foreign, Err(StoreError::NotInDialogue(Entity::Participant))),
        "{foreign:?}"
    );
    let (elsewhere, _) = list(store, ModerationPolicy::Post, &["Residents"], &[]).await;
    let wrong = store
        .join_priority_list(NewPriorityParticipant {
            list: created.id,
            constituencies: vec![elsewhere.constituencies[0].id],
            dialogue_participant: None,
            created_at: T0 + 2,
        })
        .await;
    assert!(
        matches!(wrong, Err(StoreError::NotInList(Entity::Constituency))),
        "{wrong:?}"
    );
    store
        .set_priority_list_open(created.id, false)
        .await
        .unwrap();
    let closed = store
        .join_priority_list(NewPriorityParticipant {
            list: created.id,
            constituencies: Vec::new(),
            dialogue_participant: None,
            created_at: T0 + 3,
        })
        .await;
    assert!(
        matches!(closed, Err(StoreError::PriorityListClosed)),
        "{closed:?}"
    );
    assert_eq!(
        store.list_priority_participants(created.id).await.unwrap(),
        vec![ann]
    );
}

pub async fn comparisons_are_answered_once_per_pair_and_retries_replayed(db: &TestDb) {
    let store = db.store();
    let (created, ids) = list(
        store,
        ModerationPolicy::Pre,
        &[],
        &["Transport", "Pharmacy hours", "Benches"],
    )
    .await;
    let [transport, pharmacy, benches] = [ids[0], ids[1], ids[2]];
    let ann = join(store, &created).await;
    let key = IdempotencyKey::parse("ann-1").unwrap();
    let first = NewComparison {
        idempotency_key: Some(key.clone()),
        ..comparison(ann, transport, pharmacy, ComparisonChoice::Left)
    };
    let receipt = store.record_comparison(first.clone()).await.unwrap();
    assert_eq!(receipt.outcome, ComparisonOutcome::New);
    let replay = store.record_comparison(first.clone()).await.unwrap();
    assert_eq!(replay.outcome, ComparisonOutcome::Replayed);
    assert_eq!(replay.comparison, receipt.comparison);
    let reused = store
        .record_comparison(NewComparison {
            idempotency_key: Some(key),
            ..comparison(ann, transport, benches, ComparisonChoice::Left)
        })
        .await;
    assert!(
        matches!(reused, Err(StoreError::IdempotencyKeyReused)),
        "{reused:?}"
    );
    // The same pair shown the other way round was already answered.
    let reversed = store
        .record_comparison(comparison(
            ann,
            pharmacy,
            transport,
            ComparisonChoice::Right,
        ))
        .await;
    assert!(
        matches!(reversed, Err(StoreError::PairAlreadyCompared)),
        "{reversed:?}"
    );
    let itself = store
        .record_comparison(comparison(ann, benches, benches, ComparisonChoice::Left))
        .await;
    assert!(matches!(itself, Err(StoreError::Invalid(_))), "{itself:?}");
    let reason_for_a_choice = store
        .record_comparison(NewComparison {
            reason: Some(UndecidedReason::DontKnowEnough),
            ..comparison(ann, transport, benches, ComparisonChoice::Left)
        })
        .await;
    assert!(
        matches!(reason_for_a_choice, Err(StoreError::Invalid(_))),
        "{reason_for_a_choice:?}"
    );
    let undecided = store
        .record_comparison(NewComparison {
            reason: Some(UndecidedReason::BothMatterEqually),
            ..comparison(ann, benches, transport, ComparisonChoice::Neither)
        })
        .await
        .unwrap();
    assert_eq!(undecided.outcome, ComparisonOutcome::New);

    // Options awaiting pre-moderation, rejected options and options of another list cannot be
    // compared.
    let pending = participant_option(store, &created, ann, "A walking group")
        .await
        .unwrap();
    let waiting = store
        .record_comparison(comparison(ann, pending.id, benches, ComparisonChoice::Left))
        .await;
    assert!(
        matches!(waiting, Err(StoreError::OptionPending)),
        "{waiting:?}"
    );
    store
        .moderate_priority_option(pending.id, ModerationStatus::Rejected, None)
        .await
        .unwrap();
    let rejected = store
        .record_comparison(comparison(ann, benches, pending.id, ComparisonChoice::Left))
        .await;
    assert!(
        matches!(rejected, Err(StoreError::OptionRejected)),
        "{rejected:?}"
    );
    let (other, other_ids) = list(store, ModerationPolicy::Pre, &[], &["Elsewhere"]).await;
    let foreign = store
        .record_comparison(comparison(
            ann,
            benches,
            other_ids[0],
            ComparisonChoice::Left,
        ))
        .await;
    assert!(
        matches!(foreign, Err(StoreError::NotInList(Entity::PriorityOption))),
        "{foreign:?}"
    );
    let unknown = store
        .record_comparison(comparison(
            ann,
            benches,
            PriorityOptionId(999_999),
            ComparisonChoice::Left,
        ))
        .await;
    assert!(
        matches!(unknown, Err(StoreError::NotFound(Entity::PriorityOption))),
        "{unknown:?}"
    );

    // A closed list takes no comparison.
    store
        .set_priority_list_open(created.id, false)
        .await
        .unwrap();
    let closed = store
        .record_comparison(comparison(ann, pharmacy, benches, ComparisonChoice::Right))
        .await;
    assert!(
        matches!(closed, Err(StoreError::PriorityListClosed)),
        "{closed:?}"
    );

    let stored = store.list_comparisons(created.id).await.unwrap();
    let answers: Vec<_> = stored
        .iter()
        .map(|c| (c.left, c.right, c.choice, c.reason))
        .collect();
    assert_eq!(
        answers,
        [
            (transport, pharmacy, ComparisonChoice::Left, None),
            (
                benches,
                transport,
                ComparisonChoice::Neither,
                Some(UndecidedReason::BothMatterEqually)
            ),
        ]
    );
    assert!(
        stored
            .iter()
            .all(|c| c.participant == ann && c.list == created.id)
    );
    assert_eq!(store.participant_comparisons(ann).await.unwrap(), stored);
    assert!(store.list_comparisons(other.id).await.unwrap().is_empty());

    // The next pair's read: the list's revision now and the pairs as they were shown.
    let answered = store.answered_pairs(ann).await.unwrap();
    assert_eq!(
        answered.revision,
        store.priority_list_revision(created.id).await.unwrap()
    );
    assert_eq!(
        answered.pairs,
        [(transport, pharmacy), (benches, transport)]
    );
    let newcomer = join(store, &other).await;
    let none = store.answered_pairs(newcomer).await.unwrap();
    assert!(none.pairs.is_empty());
    assert_eq!(
        none.revision,
        store.priority_list_revision(other.id).await.unwrap()
    );
}

pub async fn concurrent_comparison_retries_record_one(db: &TestDb) {
    let store = db.store();
    let (created, ids) = list(store, ModerationPolicy::Post, &[], &["One", "Two"]).await;
    let ann = join(store, &created).await;
    let key = IdempotencyKey::parse("retry-me").unwrap();
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let shared = db.shared();
        let retry = NewComparison {
            idempotency_key: Some(key.clone()),
            ..comparison(ann, ids[0], ids[1], ComparisonChoice::Right)
        };
        tasks.push(tokio::spawn(async move {
            shared.record_comparison(retry).await.unwrap()
        }));
    }
    let mut receipts = Vec::new();
    for task in tasks {
        receipts.push(task.await.unwrap());
    }
    let new = receipts
        .iter()
        .filter(|r| r.outcome == ComparisonOutcome::New)
        .count();
    assert_eq!(new, 1);
    assert!(
        receipts
            .iter()
            .all(|r| r.comparison == receipts[0].comparison)
    );
    assert_eq!(store.list_comparisons(created.id).await.unwrap().len(), 1);
}

pub async fn erasing_a_priority_participant_removes_their_comparisons(db: &TestDb) {
    let store = db.store();
    let (created, ids) = list(
        store,
        ModerationPolicy::Post,
        &["Carers"],
        &["Transport", "Pharmacy hours"],
    )
    .await;
    let (ann, ann_token) = store
        .join_priority_list(NewPriorityParticipant {
            list: created.id,
            constituencies: vec![created.constituencies[0].id],
            dialogue_participant: None,
            created_at: T0,
        })
        .await
        .unwrap();
    let bob = join(store, &created).await;
    let kept = participant_option(store, &created, ann.id, "A walking group")
        .await
        .unwrap();
    let alone = participant_option(store, &created, ann.id, "Free swimming for carers")
        .await
        .unwrap();
    for (left, right) in [(ids[0], ids[1]), (kept.id, alone.id), (ids[0], kept.id)] {
        store
            .record_comparison(comparison(ann.id, left, right, ComparisonChoice::Left))
            .await
            .unwrap();
    }
    store
        .record_comparison(comparison(bob, kept.id, ids[1], ComparisonChoice::Left))
        .await
        .unwrap();

    let erasure = store.erase_priority_participant(ann.id).await.unwrap();
    assert_eq!(
        erasure,
        PriorityErasure {
            comparisons_removed: 3,
            options_removed: 1,
            options_unlinked: 1,
        }
    );
    assert!(
        store
            .find_priority_participant_by_token(&ann_token)
            .await
            .unwrap()
            .is_none()
    );
    let options = store.list_priority_options(created.id).await.unwrap();
    assert_eq!(
        texts(&options),
        ["Transport", "Pharmacy hours", "A walking group"]
    );
    assert_eq!(options[2].author, None);
    let left: Vec<_> = store
        .list_comparisons(created.id)
        .await
        .unwrap()
        .iter()
        .map(|c| c.participant)
        .collect();
    assert_eq!(left, [bob]);
    let again = store.erase_priority_participant(ann.id).await;
    assert!(
        matches!(again, Err(StoreError::NotFound(Entity::Participant))),
        "{again:?}"
    );
    let gone = store.participant_comparisons(ann.id).await;
    assert!(
        matches!(gone, Err(StoreError::NotFound(Entity::Participant))),
        "{gone:?}"
    );
    let gone = store.answered_pairs(ann.id).await;
    assert!(
        matches!(gone, Err(StoreError::NotFound(Entity::Participant))),
        "{gone:?}"
    );
}

/// A list keeps its own language; each option has at most one translation per language, which
/// a second one replaces; translations go with their option and list, and an unknown option or
/// list is not found.
pub async fn options_keep_one_translation_per_language(db: &TestDb) {
    let store = db.store();
    let (created, options) = list(
        store,
        ModerationPolicy::Post,
        &[],
        &["More benches", "Free bus passes"],
    )
    .await;
    assert_eq!(
        store.priority_list_language(created.id).await.unwrap(),
        "en"
    );
    store
        .set_priority_list_language(created.id, "cy")
        .await
        .unwrap();
    assert_eq!(
        store.priority_list_language(created.id).await.unwrap(),
        "cy"
    );
    let translation = |option: PriorityOptionId, language: &str, text: &str| OptionVersion {
        option,
        list: PriorityListId(0),
        language: language.to_owned(),
        text: text.to_owned(),
        added_by: None,
        added_at: T0 + 5,
    };
    let added = store
        .put_option_version(translation(options[0], "en", "More benches please"))
        .await
        .unwrap();
    assert_eq!(added.list, created.id, "the option's own list is stored");
    store
        .put_option_version(translation(options[0], "en", "More benches"))
        .await
        .unwrap();
    store
        .put_option_version(translation(options[1], "pl", "Darmowe bilety autobusowe"))
        .await
        .unwrap();
    let stored = store.option_versions(created.id).await.unwrap();
    assert_eq!(
        stored
            .iter()
            .map(|version| (
                version.option,
                version.language.as_str(),
                version.text.as_str()
            ))
            .collect::<Vec<_>>(),
        [
            (options[0], "en", "More benches"),
            (options[1], "pl", "Darmowe bilety autobusowe"),
        ]
    );
    assert!(store.remove_option_version(options[1], "pl").await.unwrap());
    assert!(!store.remove_option_version(options[1], "pl").await.unwrap());
    assert_eq!(store.option_versions(created.id).await.unwrap().len(), 1);
    assert!(matches!(
        store
            .put_option_version(translation(PriorityOptionId(9_999), "cy", "Dim"))
            .await,
        Err(StoreError::NotFound(Entity::PriorityOption))
    ));
    assert!(matches!(
        store.priority_list_language(PriorityListId(9_999)).await,
        Err(StoreError::NotFound(Entity::PriorityList))
    ));
    assert!(matches!(
        store
            .set_priority_list_language(PriorityListId(9_999), "cy")
            .await,
        Err(StoreError::NotFound(Entity::PriorityList))
    ));
}
