-- no-transaction
-- Participants, statements and vote events keep their ids for ever: analysis snapshots, the
-- engine state one analysis hands to the next, exports and vote-history cursors name them by id,
-- so an id freed by an erasure must never be given to a newcomer. Without AUTOINCREMENT, SQLite
-- hands out the largest id + 1 and so reuses the id of the newest row once it is deleted.
--
-- AUTOINCREMENT cannot be added in place: each table is rebuilt as SQLite documents for other
-- kinds of schema change (lang_altertable.html). Foreign keys must be off meanwhile, because
-- dropping a table they reference first deletes its rows, and that delete would cascade to the
-- votes, the vote history and the memberships. The setting cannot change inside a transaction,
-- hence the first line above: this file opens and commits its own transaction. If any statement
-- fails, the transaction is left open and rolled back when the connection closes, and the
-- migration is not recorded, so the next start tries again from the same state.

PRAGMA foreign_keys = OFF;

BEGIN IMMEDIATE;

CREATE TABLE participants_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    token_hash BLOB UNIQUE,
    external_id TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (dialogue_id, external_id)
);
INSERT INTO participants_rebuilt (id, dialogue_id, token_hash, external_id, created_at)
    SELECT id, dialogue_id, token_hash, external_id, created_at FROM participants;
DROP TABLE participants;
ALTER TABLE participants_rebuilt RENAME TO participants;

CREATE TABLE statements_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO statements_rebuilt (id, dialogue_id, text, normalized_text, is_seed, is_meta,
        moderation, author_id, near_duplicate_of, external_id, created_at)
    SELECT id, dialogue_id, text, normalized_text, is_seed, is_meta, moderation, author_id,
        near_duplicate_of, external_id, created_at
    FROM statements;
DROP TABLE statements;
ALTER TABLE statements_rebuilt RENAME TO statements;
CREATE INDEX statements_by_dialogue ON statements (dialogue_id, id);
CREATE INDEX statements_by_author ON statements (author_id);
CREATE INDEX statements_by_near_duplicate ON statements (near_duplicate_of);

CREATE TABLE vote_events_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    choice INTEGER NOT NULL,
    cast_at INTEGER NOT NULL,
    idempotency_key TEXT,
    UNIQUE (participant_id, idempotency_key)
);
INSERT INTO vote_events_rebuilt (id, dialogue_id, participant_id, statement_id, choice, cast_at,
        idempotency_key)
    SELECT id, dialogue_id, participant_id, statement_id, choice, cast_at, idempotency_key
    FROM vote_events;
DROP TABLE vote_events;
ALTER TABLE vote_events_rebuilt RENAME TO vote_events;
CREATE INDEX vote_events_by_dialogue ON vote_events (dialogue_id, id);
CREATE INDEX vote_events_by_statement ON vote_events (statement_id);

-- Copying the rows with their ids has set each table's sqlite_sequence entry to its largest id,
-- so the next id is above every id in use.

-- Every reference must still find its row. A violation fails the CHECK below, which stops the
-- migration before COMMIT.
CREATE TEMP TABLE rebuilt_tables_check (
    foreign_key_violations INTEGER NOT NULL CHECK (foreign_key_violations = 0)
);
INSERT INTO rebuilt_tables_check SELECT COUNT(*) FROM pragma_foreign_key_check;
DROP TABLE rebuilt_tables_check;

COMMIT;

PRAGMA foreign_keys = ON;
