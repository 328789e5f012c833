//! SQLite databases written by an earlier version: upgrading one keeps every row, and an upgrade
//! that cannot finish leaves the database as it was.
//!
//! These cases build a database at the first migration with raw SQL, as the first release left
//! it, then open it with the store, which applies the later migrations (the second rebuilds
//! three tables, the third adds the partnerships' columns and tables).

use std::collections::BTreeMap;
use std::path::Path;

use model::{ConvenorId, DialogueId, ParticipantId};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqliteJournalMode};
use sqlx::{Connection as _, SqlSafeStr as _};
use store::prelude::*;
use store::{NewParticipant, SqliteLocation, SqliteStore, StoreError};

use crate::support::T0;

/// The tables whose ids must never be reused, rebuilt by the second migration.
const REBUILT_TABLES: [&str; 3] = ["participants", "statements", "vote_events"];

/// The columns later migrations add to existing tables: the third (partnerships), the fifth
/// (weighting), the seventh (dialogue schedule), the eighth (moderation reasons), the ninth
/// (settlements), the eleventh (outcomes published), the sixteenth (vote channels) and the
/// nineteenth (rounds); the twelfth (priorities), fourteenth (trust) and fifteenth (system maps)
/// only add tables, and the thirteenth (priority results visibility) adds a column to one of
/// those.
const ADDED_COLUMNS: [(&str, &str); 19] = [
    ("convenors", "may_convene INTEGER NOT NULL DEFAULT 1"),
    (
        "dialogues",
        "shared_with_partners INTEGER NOT NULL DEFAULT 0",
    ),
    ("partners", "archived_at INTEGER"),
    (
        "dialogues",
        "weighting TEXT\n    CHECK (weighting IN ('head_count', 'equal', 'frame'))",
    ),
    (
        "constituencies",
        "population_share REAL\n    CHECK (population_share >= 0 AND population_share <= 1)",
    ),
    (
        "partnerships",
        "decision_rule TEXT NOT NULL DEFAULT 'consent'",
    ),
    ("partnerships", "quorum_percent INTEGER NOT NULL DEFAULT 50"),
    ("partnerships", "record_length INTEGER NOT NULL DEFAULT 0"),
    ("partnerships", "record_head TEXT"),
    ("statements", "rejection_reason TEXT"),
    ("partnerships", "outcomes_published_at INTEGER"),
    (
        "partnerships",
        "outcomes_published_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL",
    ),
    ("partnerships", "calendar_token_hash BLOB"),
    ("dialogues", "opens_at INTEGER"),
    ("dialogues", "closes_at INTEGER"),
    (
        "votes",
        "channel SMALLINT NOT NULL DEFAULT 0 CHECK (channel IN (0, 1, 2))",
    ),
    (
        "vote_events",
        "channel SMALLINT NOT NULL DEFAULT 0 CHECK (channel IN (0, 1, 2))",
    ),
    (
        "dialogues",
        "current_round INTEGER NOT NULL DEFAULT 1 CHECK (current_round >= 1)",
    ),
    (
        "vote_events",
        "round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1)",
    ),
];

/// The tables and indexes the third migration creates.
const CREATED_BY_PARTNERSHIPS: [&str; 8] = [
    "partner_invitations",
    "partner_invitations_by_acceptor",
    "partner_invitations_by_creator",
    "partner_invitations_by_partner",
    "partner_representatives",
    "partner_representatives_by_convenor",
    "partner_representatives_current",
    "sqlite_autoindex_partner_invitations_1",
];

/// The tables and indexes the settlements' migration creates.
const CREATED_BY_SETTLEMENTS: [&str; 20] = [
    "action_notes",
    "action_notes_by_action",
    "action_notes_by_recorder",
    "action_partners",
    "action_partners_by_partner",
    "actions",
    "actions_by_objective",
    "actions_by_owner",
    "objective_stances",
    "objective_stances_by_objective",
    "objective_stances_by_partner",
    "objective_stances_by_recorder",
    "objective_versions",
    "objective_versions_by_creator",
    "objectives",
    "objectives_by_partnership",
    "record_entries",
    "sqlite_autoindex_action_partners_1",
    "sqlite_autoindex_objective_versions_1",
    "sqlite_autoindex_record_entries_1",
];

