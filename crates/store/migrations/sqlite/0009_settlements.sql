-- Capability: settlements. Shared objectives negotiated between partners, each partner's stance
-- on each version, actions under adopted objectives with dated progress notes, and each
-- partnership's append-only, hash-chained record of all of it. Stances and actions keep their
-- partners: a partner with either is archived, never deleted.

ALTER TABLE partnerships ADD COLUMN decision_rule TEXT NOT NULL DEFAULT 'consent';
ALTER TABLE partnerships ADD COLUMN quorum_percent INTEGER NOT NULL DEFAULT 50;
-- The number of record entries and the hash of the last one, which pins the chain's end.
ALTER TABLE partnerships ADD COLUMN record_length INTEGER NOT NULL DEFAULT 0;
ALTER TABLE partnerships ADD COLUMN record_head TEXT;

CREATE TABLE objectives (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX objectives_by_partnership ON objectives (partnership_id, id);

CREATE TABLE objective_versions (
    objective_id INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    -- JSON written by the server: the statements and their standing when the version was made.
    evidence TEXT NOT NULL,
    amends_stance_id INTEGER,
    created_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (objective_id, version)
);
CREATE INDEX objective_versions_by_creator ON objective_versions (created_by);

-- Append-only; the latest row of a partner on a version is its stance, a NULL stance a
-- withdrawal.
CREATE TABLE objective_stances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    objective_id INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    stance TEXT,
    reason TEXT,
    amendment TEXT,
    recorded_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX objective_stances_by_objective ON objective_stances (objective_id, id);
CREATE INDEX objective_stances_by_partner ON objective_stances (partner_id);
CREATE INDEX objective_stances_by_recorder ON objective_stances (recorded_by);

CREATE TABLE actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    objective_id INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    owner_partner_id INTEGER NOT NULL REFERENCES partners (id),
    title TEXT NOT NULL,
    lead_role TEXT NOT NULL,
    -- YYYY-MM-DD
    due_on TEXT,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX actions_by_objective ON actions (objective_id, id);
CREATE INDEX actions_by_owner ON actions (owner_partner_id);

CREATE TABLE action_partners (
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    PRIMARY KEY (action_id, partner_id)
);
CREATE INDEX action_partners_by_partner ON action_partners (partner_id);

CREATE TABLE action_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX action_notes_by_action ON action_notes (action_id, id);
CREATE INDEX action_notes_by_recorder ON action_notes (recorded_by);

CREATE TABLE record_entries (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    sequence INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (partnership_id, sequence)
);
