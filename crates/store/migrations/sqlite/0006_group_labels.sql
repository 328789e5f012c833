-- Capability: analysis. The convenors' descriptive labels of a dialogue's opinion groups, by the
-- clustering's group id ("for more evening clinics"). A label stays under its id across
-- analyses; the report shows it for whichever group has that id.
CREATE TABLE group_labels (
    dialogue_id INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL CHECK (group_id >= 0),
    label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
    PRIMARY KEY (dialogue_id, group_id)
);
