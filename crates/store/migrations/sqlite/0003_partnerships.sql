-- Capability: partnerships. Partners are archived rather than erased once they have history;
-- accounts may represent partners, through single-use invitations; convenors may share a
-- dialogue with the partnership's partner representatives.

-- Accounts created by accepting an invitation may not create partnerships.
ALTER TABLE convenors ADD COLUMN may_convene INTEGER NOT NULL DEFAULT 1;

ALTER TABLE dialogues ADD COLUMN shared_with_partners INTEGER NOT NULL DEFAULT 0;

ALTER TABLE partners ADD COLUMN archived_at INTEGER;

-- One row per period of representation; ended_at is set when it ends, and the row stays as
-- history.
CREATE TABLE partner_representatives (
    partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    convenor_id INTEGER NOT NULL REFERENCES convenors (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    ended_at INTEGER
);
CREATE UNIQUE INDEX partner_representatives_current
    ON partner_representatives (partner_id, convenor_id) WHERE ended_at IS NULL;
CREATE INDEX partner_representatives_by_convenor ON partner_representatives (convenor_id);

CREATE TABLE partner_invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    email TEXT,
    created_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER,
    accepted_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    revoked_at INTEGER
);
CREATE INDEX partner_invitations_by_partner ON partner_invitations (partner_id, id);
CREATE INDEX partner_invitations_by_creator ON partner_invitations (created_by);
CREATE INDEX partner_invitations_by_acceptor ON partner_invitations (accepted_by);
