import { refusedScans } from './offline-queue';
import { sendQueued } from './queue-sender';
import type { RefusedScan } from './refused-summary';
import { waitingPeople } from './scan-memory';

/** How often the staff pages try the phone's queue again (the scanner has its own, 4 s). */
const SEND_EVERY_MS = 5000;

/**
 * The scans this phone still holds, as every staff page but the scanner sees and sends them.
 * A volunteer who queued scans offline and then went to close the class saw "0 người" and
 * nothing else, and the scans waited until a scanner page was opened again, maybe never.
 * One per page (the layout starts it); pages read it, e.g. the close question of a class.
 */
class PhoneQueue {
	/** People whose scans are not yet sent, by class. */
	bySession = $state<Record<number, number>>({});
	left = $state(0);
	/** Scans this page delivered so far: a page showing counts reads them again when it moves. */
	delivered = $state(0);
	needsSignIn = $state(false);
	/** Sent late and refused (class closed, card revoked): kept until read on a scanner page. */
	refused = $state<RefusedScan[]>([]);
	private busy = false;

	async run(): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		try {
			const sent = await sendQueued({ answered: () => this.delivered++ });
			this.refused = await refusedScans();
			// People, not scans, as the scanner's "Chờ gửi" counts them: a queue kept before the
			// scanner kept one scan per person may hold someone twice.
			const bySession: Record<number, number> = {};
			for (const id of new Set(sent.left.map((scan) => scan.sessionId))) {
				bySession[id] = waitingPeople(sent.left.filter((scan) => scan.sessionId === id));
			}
			this.bySession = bySession;
			this.left = waitingPeople(sent.left);
			this.needsSignIn = sent.needsSignIn;
		} catch {
			// IndexedDB unavailable (private mode): this phone keeps nothing to send
		} finally {
			this.busy = false;
		}
	}

	/** Sends now, then every few seconds and whenever the phone is back online, until stopped. */
	start(): () => void {
		const run = () => void this.run();
		run();
		const timer = setInterval(run, SEND_EVERY_MS);
		window.addEventListener('online', run);
		return () => {
			clearInterval(timer);
			window.removeEventListener('online', run);
		};
	}
}

export const phoneQueue = new PhoneQueue();
