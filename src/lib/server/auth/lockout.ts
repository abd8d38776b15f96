/**
 * How failed sign-ins slow down and then stop guessing. Pure, so the rules are tested
 * without a clock: after the 3rd failure in a row the next try must wait 1 s, after the 4th
 * 2 s; the 5th failure locks the account until the ward officer unlocks it. One or two slips
 * (a mistyped PIN) cost nothing. The ward's last working officer is never locked (nobody
 * could unlock them): their waits go on growing, to a minute a try (ops/auth.ts).
 */
export const LOCK_AFTER_FAILURES = 5;

/** Milliseconds a username must wait after `failures` failed tries in a row. */
export function delayAfterFailures(failures: number): number {
	if (failures < 3) return 0;
	return 1000 * 2 ** Math.min(failures - 3, 6);
}

/** How long (ms) until the next try may be checked; 0 when it may be checked now. */
export function waitBeforeNextTry(
	failures: number,
	lastFailedAt: number | null,
	now: number
): number {
	if (lastFailedAt === null) return 0;
	return Math.max(0, lastFailedAt + delayAfterFailures(failures) - now);
}

export const locksNow = (failuresAfterThisOne: number): boolean =>
	failuresAfterThisOne >= LOCK_AFTER_FAILURES;
