//! Trust survey waves, one response per partner and wave, drafts and submissions.

use std::collections::BTreeSet;

use model::{
    ContributionKind, ItemScore, PartnerId, PartnerName, PartnershipId, RaterNaming,
    RelationshipLevel, ResponseStatus, Sector, TRUST_ITEMS, TrustAnswer, TrustAnswerError,
    TrustWaveId, WaveTitle,
};
use store::prelude::*;
use store::{
    Entity, NewPartner, NewTrustWave, PartnerRemoval, SaveTrustResponse, StoreError, TrustRating,
    TrustWave, TrustWaveChanges,
};

use crate::support::{T0, TestDb, partnership};

const DAY: i64 = 86_400_000;

/// A partnership with three partners, and another with one.
async fn setting(store: &dyn Store) -> (PartnershipId, Vec<PartnerId>, PartnerId) {
    let north = partnership(store, "North").await;
    let mut partners = Vec::new();
    for (name, sector) in [
        ("North Hospitals NHS Trust", Sector::Nhs),
        ("Carers Together", Sector::Voluntary),
        ("Hill Street Residents", Sector::Community),
    ] {
        partners.push(partner(store, north.id, name, sector).await);
    }
    let south = partnership(store, "South").await;
    let stranger = partner(store, south.id, "South Council", Sector::LocalAuthority).await;
    (north.id, partners, stranger)
}

async fn partner(
    store: &dyn Store,
    partnership: PartnershipId,
    name: &str,
    sector: Sector,
) -> PartnerId {
    store
        .create_partner(NewPartner {
            partnership,
            name: PartnerName::parse(name).unwrap(),
            sector,
            created_at: T0,
        })
        .await
        .unwrap()
        .id
}

async fn wave(store: &dyn Store, partnership: PartnershipId) -> TrustWave {
    store
        .open_trust_wave(NewTrustWave {
            partnership,
            title: WaveTitle::parse("Spring").unwrap(),
            opened_at: T0,
            closes_at: T0 + 14 * DAY,
            rater_naming: RaterNaming::Protected,
            created_by: None,
        })
        .await
        .unwrap()
}

fn rating(ratee: PartnerId, level: RelationshipLevel, items: &[i64]) -> TrustRating {
    let mut answers = [None; TRUST_ITEMS];
    for (answer, value) in answers.iter_mut().zip(items) {
        *answer = Some(ItemScore::new(*value).unwrap());
    }
    let contributions = if level.is_tie() {
        BTreeSet::from([ContributionKind::Expertise, ContributionKind::Data])
    } else {
        BTreeSet::new()
    };
    TrustRating {
        ratee,
        answer: TrustAnswer::new(level, answers, contributions).unwrap(),
    }
}

fn save(
    wave: TrustWaveId,
    rater: PartnerId,
    ratings: Vec<TrustRating>,
    submit: bool,
    now: i64,
) -> SaveTrustResponse {
    SaveTrustResponse {
        wave,
        rater,
        ratings,
        submit,
        now,
    }
}

