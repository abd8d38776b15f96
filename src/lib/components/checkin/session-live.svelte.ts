import type { ClassSession, HelpRequest } from '$lib/domain/checkin-people';
import { timedFetch } from './timed-fetch';

/** Kiosks may call for a volunteer during class, and the class may be closed elsewhere. */
export const REFRESH_MS = 15_000;

/**
 * The scanner page's view of the session and of open help calls, kept fresh by a plain JSON
 * read (GET /api/sessions/:id). Not `invalidateAll`: when the server is unreachable SvelteKit
 * falls back to a full navigation, and the phone then shows the browser's error page instead
 * of the scanner. Here a failed read only keeps the last numbers and sets `offline`.
 */
export class SessionLive {
	session = $state<ClassSession>() as ClassSession;
	help = $state<HelpRequest[]>([]);
	offline = $state(false);

	constructor(session: ClassSession, help: HelpRequest[]) {
		this.session = session;
		this.help = help;
	}

	/** Starts refreshing; `onsession` hears each fresh session (the count lives in the scanner). */
	start(onsession: (session: ClassSession) => void): () => void {
		const refresh = () => void this.refresh().then((s) => s && onsession(s));
		const offline = () => (this.offline = true);
		refresh();
		const timer = setInterval(refresh, REFRESH_MS);
		window.addEventListener('online', refresh);
		window.addEventListener('offline', offline);
		return () => {
			clearInterval(timer);
			window.removeEventListener('online', refresh);
			window.removeEventListener('offline', offline);
		};
	}

	/** A scan's send tells as much as a refresh: the line goes as soon as the server answers. */
	heard(answered: boolean): void {
		this.offline = !answered;
	}

	async refresh(): Promise<ClassSession | undefined> {
		try {
			const response = await timedFetch(`/api/sessions/${this.session.id}`);
			this.offline = response.status >= 500;
			// Signed out or refused: the scans themselves say so (needsSignIn); keep what we have.
			if (!response.ok) return undefined;
			const body = (await response.json()) as { session: ClassSession; help: HelpRequest[] };
			this.session = body.session;
			this.help = body.help;
			return body.session;
		} catch {
			this.offline = true;
			return undefined;
		}
	}
}
