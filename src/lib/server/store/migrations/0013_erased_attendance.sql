-- An erased person's check-ins stay without a name (ops/erasure.ts) and must still count as one
-- person: each anonymous row counted as somebody else, so erasing someone who came to two
-- classes on a day added a person and a household to that day's report. `erased_as` ties the
-- rows of one erasure together with a number that names nobody: the smallest of their own row
-- ids. It links to no home (a household's id would point back at them among their housemates).
-- Rows anonymised before this migration keep NULL and count one each, as before.
ALTER TABLE attendance ADD COLUMN erased_as INTEGER;
