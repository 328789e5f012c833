-- Capability: facilitation. Every vote records the channel it came through (0 online, the
-- default for every vote cast before; 1 keyed by a facilitator for a person at an event or on
-- the phone; 2 keyed from a paper card), so the voice audit can read the analysis by channel.
-- A convenor invites a facilitator to one dialogue through a single-use link (only the
-- token's hash is stored); accepting it lets the account key votes and statements for that
-- dialogue's paper and facilitated participants, and nothing else.

ALTER TABLE votes ADD COLUMN channel SMALLINT NOT NULL DEFAULT 0 CHECK (channel IN (0, 1, 2));
ALTER TABLE vote_events ADD COLUMN channel SMALLINT NOT NULL DEFAULT 0 CHECK (channel IN (0, 1, 2));

CREATE TABLE facilitator_invitations (
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
CREATE INDEX facilitator_invitations_by_dialogue ON facilitator_invitations (dialogue_id, id);
CREATE INDEX facilitator_invitations_by_creator ON facilitator_invitations (created_by);
CREATE INDEX facilitator_invitations_by_acceptor ON facilitator_invitations (accepted_by);

CREATE TABLE dialogue_facilitators (
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    convenor_id INTEGER NOT NULL REFERENCES convenors (id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (dialogue_id, convenor_id)
);
CREATE INDEX dialogue_facilitators_by_convenor ON dialogue_facilitators (convenor_id);
