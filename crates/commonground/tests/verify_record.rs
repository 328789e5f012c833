//! `commonground verify-record` on a real SQLite database: an untouched record verifies, and a
//! changed or removed entry is reported with the partnership and the entry, with exit code 1.

#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

use std::process::{Command, Output};

use model::{Email, PartnerName, PartnershipName, Password, PasswordHash, Purpose, Sector};
use sqlx::Connection as _;
use store::{NewConvenor, NewPartner, NewPartnership, NewStance, NewVersion, Phase, StoredStance};

const T0: i64 = 1_700_000_000_000;

fn verify_record(database: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commonground"))
        .args(["verify-record", "--database", database])
        .env_remove("COMMONGROUND_DATABASE")
        .output()
        .unwrap()
}

/// A partnership whose record holds a drafted objective, its move to the partners and a stance.
async fn fill(database: &str) {
    let store = store::connect(database).await.unwrap();
    let lead = store
        .create_convenor(NewConvenor {
            email: Email::parse("lead@example.org").unwrap(),
            password_hash: PasswordHash::create(
                &Password::parse("a long enough password").unwrap(),
                &[7; model::password::SALT_BYTES],
            )
            .unwrap(),
            is_admin: false,
            may_convene: true,
            created_at: T0,
        })
        .await
        .unwrap();
    let north = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse("North").unwrap(),
            purpose: Purpose::parse("Healthy ageing").unwrap(),
            created_at: T0,
            convenor: Some(lead.id),
        })
        .await
        .unwrap();
    let carers = store
        .create_partner(NewPartner {
            partnership: north.id,
            name: PartnerName::parse("Carers Together").unwrap(),
            sector: Sector::Voluntary,
            created_at: T0,
        })
        .await
        .unwrap();
    let objective = store
        .create_objective(
            north.id,
            NewVersion {
                title: "Evening clinics".to_owned(),
                body: "Two evening clinics a week in every neighbourhood.".to_owned(),
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
        .record_stance(NewStance {
            objective: objective.id,
            version: 1,
            partner: carers.id,
            stance: Some(StoredStance::Endorse),
            reason: None,
            amendment: None,
            actor: lead.id,
            now: T0 + 2,
        })
        .await
        .unwrap();
    store.close().await;
}

async fn execute(database: &str, sql: &'static str) {
    let mut conn = sqlx::SqliteConnection::connect(database).await.unwrap();
    sqlx::query(sql).execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test]
async fn a_changed_or_removed_entry_is_reported() {
    let folder = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", folder.path().join("record.db").display());
    fill(&database).await;

    let intact = verify_record(&database);
    assert!(intact.status.success(), "{}", text(&intact.stderr));
    assert_eq!(
        text(&intact.stdout),
        "ok      partnership 1 (North): 3 entries\n"
    );

    execute(
        &database,
        "UPDATE record_entries SET payload = replace(payload, 'Evening', 'Morning') \
         WHERE sequence = 1",
    )
    .await;
    let changed = verify_record(&database);
    assert_eq!(changed.status.code(), Some(1));
    assert_eq!(
        text(&changed.stdout),
        "BROKEN  partnership 1 (North): entry 1 does not match its hash: it, or an entry before \
         it, was changed\n"
    );
    assert!(text(&changed.stderr).contains("1 of 1 record is broken"));

    execute(
        &database,
        "UPDATE record_entries SET payload = replace(payload, 'Morning', 'Evening') \
         WHERE sequence = 1",
    )
    .await;
    execute(&database, "DELETE FROM record_entries WHERE sequence = 3").await;
    let truncated = verify_record(&database);
    assert_eq!(truncated.status.code(), Some(1));
    assert!(
        text(&truncated.stdout).contains("the record ends at entry 2, not at the head recorded"),
        "{}",
        text(&truncated.stdout)
    );
}
