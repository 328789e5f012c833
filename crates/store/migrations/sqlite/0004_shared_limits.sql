-- Capability: shared limits (`LimitStore`). Rate-limit allowances kept in the database, one row
-- per limit and key (a participant, a client address, an email), holding the instant
-- (microseconds since the epoch) at which that key's allowance is full again. A row whose
-- instant has passed means the same as no row, and is deleted. Keys are stored as SHA-256
-- hashes, never as addresses or emails. The server on SQLite keeps its allowances in memory (one
-- process owns the file); the table is here so that the capability is the same on both backends.
CREATE TABLE rate_allowances (
    limit_name TEXT NOT NULL,
    key_hash BLOB NOT NULL,
    full_at_us INTEGER NOT NULL,
    PRIMARY KEY (limit_name, key_hash)
) WITHOUT ROWID;
CREATE INDEX rate_allowances_by_full_at ON rate_allowances (full_at_us);
