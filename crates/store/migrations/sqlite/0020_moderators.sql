-- Capability: moderators. A convenor invites a moderator to one dialogue through a single-use
-- link (only the token's hash is stored), as facilitators are invited. Accepting it lets the
-- account work through the dialogue's moderation and safeguarding queues and add translations
-- and easy-read versions of its statements, and nothing else: a moderator does not convene.

CREATE TABLE moderator_invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    email TEXT,
    created_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER,
    accepted_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    revoked_at INTEGER
);
CREATE INDEX moderator_invitations_by_dialogue ON moderator_invitations (dialogue_id, id);
CREATE INDEX moderator_invitations_by_creator ON moderator_invitations (created_by);
CREATE INDEX moderator_invitations_by_acceptor ON moderator_invitations (accepted_by);

CREATE TABLE dialogue_moderators (
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    convenor_id INTEGER NOT NULL REFERENCES convenors (id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (dialogue_id, convenor_id)
);
CREATE INDEX dialogue_moderators_by_convenor ON dialogue_moderators (convenor_id);
