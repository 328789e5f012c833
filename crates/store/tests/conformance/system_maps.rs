//! System maps: factors and signed links proposed with their proposer, one judgment per judge
//! and link, action pins, imports stored whole or not at all, and closed maps.

use model::{ConvenorId, ModerationPolicy, PartnerId, PartnerName, PartnershipId, Sector};
use store::prelude::*;
use store::{
    ActionId, Entity, ImportedFactor, ImportedLink, Judge, LinkJudgment, LinkSign, MapImport,
    NewAction, NewActionPin, NewMapFactor, NewMapJudgment, NewMapLink, NewParticipant, NewPartner,
    NewSystemMap, NewVersion, Phase, PinPush, Proposer, StoreError, SystemMap, SystemMapChanges,
};

use crate::support::{T0, TestDb, dialogue, new_convenor, partnership};

async fn partner(store: &dyn Store, partnership: PartnershipId, name: &str) -> PartnerId {
    store
        .create_partner(NewPartner {
            partnership,
            name: PartnerName::parse(name).unwrap(),
            sector: Sector::Nhs,
            created_at: T0,
        })
        .await
        .unwrap()
        .id
}

fn new_map(partnership: PartnershipId, title: &str) -> NewSystemMap {
    NewSystemMap {
        partnership,
        title: title.to_owned(),
        description: "Healthy ageing in North".to_owned(),
        dialogue: None,
        participants_may_judge: false,
        created_by: None,
        now: T0,
    }
}

fn as_convenor(account: ConvenorId) -> Proposer {
    Proposer {
        account: Some(account),
        partner: None,
    }
}

fn factor(map: &SystemMap, name: &str, owner: Option<PartnerId>, by: Proposer) -> NewMapFactor {
    NewMapFactor {
        map: map.id,
        name: name.to_owned(),
        owner,
        sector: None,
        proposer: by,
        now: T0 + 1,
    }
}

