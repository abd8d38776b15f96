import type { ClassSession } from '$lib/domain/checkin-people';
import { keepFresh } from './live-channel';
import type { Sent } from './queue-sender';
import { serverNow, timedFetch, timedOut } from './timed-fetch';

/**
 * The class may be closed elsewhere, and other phones check people in to it. While the live
 * channel is healthy it says so within a second, and this round is skipped (LIVE_POLL_MS).
 */
export const REFRESH_MS = 15_000;

/**
 * The scanner page's view of the session, kept fresh by a plain JSON read
 * (GET /api/sessions/:id; its `help` is read by the staff bar's banner from GET /api/help). Not `invalidateAll`: when the server is unreachable SvelteKit
 * falls back to a full navigation, and the phone then shows the browser's error page instead
 * of the scanner. Here a failed read only keeps the last numbers and sets `offline`.
 */
export class SessionLive {
	session = $state<ClassSession>() as ClassSession;
	offline = $state(false);
	/** Offline because the server did not answer in time, not because there was no network. */
	slow = $state(false);
	/**
	 * The server answered a scan but could not store it (a 5xx: its disk full): not the
	 * network, so the volunteer is not sent looking for the Wi-Fi.
	 */
	unstored = $state(false);
	/**
	 * When the server last answered: the page's count is as of then. A page reloaded with the
	 * server gone is the copy the phone kept, its count as old as that copy (`renderedAt`).
	 */
	heardAt = $state(0);
	constructor(session: ClassSession, renderedAt: number) {
		this.session = session;
		this.heardAt = renderedAt;
	}

	/**
	 * Starts refreshing; `onsession` hears each fresh session (the count lives in the scanner)
	 * with when it was asked for, on the server's clock: what it says is as of then.
	 */
	start(onsession: (session: ClassSession, askedAt: number) => void): () => void {
		const offline = () => {
			this.offline = true;
			this.slow = false;
			this.unstored = false;
		};
		const fresh = keepFresh({
			read: async () => {
				const askedAt = serverNow();
				const session = await this.refresh();
				if (session) onsession(session, askedAt);
			},
			change: 'session',
			everyMs: REFRESH_MS,
			session: this.session.id,
			// Offline: every round reads, to find out as soon as the server is back.
			mustRead: () => this.offline,
			// The stream only talks while the server is there: the count is current as of now.
			onalive: () => {
				if (!this.offline) this.heardAt = Date.now();
			}
		});
		window.addEventListener('online', fresh.now);
		window.addEventListener('offline', offline);
		return () => {
			fresh.stop();
			window.removeEventListener('online', fresh.now);
			window.removeEventListener('offline', offline);
		};
	}

	/** A scan's send tells as much as a refresh: the line goes as soon as the server answers. */
	heard(sent: Sent): void {
		const answered = sent.delivered || sent.auth === true;
		this.offline = !answered;
		this.slow = !sent.delivered && sent.slow === true;
		this.unstored = !sent.delivered && sent.server === true;
		if (answered) this.heardAt = Date.now();
	}

	async refresh(): Promise<ClassSession | undefined> {
		try {
			const response = await timedFetch(`/api/sessions/${this.session.id}`);
			this.offline = response.status >= 500;
			this.slow = false;
			this.unstored = false;
			if (!this.offline) this.heardAt = Date.now();
			// Signed out or refused: the scans themselves say so (needsSignIn); keep what we have.
			if (!response.ok) return undefined;
			const body = (await response.json()) as { session: ClassSession };
			this.session = body.session;
			return body.session;
		} catch (error) {
			this.offline = true;
			this.slow = timedOut(error);
			this.unstored = false;
			return undefined;
		}
	}
}
