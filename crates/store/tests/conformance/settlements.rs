//! Objectives, their versions, stances and translations, actions, and the partnership's
//! hash-chained record.

use model::record::verify;
use model::{ConvenorId, PartnerId, PartnerName, PartnershipId, Sector};
use store::prelude::*;
use store::{
    DecisionBasis, Entity, NewAction, NewActionNote, NewPartner, NewStance, NewVersion,
    ObjectiveId, ObjectiveTranslation, Phase, Publication, StoreError, StoredRule, StoredStance,
};

use crate::support::{T0, TestDb, new_convenor, partnership};

/// A partnership with three partners and a convenor.
async fn setting(store: &dyn Store) -> (PartnershipId, Vec<PartnerId>, ConvenorId) {
    let lead = store
        .create_convenor(new_convenor("lead@example.org"))
        .await
        .unwrap();
    let north = partnership(store, "North").await;
    let mut partners = Vec::new();
    for (name, sector) in [
        ("North Hospitals NHS Trust", Sector::Nhs),
        ("Carers Together", Sector::Voluntary),
        ("Hill Street Residents", Sector::Community),
    ] {
        let partner = store
            .create_partner(NewPartner {
                partnership: north.id,
                name: PartnerName::parse(name).unwrap(),
                sector,
                created_at: T0,
            })
            .await
            .unwrap();
        partners.push(partner.id);
    }
    (north.id, partners, lead.id)
}

fn version(title: &str, actor: ConvenorId, now: i64) -> NewVersion {
    NewVersion {
        title: title.to_owned(),
        body: format!("{title}, for everyone in North."),
        evidence: r#"{"statements":[{"id":7,"agreement":0.82}]}"#.to_owned(),
        amends: None,
        actor,
        now,
    }
}

fn stance(
    objective: ObjectiveId,
    version: u32,
    partner: PartnerId,
    stance: Option<StoredStance>,
    actor: ConvenorId,
) -> NewStance {
    NewStance {
        objective,
        version,
        partner,
        stance,
        reason: stance
            .filter(|s| *s != StoredStance::Endorse)
            .map(|_| "Evening hours need staff we do not have yet.".to_owned()),
        amendment: (stance == Some(StoredStance::Object))
            .then(|| "Start with two evenings a week.".to_owned()),
        actor,
        now: T0 + 10,
    }
}

/// Drafts an objective in `north` and puts it to the partners.
async fn with_partners(
    store: &dyn Store,
    north: PartnershipId,
    title: &str,
    lead: ConvenorId,
) -> store::Objective {
    let objective = store
        .create_objective(north, version(title, lead, T0))
        .await
        .unwrap();
    store
        .set_phase(objective.id, Phase::WithPartners, lead, T0 + 1)
        .await
        .unwrap()
}

async fn assert_record_verifies(store: &dyn Store, partnership: PartnershipId) -> usize {
    let (entries, head) = store.read_record(partnership).await.unwrap();
    verify(partnership.0, &entries, head.as_deref()).unwrap();
    entries.len()
}

