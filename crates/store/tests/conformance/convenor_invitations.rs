//! Invitations to convene a partnership: made by a convenor, accepted once by a new or an
//! existing account, which then convenes the partnership.

use model::{ConvenorId, ConvenorInvitationId, Email, PartnershipId, Token};
use store::prelude::*;
use store::{
    AcceptInvitation, ConvenorInvitation, Entity, InvitationStatus, NewConvenor,
    NewConvenorInvitation, StoreError,
};

use crate::support::{T0, TestDb, hash, new_convenor, partnership};

/// How long test invitations stay valid.
const WEEK: i64 = 7 * 24 * 3600 * 1000;

/// A partnership and a convenor who is its member.
async fn setting(store: &dyn Store) -> (PartnershipId, ConvenorId) {
    let lead = store
        .create_convenor(new_convenor("lead@example.org"))
        .await
        .unwrap();
    let north = partnership(store, "North").await;
    store
        .add_partnership_member(north.id, lead.id)
        .await
        .unwrap();
    (north.id, lead.id)
}

async fn invite(
    store: &dyn Store,
    partnership: PartnershipId,
    by: ConvenorId,
    email: Option<&str>,
) -> (ConvenorInvitation, Token) {
    store
        .create_convenor_invitation(NewConvenorInvitation {
            place: partnership,
            email: email.map(|email| Email::parse(email).unwrap()),
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

pub async fn a_convenor_invitation_makes_a_new_account_a_convenor_of_the_partnership(db: &TestDb) {
    let store = db.store();
    let (north, lead) = setting(store).await;
    let (invitation, token) = invite(store, north, lead, Some("co@example.org")).await;
    assert_eq!(invitation.place, north);
    assert_eq!(invitation.created_by, Some(lead));
    assert_eq!(invitation.created_at, T0);
    assert_eq!(invitation.expires_at, T0 + WEEK);
    assert_eq!(
        invitation.email.as_ref().unwrap().as_str(),
        "co@example.org"
    );
    assert_eq!(invitation.status(T0 + 1), InvitationStatus::Pending);
    assert_eq!(
        store
            .find_convenor_invitation_by_token(&token)
            .await
            .unwrap(),
        Some(invitation.clone())
    );
    // The two kinds of invitation do not share tokens.
    assert!(
        store
            .find_invitation_by_token(&token)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store.list_convenor_invitations(north).await.unwrap(),
        vec![invitation.clone()]
    );

    let (accepted, account) = store
        .accept_convenor_invitation(&token, new_account("Co@Example.org"), T0 + 10)
        .await
        .unwrap();
    assert!(account.may_convene, "an invited convenor may convene");
    assert!(!account.is_admin);
    assert_eq!(account.email.as_str(), "co@example.org");
    assert_eq!(store.get_convenor(account.id).await.unwrap(), account);
    assert_eq!(accepted.accepted_at, Some(T0 + 10));
    assert_eq!(accepted.accepted_by, Some(account.id));
    assert_eq!(accepted.status(T0 + 11), InvitationStatus::Accepted);
    assert_eq!(
        store.get_convenor_invitation(invitation.id).await.unwrap(),
        accepted
    );
    assert!(
        store
            .is_partnership_member(north, account.id)
            .await
            .unwrap()
    );
    let members: Vec<ConvenorId> = store
        .list_partnership_members(north)
        .await
        .unwrap()
        .iter()
        .map(|member| member.id)
        .collect();
    assert_eq!(members, [lead, account.id]);
    assert_eq!(
        store
            .list_convenor_partnerships(account.id)
            .await
            .unwrap()
            .iter()
            .map(|partnership| partnership.id)
            .collect::<Vec<_>>(),
        [north]
    );
}

pub async fn an_account_that_only_speaks_for_partners_may_convene_once_it_accepts(db: &TestDb) {
    let store = db.store();
    let (north, lead) = setting(store).await;
    let rep = store
        .create_convenor(NewConvenor {
            may_convene: false,
            ..new_convenor("rep@example.org")
        })
        .await
        .unwrap();
    let (_, token) = invite(store, north, lead, None).await;
    let (accepted, account) = store
        .accept_convenor_invitation(&token, AcceptInvitation::Existing(rep.id), T0 + 5)
        .await
        .unwrap();
    assert_eq!(accepted.accepted_by, Some(rep.id));
    assert_eq!(account.id, rep.id);
    assert!(account.may_convene);
    assert!(store.get_convenor(rep.id).await.unwrap().may_convene);
    assert!(store.is_partnership_member(north, rep.id).await.unwrap());

    // A convenor already a member accepts without a second membership.
    let (_, again) = invite(store, north, lead, None).await;
    store
        .accept_convenor_invitation(&again, AcceptInvitation::Existing(lead), T0 + 6)
        .await
        .unwrap();
    assert_eq!(
        store.list_partnership_members(north).await.unwrap().len(),
        2
    );
}

/// Checks that nothing changed since `before`: the invitation, the accounts and the
/// partnership's convenors.
async fn assert_unchanged(store: &dyn Store, before: &ConvenorInvitation, accounts: usize) {
    assert_eq!(
        &store.get_convenor_invitation(before.id).await.unwrap(),
        before
    );
    assert_eq!(store.list_convenors().await.unwrap().len(), accounts);
    assert_eq!(
        store
            .list_partnership_members(before.place)
            .await
            .unwrap()
            .len(),
        1
    );
}

pub async fn unusable_convenor_invitations_are_refused_and_change_nothing(db: &TestDb) {
    let store = db.store();
    let (north, lead) = setting(store).await;

    // A token that was never issued, an unknown id, an unknown partnership or convenor.
    let stranger = Token::from_bytes([7; 32]);
    assert!(
        store
            .find_convenor_invitation_by_token(&stranger)
            .await
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        store
            .accept_convenor_invitation(&stranger, new_account("x@example.org"), T0 + 1)
            .await,
        Err(StoreError::NotFound(Entity::Invitation))
    ));
    assert!(matches!(
        store
            .get_convenor_invitation(ConvenorInvitationId(9999))
            .await,
        Err(StoreError::NotFound(Entity::Invitation))
    ));
    assert!(matches!(
        store
            .revoke_convenor_invitation(ConvenorInvitationId(9999), T0)
            .await,
        Err(StoreError::NotFound(Entity::Invitation))
    ));
    let nowhere = NewConvenorInvitation {
        place: PartnershipId(9999),
        email: None,
        created_by: lead,
        created_at: T0,
        expires_at: T0 + WEEK,
    };
    assert!(matches!(
        store.create_convenor_invitation(nowhere.clone()).await,
        Err(StoreError::NotFound(Entity::Partnership))
    ));
    assert!(matches!(
        store
            .create_convenor_invitation(NewConvenorInvitation {
                place: north,
                created_by: ConvenorId(9999),
                ..nowhere
            })
            .await,
        Err(StoreError::NotFound(Entity::Convenor))
    ));
    assert!(matches!(
        store.list_convenor_invitations(PartnershipId(9999)).await,
        Err(StoreError::NotFound(Entity::Partnership))
    ));

    // Expired.
    let (expired, token) = invite(store, north, lead, None).await;
    assert!(matches!(
        store
            .accept_convenor_invitation(&token, new_account("late@example.org"), T0 + WEEK)
            .await,
        Err(StoreError::InvitationExpired)
    ));
    assert_unchanged(store, &expired, 1).await;

    // Revoked, once: revoking again keeps the first time.
    let (pending, token) = invite(store, north, lead, None).await;
    let revoked = store
        .revoke_convenor_invitation(pending.id, T0 + 2)
        .await
        .unwrap();
    assert_eq!(revoked.revoked_at, Some(T0 + 2));
    assert_eq!(
        store
            .revoke_convenor_invitation(pending.id, T0 + 3)
            .await
            .unwrap(),
        revoked
    );
    assert!(matches!(
        store
            .accept_convenor_invitation(&token, new_account("late@example.org"), T0 + 4)
            .await,
        Err(StoreError::InvitationRevoked)
    ));
    assert_unchanged(store, &revoked, 1).await;

    // An email already in use, and an unknown account: refused whole, still pending.
    let (pending, token) = invite(store, north, lead, None).await;
    assert!(matches!(
        store
            .accept_convenor_invitation(&token, new_account("LEAD@example.org"), T0 + 5)
            .await,
        Err(StoreError::Duplicate { .. })
    ));
    assert!(matches!(
        store
            .accept_convenor_invitation(
                &token,
                AcceptInvitation::Existing(ConvenorId(9999)),
                T0 + 5
            )
            .await,
        Err(StoreError::NotFound(Entity::Convenor))
    ));
    assert_unchanged(store, &pending, 1).await;

    // Used: a second acceptance and a revocation are refused.
    let (accepted, account) = store
        .accept_convenor_invitation(&token, new_account("co@example.org"), T0 + 6)
        .await
        .unwrap();
    assert!(matches!(
        store
            .accept_convenor_invitation(&token, new_account("other@example.org"), T0 + 7)
            .await,
        Err(StoreError::InvitationUsed)
    ));
    assert!(matches!(
        store.revoke_convenor_invitation(accepted.id, T0 + 8).await,
        Err(StoreError::InvitationUsed)
    ));
    assert_eq!(
        store.get_convenor_invitation(accepted.id).await.unwrap(),
        accepted
    );
    assert_eq!(accepted.accepted_by, Some(account.id));
    assert_eq!(store.list_convenors().await.unwrap().len(), 2);
    assert_eq!(
        store.list_convenor_invitations(north).await.unwrap().len(),
        3
    );
}

pub async fn of_two_concurrent_convenor_acceptances_exactly_one_wins(db: &TestDb) {
    let store = db.store();
    let (north, lead) = setting(store).await;
    let (invitation, token) = invite(store, north, lead, None).await;
    let attempts: Vec<_> = ["first@example.org", "second@example.org"]
        .into_iter()
        .map(|email| {
            let store = db.shared();
            let token = token.clone();
            tokio::spawn(async move {
                store
                    .accept_convenor_invitation(&token, new_account(email), T0 + 1)
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
    assert_eq!((won.len(), refused), (1, 1), "exactly one acceptance wins");
    assert_eq!(store.list_convenors().await.unwrap().len(), 2);
    let members = store.list_partnership_members(north).await.unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[1].id, won[0].id);
    let accepted = store.get_convenor_invitation(invitation.id).await.unwrap();
    assert_eq!(accepted.accepted_by, Some(won[0].id));
}