/// The table and index the shared limits' migration creates.
const CREATED_BY_SHARED_LIMITS: [&str; 2] = ["rate_allowances", "rate_allowances_by_full_at"];

/// The table and index the group labels' migration creates.
const CREATED_BY_GROUP_LABELS: [&str; 2] = ["group_labels", "sqlite_autoindex_group_labels_1"];

/// The table and indexes the convenor invitations' migration creates.
const CREATED_BY_CONVENOR_INVITATIONS: [&str; 5] = [
    "convenor_invitations",
    "convenor_invitations_by_acceptor",
    "convenor_invitations_by_creator",
    "convenor_invitations_by_partnership",
    "sqlite_autoindex_convenor_invitations_1",
];
/// The tables and indexes the facilitation migration creates.
const CREATED_BY_FACILITATION: [&str; 8] = [
    "dialogue_facilitators",
    "dialogue_facilitators_by_convenor",
    "facilitator_invitations",
    "facilitator_invitations_by_acceptor",
    "facilitator_invitations_by_creator",
    "facilitator_invitations_by_dialogue",
    "sqlite_autoindex_dialogue_facilitators_1",
    "sqlite_autoindex_facilitator_invitations_1",
];
/// The tables and indexes the moderators' migration creates.
const CREATED_BY_MODERATORS: [&str; 8] = [
    "dialogue_moderators",
    "dialogue_moderators_by_convenor",
    "moderator_invitations",
    "moderator_invitations_by_acceptor",
    "moderator_invitations_by_creator",
    "moderator_invitations_by_dialogue",
    "sqlite_autoindex_dialogue_moderators_1",
    "sqlite_autoindex_moderator_invitations_1",
];
/// The tables and indexes the translations' migration creates.
const CREATED_BY_TRANSLATIONS: [&str; 9] = [
    "objective_languages",
    "objective_translations",
    "objective_translations_by_adder",
    "priority_list_languages",
    "priority_option_versions",
    "priority_option_versions_by_adder",
    "priority_option_versions_by_list",
    "sqlite_autoindex_objective_translations_1",
    "sqlite_autoindex_priority_option_versions_1",
];
/// The tables and indexes the safeguarding migration creates.
const CREATED_BY_SAFEGUARDING: [&str; 10] = [
    "moderation_decisions",
    "moderation_decisions_by_partnership",
    "moderation_decisions_by_statement",
    "partnership_safeguarding",
    "safeguarding_findings",
    "safeguarding_findings_by_statement",
    "sqlite_autoindex_statement_flags_1",
    "statement_flags",
    "statement_flags_by_participant",
    "statement_originals",
];

/// The tables and indexes the rounds' migration creates.
const CREATED_BY_ROUNDS: [&str; 5] = [
    "dialogue_rounds",
    "dialogue_rounds_by_starter",
    "round_votes",
    "round_votes_by_participant",
    "round_votes_by_statement",
];

/// The tables and indexes the versions' migration creates.
const CREATED_BY_VERSIONS: [&str; 7] = [
    "dialogue_languages",
    "sqlite_autoindex_statement_versions_1",
    "statement_languages",
    "statement_languages_by_dialogue",
    "statement_versions",
    "statement_versions_by_adder",
    "statement_versions_by_dialogue",
];
/// The index the outcomes' migration creates.
const CREATED_BY_OUTCOMES: [&str; 1] = ["partnerships_by_outcomes_publisher"];

