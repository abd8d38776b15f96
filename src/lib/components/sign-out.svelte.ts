import { deserialize } from '$app/forms';
import { queued } from './checkin/offline-queue';
import { sendQueued } from './checkin/queue-sender';
import { waitingPeople } from './checkin/scan-memory';
import { timedFetch, timedOut } from './checkin/timed-fetch';

/** Signing out waits this long for the server, then says it did not happen (yet). */
export const SIGN_OUT_TIMEOUT_MS = 8000;

/** Where the server sends a signed-out phone: the sign-in page, which forgets the kept pages. */
const SIGNED_OUT = '/dang-nhap?da-dang-xuat';

/** People waiting in this phone's queue (0 when IndexedDB is not there: nothing was kept). */
async function waitingOnPhone(): Promise<number> {
	try {
		return waitingPeople(await queued());
	} catch {
		return 0;
	}
}

/**
 * "Đăng xuất" with JavaScript. Without it the form posts to /dang-xuat as it always did; with
 * it the phone first looks at its queue: scans not yet sent stay on the phone after signing
 * out and go only after someone signs in again on it, so the volunteer is asked first (send
 * now, stay, or sign out anyway). And the post itself is sent from here: offline, the browser's
 * own post showed Chrome's English error page and left the volunteer signed in, away from the
 * scanner; here the page stays and says so in Vietnamese. (The service worker never touches a
 * POST, and must not: a sign-out kept for later is not a sign-out.)
 */
export class SignOut {
	/** The question about unsent scans is open. */
	asking = $state(false);
	/** People still waiting in the queue, as the question says. */
	waiting = $state(0);
	busy = $state<'sending' | 'signing-out' | null>(null);
	/** Why the last "Gửi ngay" left scans on the phone, in the question. */
	sendProblem = $state<string | null>(null);
	/** Why the volunteer is still signed in (no network, no answer), beside the staff bar. */
	problem = $state<string | null>(null);

	submit = async (event: SubmitEvent): Promise<void> => {
		event.preventDefault();
		if (this.busy) return;
		this.problem = null;
		const waiting = await waitingOnPhone();
		if (waiting > 0) {
			this.waiting = waiting;
			this.sendProblem = null;
			this.asking = true;
			return;
		}
		await this.signOut();
	};

	stay = (): void => {
		this.asking = false;
	};

	/** Sends the queue; signs out once nothing is left, else says why and keeps asking. */
	sendThenSignOut = async (): Promise<void> => {
		if (this.busy) return;
		this.busy = 'sending';
		this.sendProblem = null;
		let needsSignIn = false;
		try {
			const run = await sendQueued();
			this.waiting = waitingPeople(run.left);
			needsSignIn = run.needsSignIn;
		} catch {
			this.waiting = await waitingOnPhone();
		}
		this.busy = null;
		if (this.waiting === 0) {
			await this.signOut();
			return;
		}
		this.sendProblem = needsSignIn
			? 'Chưa gửi được: phiên đăng nhập trên máy này đã hết. Các lượt này chỉ gửi được sau khi đăng nhập lại trên điện thoại này.'
			: 'Chưa gửi được: điện thoại chưa kết nối được với máy chủ.';
	};

	signOut = async (): Promise<void> => {
		if (this.busy) return;
		this.busy = 'signing-out';
		this.problem = null;
		let response: Response;
		try {
			response = await timedFetch(
				'/dang-xuat',
				{
					method: 'POST',
					body: new FormData(),
					// The form action's own answer (as `use:enhance` asks for it): the redirect
					// as JSON, with the cookie cleared.
					headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
					// Signed out already (the session ran out): the server sends this to the
					// sign-in page, which is where signing out leads anyway.
					redirect: 'manual'
				},
				SIGN_OUT_TIMEOUT_MS
			);
		} catch (error) {
			this.stayed(
				timedOut(error)
					? 'Chưa chắc đã đăng xuất: máy chủ chưa trả lời. Xin bấm “Đăng xuất” lại sau ít phút.'
					: 'Chưa đăng xuất được: đăng xuất cần có mạng, mà điện thoại đang không kết nối được với máy chủ. Bạn vẫn đang đăng nhập trên máy này và vẫn quét thẻ được. Khi có mạng, bấm “Đăng xuất” lại.'
			);
			return;
		}
		if (response.type === 'opaqueredirect') return leave(SIGNED_OUT);
		const location = await redirectedTo(response);
		// A whole new page, not a client-side move: nothing of this volunteer's stays in the
		// page's memory for the next person at the phone.
		if (location) return leave(location);
		this.stayed(
			'Chưa đăng xuất được: máy chủ báo lỗi. Bạn vẫn đang đăng nhập trên máy này. Xin bấm “Đăng xuất” lại.'
		);
	};

	private stayed(problem: string): void {
		this.problem = problem;
		this.busy = null;
		this.asking = false;
	}
}

/** Where the action's answer sends the phone; undefined for anything else (an error page). */
async function redirectedTo(response: Response): Promise<string | undefined> {
	try {
		const result = deserialize(await response.text());
		return result.type === 'redirect' ? result.location : undefined;
	} catch {
		return undefined;
	}
}

function leave(location: string): void {
	window.location.assign(location);
}
