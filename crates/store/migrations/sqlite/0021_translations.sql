-- Capability: translations of priority options and of shared objectives. A priority list's
-- own language (the language its options are written in, `en` until a convenor says otherwise)
-- and the translations of its options a convenor adds, one per option and language; an
-- objective's own language and the translations of each of its versions, one per version and
-- language (an amendment makes a new version, which needs translating again). Comparisons stay
-- on the option and stances on the objective's version, so a choice or a stance taken while
-- reading a translation counts as one on the original.

CREATE TABLE priority_list_languages (
    list_id INTEGER PRIMARY KEY REFERENCES priority_lists (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 8)
);

CREATE TABLE priority_option_versions (
    option_id INTEGER NOT NULL REFERENCES priority_options (id) ON DELETE CASCADE,
    list_id INTEGER NOT NULL REFERENCES priority_lists (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 8),
    text TEXT NOT NULL,
    added_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (option_id, language)
);
CREATE INDEX priority_option_versions_by_list ON priority_option_versions (list_id, option_id);
CREATE INDEX priority_option_versions_by_adder ON priority_option_versions (added_by);

CREATE TABLE objective_languages (
    objective_id INTEGER PRIMARY KEY REFERENCES objectives (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 8)
);

CREATE TABLE objective_translations (
    objective_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 8),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    added_by INTEGER REFERENCES convenors (id) ON DELETE SET NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (objective_id, version, language),
    FOREIGN KEY (objective_id, version) REFERENCES objective_versions (objective_id, version)
        ON DELETE CASCADE
);
CREATE INDEX objective_translations_by_adder ON objective_translations (added_by);
