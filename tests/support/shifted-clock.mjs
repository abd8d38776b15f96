// Tests only, loaded into a server of a test's own with `node --import`: its clock runs as many
// milliseconds ahead as the file CLOCK_SHIFT_FILE says, read again at every look, so a test
// moves the server's time on (a kiosk calling again ten minutes later) without waiting, and
// the very next request sees it. Pages have their own clocks (Playwright's page.clock); the
// server's rules about time (a call joined or replaced, too old to list) need this one.
import { readFileSync } from 'node:fs';

const file = process.env.CLOCK_SHIFT_FILE;
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);

function shift() {
	try {
		return Number(readFileSync(file, 'utf8')) || 0;
	} catch {
		return 0;
	}
}

class ShiftedDate extends RealDate {
	constructor(...args) {
		if (args.length === 0) super(realNow() + shift());
		else super(...args);
	}

	static now() {
		return realNow() + shift();
	}
}

if (file) globalThis.Date = ShiftedDate;
