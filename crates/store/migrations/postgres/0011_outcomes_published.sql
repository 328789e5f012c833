-- Capability: settlements. Whether a partnership's outcomes page ("you said, we did") is
-- public, since when and by whom, and the hash of the secret in its calendar feed's address.

ALTER TABLE partnerships ADD COLUMN outcomes_published_at BIGINT;
ALTER TABLE partnerships ADD COLUMN outcomes_published_by BIGINT REFERENCES convenors (id) ON DELETE SET NULL;
ALTER TABLE partnerships ADD COLUMN calendar_token_hash BYTEA;
CREATE INDEX partnerships_by_outcomes_publisher ON partnerships (outcomes_published_by);
