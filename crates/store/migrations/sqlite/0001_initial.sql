-- Common Ground schema for SQLite. Times are milliseconds since the Unix epoch.
-- Vote choices are stored as agree = 1, disagree = -1, pass = 0.

CREATE TABLE partnerships (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    purpose TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE partners (
    id INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX partners_by_partnership ON partners (partnership_id, id);

CREATE TABLE convenors (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX convenors_by_email ON convenors (lower(email));

CREATE TABLE partnership_members (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    convenor_id INTEGER NOT NULL REFERENCES convenors (id) ON DELETE CASCADE,
    PRIMARY KEY (partnership_id, convenor_id)
);
CREATE INDEX partnership_members_by_convenor ON partnership_members (convenor_id);

CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    convenor_id INTEGER NOT NULL REFERENCES convenors (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_convenor ON sessions (convenor_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE dialogues (
    id INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    description TEXT NOT NULL,
    allow_participant_statements INTEGER NOT NULL,
    moderation TEXT NOT NULL,
    report_visibility TEXT NOT NULL,
    is_open INTEGER NOT NULL,
    created_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    external_id TEXT,
    created_at INTEGER NOT NULL,
    -- Grows with every change that can affect the analysis.
    revision INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX dialogues_by_partnership ON dialogues (partnership_id, id);

CREATE TABLE constituencies (
    id INTEGER PRIMARY KEY,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    expected_share REAL,
    kind TEXT,
    UNIQUE (dialogue_id, name)
);

CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    token_hash BLOB UNIQUE,
    external_id TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (dialogue_id, external_id)
);

CREATE TABLE participant_constituencies (
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    constituency_id INTEGER NOT NULL REFERENCES constituencies (id) ON DELETE CASCADE,
    PRIMARY KEY (participant_id, constituency_id)
);
CREATE INDEX participant_constituencies_by_constituency
    ON participant_constituencies (constituency_id);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    normalized_text TEXT NOT NULL,
    is_seed INTEGER NOT NULL,
    is_meta INTEGER NOT NULL,
    moderation TEXT NOT NULL,
    author_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
    near_duplicate_of INTEGER REFERENCES statements (id) ON DELETE SET NULL,
    external_id TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX statements_by_dialogue ON statements (dialogue_id, id);
CREATE INDEX statements_by_author ON statements (author_id);
CREATE INDEX statements_by_near_duplicate ON statements (near_duplicate_of);

CREATE TABLE vote_events (
    id INTEGER PRIMARY KEY,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    choice INTEGER NOT NULL,
    cast_at INTEGER NOT NULL,
    idempotency_key TEXT,
    UNIQUE (participant_id, idempotency_key)
);
CREATE INDEX vote_events_by_dialogue ON vote_events (dialogue_id, id);
CREATE INDEX vote_events_by_statement ON vote_events (statement_id);

CREATE TABLE votes (
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    choice INTEGER NOT NULL,
    cast_at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, statement_id)
) WITHOUT ROWID;
CREATE INDEX votes_by_dialogue ON votes (dialogue_id, participant_id, statement_id);
CREATE INDEX votes_by_statement ON votes (statement_id);

CREATE TABLE analysis_snapshots (
    dialogue_id INTEGER PRIMARY KEY REFERENCES dialogues (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    computed_at INTEGER NOT NULL,
    n_votes INTEGER NOT NULL,
    result_json TEXT NOT NULL,
    engine_state BLOB NOT NULL
);