/// The tables and indexes the priorities' migration creates.
const CREATED_BY_PRIORITIES: [&str; 25] = [
    "comparisons",
    "comparisons_by_left_option",
    "comparisons_by_list",
    "comparisons_by_right_option",
    "comparisons_once_per_pair",
    "priority_constituencies",
    "priority_lists",
    "priority_lists_by_creator",
    "priority_lists_by_dialogue",
    "priority_lists_by_partnership",
    "priority_options",
    "priority_options_by_author",
    "priority_options_by_list",
    "priority_options_by_near_duplicate",
    "priority_options_by_statement",
    "priority_participant_constituencies",
    "priority_participant_constituencies_by_constituency",
    "priority_participants",
    "priority_participants_by_dialogue_participant",
    "sqlite_autoindex_comparisons_1",
    "sqlite_autoindex_priority_constituencies_1",
    "sqlite_autoindex_priority_options_1",
    "sqlite_autoindex_priority_participant_constituencies_1",
    "sqlite_autoindex_priority_participants_1",
    "sqlite_autoindex_priority_participants_2",
];

/// The tables and indexes the trust survey's migration creates.
const CREATED_BY_TRUST: [&str; 9] = [
    "sqlite_autoindex_trust_ratings_1",
    "sqlite_autoindex_trust_responses_1",
    "trust_ratings",
    "trust_ratings_by_ratee",
    "trust_responses",
    "trust_responses_by_rater",
    "trust_waves",
    "trust_waves_by_creator",
    "trust_waves_by_partnership",
];

/// The tables and indexes the system maps' migration creates.
const CREATED_BY_SYSTEM_MAPS: [&str; 25] = [
    "map_action_pins",
    "map_action_pins_by_factor",
    "map_action_pins_by_pinner",
    "map_factors",
    "map_factors_by_owner",
    "map_factors_by_proposed_for",
    "map_factors_by_proposer",
    "map_judgments",
    "map_judgments_by_participant",
    "map_judgments_by_partner",
    "map_judgments_by_recorder",
    "map_links",
    "map_links_by_from",
    "map_links_by_proposed_for",
    "map_links_by_proposer",
    "map_links_by_to",
    "sqlite_autoindex_map_action_pins_1",
    "sqlite_autoindex_map_factors_1",
    "sqlite_autoindex_map_judgments_1",
    "sqlite_autoindex_map_judgments_2",
    "sqlite_autoindex_map_links_1",
    "system_maps",
    "system_maps_by_creator",
    "system_maps_by_dialogue",
    "system_maps_by_partnership",
];

/// Opens a raw connection to the file, with foreign keys as the caller asks.
async fn connect(path: &Path, foreign_keys: bool) -> SqliteConnection {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(foreign_keys);
    SqliteConnection::connect_with(&options).await.unwrap()
}