pub async fn a_draft_is_saved_whole_and_submitted_once_complete(db: &TestDb) {
    let store = db.store();
    let (north, p, _) = setting(store).await;
    let spring = wave(store, north).await;
    assert_eq!(spring.rater_naming, RaterNaming::Protected);
    assert!(spring.is_open_at(T0 + DAY) && !spring.is_open_at(T0 + 14 * DAY));
    assert_eq!(
        store.find_trust_response(spring.id, p[0]).await.unwrap(),
        None
    );

    // A draft about one partner, then one about the other: the second replaces the first.
    let first = store
        .save_trust_response(save(
            spring.id,
            p[0],
            vec![rating(p[1], RelationshipLevel::Cooperation, &[3, 4])],
            false,
            T0 + 1,
        ))
        .await
        .unwrap();
    assert_eq!(first.status, ResponseStatus::Draft);
    assert_eq!(first.submitted_at, None);
    let second = store
        .save_trust_response(save(
            spring.id,
            p[0],
            vec![rating(p[2], RelationshipLevel::None, &[])],
            false,
            T0 + 2,
        ))
        .await
        .unwrap();
    assert_eq!(second.ratings.len(), 1);
    assert_eq!(second.ratings[0].ratee, p[2]);
    assert_eq!(second.updated_at, T0 + 2);

    // Submitting with a partner missing is refused and changes nothing.
    let refused = store
        .save_trust_response(save(spring.id, p[0], second.ratings.clone(), true, T0 + 3))
        .await
        .unwrap_err();
    assert!(
        matches!(&refused, StoreError::TrustResponseIncomplete { missing } if missing == &[p[1]]),
        "{refused:?}"
    );
    assert_eq!(
        store.find_trust_response(spring.id, p[0]).await.unwrap(),
        Some(second.clone())
    );

    // Complete, it is submitted; items are kept as given, "don't know" as none.
    let complete = vec![
        rating(p[1], RelationshipLevel::Integration, &[4, 3, 2, 1]),
        rating(p[2], RelationshipLevel::None, &[]),
    ];
    let submitted = store
        .save_trust_response(save(spring.id, p[0], complete.clone(), true, T0 + 4))
        .await
        .unwrap();
    assert_eq!(submitted.status, ResponseStatus::Submitted);
    assert_eq!(submitted.submitted_at, Some(T0 + 4));
    assert_eq!(submitted.ratings, complete);
    let items = submitted.ratings[0].answer.items();
    assert_eq!(items[3].map(ItemScore::get), Some(1));
    assert_eq!(items[4], None);

    // A submitted response stays submitted: a later save must still be complete, keeps the
    // first submission time and moves the update time.
    let partial = store
        .save_trust_response(save(spring.id, p[0], complete[..1].to_vec(), false, T0 + 5))
        .await
        .unwrap_err();
    assert!(matches!(
        partial,
        StoreError::TrustResponseIncomplete { .. }
    ));
    let changed = vec![
        rating(p[1], RelationshipLevel::Coordination, &[2, 2, 2]),
        rating(p[2], RelationshipLevel::Awareness, &[]),
    ];
    let edited = store
        .save_trust_response(save(spring.id, p[0], changed.clone(), false, T0 + 6))
        .await
        .unwrap();
    assert_eq!(edited.status, ResponseStatus::Submitted);
    assert_eq!(edited.submitted_at, Some(T0 + 4));
    assert_eq!(edited.updated_at, T0 + 6);
    assert_eq!(edited.ratings, changed);

    // Another partner's draft is its own.
    store
        .save_trust_response(save(
            spring.id,
            p[1],
            vec![rating(p[0], RelationshipLevel::Awareness, &[1])],
            false,
            T0 + 7,
        ))
        .await
        .unwrap();
    let all = store.list_trust_responses(spring.id).await.unwrap();
    assert_eq!(
        all.iter().map(|r| (r.rater, r.status)).collect::<Vec<_>>(),
        [
            (p[0], ResponseStatus::Submitted),
            (p[1], ResponseStatus::Draft)
        ]
    );
}

