-- Erasure deletes a resident (and a household it empties); a merge deletes a khu phố. SQLite
-- gives a new row max(id) + 1, so whoever was registered after the newest resident had been
-- erased got the erased person's id, and with it their audit rows ('resident:<id>'), their
-- access history in the new person's data export and their failed scans. An id is never given
-- twice now: the highest id each of these tables has lost is kept here, and inserts start
-- above it (repositories/ids.ts).
CREATE TABLE retired_ids (
	tbl TEXT PRIMARY KEY,
	max_id INTEGER NOT NULL
);

CREATE TRIGGER residents_id_retired AFTER DELETE ON residents
BEGIN
	INSERT INTO retired_ids (tbl, max_id) VALUES ('residents', OLD.id)
	ON CONFLICT (tbl) DO UPDATE SET max_id = max(max_id, excluded.max_id);
END;
CREATE TRIGGER households_id_retired AFTER DELETE ON households
BEGIN
	INSERT INTO retired_ids (tbl, max_id) VALUES ('households', OLD.id)
	ON CONFLICT (tbl) DO UPDATE SET max_id = max(max_id, excluded.max_id);
END;
CREATE TRIGGER neighborhoods_id_retired AFTER DELETE ON neighborhoods
BEGIN
	INSERT INTO retired_ids (tbl, max_id) VALUES ('neighborhoods', OLD.id)
	ON CONFLICT (tbl) DO UPDATE SET max_id = max(max_id, excluded.max_id);
END;

-- Ids lost before this migration are known from the audit log, which names every record it
-- ever spoke of by id and is never deleted from.
INSERT INTO retired_ids (tbl, max_id)
SELECT tbl, max_id FROM (
	SELECT 'residents' AS tbl, max(CAST(substr(subject, 10) AS INTEGER)) AS max_id
	FROM audit_log WHERE subject GLOB 'resident:[0-9]*'
	UNION ALL
	SELECT 'households', max(CAST(substr(subject, 11) AS INTEGER))
	FROM audit_log WHERE subject GLOB 'household:[0-9]*'
	UNION ALL
	SELECT 'neighborhoods', max(CAST(substr(subject, 14) AS INTEGER))
	FROM audit_log WHERE subject GLOB 'neighborhood:[0-9]*'
) WHERE max_id IS NOT NULL;
