-- Capability: rounds. A dialogue runs in rounds (round 1 until a convenor starts another,
-- e.g. before and after a public event). Every vote event records the round it was cast in
-- (1 for every vote cast before). The latest votes always belong to the dialogue's current
-- round; starting a round moves them, tagged with the round they were cast in, into
-- `round_votes`, so each finished round keeps its own latest votes for the comparison, while
-- participants keep their tokens and vote again. A dialogue has a row per round only once a
-- second round starts (round 1 gets its row then).

ALTER TABLE dialogues ADD COLUMN current_round BIGINT NOT NULL DEFAULT 1 CHECK (current_round >= 1);
ALTER TABLE vote_events ADD COLUMN round BIGINT NOT NULL DEFAULT 1 CHECK (round >= 1);

CREATE TABLE dialogue_rounds (
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    number BIGINT NOT NULL CHECK (number >= 1),
    label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
    started_at BIGINT NOT NULL,
    ended_at BIGINT,
    started_by BIGINT REFERENCES convenors (id) ON DELETE SET NULL,
    PRIMARY KEY (dialogue_id, number)
);
CREATE INDEX dialogue_rounds_by_starter ON dialogue_rounds (started_by);

CREATE TABLE round_votes (
    dialogue_id BIGINT NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
    round BIGINT NOT NULL CHECK (round >= 1),
    participant_id BIGINT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    statement_id BIGINT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    choice SMALLINT NOT NULL,
    cast_at BIGINT NOT NULL,
    channel SMALLINT NOT NULL CHECK (channel IN (0, 1, 2)),
    PRIMARY KEY (dialogue_id, round, participant_id, statement_id)
);
CREATE INDEX round_votes_by_participant ON round_votes (participant_id);
CREATE INDEX round_votes_by_statement ON round_votes (statement_id);
