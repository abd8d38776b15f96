-- attendance(resident_id) and attendance(checked_in_at) are prefixes of the indexes that
-- 0005 added for the dashboards, (resident_id, checked_in_at) and (checked_in_at,
-- resident_id), which serve every query they served. Each check-in updated both for nothing.
DROP INDEX attendance_resident;
DROP INDEX attendance_time;
