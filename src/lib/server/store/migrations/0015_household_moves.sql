-- A resident moved to another household (ops/resident-update.ts 'residents.move'). The
-- register keeps only where they live now, so without this a past day's report followed them:
-- the 19/10 "Ai đã đến" showed their new address and counted their 19/10 check-in for the new
-- household. Each move is kept here; the reports read a check-in's household as the one left
-- by the first move after it, else the current one (repositories/reports.ts HOME_AT_CHECKIN).
-- Household ids carry no REFERENCES: an erasure may delete a household someone moved out of,
-- and ids are never reused (0012), so the number still tells two households apart.
-- The person's rows go with them when they are erased (CASCADE; ops/erasure.ts).
CREATE TABLE resident_moves (
	id INTEGER PRIMARY KEY,
	resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
	from_household_id INTEGER NOT NULL,
	to_household_id INTEGER NOT NULL,
	at INTEGER NOT NULL
);
CREATE INDEX resident_moves_resident_at ON resident_moves(resident_id, at);