pub async fn factors_and_links_keep_their_proposers_and_refuse_faults(db: &TestDb) {
    let store = db.store();
    let lead = store
        .create_convenor(new_convenor("lead@example.org"))
        .await
        .unwrap();
    let north = partnership(store, "North").await;
    let nhs = partner(store, north.id, "North Hospitals").await;
    let south = partnership(store, "South").await;
    let stranger = partner(store, south.id, "South Council").await;
    let map = store
        .create_system_map(new_map(north.id, "Healthy ageing"))
        .await
        .unwrap();
    let other = store
        .create_system_map(new_map(south.id, "Elsewhere"))
        .await
        .unwrap();
    assert_eq!(
        store.list_system_maps(north.id).await.unwrap(),
        vec![map.clone()]
    );

    let for_nhs = Proposer {
        account: Some(lead.id),
        partner: Some(nhs),
    };
    let admissions = store
        .add_map_factor(factor(&map, "Emergency admissions", Some(nhs), for_nhs))
        .await
        .unwrap();
    assert_eq!(admissions.proposer, for_nhs);
    assert_eq!(admissions.owner, Some(nhs));
    let beds = store
        .add_map_factor(factor(&map, "Bed occupancy", None, as_convenor(lead.id)))
        .await
        .unwrap();
    // Names are unique ignoring case and surrounding space.
    let twice = store
        .add_map_factor(factor(&map, "  bed OCCUPANCY ", None, as_convenor(lead.id)))
        .await;
    assert!(matches!(
        twice,
        Err(StoreError::Duplicate {
            entity: Entity::MapFactor,
            ..
        })
    ));
    // Owners and proposing partners come from the map's partnership.
    let foreign_owner = store
        .add_map_factor(factor(&map, "Loneliness", Some(stranger), for_nhs))
        .await;
    assert!(matches!(
        foreign_owner,
        Err(StoreError::NotInPartnership(Entity::Partner))
    ));
    let blank = store
        .add_map_factor(factor(&map, "   ", None, for_nhs))
        .await;
    assert!(matches!(blank, Err(StoreError::Invalid(_))));
    let elsewhere = store
        .add_map_factor(factor(&other, "Housing", None, as_convenor(lead.id)))
        .await
        .unwrap();

    let link = |from, to, sign| NewMapLink {
        map: map.id,
        from,
        to,
        sign,
        delayed: false,
        note: "Admissions fill beds".to_owned(),
        proposer: for_nhs,
        now: T0 + 2,
    };
    let fills = store
        .add_map_link(link(admissions.id, beds.id, LinkSign::Positive))
        .await
        .unwrap();
    assert_eq!(fills.proposer, for_nhs);
    assert_eq!(fills.sign, LinkSign::Positive);
    // The engine counts a self-loop as a loop of one link, so the store keeps it.
    store
        .add_map_link(link(beds.id, beds.id, LinkSign::Negative))
        .await
        .unwrap();
    let again = store
        .add_map_link(link(admissions.id, beds.id, LinkSign::Negative))
        .await;
    assert!(matches!(
        again,
        Err(StoreError::Duplicate {
            entity: Entity::MapLink,
            ..
        })
    ));
    let across = store
        .add_map_link(link(admissions.id, elsewhere.id, LinkSign::Positive))
        .await;
    assert!(matches!(
        across,
        Err(StoreError::NotInMap(Entity::MapFactor))
    ));
    let unknown = store
        .add_map_link(link(
            admissions.id,
            model::MapFactorId(i64::MAX),
            LinkSign::Positive,
        ))
        .await;
    assert!(matches!(
        unknown,
        Err(StoreError::NotFound(Entity::MapFactor))
    ));
    // The reverse direction is another link.
    store
        .add_map_link(link(beds.id, admissions.id, LinkSign::Negative))
        .await
        .unwrap();
    let links = store.list_map_links(map.id).await.unwrap();
    assert_eq!(links.len(), 3);
    assert_eq!(links[0], fills);
    assert_eq!(store.get_map_link(fills.id).await.unwrap(), fills);
    assert_eq!(
        store.list_map_factors(map.id).await.unwrap(),
        vec![admissions.clone(), beds.clone()]
    );
    assert_eq!(store.get_map_factor(beds.id).await.unwrap(), beds);

    // A closed map keeps everything and takes nothing more.
    let closed = store
        .change_system_map(
            map.id,
            SystemMapChanges {
                close: true,
                ..SystemMapChanges::default()
            },
            T0 + 3,
        )
        .await
        .unwrap();
    assert_eq!(closed.closed_at, Some(T0 + 3));
    let late = store
        .add_map_factor(factor(&map, "Falls", None, as_convenor(lead.id)))
        .await;
    assert!(matches!(late, Err(StoreError::MapClosed)));
    let renamed = store
        .change_system_map(
            map.id,
            SystemMapChanges {
                title: Some("Renamed".to_owned()),
                ..SystemMapChanges::default()
            },
            T0 + 4,
        )
        .await;
    assert!(matches!(renamed, Err(StoreError::MapClosed)));
    assert_eq!(store.list_map_links(map.id).await.unwrap().len(), 3);
}

