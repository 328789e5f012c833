-- Capability: dialogues. When a dialogue opens and closes to participants, votes and statements
-- (milliseconds since the Unix epoch; NULL: no such time). Whether it is open is computed from
-- these, the moment and is_open (which only a convenor's close or reopen changes); the store
-- refuses a closing time that is not after the opening time before it writes one.
ALTER TABLE dialogues ADD COLUMN opens_at BIGINT;

ALTER TABLE dialogues ADD COLUMN closes_at BIGINT;
