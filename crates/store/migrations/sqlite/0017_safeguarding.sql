-- Capability: safeguarding. What screening found in a participant's statement when it was
-- written (a statement with a finding is held for a moderator whatever the dialogue's policy),
-- participants' flags with a reason, the author's original text of a statement a moderator
-- edited or redacted, each partnership's signposting text and extra terms, and the moderation
-- decisions log. The log is append-only: the product never updates or deletes its rows, and it
-- names statements, dialogues and accounts by id without foreign keys, so erasing a participant
-- or an account leaves the record of what was decided.

CREATE TABLE safeguarding_findings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    concern TEXT NOT NULL,
    rule TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX safeguarding_findings_by_statement ON safeguarding_findings (statement_id);

CREATE TABLE statement_flags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    note TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (statement_id, participant_id)
);
CREATE INDEX statement_flags_by_participant ON statement_flags (participant_id);

CREATE TABLE statement_originals (
    statement_id INTEGER PRIMARY KEY REFERENCES statements (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    kept_at INTEGER NOT NULL
);

CREATE TABLE partnership_safeguarding (
    partnership_id INTEGER PRIMARY KEY REFERENCES partnerships (id) ON DELETE CASCADE,
    signposting TEXT NOT NULL,
    extra_disclosure TEXT NOT NULL,
    extra_abuse TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE moderation_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    dialogue_id INTEGER NOT NULL,
    statement_id INTEGER NOT NULL,
    actor_id INTEGER,
    actor_email TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT,
    note TEXT,
    decided_at INTEGER NOT NULL
);
CREATE INDEX moderation_decisions_by_partnership ON moderation_decisions (partnership_id, id);
CREATE INDEX moderation_decisions_by_statement ON moderation_decisions (statement_id, id);
