-- Capability: dialogues. How the analysis weighs participants (head_count, equal or frame; NULL
-- means the default, equal when the dialogue has constituencies), and each constituency's share
-- of the population frame that frame weighting follows.
ALTER TABLE dialogues ADD COLUMN weighting TEXT
    CHECK (weighting IN ('head_count', 'equal', 'frame'));

ALTER TABLE constituencies ADD COLUMN population_share REAL
    CHECK (population_share >= 0 AND population_share <= 1);
