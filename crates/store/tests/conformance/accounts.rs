//! Convenor accounts and sessions.

use model::{ConvenorId, Email, Password, Token};
use store::{Entity, StoreError};

use crate::support::{T0, TestDb, hash, new_convenor};

pub async fn convenor_emails_are_unique_ignoring_case(db: &TestDb) {
    let store = db.store();
    let ada = store
        .create_convenor(new_convenor("Ada@Example.org"))
        .await
        .unwrap();
    assert_eq!(ada.email.as_str(), "ada@example.org");
    assert!(ada.may_convene, "accounts made directly may convene");
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
