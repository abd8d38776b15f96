-- A kiosk's call for a volunteer can now end without anyone taking it. Before, every call stayed
-- on every staff page until someone tapped "Tôi đến ngay": a call whose resident had long gone
-- home, yesterday's, and a kiosk's first call beside its second. The row stays, saying how it
-- ended, as an answered one does (ops/kiosk.ts):
--   withdrawn  the kiosk was left alone and cleared itself for the next person: whoever called
--              has gone;
--   replaced   the same kiosk called again, and `replaced_by` is that newer call: one line per
--              kiosk on the volunteers' phones, and a volunteer taking the older takes the newer.
-- `taps`: how many taps of a kiosk's button the call took in (a tap within HELP_REPEAT_MS of it
-- joins it). A call another screen of the same kiosk joined is not withdrawn when one of the
-- two clears itself: the other's resident may still be waiting.
-- Calls older than HELP_OPEN_MS are not listed either (repositories/sessions.ts); they keep no
-- ending here, because nothing ended them: nobody took them.
ALTER TABLE help_requests ADD COLUMN closed_at INTEGER;
ALTER TABLE help_requests ADD COLUMN closed_as TEXT CHECK (closed_as IN ('withdrawn', 'replaced'));
ALTER TABLE help_requests ADD COLUMN replaced_by INTEGER REFERENCES help_requests(id);
ALTER TABLE help_requests ADD COLUMN taps INTEGER NOT NULL DEFAULT 1;
-- The open calls (the staff pages' list, every 10 s on every phone; a kiosk's next call).
CREATE INDEX help_requests_open ON help_requests(kiosk, at)
	WHERE answered_at IS NULL AND closed_at IS NULL;
