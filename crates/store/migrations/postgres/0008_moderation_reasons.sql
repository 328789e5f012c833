-- Capability: statements. The reason a convenor gave for rejecting a statement, which its author
-- reads in their own data; NULL when none was given or the statement is not rejected.
ALTER TABLE statements ADD COLUMN rejection_reason TEXT;
