-- Capability: shared limits (`LimitStore`). Rate-limit allowances shared by every server
-- instance using this database, one row per limit and key (a participant, a client address, an
-- email), holding the instant (microseconds since the epoch) at which that key's allowance is
-- full again. A row whose instant has passed means the same as no row, and is deleted. Keys are
-- stored as SHA-256 hashes, never as addresses or emails. The table is unlogged: it skips the
-- write-ahead log, which makes each check cheaper, and after a crash it starts empty, which only
-- gives every key its full allowance again.
CREATE UNLOGGED TABLE rate_allowances (
    limit_name TEXT NOT NULL,
    key_hash BYTEA NOT NULL,
    full_at_us BIGINT NOT NULL,
    PRIMARY KEY (limit_name, key_hash)
);
CREATE INDEX rate_allowances_by_full_at ON rate_allowances (full_at_us);
