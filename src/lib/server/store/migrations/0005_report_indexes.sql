-- Indexes for the heads' dashboards and the daily report (bench/reports.bench.ts).
-- A khu phố's check-ins of one day: a range on time within one khu phố.
CREATE INDEX attendance_neighborhood_time ON attendance(neighborhood_id, checked_in_at);
-- "Reached by the end of day D": the first check-in of a resident, found without a scan.
CREATE INDEX attendance_resident_time ON attendance(resident_id, checked_in_at);
-- A khu phố's sessions of one day.
CREATE INDEX class_sessions_neighborhood_starts ON class_sessions(neighborhood_id, starts_at);
