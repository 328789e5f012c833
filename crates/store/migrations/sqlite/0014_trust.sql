-- Capability: trust. A partnership's trust survey: waves opened by a convenor, each partner's
-- one response per wave (a draft until submitted) and its answers about the other partners: the
-- level of the relationship, six items on a 1 to 4 scale (NULL for "don't know") and what the
-- other partner contributes.

CREATE TABLE trust_waves (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    closes_at INTEGER NOT NULL,
    -- Closed by a convenor before its closing time; never reopened.
    closed INTEGER NOT NULL DEFAULT 0,
    rater_naming TEXT NOT NULL DEFAULT 'protected'
        CHECK (rater_naming IN ('protected', 'named')),
    created_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    -- Grows with every write to the wave or its responses; the update locks the wave's row.
    revision INTEGER NOT NULL DEFAULT 0,
    CHECK (closes_at > opened_at)
);
CREATE INDEX trust_waves_by_partnership ON trust_waves (partnership_id, id);
CREATE INDEX trust_waves_by_creator ON trust_waves (created_by);

CREATE TABLE trust_responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    wave_id INTEGER NOT NULL REFERENCES trust_waves (id) ON DELETE CASCADE,
    rater_partner_id INTEGER NOT NULL REFERENCES partners (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    submitted_at INTEGER,
    updated_at INTEGER NOT NULL,
    UNIQUE (wave_id, rater_partner_id),
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX trust_responses_by_rater ON trust_responses (rater_partner_id);

CREATE TABLE trust_ratings (
    response_id INTEGER NOT NULL REFERENCES trust_responses (id) ON DELETE CASCADE,
    ratee_partner_id INTEGER NOT NULL REFERENCES partners (id),
    level TEXT NOT NULL
        CHECK (level IN ('none', 'awareness', 'cooperation', 'coordination', 'integration')),
    item_reliable INTEGER CHECK (item_reliable BETWEEN 1 AND 4),
    item_mission INTEGER CHECK (item_mission BETWEEN 1 AND 4),
    item_open INTEGER CHECK (item_open BETWEEN 1 AND 4),
    item_influence INTEGER CHECK (item_influence BETWEEN 1 AND 4),
    item_involvement INTEGER CHECK (item_involvement BETWEEN 1 AND 4),
    item_resources INTEGER CHECK (item_resources BETWEEN 1 AND 4),
    -- Kinds separated by ';', in vocabulary order; empty for none.
    contributions TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (response_id, ratee_partner_id)
);
CREATE INDEX trust_ratings_by_ratee ON trust_ratings (ratee_partner_id);
