-- Capability: convenor invitations. A convenor of a partnership invites a person to convene it
-- too, through a single-use link; only the token's hash is stored. Accepting one makes the
-- account a member of the partnership and lets it convene.

CREATE TABLE convenor_invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    email TEXT,
    created_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER,
    accepted_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    revoked_at INTEGER
);
CREATE INDEX convenor_invitations_by_partnership ON convenor_invitations (partnership_id, id);
CREATE INDEX convenor_invitations_by_creator ON convenor_invitations (created_by);
CREATE INDEX convenor_invitations_by_acceptor ON convenor_invitations (accepted_by);
