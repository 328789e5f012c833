//! Opening stores by URL, as the binary does.

use model::{PartnershipName, Purpose};
use store::{Backend, NewPartnership, StoreError, connect};

#[tokio::test]
async fn sqlite_urls_and_paths_open_working_stores() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("by-url.db");
    let urls = [
        "sqlite::memory:".to_owned(),
        format!("sqlite:{}", path.display()),
        format!("sqlite://{}", path.display()),
        path.display().to_string(),
    ];
    for url in &urls {
        let store = connect(url).await.unwrap();
        assert_eq!(store.backend(), Backend::Sqlite);
        store.check_health().await.unwrap();
        store
            .create_partnership(NewPartnership {
                name: PartnershipName::parse("By URL").unwrap(),
                purpose: Purpose::parse("").unwrap(),
                created_at: 0,
                convenor: None,
            })
            .await
            .unwrap();
        store.close().await;
    }
    // The three file URLs named the same file, which kept what each wrote.
    let reopened = connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    assert_eq!(reopened.list_partnerships().await.unwrap().len(), 3);
}

#[tokio::test]
async fn other_schemes_are_refused() {
    let refused = connect("mysql://localhost/cg").await;
    assert!(matches!(refused, Err(StoreError::Invalid(_))));
}
