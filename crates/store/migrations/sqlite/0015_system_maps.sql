-- Capability: system maps. A partnership's maps of the factors of its local system and the
-- signed influences (links) between them, each proposed by a convenor or for a partner; the
-- partners' (and, when a convenor opens it, a linked dialogue's participants') judgments of
-- each link; and settlement actions pinned to the factor they push.

CREATE TABLE system_maps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- The dialogue whose participants may judge links once a convenor opens it to them.
    dialogue_id INTEGER REFERENCES dialogues (id) ON DELETE SET NULL,
    participants_may_judge INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    -- When a convenor closed it: no more proposals, judgments or pins; never reopened.
    closed_at INTEGER,
    -- Grows with every write to the map or its parts; the update locks the map's row.
    revision INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX system_maps_by_partnership ON system_maps (partnership_id, id);
CREATE INDEX system_maps_by_dialogue ON system_maps (dialogue_id);
CREATE INDEX system_maps_by_creator ON system_maps (created_by);

CREATE TABLE map_factors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id INTEGER NOT NULL REFERENCES system_maps (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- The name folded to lower case, unique in the map.
    name_key TEXT NOT NULL,
    owner_partner_id INTEGER REFERENCES partners (id),
    sector TEXT,
    -- Who proposed it: an account, and the partner it spoke for (NULL: as a convenor).
    proposed_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    proposed_for INTEGER REFERENCES partners (id),
    created_at INTEGER NOT NULL,
    UNIQUE (map_id, name_key)
);
CREATE INDEX map_factors_by_owner ON map_factors (owner_partner_id);
CREATE INDEX map_factors_by_proposer ON map_factors (proposed_by);
CREATE INDEX map_factors_by_proposed_for ON map_factors (proposed_for);

CREATE TABLE map_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id INTEGER NOT NULL REFERENCES system_maps (id) ON DELETE CASCADE,
    from_factor_id INTEGER NOT NULL REFERENCES map_factors (id) ON DELETE CASCADE,
    to_factor_id INTEGER NOT NULL REFERENCES map_factors (id) ON DELETE CASCADE,
    sign TEXT NOT NULL CHECK (sign IN ('+', '-')),
    delayed INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    proposed_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    proposed_for INTEGER REFERENCES partners (id),
    created_at INTEGER NOT NULL,
    UNIQUE (map_id, from_factor_id, to_factor_id)
);
CREATE INDEX map_links_by_from ON map_links (from_factor_id);
CREATE INDEX map_links_by_to ON map_links (to_factor_id);
CREATE INDEX map_links_by_proposer ON map_links (proposed_by);
CREATE INDEX map_links_by_proposed_for ON map_links (proposed_for);

-- One judgment per judge and link, replaced when the judge judges again. A judge is a partner
-- (judged by one of its representatives) or a participant of the map's linked dialogue.
CREATE TABLE map_judgments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    link_id INTEGER NOT NULL REFERENCES map_links (id) ON DELETE CASCADE,
    partner_id INTEGER REFERENCES partners (id),
    participant_id INTEGER REFERENCES participants (id) ON DELETE CASCADE,
    judgment TEXT NOT NULL CHECK (judgment IN ('agree', 'disagree', 'unsure')),
    recorded_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((partner_id IS NULL) <> (participant_id IS NULL)),
    UNIQUE (link_id, partner_id),
    UNIQUE (link_id, participant_id)
);
CREATE INDEX map_judgments_by_partner ON map_judgments (partner_id);
CREATE INDEX map_judgments_by_participant ON map_judgments (participant_id);
CREATE INDEX map_judgments_by_recorder ON map_judgments (recorded_by);

CREATE TABLE map_action_pins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    factor_id INTEGER NOT NULL REFERENCES map_factors (id) ON DELETE CASCADE,
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    push TEXT NOT NULL CHECK (push IN ('up', 'down')),
    pinned_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    pinned_at INTEGER NOT NULL,
    UNIQUE (action_id, factor_id)
);
CREATE INDEX map_action_pins_by_factor ON map_action_pins (factor_id);
CREATE INDEX map_action_pins_by_pinner ON map_action_pins (pinned_by);