pub async fn objectives_are_versioned_and_stances_kept_per_version(db: &TestDb) {
    let store = db.store();
    let (north, partners, lead) = setting(store).await;
    assert_eq!(
        store.decision_rule(north).await.unwrap(),
        StoredRule::Consent { quorum_percent: 50 }
    );
    let objective = store
        .create_objective(north, version("Evening clinics", lead, T0))
        .await
        .unwrap();
    assert_eq!(
        (objective.phase, objective.current_version),
        (Phase::Draft, 1)
    );
    // A draft is not yet with the partners.
    let early = store
        .record_stance(stance(
            objective.id,
            1,
            partners[0],
            Some(StoredStance::Endorse),
            lead,
        ))
        .await;
    assert!(
        matches!(early, Err(StoreError::ObjectiveClosed)),
        "{early:?}"
    );

    store
        .set_phase(objective.id, Phase::WithPartners, lead, T0 + 1)
        .await
        .unwrap();
    store
        .record_stance(stance(
            objective.id,
            1,
            partners[0],
            Some(StoredStance::Endorse),
            lead,
        ))
        .await
        .unwrap();
    let objection = store
        .record_stance(stance(
            objective.id,
            1,
            partners[2],
            Some(StoredStance::Object),
            lead,
        ))
        .await
        .unwrap();
    assert_eq!(
        objection.amendment.as_deref(),
        Some("Start with two evenings a week.")
    );

    let mut amended = version("Two evening clinics a week", lead, T0 + 20);
    amended.amends = Some(objection.id);
    let objective = store.amend_objective(objective.id, amended).await.unwrap();
    assert_eq!(
        (objective.phase, objective.current_version),
        (Phase::WithPartners, 2)
    );
    assert_eq!(objective.title, "Two evening clinics a week");

    // A stance on the old version is refused, and says which version is current.
    let stale = store
        .record_stance(stance(
            objective.id,
            1,
            partners[1],
            Some(StoredStance::Endorse),
            lead,
        ))
        .await;
    assert!(
        matches!(stale, Err(StoreError::StaleVersion { current: 2 })),
        "{stale:?}"
    );
    store
        .record_stance(stance(
            objective.id,
            2,
            partners[2],
            Some(StoredStance::EndorseWithReservations),
            lead,
        ))
        .await
        .unwrap();
    // Withdrawing is recorded as a stance without one.
    store
        .record_stance(stance(objective.id, 2, partners[2], None, lead))
        .await
        .unwrap();

    let versions = store.list_versions(objective.id).await.unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1].amends, Some(objection.id));
    assert_eq!(versions[0].title, "Evening clinics");
    let stances = store.list_stances(objective.id).await.unwrap();
    let on_first: Vec<_> = stances.iter().filter(|s| s.version == 1).collect();
    assert_eq!(on_first.len(), 2, "stances on an old version are kept");
    assert_eq!(stances.last().unwrap().stance, None);
    assert!(stances.windows(2).all(|pair| pair[0].id < pair[1].id));

    // Drafted, put to partners, 4 stances, amended, 1 refused (not recorded).
    assert_eq!(assert_record_verifies(store, north).await, 7);
}

pub async fn decided_and_withdrawn_objectives_are_closed(db: &TestDb) {
    let store = db.store();
    let (north, partners, lead) = setting(store).await;
    let objective = with_partners(store, north, "Falls prevention classes", lead).await;
    store
        .set_phase(objective.id, Phase::Decided, lead, T0 + 2)
        .await
        .unwrap();
    let amended = store
        .amend_objective(objective.id, version("Other", lead, T0 + 3))
        .await;
    assert!(matches!(amended, Err(StoreError::ObjectiveClosed)));
    let reopened = store
        .set_phase(objective.id, Phase::Draft, lead, T0 + 3)
        .await;
    assert!(matches!(reopened, Err(StoreError::ObjectiveClosed)));
    let late = store
        .record_stance(stance(
            objective.id,
            1,
            partners[1],
            Some(StoredStance::Object),
            lead,
        ))
        .await;
    assert!(matches!(late, Err(StoreError::ObjectiveClosed)));
    let unknown = store.get_objective(ObjectiveId(999_999)).await;
    assert!(matches!(
        unknown,
        Err(StoreError::NotFound(Entity::Objective))
    ));
    // A partner of another partnership cannot take a stance here.
    let (_, elsewhere, _) = {
        let other = partnership(store, "South").await;
        let partner = store
            .create_partner(NewPartner {
                partnership: other.id,
                name: PartnerName::parse("South Clinic").unwrap(),
                sector: Sector::Nhs,
                created_at: T0,
            })
            .await
            .unwrap();
        (other.id, partner.id, ())
    };
    let second = with_partners(store, north, "Lunch clubs", lead).await;
    let foreign = store
        .record_stance(stance(
            second.id,
            1,
            elsewhere,
            Some(StoredStance::Endorse),
            lead,
        ))
        .await;
    assert!(matches!(
        foreign,
        Err(StoreError::NotFound(Entity::Partner))
    ));
    assert!(store.list_stances(second.id).await.unwrap().is_empty());
    assert_record_verifies(store, north).await;
}