/// Creates a database at the first migration, recorded exactly as the first release recorded
/// it, so that the store sees the later migrations as pending.
async fn database_at_first_migration(path: &Path) {
    let mut conn = connect(path, true).await;
    let first = Migration::new(
        1,
        "initial".into(),
        MigrationType::Simple,
        include_str!("../../migrations/sqlite/0001_initial.sql").into_sql_str(),
        false,
    );
    Migrator::with_migrations(vec![first])
        .run(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
}

/// Runs statements one by one on the connection.
async fn execute_all(conn: &mut SqliteConnection, statements: &[&str]) {
    for statement in statements {
        sqlx::query(sqlx::AssertSqlSafe(*statement))
            .execute(&mut *conn)
            .await
            .unwrap_or_else(|error| panic!("{statement}: {error}"));
    }
}

/// Fills a first-migration database with a dialogue in use: participants with memberships
/// (participant 4 erased, so ids have a gap), seeds and participant statements (one a near
/// duplicate, one imported), the vote history with idempotency keys, the latest votes, a
/// snapshot, and a convenor with a session.
async fn fill(conn: &mut SqliteConnection) {
    execute_all(
        conn,
        &[
            "INSERT INTO partnerships (id, name, purpose, created_at) \
             VALUES (1, 'Northtown', 'Healthier lives', 1)",
            "INSERT INTO partners (partnership_id, name, sector, created_at) \
             VALUES (1, 'Northtown Clinic', 'health', 1)",
            "INSERT INTO convenors (id, email, password_hash, is_admin, created_at) \
             VALUES (1, 'lead@example.org', 'hash', 1, 1)",
            "INSERT INTO partnership_members (partnership_id, convenor_id) VALUES (1, 1)",
            "INSERT INTO sessions (token_hash, convenor_id, created_at, expires_at) \
             VALUES (X'0102', 1, 1, 99)",
            "INSERT INTO dialogues (id, partnership_id, title, question, description, \
             allow_participant_statements, moderation, report_visibility, is_open, created_by, \
             external_id, created_at, revision) \
             VALUES (1, 1, 'Streets', 'How?', '', 1, 'post', 'public', 1, 1, NULL, 1, 17)",
            "INSERT INTO constituencies (id, dialogue_id, name, expected_share, kind) \
             VALUES (1, 1, 'Carer', 0.25, NULL), (2, 1, 'Resident', NULL, NULL)",
            "INSERT INTO participants (id, dialogue_id, token_hash, external_id, created_at) \
             VALUES (1, 1, X'AA01', NULL, 10), (2, 1, X'AA02', NULL, 11), \
             (3, 1, NULL, 'imported-3', 12), (5, 1, X'AA05', NULL, 14)",
            "INSERT INTO participant_constituencies (participant_id, constituency_id) \
             VALUES (1, 1), (1, 2), (2, 2), (5, 1)",
            "INSERT INTO statements (id, dialogue_id, text, normalized_text, is_seed, is_meta, \
             moderation, author_id, near_duplicate_of, external_id, created_at) VALUES \
             (1, 1, 'Wider pavements', 'wider pavements', 1, 0, 'accepted', NULL, NULL, NULL, 2), \
             (2, 1, 'More benches', 'more benches', 0, 0, 'accepted', 1, NULL, NULL, 20), \
             (3, 1, 'More benches please', 'more benches please', 0, 0, 'pending', 2, 2, NULL, 21), \
             (4, 1, 'Slower traffic', 'slower traffic', 0, 1, 'rejected', 5, NULL, 's-4', 22)",
            "INSERT INTO vote_events (id, dialogue_id, participant_id, statement_id, choice, \
             cast_at, idempotency_key) VALUES \
             (1, 1, 1, 1, 1, 30, 'k1'), (2, 1, 1, 1, -1, 31, 'k2'), (3, 1, 2, 1, 0, 32, NULL), \
             (4, 1, 2, 2, 1, 33, NULL), (5, 1, 5, 1, 1, 34, 'k1'), (6, 1, 5, 2, -1, 35, NULL)",
            "INSERT INTO votes (participant_id, statement_id, dialogue_id, choice, cast_at) \
             VALUES (1, 1, 1, -1, 31), (2, 1, 1, 0, 32), (2, 2, 1, 1, 33), (5, 1, 1, 1, 34), \
             (5, 2, 1, -1, 35)",
            "INSERT INTO analysis_snapshots (dialogue_id, version, revision, computed_at, \
             n_votes, result_json, engine_state) VALUES (1, 1, 16, 40, 5, '{}', X'00FF')",
        ],
    )
    .await;
}

/// Every table's columns, except the migrations' bookkeeping.
async fn columns(conn: &mut SqliteConnection) -> BTreeMap<String, Vec<String>> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT IN ('sqlite_sequence', '_sqlx_migrations') ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    let mut all = BTreeMap::new();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(&table)
                .fetch_all(&mut *conn)
                .await
                .unwrap();
        all.insert(table, columns);
    }
    all
}

