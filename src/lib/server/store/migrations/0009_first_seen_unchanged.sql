-- A check-in moves a resident's first_seen only when it is earlier than the one kept, which
-- after a resident's first class is almost never. 0005's trigger rewrote the coverage row on
-- every check-in all the same (a page written and copied for rollback, ~2–3 µs of each
-- check-in in sql.js); this one touches the row only when the date changes. Same result.
DROP TRIGGER resident_coverage_checkin;
CREATE TRIGGER resident_coverage_checkin AFTER INSERT ON attendance
WHEN NEW.resident_id IS NOT NULL
BEGIN
	UPDATE resident_coverage
	SET first_seen = date((NEW.checked_in_at + 25200000) / 1000, 'unixepoch')
	WHERE resident_id = NEW.resident_id
		AND coalesce(first_seen, '9999-12-31') > date((NEW.checked_in_at + 25200000) / 1000, 'unixepoch');
END;
