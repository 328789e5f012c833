//! Partnerships, partners, convenor memberships, representatives and invitations.

use model::{
    ConvenorId, Email, InvitationId, PartnerId, PartnerName, PartnershipId, PartnershipName,
    Purpose, Sector, Token,
};
use store::prelude::*;
use store::{
    AcceptInvitation, Entity, Invitation, InvitationStatus, NewInvitation, NewPartner,
    NewPartnership, Partner, PartnerRemoval, PartnerUpdate, PartnershipUpdate, StoreError,
};

use crate::support::{T0, TestDb, hash, new_convenor, partnership};

/// How long test invitations stay valid.
const WEEK: i64 = 7 * 24 * 3600 * 1000;

async fn partner(store: &dyn Store, partnership: PartnershipId, name: &str) -> Partner {
    store
        .create_partner(NewPartner {
            partnership,
            name: PartnerName::parse(name).unwrap(),
            sector: Sector::Voluntary,
            created_at: T0,
        })
        .await
        .unwrap()
}

async fn invite(store: &dyn Store, partner: PartnerId, by: ConvenorId) -> (Invitation, Token) {
    store
        .create_invitation(NewInvitation {
            partner,
            email: Some(Email::parse("rep@example.org").unwrap()),
            created_by: by,
            created_at: T0,
            expires_at: T0 + WEEK,
        })
        .await
        .unwrap()
}

fn new_account(email: &str) -> AcceptInvitation {
    AcceptInvitation::NewAccount {
        email: Email::parse(email).unwrap(),
        password_hash: hash("a long enough password"),
    }
}

/// A partnership with one partner and a convenor who is its member.
async fn setting(store: &dyn Store) -> (PartnershipId, Partner, ConvenorId) {
    let lead = store
        .create_convenor(new_convenor("lead@example.org"))
        .await
        .unwrap();
    let north = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse("North").unwrap(),
            purpose: Purpose::parse("Healthier lives together").unwrap(),
            created_at: T0,
            convenor: Some(lead.id),
        })
        .await
        .unwrap();
    let carers = partner(store, north.id, "Carers Together").await;
    (north.id, carers, lead.id)
}

pub async fn partnerships_own_partners_and_members(db: &TestDb) {
    let store = db.store();
    let north = partnership(store, "North").await;
    let south = partnership(store, "South").await;
    assert_eq!(store.get_partnership(north.id).await.unwrap(), north);
    assert_eq!(
        store.list_partnerships().await.unwrap(),
        vec![north.clone(), south.clone()]
    );

    let nhs = store
        .create_partner(NewPartner {
            partnership: north.id,
            name: PartnerName::parse("Northtown ICB").unwrap(),
            sector: Sector::Nhs,
            created_at: T0,
        })
        .await
        .unwrap();
    let council = store
        .create_partner(NewPartner {
            partnership: north.id,
            name: PartnerName::parse("Northtown Council").unwrap(),
            sector: Sector::LocalAuthority,
            created_at: T0 + 1,
        })
        .await
        .unwrap();
    assert_eq!(
        store.get_partner(council.id).await.unwrap().sector,
        Sector::LocalAuthority
    );
    assert_eq!(
        store.list_partners(north.id).await.unwrap(),
        vec![nhs, council]
    );
    assert!(store.list_partners(south.id).await.unwrap().is_empty());

    let missing = store
        .create_partner(NewPartner {
            partnership: PartnershipId(9999),
            name: PartnerName::parse("Nobody").unwrap(),
            sector: Sector::Business,
            created_at: T0,
        })
        .await;
    assert!(matches!(
        missing,
        Err(StoreError::NotFound(Entity::Partnership))
    ));
    assert!(matches!(
        store.get_partnership(PartnershipId(9999)).await,
        Err(StoreError::NotFound(Entity::Partnership))
    ));

    let ada = store
        .create_convenor(new_convenor("ada@example.org"))
        .await
        .unwrap();
    store
        .add_partnership_member(north.id, ada.id)
        .await
        .unwrap();
    // Adding twice changes nothing.
    store
        .add_partnership_member(north.id, ada.id)
        .await
        .unwrap();
    assert!(store.is_partnership_member(north.id, ada.id).await.unwrap());
    assert!(!store.is_partnership_member(south.id, ada.id).await.unwrap());
    assert_eq!(
        store.list_partnership_members(north.id).await.unwrap(),
        vec![ada.clone()]
    );
    assert_eq!(
        store.list_convenor_partnerships(ada.id).await.unwrap(),
        vec![north.clone()]
    );
    assert!(matches!(
        store
            .add_partnership_member(north.id, ConvenorId(9999))
            .await,
        Err(StoreError::NotFound(Entity::Convenor))
    ));
    assert!(
        store
            .remove_partnership_member(north.id, ada.id)
            .await
            .unwrap()
    );
    assert!(
        !store
            .remove_partnership_member(north.id, ada.id)
            .await
            .unwrap()
    );
    assert!(
        store
            .list_partnership_members(north.id)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn a_partnership_and_its_first_member_are_created_together(db: &TestDb) {
    let store = db.store();
    let (north, _, lead) = setting(store).await;
    assert!(store.is_partnership_member(north, lead).await.unwrap());
    assert_eq!(
        store.list_convenor_partnerships(lead).await.unwrap().len(),
        1
    );

    let refused = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse("Nowhere").unwrap(),
            purpose: Purpose::parse("Nothing").unwrap(),
            created_at: T0,
            convenor: Some(ConvenorId(9999)),
        })
        .await;
    assert!(matches!(
        refused,
        Err(StoreError::NotFound(Entity::Convenor))
    ));
    assert_eq!(store.list_partnerships().await.unwrap().len(), 1);
}

