//! Partnerships, partners, convenors and sessions.

use model::{ConvenorId, Email, PartnerName, PartnershipId, Password, PasswordHash, Sector, Token};
use store::{Entity, NewConvenor, NewPartner, StoreError};

use crate::support::{T0, TestDb, partnership};

fn hash(password: &str) -> PasswordHash {
    PasswordHash::create(&Password::parse(password).unwrap(), &[9; 16]).unwrap()
}

fn new_convenor(email: &str) -> NewConvenor {
    NewConvenor {
        email: Email::parse(email).unwrap(),
        password_hash: hash("a long enough password"),
        is_admin: false,
        created_at: T0,
    }
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

pub async fn convenor_emails_are_unique_ignoring_case(db: &TestDb) {
    let store = db.store();
    let ada = store
        .create_convenor(new_convenor("Ada@Example.org"))
        .await
        .unwrap();
    assert_eq!(ada.email.as_str(), "ada@example.org");
    let again = store.create_convenor(new_convenor("ADA@example.ORG")).await;
    assert!(matches!(
        again,
        Err(StoreError::Duplicate {
            entity: Entity::Convenor,
            field: "email"
        })
    ));
    store
        .create_convenor(new_convenor("grace@example.org"))
        .await
        .unwrap();
    assert_eq!(store.list_convenors().await.unwrap().len(), 2);

    let found = store
        .find_convenor_by_email(&Email::parse("ADA@EXAMPLE.ORG").unwrap())
        .await
        .unwrap()
        .expect("found ignoring case");
    assert_eq!(found.convenor, ada);
    assert!(
        found
            .password_hash
            .verify(&Password::parse("a long enough password").unwrap())
    );
    assert!(
        store
            .find_convenor_by_email(&Email::parse("nobody@example.org").unwrap())
            .await
            .unwrap()
            .is_none()
    );

    store
        .set_convenor_password(ada.id, &hash("another long password"))
        .await
        .unwrap();
    store.set_convenor_admin(ada.id, true).await.unwrap();
    let found = store
        .find_convenor_by_email(&ada.email)
        .await
        .unwrap()
        .unwrap();
    assert!(found.convenor.is_admin);
    assert!(
        found
            .password_hash
            .verify(&Password::parse("another long password").unwrap())
    );
    assert!(
        !found
            .password_hash
            .verify(&Password::parse("a long enough password").unwrap())
    );
    assert!(matches!(
        store.set_convenor_admin(ConvenorId(9999), true).await,
        Err(StoreError::NotFound(Entity::Convenor))
    ));
}

pub async fn sessions_end_when_they_expire_or_are_deleted(db: &TestDb) {
    let store = db.store();
    let ada = store
        .create_convenor(new_convenor("ada@example.org"))
        .await
        .unwrap();
    let short = store.create_session(ada.id, T0, T0 + 1000).await.unwrap();
    let long = store.create_session(ada.id, T0, T0 + 5000).await.unwrap();
    assert_ne!(short, long);

    let session = store
        .find_session(&short, T0 + 999)
        .await
        .unwrap()
        .expect("still valid");
    assert_eq!(session.convenor, ada.id);
    assert_eq!(session.expires_at, T0 + 1000);
    assert!(
        store
            .find_session(&short, T0 + 1000)
            .await
            .unwrap()
            .is_none()
    );
    // A token that was never issued finds nothing.
    let stranger = Token::from_bytes([1; 32]);
    assert!(store.find_session(&stranger, T0).await.unwrap().is_none());

    assert_eq!(store.delete_expired_sessions(T0 + 1000).await.unwrap(), 1);
    assert!(
        store
            .find_session(&long, T0 + 1000)
            .await
            .unwrap()
            .is_some()
    );
    assert!(store.delete_session(&long).await.unwrap());
    assert!(!store.delete_session(&long).await.unwrap());
    assert!(store.find_session(&long, T0).await.unwrap().is_none());

    store.create_session(ada.id, T0, T0 + 10).await.unwrap();
    store.create_session(ada.id, T0, T0 + 10).await.unwrap();
    assert_eq!(store.delete_convenor_sessions(ada.id).await.unwrap(), 2);
    assert!(matches!(
        store.create_session(ConvenorId(9999), T0, T0 + 10).await,
        Err(StoreError::NotFound(Entity::Convenor))
    ));
}
