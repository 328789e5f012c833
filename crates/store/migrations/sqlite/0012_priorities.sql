-- Capability: priorities. Priority lists of a partnership: a question, options (written by a
-- convenor, drafted from a dialogue's common ground with a link back to the statement, or added
-- by participants and moderated like statements), constituencies (several per person), the
-- lists' pseudonymous participants and their pairwise comparisons.

CREATE TABLE priority_lists (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    -- The dialogue whose common ground drafted options and whose opinion groups the results
    -- read; it belongs to the same partnership.
    dialogue_id INTEGER REFERENCES dialogues (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    description TEXT NOT NULL,
    allow_participant_options INTEGER NOT NULL,
    moderation TEXT NOT NULL CHECK (moderation IN ('pre', 'post')),
    is_open INTEGER NOT NULL,
    created_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    -- Grows with every change that can affect the results.
    revision INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX priority_lists_by_partnership ON priority_lists (partnership_id, id);
CREATE INDEX priority_lists_by_dialogue ON priority_lists (dialogue_id);
CREATE INDEX priority_lists_by_creator ON priority_lists (created_by);

CREATE TABLE priority_constituencies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    list_id INTEGER NOT NULL REFERENCES priority_lists (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT CHECK (kind IN ('lay', 'professional')),
    UNIQUE (list_id, name)
);

CREATE TABLE priority_participants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    list_id INTEGER NOT NULL REFERENCES priority_lists (id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    -- The same person as a participant of the list's dialogue, when they showed that token.
    dialogue_participant_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (list_id, dialogue_participant_id)
);
CREATE INDEX priority_participants_by_dialogue_participant
    ON priority_participants (dialogue_participant_id);

CREATE TABLE priority_participant_constituencies (
    participant_id INTEGER NOT NULL REFERENCES priority_participants (id) ON DELETE CASCADE,
    constituency_id INTEGER NOT NULL
        REFERENCES priority_constituencies (id) ON DELETE CASCADE,
    PRIMARY KEY (participant_id, constituency_id)
);
CREATE INDEX priority_participant_constituencies_by_constituency
    ON priority_participant_constituencies (constituency_id);

CREATE TABLE priority_options (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    list_id INTEGER NOT NULL REFERENCES priority_lists (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    normalized_text TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('convenor', 'common_ground', 'participant')),
    -- The common-ground statement it was drafted from, while that statement exists.
    statement_id INTEGER REFERENCES statements (id) ON DELETE SET NULL,
    author_id INTEGER REFERENCES priority_participants (id) ON DELETE SET NULL,
    moderation TEXT NOT NULL CHECK (moderation IN ('pending', 'accepted', 'rejected')),
    rejection_reason TEXT,
    near_duplicate_of INTEGER REFERENCES priority_options (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (list_id, statement_id)
);
CREATE INDEX priority_options_by_list ON priority_options (list_id, id);
CREATE INDEX priority_options_by_statement ON priority_options (statement_id);
CREATE INDEX priority_options_by_author ON priority_options (author_id);
CREATE INDEX priority_options_by_near_duplicate ON priority_options (near_duplicate_of);

CREATE TABLE comparisons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    list_id INTEGER NOT NULL REFERENCES priority_lists (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES priority_participants (id) ON DELETE CASCADE,
    left_option_id INTEGER NOT NULL REFERENCES priority_options (id) ON DELETE CASCADE,
    right_option_id INTEGER NOT NULL REFERENCES priority_options (id) ON DELETE CASCADE,
    choice TEXT NOT NULL CHECK (choice IN ('left', 'right', 'neither')),
    reason TEXT CHECK (reason IN ('both_matter_equally', 'dont_know_enough')),
    idempotency_key TEXT,
    compared_at INTEGER NOT NULL,
    CHECK (left_option_id <> right_option_id),
    CHECK (reason IS NULL OR choice = 'neither'),
    UNIQUE (participant_id, idempotency_key)
);
CREATE INDEX comparisons_by_list ON comparisons (list_id, id);
-- A participant answers each pair of options once, whichever side each was shown on.
CREATE UNIQUE INDEX comparisons_once_per_pair ON comparisons
    (participant_id, min(left_option_id, right_option_id), max(left_option_id, right_option_id));
CREATE INDEX comparisons_by_left_option ON comparisons (left_option_id);
CREATE INDEX comparisons_by_right_option ON comparisons (right_option_id);
