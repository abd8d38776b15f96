-- Trạm Học Số: the whole product's data model. Times are Unix milliseconds (UTC); calendar
-- dates are 'YYYY-MM-DD' in Vietnam's time zone (UTC+7, no daylight saving).

CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Ward-wide settings (ward name, place name for reports, kiosk defaults).
CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE neighborhoods (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	sort INTEGER NOT NULL DEFAULT 0
);

-- Cultural houses (nhà văn hoá) and other places where classes meet and kiosks stand.
CREATE TABLE places (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	neighborhood_id INTEGER REFERENCES neighborhoods(id)
);

CREATE TABLE households (
	id INTEGER PRIMARY KEY,
	neighborhood_id INTEGER NOT NULL REFERENCES neighborhoods(id),
	address TEXT NOT NULL,
	head_name TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES users(id)
);
CREATE INDEX households_neighborhood ON households(neighborhood_id);

CREATE TABLE residents (
	id INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES households(id),
	full_name TEXT NOT NULL,
	-- vi_fold(full_name): lower case without diacritics, for "nguyen van" → "Nguyễn Văn".
	name_folded TEXT NOT NULL,
	birth_year INTEGER NOT NULL,
	phone TEXT,
	relationship TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES users(id)
);
CREATE INDEX residents_household ON residents(household_id);
CREATE INDEX residents_name_folded ON residents(name_folded);

-- Consent is recorded before a resident is stored (Law 91/2025/QH15).
CREATE TABLE consents (
	id INTEGER PRIMARY KEY,
	resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
	method TEXT NOT NULL CHECK (method IN ('paper', 'verbal', 'guardian')),
	taken_by TEXT NOT NULL,
	taken_at INTEGER NOT NULL,
	withdrawn_at INTEGER
);
CREATE INDEX consents_resident ON consents(resident_id);

-- QR cards: an opaque random code, nothing personal in it. Revoked cards stay for history.
CREATE TABLE cards (
	code TEXT PRIMARY KEY,
	resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
	issued_at INTEGER NOT NULL,
	revoked_at INTEGER
) WITHOUT ROWID;
CREATE INDEX cards_resident ON cards(resident_id);

-- The skills catalogue (Quyết định 757/QĐ-BKHCN), editable data.
CREATE TABLE skills (
	code TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	framework_ref TEXT NOT NULL,
	area TEXT NOT NULL,
	sort INTEGER NOT NULL
);

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('officer', 'head', 'volunteer')),
	neighborhood_id INTEGER REFERENCES neighborhoods(id),
	secret_hash TEXT NOT NULL,
	disabled INTEGER NOT NULL DEFAULT 0,
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked INTEGER NOT NULL DEFAULT 0,
	last_failed_at INTEGER,
	created_at INTEGER NOT NULL
);

CREATE TABLE milestones (
	id INTEGER PRIMARY KEY,
	resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
	skill_code TEXT NOT NULL REFERENCES skills(code),
	evidence TEXT NOT NULL CHECK (evidence IN ('witnessed', 'real')),
	achieved_on TEXT NOT NULL,
	witness_id INTEGER REFERENCES users(id),
	recorded_at INTEGER NOT NULL,
	undone_at INTEGER,
	undone_by INTEGER REFERENCES users(id)
);
CREATE INDEX milestones_resident ON milestones(resident_id, skill_code);
CREATE INDEX milestones_day ON milestones(achieved_on);

CREATE TABLE class_sessions (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	topic TEXT,
	walkthrough_id TEXT,
	place TEXT NOT NULL,
	neighborhood_id INTEGER REFERENCES neighborhoods(id),
	starts_at INTEGER NOT NULL,
	opened_by INTEGER REFERENCES users(id),
	closed_at INTEGER
);
CREATE INDEX class_sessions_starts ON class_sessions(starts_at);

-- Attendance: one row per resident per session. `nonce` makes a repeated scan one check-in.
-- An erased resident's rows keep their session and neighbourhood with resident_id NULL, so
-- counts stay right.
CREATE TABLE attendance (
	id INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES class_sessions(id),
	resident_id INTEGER REFERENCES residents(id) ON DELETE SET NULL,
	neighborhood_id INTEGER,
	checked_in_at INTEGER NOT NULL,
	source TEXT NOT NULL CHECK (source IN ('camera', 'scanner', 'search', 'kiosk', 'import')),
	volunteer_id INTEGER REFERENCES users(id),
	nonce TEXT NOT NULL UNIQUE
);
CREATE UNIQUE INDEX attendance_once ON attendance(session_id, resident_id);
CREATE INDEX attendance_resident ON attendance(resident_id);
CREATE INDEX attendance_time ON attendance(checked_in_at);

-- Every scan that did not check anyone in, for the volunteers' and officer's eyes.
CREATE TABLE failed_scans (
	id INTEGER PRIMARY KEY,
	session_id INTEGER,
	code_excerpt TEXT NOT NULL,
	reason TEXT NOT NULL,
	source TEXT NOT NULL,
	volunteer_id INTEGER,
	at INTEGER NOT NULL
);

CREATE TABLE auth_sessions (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id),
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	revoked_at INTEGER,
	device TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Append-only: nothing updates or deletes these rows.
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	actor_id INTEGER,
	action TEXT NOT NULL,
	subject TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT '',
	device TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The ward plan's targets: data, editable by the ward officer.
CREATE TABLE coverage_targets (
	id INTEGER PRIMARY KEY,
	metric TEXT NOT NULL CHECK (metric IN ('adults_skilled', 'households_covered', 'pupils')),
	percent REAL NOT NULL,
	deadline TEXT NOT NULL,
	label TEXT NOT NULL
);

-- What "adult with basic digital skills" and "household covered" mean, as data. `value` is
-- JSON: for skill rules a list of groups, each group satisfied by any one of its codes.
CREATE TABLE coverage_definitions (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL,
	label TEXT NOT NULL
);

-- "Gọi tình nguyện viên" from a kiosk.
CREATE TABLE help_requests (
	id INTEGER PRIMARY KEY,
	kiosk TEXT NOT NULL,
	place TEXT NOT NULL,
	at INTEGER NOT NULL,
	answered_at INTEGER,
	answered_by INTEGER REFERENCES users(id)
);

-- Anonymous kiosk lesson use: no person, only the lesson, what happened, and where.
CREATE TABLE lesson_events (
	id INTEGER PRIMARY KEY,
	walkthrough_id TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('start', 'complete', 'leave')),
	step INTEGER,
	kiosk TEXT NOT NULL DEFAULT '',
	at INTEGER NOT NULL
);
CREATE INDEX lesson_events_at ON lesson_events(at);

-- A resident showed their card at the kiosk after finishing a lesson (not a milestone).
CREATE TABLE lesson_completions (
	id INTEGER PRIMARY KEY,
	resident_id INTEGER REFERENCES residents(id) ON DELETE SET NULL,
	walkthrough_id TEXT NOT NULL,
	kiosk TEXT NOT NULL DEFAULT '',
	at INTEGER NOT NULL,
	nonce TEXT NOT NULL UNIQUE
);