pub async fn actions_need_an_adopted_objective_and_keep_their_notes(db: &TestDb) {
    let store = db.store();
    let (north, partners, lead) = setting(store).await;
    let objective = store
        .create_objective(north, version("Transport to appointments", lead, T0))
        .await
        .unwrap();
    let new_action = NewAction {
        objective: objective.id,
        owner: partners[0],
        shared_with: vec![partners[1], partners[0], partners[1]],
        title: "Run a volunteer driver scheme".to_owned(),
        lead_role: "Head of Patient Transport".to_owned(),
        due_on: Some("2027-03-31".to_owned()),
        status: "planned".to_owned(),
        actor: lead,
        now: T0 + 5,
    };
    let early = store.create_action(new_action.clone()).await;
    assert!(matches!(early, Err(StoreError::ObjectiveNotAdopted)));
    store
        .set_phase(objective.id, Phase::WithPartners, lead, T0 + 1)
        .await
        .unwrap();
    store
        .set_phase(objective.id, Phase::Decided, lead, T0 + 2)
        .await
        .unwrap();
    let action = store.create_action(new_action).await.unwrap();
    assert_eq!(
        action.shared_with,
        vec![partners[1]],
        "owner left out, once each"
    );
    store
        .add_action_note(NewActionNote {
            action: action.id,
            status: "in_progress".to_owned(),
            note: "Twelve drivers recruited.".to_owned(),
            actor: lead,
            now: T0 + 6,
        })
        .await
        .unwrap();
    let action = store.get_action(action.id).await.unwrap();
    assert_eq!(action.status, "in_progress");
    assert_eq!(action.updated_at, T0 + 6);
    let notes = store.list_action_notes(action.id).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].note, "Twelve drivers recruited.");
    assert_eq!(store.list_actions(north).await.unwrap(), vec![action]);

    // The owner has history now: removing it archives it.
    let removal = store.remove_partner(partners[0], T0 + 7).await.unwrap();
    assert!(matches!(removal, store::PartnerRemoval::Archived(_)));
    assert_record_verifies(store, north).await;
}

pub async fn the_decision_rule_is_kept_and_recorded(db: &TestDb) {
    let store = db.store();
    let (north, _, lead) = setting(store).await;
    store
        .set_decision_rule(north, StoredRule::Unanimity, lead, T0)
        .await
        .unwrap();
    assert_eq!(
        store.decision_rule(north).await.unwrap(),
        StoredRule::Unanimity
    );
    let refused = store
        .set_decision_rule(north, StoredRule::Consent { quorum_percent: 0 }, lead, T0)
        .await;
    assert!(matches!(refused, Err(StoreError::Invalid(_))));
    store
        .set_decision_rule(north, StoredRule::Consent { quorum_percent: 75 }, lead, T0)
        .await
        .unwrap();
    assert_eq!(
        store.decision_rule(north).await.unwrap(),
        StoredRule::Consent { quorum_percent: 75 }
    );
    assert_eq!(assert_record_verifies(store, north).await, 2);
    let (_, head) = store.read_record(north).await.unwrap();
    assert_eq!(head.map(|h| h.len()), Some(64));
}

pub async fn concurrent_writes_keep_one_unbroken_chain(db: &TestDb) {
    let store = db.shared();
    let (north, partners, lead) = setting(store.as_ref()).await;
    let objective = with_partners(store.as_ref(), north, "Home adaptations", lead).await;
    let mut tasks = Vec::new();
    for round in 0..4 {
        for &partner in &partners {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let choice = if round % 2 == 0 {
                    Some(StoredStance::Endorse)
                } else {
                    None
                };
                store
                    .record_stance(stance(objective.id, 1, partner, choice, lead))
                    .await
            }));
        }
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(store.list_stances(objective.id).await.unwrap().len(), 12);
    assert_eq!(assert_record_verifies(store.as_ref(), north).await, 14);
}

/// What the objective looks like now, as a caller would count it before adopting.
async fn basis_now(store: &dyn Store, objective: ObjectiveId) -> DecisionBasis {
    let current = store.get_objective(objective).await.unwrap();
    let stances = store.list_stances(objective).await.unwrap().len();
    let partners = store.list_partners(current.partnership).await.unwrap();
    DecisionBasis {
        version: current.current_version,
        stances: stances as u64,
        rule: store.decision_rule(current.partnership).await.unwrap(),
        active_partners: partners
            .iter()
            .filter(|partner| partner.archived_at.is_none())
            .count() as u64,
    }
}