pub async fn each_partner_has_one_response_per_wave(db: &TestDb) {
    let store = db.store();
    let (north, p, _) = setting(store).await;
    let spring = wave(store, north).await;
    let autumn = wave(store, north).await;
    for now in [T0 + 1, T0 + 2, T0 + 3] {
        store
            .save_trust_response(save(
                spring.id,
                p[0],
                vec![rating(p[1], RelationshipLevel::Awareness, &[2])],
                false,
                now,
            ))
            .await
            .unwrap();
    }
    store
        .save_trust_response(save(autumn.id, p[0], Vec::new(), false, T0 + 4))
        .await
        .unwrap();
    assert_eq!(
        store.list_trust_responses(spring.id).await.unwrap().len(),
        1
    );
    assert_eq!(
        store.list_trust_responses(autumn.id).await.unwrap().len(),
        1
    );
    assert_eq!(
        store
            .list_trust_waves(north)
            .await
            .unwrap()
            .iter()
            .map(|w| w.id)
            .collect::<Vec<_>>(),
        [spring.id, autumn.id]
    );

    // Concurrent first saves of one partner make one response.
    let shared = db.shared();
    let mut tasks = Vec::new();
    for k in 0..4 {
        let store = std::sync::Arc::clone(&shared);
        let (rater, ratee) = (p[2], p[1]);
        tasks.push(tokio::spawn(async move {
            store
                .save_trust_response(save(
                    autumn.id,
                    rater,
                    vec![rating(ratee, RelationshipLevel::Awareness, &[k + 1])],
                    false,
                    T0 + 10 + k,
                ))
                .await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(
        store.list_trust_responses(autumn.id).await.unwrap().len(),
        2
    );
}

pub async fn a_closed_wave_refuses_answers_and_changes(db: &TestDb) {
    let store = db.store();
    let (north, p, _) = setting(store).await;
    let spring = wave(store, north).await;
    let draft = vec![rating(p[1], RelationshipLevel::Awareness, &[2])];

    // At its closing time the wave takes no answer; a later closing time opens it again.
    let late = store
        .save_trust_response(save(spring.id, p[0], draft.clone(), false, T0 + 14 * DAY))
        .await
        .unwrap_err();
    assert!(matches!(late, StoreError::TrustWaveClosed), "{late:?}");
    let extended = store
        .change_trust_wave(
            spring.id,
            TrustWaveChanges {
                closes_at: Some(T0 + 20 * DAY),
                ..TrustWaveChanges::default()
            },
            T0 + 15 * DAY,
        )
        .await
        .unwrap();
    assert!(extended.is_open_at(T0 + 15 * DAY));
    store
        .save_trust_response(save(spring.id, p[0], draft.clone(), false, T0 + 15 * DAY))
        .await
        .unwrap();
    let past = store
        .change_trust_wave(
            spring.id,
            TrustWaveChanges {
                closes_at: Some(T0 + DAY),
                ..TrustWaveChanges::default()
            },
            T0 + 15 * DAY,
        )
        .await
        .unwrap_err();
    assert!(matches!(past, StoreError::Invalid(_)), "{past:?}");

    // A convenor's close is final: no answer, no new title or time, but rater naming may
    // still change.
    let closed = store
        .change_trust_wave(
            spring.id,
            TrustWaveChanges {
                close: true,
                ..TrustWaveChanges::default()
            },
            T0 + 16 * DAY,
        )
        .await
        .unwrap();
    assert!(closed.closed && !closed.is_open_at(T0 + 16 * DAY));
    let refused = store
        .save_trust_response(save(spring.id, p[0], draft, false, T0 + 16 * DAY))
        .await
        .unwrap_err();
    assert!(matches!(refused, StoreError::TrustWaveClosed));
    let retitled = store
        .change_trust_wave(
            spring.id,
            TrustWaveChanges {
                title: Some(WaveTitle::parse("Renamed").unwrap()),
                ..TrustWaveChanges::default()
            },
            T0 + 16 * DAY,
        )
        .await
        .unwrap_err();
    assert!(matches!(retitled, StoreError::TrustWaveClosed));
    let named = store
        .change_trust_wave(
            spring.id,
            TrustWaveChanges {
                rater_naming: Some(RaterNaming::Named),
                ..TrustWaveChanges::default()
            },
            T0 + 16 * DAY,
        )
        .await
        .unwrap();
    assert_eq!(named.rater_naming, RaterNaming::Named);
    assert_eq!(named.title.as_str(), "Spring");
    assert_eq!(
        store.get_trust_wave(spring.id).await.unwrap(),
        named,
        "the change is stored"
    );

    // A wave must close after it opens, and an unknown wave is not found.
    let backwards = store
        .open_trust_wave(NewTrustWave {
            partnership: north,
            title: WaveTitle::parse("Backwards").unwrap(),
            opened_at: T0,
            closes_at: T0,
            rater_naming: RaterNaming::Protected,
            created_by: None,
        })
        .await
        .unwrap_err();
    assert!(matches!(backwards, StoreError::Invalid(_)));
    let missing = store.get_trust_wave(TrustWaveId(9999)).await.unwrap_err();
    assert!(matches!(missing, StoreError::NotFound(Entity::TrustWave)));
}

pub async fn partners_of_another_partnership_are_refused(db: &TestDb) {
    let store = db.store();
    let (north, p, stranger) = setting(store).await;
    let spring = wave(store, north).await;
    let as_rater = store
        .save_trust_response(save(spring.id, stranger, Vec::new(), false, T0 + 1))
        .await
        .unwrap_err();
    assert!(
        matches!(as_rater, StoreError::NotInPartnership(Entity::Partner)),
        "{as_rater:?}"
    );
    let as_ratee = store
        .save_trust_response(save(
            spring.id,
            p[0],
            vec![rating(stranger, RelationshipLevel::Awareness, &[])],
            false,
            T0 + 1,
        ))
        .await
        .unwrap_err();
    assert!(matches!(
        as_ratee,
        StoreError::NotInPartnership(Entity::Partner)
    ));
    let itself = store
        .save_trust_response(save(
            spring.id,
            p[0],
            vec![rating(p[0], RelationshipLevel::Awareness, &[])],
            false,
            T0 + 1,
        ))
        .await
        .unwrap_err();
    assert!(matches!(itself, StoreError::Invalid(_)));
    let twice = store
        .save_trust_response(save(
            spring.id,
            p[0],
            vec![
                rating(p[1], RelationshipLevel::Awareness, &[]),
                rating(p[1], RelationshipLevel::None, &[]),
            ],
            false,
            T0 + 1,
        ))
        .await
        .unwrap_err();
    assert!(matches!(twice, StoreError::Invalid(_)));
    assert!(
        store
            .list_trust_responses(spring.id)
            .await
            .unwrap()
            .is_empty()
    );

    // A partner answered about has history: it is archived, not deleted, and an archived
    // partner neither answers nor is answered about.
    store
        .save_trust_response(save(
            spring.id,
            p[0],
            vec![rating(p[2], RelationshipLevel::Awareness, &[])],
            false,
            T0 + 2,
        ))
        .await
        .unwrap();
    let removal = store.remove_partner(p[2], T0 + 3).await.unwrap();
    assert!(matches!(removal, PartnerRemoval::Archived(_)));
    let archived = store
        .save_trust_response(save(
            spring.id,
            p[1],
            vec![rating(p[2], RelationshipLevel::Awareness, &[])],
            false,
            T0 + 4,
        ))
        .await
        .unwrap_err();
    assert!(matches!(archived, StoreError::PartnerArchived));
    // With it archived, a submission needs only the current partners.
    let submitted = store
        .save_trust_response(save(
            spring.id,
            p[1],
            vec![rating(p[0], RelationshipLevel::Cooperation, &[3, 3, 3])],
            true,
            T0 + 5,
        ))
        .await
        .unwrap();
    assert_eq!(submitted.status, ResponseStatus::Submitted);
}

pub async fn items_outside_the_scale_are_refused(db: &TestDb) {
    // The model refuses them before they reach the store...
    for value in [0, 5, -3] {
        assert_eq!(
            ItemScore::new(value),
            Err(TrustAnswerError::ItemOutOfRange { value })
        );
    }
    let three = Some(ItemScore::new(3).unwrap());
    assert_eq!(
        TrustAnswer::new(
            RelationshipLevel::None,
            [three, None, None, None, None, None],
            BTreeSet::new()
        ),
        Err(TrustAnswerError::AnswersWithoutRelationship)
    );
    // ... and answers within it are stored and read back as given.
    let store = db.store();
    let (north, p, _) = setting(store).await;
    let spring = wave(store, north).await;
    store
        .save_trust_response(save(
            spring.id,
            p[0],
            vec![rating(p[1], RelationshipLevel::Awareness, &[4, 1])],
            false,
            T0 + 1,
        ))
        .await
        .unwrap();
    let stored = store.find_trust_response(spring.id, p[0]).await.unwrap();
    assert_eq!(
        stored.unwrap().ratings[0].answer.items()[0],
        ItemScore::new(4).ok()
    );
}