/// Every row of the given tables, in the given columns, each row rendered with `quote()` so
/// that types and blobs compare exactly, sorted.
async fn rows(
    conn: &mut SqliteConnection,
    tables: &BTreeMap<String, Vec<String>>,
) -> BTreeMap<String, Vec<String>> {
    let mut all = BTreeMap::new();
    for (table, columns) in tables {
        let rendered = columns
            .iter()
            .map(|column| format!("quote(\"{column}\")"))
            .collect::<Vec<_>>()
            .join(" || ', ' || ");
        let sql = format!("SELECT {rendered} FROM \"{table}\" ORDER BY 1");
        let table_rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await
            .unwrap();
        all.insert(table.clone(), table_rows);
    }
    all
}

/// The schema: every table and index by name, with the statement that created it (`None` for
/// the indexes SQLite makes for UNIQUE constraints), without the migrations' bookkeeping.
async fn schema(conn: &mut SqliteConnection) -> BTreeMap<String, Option<String>> {
    let entries: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE '%sqlx_migrations%' \
         AND name <> 'sqlite_sequence'",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    entries.into_iter().collect()
}

async fn applied_migrations(conn: &mut SqliteConnection) -> Vec<(i64, bool)> {
    sqlx::query_as("SELECT version, success FROM _sqlx_migrations ORDER BY version")
        .fetch_all(&mut *conn)
        .await
        .unwrap()
}

async fn largest_id(conn: &mut SqliteConnection, table: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT MAX(id) FROM {table}")))
        .fetch_one(&mut *conn)
        .await
        .unwrap()
}

/// Returns the creating statement as the first migration wrote it: the rebuilt table's name
/// as SQLite quotes it after the rename, and AUTOINCREMENT, are taken out.
fn as_first_written(sql: &str) -> String {
    sql.replace('"', "").replace(" AUTOINCREMENT", "")
}

async fn open(path: &Path) -> Result<SqliteStore, StoreError> {
    SqliteStore::open(SqliteLocation::File(path.to_path_buf())).await
}

