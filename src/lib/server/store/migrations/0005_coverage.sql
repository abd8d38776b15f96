-- Coverage, kept current by the database itself (issue 5: dashboards and daily report).
--
-- One row per resident with what every coverage count needs, so that a count is one scan
-- of a 30k-row table instead of joins over residents, households, 200k milestones and 1M
-- check-ins (bench/reports.bench.ts):
--   adult_since / household_since: the first day the resident's milestones (not undone) met
--     the "adult with basic digital skills" / "household covered" rule of
--     coverage_definitions (JSON): the latest of the earliest days of each group of the rule.
--     "Skilled as of day D" is then `adult_since <= D`.
--   first_seen: the first day the resident was reached: a check-in (Vietnam day) or a
--     milestone, whichever came first.
--   household_id, neighborhood_id, birth_year, created_at: copied from the register.
--
-- Triggers keep it right whoever writes (ops, the demo seed, imports, erasure). A write
-- recomputes only the rows it touches, so its cost does not grow with the database; changing
-- a definition recomputes everyone (a rare officer action).

CREATE TABLE resident_coverage (
	resident_id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL,
	neighborhood_id INTEGER NOT NULL,
	birth_year INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	adult_since TEXT,
	household_since TEXT,
	first_seen TEXT
);
CREATE INDEX resident_coverage_household ON resident_coverage(household_id);
CREATE INDEX resident_coverage_neighborhood ON resident_coverage(neighborhood_id);

INSERT INTO resident_coverage (resident_id, household_id, neighborhood_id, birth_year, created_at)
	SELECT r.id, r.household_id, h.neighborhood_id, r.birth_year, r.created_at
	FROM residents r JOIN households h ON h.id = r.household_id;
UPDATE resident_coverage SET
		adult_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		household_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g),
		first_seen = (SELECT min(d) FROM (SELECT date((min(a.checked_in_at) + 25200000) / 1000, 'unixepoch') AS d FROM attendance a WHERE a.resident_id = resident_coverage.resident_id UNION ALL SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL))
	WHERE resident_id IN (SELECT resident_id FROM milestones UNION SELECT resident_id FROM attendance);

CREATE TRIGGER resident_coverage_resident_insert AFTER INSERT ON residents
BEGIN
	INSERT OR REPLACE INTO resident_coverage (resident_id, household_id, neighborhood_id, birth_year, created_at)
	VALUES (NEW.id, NEW.household_id,
		(SELECT neighborhood_id FROM households WHERE id = NEW.household_id),
		NEW.birth_year, NEW.created_at);
END;

CREATE TRIGGER resident_coverage_resident_update
AFTER UPDATE OF household_id, birth_year, created_at ON residents
BEGIN
	UPDATE resident_coverage SET household_id = NEW.household_id,
		neighborhood_id = (SELECT neighborhood_id FROM households WHERE id = NEW.household_id),
		birth_year = NEW.birth_year, created_at = NEW.created_at
	WHERE resident_id = NEW.id;
END;

CREATE TRIGGER resident_coverage_resident_delete AFTER DELETE ON residents
BEGIN
	DELETE FROM resident_coverage WHERE resident_id = OLD.id;
END;

CREATE TRIGGER resident_coverage_household_move AFTER UPDATE OF neighborhood_id ON households
BEGIN
	UPDATE resident_coverage SET neighborhood_id = NEW.neighborhood_id WHERE household_id = NEW.id;
END;

CREATE TRIGGER resident_coverage_milestone_insert AFTER INSERT ON milestones
BEGIN
	UPDATE resident_coverage SET
		adult_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		household_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g),
		first_seen = (SELECT min(d) FROM (SELECT date((min(a.checked_in_at) + 25200000) / 1000, 'unixepoch') AS d FROM attendance a WHERE a.resident_id = resident_coverage.resident_id UNION ALL SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL))
	WHERE resident_id = NEW.resident_id;
END;

