-- When each class session was opened (ms, the server's clock): no scan can have been made
-- before it, since the scanner page needs the session's id. starts_at is the planned start,
-- often later (early arrivals are scanned before it), so it cannot bound a back-dated
-- scannedAt. Sessions opened before this migration stay NULL: their opening time is not
-- known, and guessing it could refuse a real offline scan.
ALTER TABLE class_sessions ADD COLUMN opened_at INTEGER;
