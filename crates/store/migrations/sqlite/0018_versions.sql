-- Capability: versions. A dialogue's own language and what participants are shown of a
-- statement written in another one before it is translated (`wait`: held from others until a
-- version in the dialogue's language exists; `show_original`: shown as written); the language
-- each statement was written in, where it is not the dialogue's; and the versions of a
-- statement a convenor adds: a translation into a language, or an easy-read version in a
-- language (the original's language included), one of each per statement. Votes stay on the
-- statement, so every version's votes are the statement's votes.

CREATE TABLE dialogue_languages (
    dialogue_id INTEGER PRIMARY KEY REFERENCES dialogues (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 8),
    untranslated TEXT NOT NULL CHECK (untranslated IN ('wait', 'show_original'))
);

CREATE TABLE statement_languages (
    statement_id INTEGER PRIMARY KEY REFERENCES statements (id) ON DELETE CASCADE,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 8)
);
CREATE INDEX statement_languages_by_dialogue ON statement_languages (dialogue_id, statement_id);

CREATE TABLE statement_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 8),
    easy_read BOOLEAN NOT NULL,
    text TEXT NOT NULL,
    added_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    added_at INTEGER NOT NULL,
    UNIQUE (statement_id, language, easy_read)
);
CREATE INDEX statement_versions_by_dialogue ON statement_versions (dialogue_id, statement_id);
CREATE INDEX statement_versions_by_adder ON statement_versions (added_by);