#[tokio::test]
async fn upgrading_keeps_every_row_and_stops_reusing_ids() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("upgraded.db");
    database_at_first_migration(&path).await;
    let mut conn = connect(&path, true).await;
    fill(&mut conn).await;
    let columns_before = columns(&mut conn).await;
    let rows_before = rows(&mut conn, &columns_before).await;
    let schema_before = schema(&mut conn).await;
    conn.close().await.unwrap();
    assert_eq!(rows_before["votes"].len(), 5);
    assert_eq!(rows_before["vote_events"].len(), 6);

    let store = open(&path).await.unwrap();
    store.close().await;

    let mut conn = connect(&path, true).await;
    assert_eq!(
        applied_migrations(&mut conn).await,
        [
            (1, true),
            (2, true),
            (3, true),
            (4, true),
            (5, true),
            (6, true),
            (7, true),
            (8, true),
            (9, true),
            (10, true),
            (11, true),
            (12, true),
            (13, true),
            (14, true),
            (15, true),
            (16, true),
            (17, true),
            (18, true),
            (19, true),
            (20, true),
            (21, true)
        ]
    );
    // Upgraded dialogues keep the default weighting and no population shares.
    let weightings: Vec<Option<String>> = sqlx::query_scalar("SELECT weighting FROM dialogues")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert!(!weightings.is_empty() && weightings.iter().all(Option::is_none));
    // Upgraded dialogues have no opening or closing time.
    let times: Vec<(Option<i64>, Option<i64>)> =
        sqlx::query_as("SELECT opens_at, closes_at FROM dialogues")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    assert!(!times.is_empty() && times.iter().all(|time| *time == (None, None)));
    let shares: Vec<Option<f64>> =
        sqlx::query_scalar("SELECT population_share FROM constituencies")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    assert!(shares.iter().all(Option::is_none));
    // Dropping the old tables cascaded to nothing: every row of every table is still there,
    // ids and references included.
    assert_eq!(rows(&mut conn, &columns_before).await, rows_before);
    // No partner is archived by the upgrade, and the new tables start empty.
    let archived: Vec<Option<i64>> = sqlx::query_scalar("SELECT archived_at FROM partners")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(archived, [None]);
    for table in [
        "partner_invitations",
        "partner_representatives",
        "objectives",
        "objective_stances",
        "actions",
        "record_entries",
        "convenor_invitations",
        "priority_lists",
        "priority_options",
        "priority_participants",
        "comparisons",
        "trust_waves",
        "trust_responses",
        "trust_ratings",
        "system_maps",
        "map_factors",
        "map_links",
        "map_judgments",
        "map_action_pins",
        "facilitator_invitations",
        "dialogue_facilitators",
        "moderator_invitations",
        "dialogue_moderators",
        "priority_list_languages",
        "priority_option_versions",
        "objective_languages",
        "objective_translations",
        "dialogue_languages",
        "statement_languages",
        "statement_versions",
    ] {
        let count: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&mut conn)
                .await
                .unwrap();
        assert_eq!(count, 0, "{table}");
    }

    // A priority list created without saying who may read its results keeps them public.
    execute_all(
        &mut conn,
        &[
            "INSERT INTO priority_lists (id, partnership_id, title, question, description, \
             allow_participant_options, moderation, is_open, created_at) \
             VALUES (1, 1, 'First', 'Which first?', '', 0, 'pre', 1, 1)",
        ],
    )
    .await;
    let visibility: String =
        sqlx::query_scalar("SELECT results_visibility FROM priority_lists WHERE id = 1")
            .fetch_one(&mut conn)
            .await
            .unwrap();
    assert_eq!(visibility, "public");
    sqlx::query("DELETE FROM priority_lists WHERE id = 1")
        .execute(&mut conn)
        .await
        .unwrap();

    let schema_after = schema(&mut conn).await;
    let mut expected_names: Vec<&str> = schema_before.keys().map(String::as_str).collect();
    expected_names.extend(CREATED_BY_PARTNERSHIPS);
    expected_names.extend(CREATED_BY_SHARED_LIMITS);
    expected_names.extend(CREATED_BY_SETTLEMENTS);
    expected_names.extend(CREATED_BY_GROUP_LABELS);
    expected_names.extend(CREATED_BY_CONVENOR_INVITATIONS);
    expected_names.extend(CREATED_BY_OUTCOMES);
    expected_names.extend(CREATED_BY_PRIORITIES);
    expected_names.extend(CREATED_BY_TRUST);
    expected_names.extend(CREATED_BY_SYSTEM_MAPS);
    expected_names.extend(CREATED_BY_FACILITATION);
    expected_names.extend(CREATED_BY_SAFEGUARDING);
    expected_names.extend(CREATED_BY_VERSIONS);
    expected_names.extend(CREATED_BY_ROUNDS);
    expected_names.extend(CREATED_BY_MODERATORS);
    expected_names.extend(CREATED_BY_TRANSLATIONS);
    expected_names.sort_unstable();
    assert_eq!(
        schema_after.keys().map(String::as_str).collect::<Vec<_>>(),
        expected_names,
        "the tables and indexes of before, of the partnerships, of the shared limits and of the \
         settlements, no table left over from the rebuild"
    );
    for (name, sql_before) in &schema_before {
        let sql_after = &schema_after[name];
        let added: Vec<&str> = ADDED_COLUMNS
            .iter()
            .filter(|(table, _)| table == name)
            .map(|(_, column)| *column)
            .collect();
        // A table's SQL after the upgrade, without the columns later migrations added.
        let mut stripped = sql_after.clone();
        for column in &added {
            let text = stripped.as_mut().unwrap();
            assert!(text.contains(column), "{text}");
            *text = text.replace(&format!(", {column}"), "");
        }
        if REBUILT_TABLES.contains(&name.as_str()) {
            let stripped = stripped.as_deref().unwrap();
            assert!(
                stripped.contains("INTEGER PRIMARY KEY AUTOINCREMENT"),
                "{stripped}"
            );
            assert_eq!(
                as_first_written(stripped),
                sql_before.as_deref().unwrap(),
                "{name} changed only in its key and its new columns"
            );
        } else if !added.is_empty() {
            assert_eq!(
                stripped.as_deref(),
                sql_before.as_deref(),
                "{name} changed only by its new columns"
            );
        } else {
            assert_eq!(sql_after, sql_before, "{name} is unchanged");
        }
    }

    // sqlite_sequence holds the largest id each rebuilt table has given, and the next id is above
    // it, so above every id in use.
    for table in REBUILT_TABLES {
        let last_given: i64 = sqlx::query_scalar("SELECT seq FROM sqlite_sequence WHERE name = ?")
            .bind(table)
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(last_given, largest_id(&mut conn, table).await, "{table}");
    }
    let violations: Vec<String> =
        sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_check")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    assert!(violations.is_empty(), "{violations:?}");
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
    conn.close().await.unwrap();

    // The store that migrated works on with foreign keys on: erasing the newest participant
    // takes their memberships, votes and history with them; the next participant to join gets
    // a new id.
    let store = open(&path).await.unwrap();
    // Rows written before the partnerships keep their meaning: the convenor may convene and the
    // dialogue is not shared with partners.
    assert!(store.get_convenor(ConvenorId(1)).await.unwrap().may_convene);
    assert!(
        !store
            .get_dialogue(DialogueId(1))
            .await
            .unwrap()
            .shared_with_partners
    );
    let erasure = store.erase_participant(ParticipantId(5)).await.unwrap();
    assert_eq!(
        (erasure.vote_events_removed, erasure.statements_removed),
        (2, 1)
    );
    let (newcomer, _) = store
        .create_participant(NewParticipant {
            dialogue: DialogueId(1),
            external_id: None,
            constituencies: Vec::new(),
            created_at: T0,
        })
        .await
        .unwrap();
    assert_eq!(newcomer.id, ParticipantId(6));
    store.close().await;
    let mut conn = connect(&path, true).await;
    let left_behind: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM votes WHERE participant_id = 5) \
         + (SELECT COUNT(*) FROM vote_events WHERE participant_id = 5) \
         + (SELECT COUNT(*) FROM participant_constituencies WHERE participant_id = 5)",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(left_behind, 0);
    conn.close().await.unwrap();
}

