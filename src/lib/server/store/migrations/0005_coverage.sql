-- Coverage, kept current by the database itself (issue 5).
--
-- For each resident with milestones: the first day their milestones (not undone) met the
-- "adult with basic digital skills" rule and the "household covered" rule — the latest of
-- the earliest days of each group of the rule (coverage_definitions, JSON). Then
-- "skilled as of day D" is `adult_since <= D`: one indexed row per resident instead of a
-- pass over every milestone (bench/reports.bench.ts: 270 ms → a few ms at 200k milestones).
--
-- Triggers keep it right whoever writes milestones (ops, the demo seed, imports, erasure):
-- a milestone write recomputes only its resident (cost independent of the database size),
-- and changing a definition recomputes everyone (a rare officer action).

CREATE TABLE resident_coverage (
	resident_id INTEGER PRIMARY KEY,
	adult_since TEXT,
	household_since TEXT
);
CREATE INDEX resident_coverage_household ON resident_coverage(household_since)
	WHERE household_since IS NOT NULL;

INSERT INTO resident_coverage (resident_id, adult_since, household_since)
	SELECT r.id,
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g)
	FROM residents r WHERE EXISTS (SELECT 1 FROM milestones m WHERE m.resident_id = r.id);

CREATE TRIGGER resident_coverage_milestone_insert AFTER INSERT ON milestones
BEGIN
	INSERT OR REPLACE INTO resident_coverage (resident_id, adult_since, household_since)
	SELECT r.id,
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g)
	FROM residents r WHERE r.id = NEW.resident_id;
END;

CREATE TRIGGER resident_coverage_milestone_update AFTER UPDATE ON milestones
BEGIN
	DELETE FROM resident_coverage WHERE resident_id IN (OLD.resident_id, NEW.resident_id);
	INSERT OR REPLACE INTO resident_coverage (resident_id, adult_since, household_since)
	SELECT r.id,
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g)
	FROM residents r WHERE r.id IN (OLD.resident_id, NEW.resident_id) AND EXISTS (SELECT 1 FROM milestones m WHERE m.resident_id = r.id);
END;

CREATE TRIGGER resident_coverage_milestone_delete AFTER DELETE ON milestones
BEGIN
	DELETE FROM resident_coverage WHERE resident_id = OLD.resident_id;
	INSERT OR REPLACE INTO resident_coverage (resident_id, adult_since, household_since)
	SELECT r.id,
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g)
	FROM residents r WHERE r.id = OLD.resident_id AND EXISTS (SELECT 1 FROM milestones m WHERE m.resident_id = r.id);
END;

CREATE TRIGGER resident_coverage_resident_delete AFTER DELETE ON residents
BEGIN
	DELETE FROM resident_coverage WHERE resident_id = OLD.id;
END;

CREATE TRIGGER resident_coverage_definitions AFTER UPDATE OF value ON coverage_definitions
WHEN NEW.key IN ('adult_skilled', 'household_covered') AND NEW.value <> OLD.value
BEGIN
	DELETE FROM resident_coverage;
	INSERT INTO resident_coverage (resident_id, adult_since, household_since)
	SELECT r.id,
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'adult_skilled')) grp) g),
		(SELECT CASE WHEN count(*) = count(g.since) THEN max(g.since) END FROM (SELECT (SELECT min(m.achieved_on) FROM milestones m WHERE m.resident_id = r.id AND m.undone_at IS NULL AND m.skill_code IN (SELECT value FROM json_each(grp.value))) AS since FROM json_each((SELECT value FROM coverage_definitions WHERE key = 'household_covered')) grp) g)
	FROM residents r WHERE EXISTS (SELECT 1 FROM milestones m WHERE m.resident_id = r.id);
END;

-- Indexes for the dashboards and the daily report.
-- A khu phố's check-ins of one day: a range on time within one khu phố.
CREATE INDEX attendance_neighborhood_time ON attendance(neighborhood_id, checked_in_at);
-- "Reached by the end of day D": a resident's first check-in without a scan.
CREATE INDEX attendance_resident_time ON attendance(resident_id, checked_in_at);
-- A khu phố's sessions of one day.
CREATE INDEX class_sessions_neighborhood_starts ON class_sessions(neighborhood_id, starts_at);