pub async fn adoption_is_refused_when_what_it_was_decided_on_has_changed(db: &TestDb) {
    let store = db.store();
    let (north, partners, lead) = setting(store).await;
    let objective = with_partners(store, north, "Warm homes", lead).await;
    for &partner in &partners {
        store
            .record_stance(stance(
                objective.id,
                1,
                partner,
                Some(StoredStance::Endorse),
                lead,
            ))
            .await
            .unwrap();
    }
    let checked = basis_now(store, objective.id).await;
    assert_eq!(checked.stances, 3);
    assert_eq!(checked.active_partners, 3);

    // Each kind of change after the check makes the adoption a conflict and changes nothing.
    let objection = stance(
        objective.id,
        1,
        partners[2],
        Some(StoredStance::Object),
        lead,
    );
    store.record_stance(objection).await.unwrap();
    let refused = store
        .adopt_objective(objective.id, checked, lead, T0 + 20)
        .await;
    assert!(
        matches!(refused, Err(StoreError::DecisionBasisChanged)),
        "{refused:?}"
    );
    let rechecked = basis_now(store, objective.id).await;
    store
        .set_decision_rule(north, StoredRule::Unanimity, lead, T0 + 21)
        .await
        .unwrap();
    let refused = store
        .adopt_objective(objective.id, rechecked, lead, T0 + 22)
        .await;
    assert!(
        matches!(refused, Err(StoreError::DecisionBasisChanged)),
        "{refused:?}"
    );
    let rechecked = basis_now(store, objective.id).await;
    store
        .amend_objective(objective.id, version("Warm homes for all", lead, T0 + 23))
        .await
        .unwrap();
    let refused = store
        .adopt_objective(objective.id, rechecked, lead, T0 + 24)
        .await;
    assert!(
        matches!(refused, Err(StoreError::DecisionBasisChanged)),
        "{refused:?}"
    );
    assert_eq!(
        store.get_objective(objective.id).await.unwrap().phase,
        Phase::WithPartners
    );
    let entries_before = assert_record_verifies(store, north).await;

    // On an unchanged basis it is adopted, once.
    let current = basis_now(store, objective.id).await;
    let adopted = store
        .adopt_objective(objective.id, current, lead, T0 + 25)
        .await
        .unwrap();
    assert_eq!(adopted.phase, Phase::Decided);
    assert_eq!(adopted.current_version, 2);
    assert_eq!(
        assert_record_verifies(store, north).await,
        entries_before + 1
    );
    let again = store
        .adopt_objective(objective.id, current, lead, T0 + 26)
        .await;
    assert!(
        matches!(again, Err(StoreError::ObjectiveClosed)),
        "{again:?}"
    );
    let unknown = store
        .adopt_objective(ObjectiveId(i64::MAX), current, lead, T0 + 27)
        .await;
    assert!(
        matches!(unknown, Err(StoreError::NotFound(Entity::Objective))),
        "{unknown:?}"
    );
}

pub async fn an_adoption_racing_an_objection_never_adopts_over_it(db: &TestDb) {
    let store = db.shared();
    let (north, partners, lead) = setting(store.as_ref()).await;
    for round in 0..6 {
        let objective = with_partners(store.as_ref(), north, &format!("Round {round}"), lead).await;
        for &partner in &partners[..2] {
            store
                .record_stance(stance(
                    objective.id,
                    1,
                    partner,
                    Some(StoredStance::Endorse),
                    lead,
                ))
                .await
                .unwrap();
        }
        let basis = basis_now(store.as_ref(), objective.id).await;
        let objector = {
            let store = store.clone();
            let objection = stance(
                objective.id,
                1,
                partners[2],
                Some(StoredStance::Object),
                lead,
            );
            tokio::spawn(async move { store.record_stance(objection).await })
        };
        let adopter = {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .adopt_objective(objective.id, basis, lead, T0 + 30)
                    .await
            })
        };
        let objected = objector.await.unwrap();
        let adopted = adopter.await.unwrap();
        // Exactly one wins: either the objection came first and the adoption is refused, or the
        // adoption came first and the objection finds the objective closed.
        match (&objected, &adopted) {
            (Ok(_), Err(StoreError::DecisionBasisChanged)) => {}
            (Err(StoreError::ObjectiveClosed), Ok(decided)) => {
                assert_eq!(decided.phase, Phase::Decided);
            }
            other => panic!("round {round}: both or neither took effect: {other:?}"),
        }
    }
    assert_record_verifies(store.as_ref(), north).await;
}