pub async fn partnerships_and_partners_can_be_renamed(db: &TestDb) {
    let store = db.store();
    let (north, carers, _) = setting(store).await;
    let renamed = store
        .update_partnership(
            north,
            PartnershipUpdate {
                name: Some(PartnershipName::parse("North and East").unwrap()),
                purpose: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name.as_str(), "North and East");
    assert_eq!(renamed.purpose.as_str(), "Healthier lives together");
    let repurposed = store
        .update_partnership(
            north,
            PartnershipUpdate {
                name: None,
                purpose: Some(Purpose::parse("Fewer falls").unwrap()),
            },
        )
        .await
        .unwrap();
    assert_eq!(repurposed.name.as_str(), "North and East");
    assert_eq!(repurposed.purpose.as_str(), "Fewer falls");
    assert_eq!(store.get_partnership(north).await.unwrap(), repurposed);
    assert!(matches!(
        store
            .update_partnership(PartnershipId(9999), PartnershipUpdate::default())
            .await,
        Err(StoreError::NotFound(Entity::Partnership))
    ));

    let updated = store
        .update_partner(
            carers.id,
            PartnerUpdate {
                name: None,
                sector: Some(Sector::Community),
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.name, carers.name);
    assert_eq!(updated.sector, Sector::Community);
    assert_eq!(store.get_partner(carers.id).await.unwrap(), updated);
    assert!(matches!(
        store
            .update_partner(PartnerId(9999), PartnerUpdate::default())
            .await,
        Err(StoreError::NotFound(Entity::Partner))
    ));
}

pub async fn a_partner_with_history_is_archived_and_one_without_deleted(db: &TestDb) {
    let store = db.store();
    let (north, carers, lead) = setting(store).await;
    let fresh = partner(store, north, "Fresh Start").await;
    assert_eq!(
        store.remove_partner(fresh.id, T0 + 5).await.unwrap(),
        PartnerRemoval::Deleted
    );
    assert!(matches!(
        store.get_partner(fresh.id).await,
        Err(StoreError::NotFound(Entity::Partner))
    ));

    // An invitation, even one never accepted, is history.
    let invited = partner(store, north, "Invited Once").await;
    let (invitation, _) = invite(store, invited.id, lead).await;
    let archived = match store.remove_partner(invited.id, T0 + 6).await.unwrap() {
        PartnerRemoval::Archived(partner) => partner,
        other => panic!("expected an archive, got {other:?}"),
    };
    assert_eq!(archived.archived_at, Some(T0 + 6));
    assert_eq!(archived.name, invited.name);
    assert_eq!(
        store.get_invitation(invitation.id).await.unwrap(),
        invitation
    );

    // Removing it again changes nothing.
    assert_eq!(
        store.remove_partner(invited.id, T0 + 99).await.unwrap(),
        PartnerRemoval::Archived(archived.clone())
    );
    // Archived partners are still listed, in id order; callers filter them.
    assert_eq!(
        store.list_partners(north).await.unwrap(),
        vec![carers.clone(), archived.clone()]
    );
    assert!(matches!(
        store
            .update_partner(
                archived.id,
                PartnerUpdate {
                    name: Some(PartnerName::parse("Renamed").unwrap()),
                    sector: None,
                },
            )
            .await,
        Err(StoreError::PartnerArchived)
    ));
    assert!(matches!(
        store
            .create_invitation(NewInvitation {
                partner: archived.id,
                email: None,
                created_by: lead,
                created_at: T0 + 7,
                expires_at: T0 + WEEK,
            })
            .await,
        Err(StoreError::PartnerArchived)
    ));
    assert_eq!(store.list_invitations(archived.id).await.unwrap().len(), 1);
    assert!(matches!(
        store.remove_partner(PartnerId(9999), T0).await,
        Err(StoreError::NotFound(Entity::Partner))
    ));
}

pub async fn an_invitation_makes_a_new_account_a_representative_who_may_not_convene(db: &TestDb) {
    let store = db.store();
    let (north, carers, lead) = setting(store).await;
    let (invitation, token) = invite(store, carers.id, lead).await;
    assert_eq!(invitation.partner, carers.id);
    assert_eq!(invitation.partnership, north);
    assert_eq!(invitation.created_by, Some(lead));
    assert_eq!(
        invitation.email.as_ref().unwrap().as_str(),
        "rep@example.org"
    );
    assert_eq!(invitation.status(T0 + 1), InvitationStatus::Pending);
    assert_eq!(
        store.find_invitation_by_token(&token).await.unwrap(),
        Some(invitation.clone())
    );
    assert_eq!(
        store.list_invitations(carers.id).await.unwrap(),
        vec![invitation.clone()]
    );

    let (accepted, account) = store
        .accept_invitation(&token, new_account("Rep@Example.org"), T0 + 10)
        .await
        .unwrap();
    assert!(!account.may_convene, "invited accounts may not convene");
    assert!(!account.is_admin);
    assert_eq!(account.email.as_str(), "rep@example.org");
    assert_eq!(store.get_convenor(account.id).await.unwrap(), account);
    assert_eq!(accepted.accepted_at, Some(T0 + 10));
    assert_eq!(accepted.accepted_by, Some(account.id));
    assert_eq!(accepted.status(T0 + 11), InvitationStatus::Accepted);
    assert_eq!(store.get_invitation(invitation.id).await.unwrap(), accepted);

    assert!(
        store
            .is_representative(carers.id, account.id)
            .await
            .unwrap()
    );
    assert!(!store.is_representative(carers.id, lead).await.unwrap());
    assert!(
        !store
            .is_partnership_member(north, account.id)
            .await
            .unwrap()
    );
    let representatives = store.list_representatives(carers.id).await.unwrap();
    assert_eq!(representatives.len(), 1);
    assert_eq!(representatives[0].partner, carers.id);
    assert_eq!(representatives[0].account, account.id);
    assert_eq!(representatives[0].email, account.email);
    assert_eq!(representatives[0].since, T0 + 10);
    assert_eq!(
        store.list_account_partners(account.id).await.unwrap(),
        vec![carers.clone()]
    );

    // An existing account may accept a second invitation, for another partner.
    let council = partner(store, north, "Northtown Council").await;
    let (_, second) = invite(store, council.id, lead).await;
    let (_, same) = store
        .accept_invitation(&second, AcceptInvitation::Existing(account.id), T0 + 20)
        .await
        .unwrap();
    assert_eq!(same, account);
    assert_eq!(
        store.list_account_partners(account.id).await.unwrap(),
        vec![carers.clone(), council.clone()]
    );
    // Accepting for a partner one already represents keeps the one representation.
    let (_, again) = invite(store, carers.id, lead).await;
    store
        .accept_invitation(&again, AcceptInvitation::Existing(account.id), T0 + 30)
        .await
        .unwrap();
    let representatives = store.list_representatives(carers.id).await.unwrap();
    assert_eq!(representatives.len(), 1);
    assert_eq!(representatives[0].since, T0 + 10);

    // Ending a representation keeps the row as history, so the partner is archived later.
    assert!(
        store
            .remove_representative(council.id, account.id, T0 + 40)
            .await
            .unwrap()
    );
    assert!(
        !store
            .remove_representative(council.id, account.id, T0 + 41)
            .await
            .unwrap()
    );
    assert!(
        !store
            .is_representative(council.id, account.id)
            .await
            .unwrap()
    );
    assert!(
        store
            .list_representatives(council.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        store.remove_partner(council.id, T0 + 50).await.unwrap(),
        PartnerRemoval::Archived(_)
    ));
}

/// Checks that nothing changed since `before`: the invitation, the accounts and the
/// partner's representatives.
async fn assert_unchanged(store: &dyn Store, before: &Invitation, accounts: usize) {
    assert_eq!(&store.get_invitation(before.id).await.unwrap(), before);
    assert_eq!(store.list_convenors().await.unwrap().len(), accounts);
    assert!(
        store
            .list_representatives(before.partner)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn unusable_invitations_are_refused_and_change_nothing(db: &TestDb) {
    let store = db.store();
    let (north, carers, lead) = setting(store).await;

    // A token that was never issued.
    let stranger = Token::from_bytes([7; 32]);
    assert!(
        store
            .find_invitation_by_token(&stranger)
            .await
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        store
            .accept_invitation(&stranger, new_account("x@example.org"), T0 + 1)
            .await,
        Err(StoreError::NotFound(Entity::Invitation))
    ));
    assert!(matches!(
        store.get_invitation(InvitationId(9999)).await,
        Err(StoreError::NotFound(Entity::Invitation))
    ));

    // Expired.
    let (expired, token) = invite(store, carers.id, lead).await;
    assert_eq!(expired.status(T0 + WEEK), InvitationStatus::Expired);
    assert!(matches!(
        store
            .accept_invitation(&token, new_account("late@example.org"), T0 + WEEK)
            .await,
        Err(StoreError::InvitationExpired)
    ));
    assert_unchanged(store, &expired, 1).await;

    // Revoked; revoking twice keeps the first time.
    let (pending, token) = invite(store, carers.id, lead).await;
    let revoked = store.revoke_invitation(pending.id, T0 + 2).await.unwrap();
    assert_eq!(revoked.revoked_at, Some(T0 + 2));
    assert_eq!(
        store.revoke_invitation(pending.id, T0 + 3).await.unwrap(),
        revoked
    );
    assert!(matches!(
        store
            .accept_invitation(&token, new_account("late@example.org"), T0 + 4)
            .await,
        Err(StoreError::InvitationRevoked)
    ));
    assert_unchanged(store, &revoked, 1).await;
    assert!(matches!(
        store.revoke_invitation(InvitationId(9999), T0).await,
        Err(StoreError::NotFound(Entity::Invitation))
    ));

    // An email already in use: refused whole, the invitation stays pending.
    let (pending, token) = invite(store, carers.id, lead).await;
    assert!(matches!(
        store
            .accept_invitation(&token, new_account("LEAD@example.org"), T0 + 5)
            .await,
        Err(StoreError::Duplicate {
            entity: Entity::Convenor,
            field: "email"
        })
    ));
    assert_unchanged(store, &pending, 1).await;
    // An unknown existing account: refused whole too.
    assert!(matches!(
        store
            .accept_invitation(&token, AcceptInvitation::Existing(ConvenorId(9999)), T0 + 5)
            .await,
        Err(StoreError::NotFound(Entity::Convenor))
    ));
    assert_unchanged(store, &pending, 1).await;

    // Used once, then refused: reused and revoked after use.
    let (accepted, account) = store
        .accept_invitation(&token, new_account("rep@example.org"), T0 + 6)
        .await
        .unwrap();
    assert!(matches!(
        store
            .accept_invitation(&token, new_account("other@example.org"), T0 + 7)
            .await,
        Err(StoreError::InvitationUsed)
    ));
    assert!(matches!(
        store
            .accept_invitation(&token, AcceptInvitation::Existing(lead), T0 + 7)
            .await,
        Err(StoreError::InvitationUsed)
    ));
    assert!(matches!(
        store.revoke_invitation(accepted.id, T0 + 8).await,
        Err(StoreError::InvitationUsed)
    ));
    assert_eq!(store.get_invitation(accepted.id).await.unwrap(), accepted);
    assert_eq!(store.list_convenors().await.unwrap().len(), 2);
    assert!(!store.is_representative(carers.id, lead).await.unwrap());
    assert!(
        store
            .is_representative(carers.id, account.id)
            .await
            .unwrap()
    );

    // A pending invitation of a partner archived since it was made.
    let other = partner(store, north, "Other Partner").await;
    let (pending, token) = invite(store, other.id, lead).await;
    store.remove_partner(other.id, T0 + 9).await.unwrap();
    assert!(matches!(
        store
            .accept_invitation(&token, new_account("new@example.org"), T0 + 10)
            .await,
        Err(StoreError::PartnerArchived)
    ));
    assert_unchanged(store, &pending, 2).await;
}

pub async fn representatives_lose_their_rights_when_the_partner_is_archived(db: &TestDb) {
    let store = db.store();
    let (_, carers, lead) = setting(store).await;
    let (_, token) = invite(store, carers.id, lead).await;
    let (_, account) = store
        .accept_invitation(&token, new_account("rep@example.org"), T0 + 1)
        .await
        .unwrap();
    assert!(
        store
            .is_representative(carers.id, account.id)
            .await
            .unwrap()
    );

    let archived = match store.remove_partner(carers.id, T0 + 2).await.unwrap() {
        PartnerRemoval::Archived(partner) => partner,
        other => panic!("expected an archive, got {other:?}"),
    };
    assert_eq!(archived.archived_at, Some(T0 + 2));
    assert!(
        !store
            .is_representative(carers.id, account.id)
            .await
            .unwrap()
    );
    assert!(
        store
            .list_representatives(carers.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .list_account_partners(account.id)
            .await
            .unwrap()
            .is_empty()
    );
    // The account itself stays, able to sign in.
    assert_eq!(store.get_convenor(account.id).await.unwrap(), account);
}

pub async fn of_two_concurrent_acceptances_exactly_one_wins(db: &TestDb) {
    let store = db.store();
    let (_, carers, lead) = setting(store).await;
    let (invitation, token) = invite(store, carers.id, lead).await;
    let attempts: Vec<_> = ["first@example.org", "second@example.org"]
        .into_iter()
        .map(|email| {
            let store = db.shared();
            let token = token.clone();
            tokio::spawn(async move {
                store
                    .accept_invitation(&token, new_account(email), T0 + 1)
                    .await
            })
        })
        .collect();
    let mut won = Vec::new();
    let mut refused = 0;
    for attempt in attempts {
        match attempt.await.unwrap() {
            Ok((_, account)) => won.push(account),
            Err(StoreError::InvitationUsed) => refused += 1,
            Err(other) => panic!("unexpected refusal: {other}"),
        }
    }
    assert_eq!(won.len(), 1, "exactly one acceptance wins");
    assert_eq!(refused, 1);
    let winner = &won[0];
    // Only the winner's account exists, and only it represents the partner.
    assert_eq!(store.list_convenors().await.unwrap().len(), 2);
    let representatives = store.list_representatives(carers.id).await.unwrap();
    assert_eq!(representatives.len(), 1);
    assert_eq!(representatives[0].account, winner.id);
    let accepted = store.get_invitation(invitation.id).await.unwrap();
    assert_eq!(accepted.accepted_by, Some(winner.id));
}
