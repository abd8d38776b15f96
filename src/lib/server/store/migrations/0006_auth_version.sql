-- A counter that moves whenever an account or a session changes. The server keeps who is
-- behind each session cookie in memory and checks this one row per request instead of
-- hashing the token and joining sessions to users every time; any change empties that cache.
CREATE TABLE auth_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n INTEGER NOT NULL
);
INSERT INTO auth_version (id, n) VALUES (1, 0);

CREATE TRIGGER auth_version_user_added AFTER INSERT ON users
BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER auth_version_user_changed AFTER UPDATE ON users
BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER auth_version_user_removed AFTER DELETE ON users
BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER auth_version_session_added AFTER INSERT ON auth_sessions
BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER auth_version_session_changed AFTER UPDATE ON auth_sessions
BEGIN UPDATE auth_version SET n = n + 1; END;
CREATE TRIGGER auth_version_session_removed AFTER DELETE ON auth_sessions
BEGIN UPDATE auth_version SET n = n + 1; END;