pub async fn outcomes_are_published_and_the_calendar_feed_renewed(db: &TestDb) {
    let store = db.store();
    let (north, _, lead) = setting(store).await;
    let other = store
        .create_convenor(new_convenor("other@example.org"))
        .await
        .unwrap();
    let south = partnership(store, "South").await;
    assert_eq!(
        store.publication(north).await.unwrap(),
        Publication::default()
    );

    // Publishing twice keeps the first publication; taking it down clears it.
    let first = store
        .set_outcomes_published(north, true, lead, T0 + 5)
        .await
        .unwrap();
    assert_eq!(first.published_at, Some(T0 + 5));
    assert_eq!(first.published_by, Some(lead));
    let again = store
        .set_outcomes_published(north, true, other.id, T0 + 9)
        .await
        .unwrap();
    assert_eq!(again, first);
    assert_eq!(
        store.publication(south.id).await.unwrap().published_at,
        None
    );
    let down = store
        .set_outcomes_published(north, false, lead, T0 + 12)
        .await
        .unwrap();
    assert_eq!(down.published_at, None);
    assert_eq!(down.published_by, None);
    let republished = store
        .set_outcomes_published(north, true, other.id, T0 + 20)
        .await
        .unwrap();
    assert_eq!(
        (republished.published_at, republished.published_by),
        (Some(T0 + 20), Some(other.id))
    );

    // A feed's secret opens only its own partnership's feed, and renewing it retires the old.
    let token = store.renew_calendar_feed(north).await.unwrap();
    assert!(store.publication(north).await.unwrap().has_calendar_feed);
    assert!(store.calendar_feed_matches(north, &token).await.unwrap());
    assert!(!store.calendar_feed_matches(south.id, &token).await.unwrap());
    let renewed = store.renew_calendar_feed(north).await.unwrap();
    assert_ne!(renewed, token);
    assert!(!store.calendar_feed_matches(north, &token).await.unwrap());
    assert!(store.calendar_feed_matches(north, &renewed).await.unwrap());
    store.revoke_calendar_feed(north).await.unwrap();
    assert!(!store.calendar_feed_matches(north, &renewed).await.unwrap());
    assert!(!store.publication(north).await.unwrap().has_calendar_feed);

    // Publishing is a flag beside the record, not an entry in it; the chain still verifies.
    assert_eq!(assert_record_verifies(store, north).await, 0);

    let missing = PartnershipId(9_999);
    assert!(matches!(
        store.set_outcomes_published(missing, true, lead, T0).await,
        Err(StoreError::NotFound(Entity::Partnership))
    ));
    assert!(matches!(
        store.renew_calendar_feed(missing).await,
        Err(StoreError::NotFound(Entity::Partnership))
    ));
    assert!(matches!(
        store.publication(missing).await,
        Err(StoreError::NotFound(Entity::Partnership))
    ));
}

/// An objective keeps its own language and one translation per version and language, which a
/// second replaces; a new version starts untranslated; an unknown objective or version is not
/// found.
pub async fn objective_versions_keep_their_translations(db: &TestDb) {
    let store = db.store();
    let (north, _, lead) = setting(store).await;
    let objective = store
        .create_objective(north, version("Evening clinics", lead, T0))
        .await
        .unwrap();
    assert_eq!(store.objective_language(objective.id).await.unwrap(), "en");
    store
        .set_objective_language(objective.id, "cy")
        .await
        .unwrap();
    assert_eq!(store.objective_language(objective.id).await.unwrap(), "cy");
    let translation = |version: u32, language: &str, title: &str| ObjectiveTranslation {
        objective: objective.id,
        version,
        language: language.to_owned(),
        title: title.to_owned(),
        body: format!("{title}, i bawb yn y Gogledd."),
        added_by: Some(lead),
        added_at: T0 + 2,
    };
    store
        .put_objective_translation(translation(1, "en", "Clinics in the evening"))
        .await
        .unwrap();
    let replaced = store
        .put_objective_translation(translation(1, "en", "Evening clinics"))
        .await
        .unwrap();
    assert_eq!(replaced.title, "Evening clinics");
    assert_eq!(replaced.added_by, Some(lead));
    assert!(matches!(
        store
            .put_objective_translation(translation(2, "en", "No such version"))
            .await,
        Err(StoreError::NotFound(Entity::Objective))
    ));
    assert!(matches!(
        store
            .put_objective_translation(ObjectiveTranslation {
                objective: ObjectiveId(9_999),
                ..translation(1, "pl", "Nic")
            })
            .await,
        Err(StoreError::NotFound(Entity::Objective))
    ));
    let listed = store.objective_translations(objective.id).await.unwrap();
    assert_eq!(listed, [replaced]);
    assert!(
        store
            .remove_objective_translation(objective.id, 1, "en")
            .await
            .unwrap()
    );
    assert!(
        !store
            .remove_objective_translation(objective.id, 1, "en")
            .await
            .unwrap()
    );
    assert!(
        store
            .objective_translations(objective.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        store.objective_language(ObjectiveId(9_999)).await,
        Err(StoreError::NotFound(Entity::Objective))
    ));
}