pub async fn each_judge_has_one_replaceable_judgment_per_link(db: &TestDb) {
    let store = db.store();
    let talk = dialogue(store, ModerationPolicy::Post, &[], &["Carers", "Residents"]).await;
    let north = talk.partnership;
    let nhs = partner(store, north, "North Hospitals").await;
    let council = partner(store, north, "North Council").await;
    let other_talk = dialogue(store, ModerationPolicy::Post, &[], &[]).await;
    let mut new = new_map(north, "Healthy ageing");
    new.dialogue = Some(talk.id);
    let map = store.create_system_map(new).await.unwrap();
    let by = Proposer {
        account: None,
        partner: Some(nhs),
    };
    let a = store
        .add_map_factor(factor(&map, "Loneliness", None, by))
        .await
        .unwrap();
    let b = store
        .add_map_factor(factor(&map, "Visits to the GP", None, by))
        .await
        .unwrap();
    let link = store
        .add_map_link(NewMapLink {
            map: map.id,
            from: a.id,
            to: b.id,
            sign: LinkSign::Positive,
            delayed: true,
            note: String::new(),
            proposer: by,
            now: T0,
        })
        .await
        .unwrap();
    let judge = |judge, judgment| NewMapJudgment {
        link: link.id,
        judge,
        judgment,
        recorded_by: None,
        now: T0 + 5,
    };
    store
        .record_map_judgment(judge(Judge::Partner(nhs), LinkJudgment::Agree))
        .await
        .unwrap();
    store
        .record_map_judgment(judge(Judge::Partner(council), LinkJudgment::Agree))
        .await
        .unwrap();
    let replaced = store
        .record_map_judgment(judge(Judge::Partner(council), LinkJudgment::Disagree))
        .await
        .unwrap();
    assert_eq!(replaced.judgment, LinkJudgment::Disagree);

    let (participant, _) = store
        .create_participant(NewParticipant {
            dialogue: talk.id,
            external_id: None,
            constituencies: vec![talk.constituencies[1].id],
            created_at: T0,
        })
        .await
        .unwrap();
    // Not before a convenor opens the map to participants.
    let early = store
        .record_map_judgment(judge(
            Judge::Participant(participant.id),
            LinkJudgment::Unsure,
        ))
        .await;
    assert!(matches!(early, Err(StoreError::Invalid(_))));
    store
        .change_system_map(
            map.id,
            SystemMapChanges {
                participants_may_judge: Some(true),
                ..SystemMapChanges::default()
            },
            T0 + 6,
        )
        .await
        .unwrap();
    let given = store
        .record_map_judgment(judge(
            Judge::Participant(participant.id),
            LinkJudgment::Unsure,
        ))
        .await
        .unwrap();
    assert_eq!(given.constituencies, vec![talk.constituencies[1].id]);
    let (stranger, _) = store
        .create_participant(NewParticipant {
            dialogue: other_talk.id,
            external_id: None,
            constituencies: vec![],
            created_at: T0,
        })
        .await
        .unwrap();
    let foreign = store
        .record_map_judgment(judge(Judge::Participant(stranger.id), LinkJudgment::Agree))
        .await;
    assert!(matches!(
        foreign,
        Err(StoreError::NotInDialogue(Entity::Participant))
    ));
    let outsider = partner(store, other_talk.partnership, "Elsewhere Trust").await;
    let foreign_partner = store
        .record_map_judgment(judge(Judge::Partner(outsider), LinkJudgment::Agree))
        .await;
    assert!(matches!(
        foreign_partner,
        Err(StoreError::NotInPartnership(Entity::Partner))
    ));

    let all = store.list_map_judgments(map.id).await.unwrap();
    let summary: Vec<(Judge, LinkJudgment)> = all.iter().map(|j| (j.judge, j.judgment)).collect();
    assert_eq!(
        summary,
        vec![
            (Judge::Partner(nhs), LinkJudgment::Agree),
            (Judge::Partner(council), LinkJudgment::Disagree),
            (Judge::Participant(participant.id), LinkJudgment::Unsure),
        ]
    );
}

pub async fn imports_are_stored_whole_or_not_at_all(db: &TestDb) {
    let store = db.store();
    let north = partnership(store, "North").await;
    let nhs = partner(store, north.id, "North Hospitals").await;
    let factors = vec![
        ImportedFactor {
            name: "Loneliness".to_owned(),
            owner: Some(nhs),
            sector: Some("community".to_owned()),
        },
        ImportedFactor {
            name: "Falls".to_owned(),
            owner: None,
            sector: None,
        },
    ];
    let link = |from, to| ImportedLink {
        from,
        to,
        sign: LinkSign::Negative,
        delayed: false,
        note: String::new(),
    };
    let proposer = Proposer {
        account: None,
        partner: None,
    };
    // A duplicate link fails the whole import: no map, no factors.
    let broken = store
        .import_system_map(MapImport {
            map: new_map(north.id, "Broken"),
            factors: factors.clone(),
            links: vec![link(0, 1), link(0, 1)],
            proposer,
        })
        .await;
    assert!(matches!(broken, Err(StoreError::Duplicate { .. })));
    let outside = store
        .import_system_map(MapImport {
            map: new_map(north.id, "Outside"),
            factors: factors.clone(),
            links: vec![link(0, 7)],
            proposer,
        })
        .await;
    assert!(matches!(outside, Err(StoreError::Invalid(_))));
    assert!(store.list_system_maps(north.id).await.unwrap().is_empty());

    let map = store
        .import_system_map(MapImport {
            map: new_map(north.id, "Imported"),
            factors,
            links: vec![link(0, 1), link(1, 0)],
            proposer,
        })
        .await
        .unwrap();
    assert_eq!(
        store.list_system_maps(north.id).await.unwrap(),
        vec![map.clone()]
    );
    let stored = store.list_map_factors(map.id).await.unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0].sector.as_deref(), Some("community"));
    let links = store.list_map_links(map.id).await.unwrap();
    assert_eq!(
        links.iter().map(|l| (l.from, l.to)).collect::<Vec<_>>(),
        vec![(stored[0].id, stored[1].id), (stored[1].id, stored[0].id)]
    );
}