#[tokio::test]
async fn an_upgrade_that_cannot_finish_leaves_the_database_as_it_was() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.db");
    database_at_first_migration(&path).await;
    let mut conn = connect(&path, true).await;
    fill(&mut conn).await;
    conn.close().await.unwrap();
    // A vote by a participant who is not there, which only a connection with foreign keys off
    // could have written: the upgrade's final check finds it.
    let mut conn = connect(&path, false).await;
    execute_all(
        &mut conn,
        &[
            "INSERT INTO votes (participant_id, statement_id, dialogue_id, choice, cast_at) \
             VALUES (99, 1, 1, 1, 50)",
        ],
    )
    .await;
    let columns_before = columns(&mut conn).await;
    let rows_before = rows(&mut conn, &columns_before).await;
    let schema_before = schema(&mut conn).await;
    conn.close().await.unwrap();

    for attempt in 1..=2 {
        let error = open(&path).await.unwrap_err();
        assert!(matches!(error, StoreError::Internal(_)), "{error:?}");
        let cause = format!("{:?}", std::error::Error::source(&error));
        assert!(
            cause.contains("foreign_key_violations"),
            "attempt {attempt}: {cause}"
        );

        let mut conn = connect(&path, true).await;
        assert_eq!(applied_migrations(&mut conn).await, [(1, true)]);
        assert_eq!(schema(&mut conn).await, schema_before);
        assert_eq!(rows(&mut conn, &columns_before).await, rows_before);
        conn.close().await.unwrap();
    }
}
