//! Databases for the conformance suite: a SQLite file in a temporary folder, and a fresh
//! PostgreSQL database per test (nextest runs tests in parallel processes) created next to the
//! one named by `TEST_PG_URL` or `DATABASE_URL`, dropped when the test ends.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use model::{
    ConstituencyName, Description, DialogueQuestion, DialogueTitle, Email, ModerationPolicy,
    PartnershipName, Password, PasswordHash, Purpose, ReportVisibility, StatementText,
};
use rand::TryRngCore as _;
use sqlx::Connection as _;
use store::{
    Dialogue, DialogueSettings, NewConstituency, NewConvenor, NewDialogue, NewPartnership, PgStore,
    SqliteLocation, SqliteStore, Store,
};

/// Where a test's database lives, and how to open another store on it.
enum Location {
    Sqlite {
        path: std::path::PathBuf,
        _folder: tempfile::TempDir,
    },
    Postgres {
        admin_url: String,
        url: String,
        name: String,
    },
}

/// A store on a database of its own, removed when dropped.
pub struct TestDb {
    store: Arc<dyn Store>,
    location: Location,
}

impl TestDb {
    /// Returns the store.
    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// Returns the store as a shared handle, for tasks that run concurrently.
    pub fn shared(&self) -> Arc<dyn Store> {
        Arc::clone(&self.store)
    }

    /// Opens a second, independent store on the same database, as a second server instance
    /// would.
    pub async fn open_another(&self) -> Arc<dyn Store> {
        match &self.location {
            Location::Sqlite { path, .. } => Arc::new(
                SqliteStore::open(SqliteLocation::File(path.clone()))
                    .await
                    .expect("second SQLite store opens"),
            ),
            Location::Postgres { url, .. } => Arc::new(
                PgStore::connect(url)
                    .await
                    .expect("second PostgreSQL store connects"),
            ),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Location::Postgres {
            admin_url, name, ..
        } = &self.location
        {
            let admin_url = admin_url.clone();
            let database = name.clone();
            // Async work cannot run in `drop`, so a short-lived runtime on its own thread drops
            // the database; `WITH (FORCE)` ends the store's connections.
            let dropped = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(async {
                    let mut admin = sqlx::PgConnection::connect(&admin_url).await?;
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {database} WITH (FORCE)"
                    )))
                    .execute(&mut admin)
                    .await?;
                    admin.close().await
                })
            })
            .join();
            if !matches!(dropped, Ok(Ok(()))) {
                eprintln!("could not drop test database {name}");
            }
        }
    }
}

/// Opens a fresh SQLite database in a temporary folder.
pub async fn sqlite() -> TestDb {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("store.db");
    let store = SqliteStore::open(SqliteLocation::File(path.clone()))
        .await
        .expect("SQLite store opens");
    TestDb {
        store: Arc::new(store),
        location: Location::Sqlite {
            path,
            _folder: folder,
        },
    }
}

/// Returns the PostgreSQL URL to test against, or `None` after saying the tests skip. With
/// `CI` set, a missing URL fails the test instead: CI must never skip these.
fn postgres_url() -> Option<String> {
    let url = std::env::var("TEST_PG_URL")
        .ok()
        .or_else(|| std::env::var("DATABASE_URL").ok())
        .filter(|url| url.starts_with("postgres://") || url.starts_with("postgresql://"));
    if url.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but neither TEST_PG_URL nor DATABASE_URL names a PostgreSQL database; \
             run `eval \"$(bash .ci/pg-start.sh)\"` first"
        );
        eprintln!(
            "skipping the PostgreSQL conformance test: set TEST_PG_URL (or DATABASE_URL) to run it"
        );
    }
    url
}

/// Replaces the database name in a PostgreSQL URL.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let mut replaced = format!("{}/{database}", &base[..authority_end]);
    if let Some(query) = query {
        replaced.push('?');
        replaced.push_str(query);
    }
    replaced
}

static DATABASES: AtomicU32 = AtomicU32::new(0);

/// Creates a fresh PostgreSQL database for one test, or returns `None` when the tests skip.
pub async fn postgres() -> Option<TestDb> {
    let base_url = postgres_url()?;
    let mut random = [0u8; 4];
    rand::rngs::OsRng
        .try_fill_bytes(&mut random)
        .expect("random bytes");
    let name = format!(
        "cg_store_{}_{}_{}",
        std::process::id(),
        DATABASES.fetch_add(1, Ordering::Relaxed),
        u32::from_le_bytes(random)
    );
    let admin_url = base_url.clone();
    let mut admin = sqlx::PgConnection::connect(&admin_url)
        .await
        .expect("PostgreSQL at TEST_PG_URL answers");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("test database is created");
    admin.close().await.expect("admin connection closes");
    let url = with_database(&base_url, &name);
    let store = PgStore::connect(&url)
        .await
        .expect("PostgreSQL store connects");
    Some(TestDb {
        store: Arc::new(store),
        location: Location::Postgres {
            admin_url,
            url,
            name,
        },
    })
}

/// Milliseconds since the epoch at which tests pretend to run.
pub const T0: i64 = 1_700_000_000_000;

/// Creates a partnership named `name`.
pub async fn partnership(store: &dyn Store, name: &str) -> store::Partnership {
    store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse(name).unwrap(),
            purpose: Purpose::parse("Healthier lives together").unwrap(),
            created_at: T0,
            convenor: None,
        })
        .await
        .unwrap()
}

/// Hashes a password for a test account.
pub fn hash(password: &str) -> PasswordHash {
    PasswordHash::create(&Password::parse(password).unwrap(), &[9; 16]).unwrap()
}

/// A convenor account to create, who may convene.
pub fn new_convenor(email: &str) -> NewConvenor {
    NewConvenor {
        email: Email::parse(email).unwrap(),
        password_hash: hash("a long enough password"),
        is_admin: false,
        may_convene: true,
        created_at: T0,
    }
}

/// Settings for a test dialogue.
pub fn settings(moderation: ModerationPolicy) -> DialogueSettings {
    DialogueSettings {
        title: DialogueTitle::parse("Healthy streets").unwrap(),
        question: DialogueQuestion::parse("How should our streets change?").unwrap(),
        description: Description::parse("").unwrap(),
        allow_participant_statements: true,
        moderation,
        report_visibility: ReportVisibility::Public,
    }
}

/// A constituency to create.
pub fn constituency(name: &str) -> NewConstituency {
    NewConstituency {
        name: ConstituencyName::parse(name).unwrap(),
        expected_share: None,
        kind: None,
    }
}

/// Creates a dialogue in a fresh partnership with the given seeds and constituencies.
pub async fn dialogue(
    store: &dyn Store,
    moderation: ModerationPolicy,
    seeds: &[&str],
    constituencies: &[&str],
) -> Dialogue {
    let partnership = partnership(store, "Northtown Health Partnership").await;
    store
        .create_dialogue(NewDialogue {
            partnership: partnership.id,
            settings: settings(moderation),
            constituencies: constituencies
                .iter()
                .map(|name| constituency(name))
                .collect(),
            seed_statements: seeds
                .iter()
                .map(|seed| StatementText::parse(seed).unwrap())
                .collect(),
            schedule: model::DialogueSchedule::NONE,
            created_by: None,
            created_at: T0,
        })
        .await
        .unwrap()
}

#[test]
fn database_names_are_replaced_in_urls() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/test", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgresql://u:p@h/db?sslmode=disable", "y"),
        "postgresql://u:p@h/y?sslmode=disable"
    );
    assert_eq!(
        with_database("postgres://h:5432", "z"),
        "postgres://h:5432/z"
    );
}