pub async fn actions_of_the_partnership_are_pinned_to_factors(db: &TestDb) {
    let store = db.store();
    let lead = store
        .create_convenor(new_convenor("lead@example.org"))
        .await
        .unwrap();
    let north = partnership(store, "North").await;
    let nhs = partner(store, north.id, "North Hospitals").await;
    let south = partnership(store, "South").await;
    let southern = partner(store, south.id, "South Trust").await;
    let action = |partnership: PartnershipId, owner: PartnerId| async move {
        let objective = store
            .create_objective(
                partnership,
                NewVersion {
                    title: "Fewer falls".to_owned(),
                    body: "Fewer falls at home.".to_owned(),
                    evidence: "{}".to_owned(),
                    amends: None,
                    actor: lead.id,
                    now: T0,
                },
            )
            .await
            .unwrap();
        store
            .set_phase(objective.id, Phase::WithPartners, lead.id, T0 + 1)
            .await
            .unwrap();
        store
            .set_phase(objective.id, Phase::Decided, lead.id, T0 + 2)
            .await
            .unwrap();
        store
            .create_action(NewAction {
                objective: objective.id,
                owner,
                shared_with: vec![],
                title: "Home safety visits".to_owned(),
                lead_role: "Head of Falls Prevention".to_owned(),
                due_on: None,
                status: "planned".to_owned(),
                actor: lead.id,
                now: T0 + 3,
            })
            .await
            .unwrap()
            .id
    };
    let visits = action(north.id, nhs).await;
    let foreign = action(south.id, southern).await;
    let map = store
        .create_system_map(new_map(north.id, "Healthy ageing"))
        .await
        .unwrap();
    let falls = store
        .add_map_factor(factor(
            &map,
            "Falls at home",
            Some(nhs),
            as_convenor(lead.id),
        ))
        .await
        .unwrap();
    let pin = |action: ActionId, push| NewActionPin {
        action,
        factor: falls.id,
        push,
        pinned_by: Some(lead.id),
        now: T0 + 4,
    };
    let pinned = store.pin_action(pin(visits, PinPush::Up)).await.unwrap();
    assert_eq!(pinned.map, map.id);
    // Pinning again changes the push.
    let repinned = store.pin_action(pin(visits, PinPush::Down)).await.unwrap();
    assert_eq!(repinned.push, PinPush::Down);
    let refused = store.pin_action(pin(foreign, PinPush::Up)).await;
    assert!(matches!(
        refused,
        Err(StoreError::NotInPartnership(Entity::Action))
    ));
    let missing = store.pin_action(pin(ActionId(i64::MAX), PinPush::Up)).await;
    assert!(matches!(missing, Err(StoreError::NotFound(Entity::Action))));
    assert_eq!(
        store.list_map_pins(map.id).await.unwrap(),
        vec![repinned.clone()]
    );
    assert_eq!(
        store.list_action_pins(visits).await.unwrap(),
        vec![repinned]
    );
    assert!(store.list_action_pins(foreign).await.unwrap().is_empty());
}
