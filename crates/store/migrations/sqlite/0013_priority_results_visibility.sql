-- Capability: priorities. Who may read a priority list's results: everyone (`public`, as
-- before) or only the convenors of its partnership (`convenors`).

ALTER TABLE priority_lists ADD COLUMN results_visibility TEXT NOT NULL DEFAULT 'public'
    CHECK (results_visibility IN ('public', 'convenors'));