CREATE TRIGGER resident_coverage_milestone_update AFTER UPDATE ON milestones
BEGIN
	UPDATE resident_coverage SET
		adult_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		household_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g),
		first_seen = (SELECT min(d) FROM (SELECT date((min(a.checked_in_at) + 25200000) / 1000, 'unixepoch') AS d FROM attendance a WHERE a.resident_id = resident_coverage.resident_id UNION ALL SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL))
	WHERE resident_id IN (OLD.resident_id, NEW.resident_id);
END;

CREATE TRIGGER resident_coverage_milestone_delete AFTER DELETE ON milestones
BEGIN
	UPDATE resident_coverage SET
		adult_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		household_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g),
		first_seen = (SELECT min(d) FROM (SELECT date((min(a.checked_in_at) + 25200000) / 1000, 'unixepoch') AS d FROM attendance a WHERE a.resident_id = resident_coverage.resident_id UNION ALL SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL))
	WHERE resident_id = OLD.resident_id;
END;

-- The check-in path: one primary-key update, no recount.
CREATE TRIGGER resident_coverage_checkin AFTER INSERT ON attendance
WHEN NEW.resident_id IS NOT NULL
BEGIN
	UPDATE resident_coverage
	SET first_seen = min(coalesce(first_seen, '9999-12-31'),
		date((NEW.checked_in_at + 25200000) / 1000, 'unixepoch'))
	WHERE resident_id = NEW.resident_id;
END;

CREATE TRIGGER resident_coverage_checkin_change
AFTER UPDATE OF resident_id, checked_in_at ON attendance
BEGIN
	UPDATE resident_coverage SET
		adult_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		household_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g),
		first_seen = (SELECT min(d) FROM (SELECT date((min(a.checked_in_at) + 25200000) / 1000, 'unixepoch') AS d FROM attendance a WHERE a.resident_id = resident_coverage.resident_id UNION ALL SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL))
	WHERE resident_id IN (OLD.resident_id, NEW.resident_id);
END;

CREATE TRIGGER resident_coverage_checkin_delete AFTER DELETE ON attendance
WHEN OLD.resident_id IS NOT NULL
BEGIN
	UPDATE resident_coverage SET
		adult_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		household_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g),
		first_seen = (SELECT min(d) FROM (SELECT date((min(a.checked_in_at) + 25200000) / 1000, 'unixepoch') AS d FROM attendance a WHERE a.resident_id = resident_coverage.resident_id UNION ALL SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL))
	WHERE resident_id = OLD.resident_id;
END;

CREATE TRIGGER resident_coverage_definitions AFTER UPDATE OF value ON coverage_definitions
WHEN NEW.key IN ('adult_skilled', 'household_covered') AND NEW.value <> OLD.value
BEGIN
	UPDATE resident_coverage SET
		adult_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		household_since = (SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g),
		first_seen = (SELECT min(d) FROM (SELECT date((min(a.checked_in_at) + 25200000) / 1000, 'unixepoch') AS d FROM attendance a WHERE a.resident_id = resident_coverage.resident_id UNION ALL SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = resident_coverage.resident_id AND m.undone_at IS NULL))
	WHERE resident_id IN (SELECT resident_id FROM milestones);
END;

-- Indexes for the dashboards and the daily report.
-- A khu phố's check-ins of a day or of 12 weeks: a range on time within one khu phố, with
-- the resident in the index so "distinct people" never visits the table rows.
CREATE INDEX attendance_neighborhood_time ON attendance(neighborhood_id, checked_in_at, resident_id);
-- The same for the whole ward (attendance_time lacks resident_id).
CREATE INDEX attendance_time_resident ON attendance(checked_in_at, resident_id);
-- A resident's first check-in (first_seen) without a scan of their history.
CREATE INDEX attendance_resident_time ON attendance(resident_id, checked_in_at);
-- A khu phố's sessions of one day.
CREATE INDEX class_sessions_neighborhood_starts ON class_sessions(neighborhood_id, starts_at);
