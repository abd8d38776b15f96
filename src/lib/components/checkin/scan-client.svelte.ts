import { formatTime } from '$lib/domain/time';
import { REASON_TEXT, type CheckinReason } from '$lib/domain/checkin';
import { feedback } from './feedback';
import { newNonce } from './nonce';
import { enqueue, forgetRefused, queued, refusedScans, type QueuedScan } from './offline-queue';
import { postScan, sendQueued, type Sent } from './queue-sender';
import type { RefusedScan } from './refused-summary';
import { serverNow, serverPassed } from './timed-fetch';
import {
	emptyMemory,
	heardCheckin,
	heardCount,
	readMemory,
	scanKey,
	waitingPeople,
	waitingScan,
	writeMemory,
	type ClassMemory
} from './scan-memory';
import { keptAgainResult, keptResult, seenResult, type NotSent } from './scan-results';

export interface ScanResult {
	kind: 'ok' | 'already' | 'error' | 'queued' | 'sending';
	title: string;
	detail: string;
	/** Who it was beyond the name ("Sinh năm 1952", "Khu phố 3"): four people may share one. */
	about?: string[];
	/** Why a kept scan was not sent ("Phiên đăng nhập đã hết."), under the title. */
	note?: string;
	/** What the volunteer must do for it to be sent (sign in again): a link beside the result. */
	action?: { href: string; label: string };
}

/** The facts under a checked-in person's name, from the fields the answer carries. */
export function aboutResident(resident: {
	birthYear?: unknown;
	neighborhoodName?: unknown;
}): string[] {
	const parts = [
		typeof resident.birthYear === 'number' ? `Sinh năm ${resident.birthYear}` : '',
		typeof resident.neighborhoodName === 'string' ? resident.neighborhoodName : ''
	];
	return parts.filter(Boolean);
}

/** On screen at once after a scan, so a hurried volunteer does not scan the card again. */
const SENDING: ScanResult = { kind: 'sending', title: 'Đang gửi…', detail: '' };

const RETRY_MS = 4000;

/**
 * The scanner's state: the result on screen, the session's running count, and the queue of
 * scans waiting for the network. Every way in (camera, USB scanner, name search) ends here.
 */
export class ScanClient {
	result = $state<ScanResult | null>(null);
	count = $state(0);
	/** People (not scans) waiting in the queue. */
	waiting = $state(0);
	needsSignIn = $state(false);
	/**
	 * Queued scans the server refused when they finally reached it: kept on the phone until
	 * dismissed, so a reload does not hide who did not get in.
	 */
	refused = $state<RefusedScan[]>([]);
	private flushing = false;
	/** Each scan's turn: an answer for an older scan never covers a newer one's screen. */
	private turn = 0;
	private timer: ReturnType<typeof setInterval> | undefined;
	/** Whom this phone saw checked in, and the last count heard (scan-memory.ts). */
	private memory: ClassMemory = emptyMemory();
	/**
	 * Scans join the queue one at a time, each after looking whether its person is there
	 * already: two reads of one card close together (a USB scanner's double beep) both found
	 * the queue without it.
	 */
	private keeping: Promise<unknown> = Promise.resolve();

	constructor(
		private sessionId: number,
		count: number,
		/** Hears how each send went (the page's "Mất kết nối" line). */
		private onanswer: (sent: Sent) => void = () => {}
	) {
		this.count = count;
	}

	/**
	 * Takes what the phone remembers of this class (in the browser only). A page rendered before
	 * the last count was heard (the copy the phone kept, opened again with the server gone)
	 * shows the remembered count: gives the time it was heard, for the page to say "tính đến".
	 */
	recall(renderedAt: number): number | undefined {
		// The server drew this page at renderedAt (to the ms): what is heard from now on is later.
		serverPassed(renderedAt);
		const kept = readMemory(this.sessionId);
		this.memory = kept;
		if (kept.at > renderedAt) {
			this.count = kept.count;
			return kept.at;
		}
		this.heardCount(this.count, renderedAt);
		return undefined;
	}

	/**
	 * The class's count as the server said it at `at` (a scan's answer when it came; a refresh
	 * when it was asked). A count older than one already heard is not taken: a refresh asked
	 * before the last scans were answered, answered after them, put "Đã điểm danh: 1" back
	 * where the screen had said 3, and the phone remembered 1 for a reload offline.
	 */
	heardCount(count: number, at = serverNow()): void {
		if (at < this.memory.at) return;
		this.count = count;
		this.memory = heardCount(this.memory, count, at);
		writeMemory(this.sessionId, this.memory);
	}

	start(): () => void {
		void this.loadRefused().then(() => this.flush());
		this.timer = setInterval(() => void this.flush(), RETRY_MS);
		const online = () => void this.flush();
		window.addEventListener('online', online);
		return () => {
			clearInterval(this.timer);
			window.removeEventListener('online', online);
		};
	}

	private async send(scan: QueuedScan): Promise<Sent> {
		const sent = await postScan(scan);
		this.onanswer(sent);
		return sent;
	}

	async scan(
		input: { code: string } | { residentId: number; name?: string },
		source: QueuedScan['source']
	) {
		const scan: QueuedScan = {
			...input,
			nonce: newNonce(),
			sessionId: this.sessionId,
			source,
			scannedAt: Date.now()
		};
		const turn = ++this.turn;
		this.result = SENDING;
		const sent = await this.send(scan);
		if (!sent.delivered) {
			await this.keep(scan, sent, turn);
			return;
		}
		this.heard(scan, sent.body);
		this.showFor(turn, this.describe(sent.status, sent.body));
	}

	/**
	 * Not answered within 3 s: kept with its nonce (had the server recorded it all the same, the
	 * queued copy is answered as that same check-in, never a second one), unless this person is
	 * in hand already: checked in as far as this phone heard, or waiting in the queue. A card
	 * held up for 15 s offline was queued every few seconds: "Chờ gửi: 3" for one resident.
	 */
	private keep(scan: QueuedScan, sent: NotSent, turn: number): Promise<void> {
		const kept = this.keeping.then(async () => {
			this.needsSignIn = sent.auth === true;
			const key = scanKey(scan);
			const seen = this.memory.seen[key];
			if (seen) return this.showFor(turn, seenResult(seen));
			const earlier = waitingScan(await queued(), this.sessionId, key);
			if (earlier) return this.showFor(turn, keptAgainResult(earlier, sent, this.sessionId));
			await enqueue(scan);
			this.waiting = waitingPeople(await queued());
			this.showFor(turn, keptResult(sent, this.sessionId, scan.name, this.waiting));
		});
		this.keeping = kept.catch(() => undefined);
		return kept;
	}

	/** An answer from the server about a scan: the count, and whom it checked in. */
	private heard(scan: QueuedScan, body: Record<string, unknown>): void {
		if (scan.sessionId !== this.sessionId) return;
		if (typeof body.count === 'number') this.heardCount(body.count);
		const at = Number(body.status === 'already' ? body.firstAt : body.checkedInAt);
		const resident = body.resident as { id?: unknown; fullName?: unknown } | undefined;
		if ((body.status !== 'ok' && body.status !== 'already') || !Number.isFinite(at)) return;
		// Kept under the owner's id too: picked by name later, offline, they are known.
		const keys = [scanKey(scan)];
		if (typeof resident?.id === 'number') keys.push(scanKey({ residentId: resident.id }));
		const name = typeof resident?.fullName === 'string' ? resident.fullName : (scan.name ?? '');
		this.memory = heardCheckin(this.memory, keys, { at, name });
		writeMemory(this.sessionId, this.memory);
	}

	/** Shows a scan's answer unless a newer scan is on screen by now. */
	private showFor(turn: number, result: ScanResult): void {
		if (turn === this.turn) this.show(result);
	}

	private describe(status: number, body: Record<string, unknown>): ScanResult {
		const resident = body.resident as
			{ fullName?: string; birthYear?: unknown; neighborhoodName?: unknown } | undefined;
		const name = resident?.fullName ?? '';
		const about = resident ? aboutResident(resident) : [];
		if (body.status === 'ok') return { kind: 'ok', title: 'Đã điểm danh', detail: name, about };
		if (body.status === 'already') {
			return {
				kind: 'already',
				title: `Đã điểm danh lúc ${formatTime(Number(body.firstAt))}`,
				detail: name,
				about
			};
		}
		const reason = body.reason as CheckinReason;
		return {
			kind: 'error',
			title: 'Không điểm danh được',
			detail: REASON_TEXT[reason] ?? String(body.message ?? `Lỗi ${status}`)
		};
	}

	show(result: ScanResult): void {
		this.result = result;
		// "Đang gửi…" is silent: the sound and buzz belong to the answer.
		if (result.kind !== 'sending') feedback(result.kind);
	}

	dismiss(): void {
		this.result = null;
	}

	dismissRefused(): void {
		const read = this.refused.map((r) => r.nonce);
		this.refused = [];
		forgetRefused(read).catch(() => undefined); // IndexedDB unavailable: nothing was kept
	}

	private async loadRefused(): Promise<void> {
		try {
			const kept = await refusedScans();
			// Any refused by a send that finished first are in both: shown once.
			const shown = this.refused.map((r) => r.nonce);
			this.refused = [...kept.filter((r) => !shown.includes(r.nonce)), ...this.refused];
		} catch {
			// IndexedDB unavailable (private mode): nothing was kept
		}
	}

	/** Sends queued scans, oldest first; stops at the first that still cannot get through. */
	async flush(): Promise<void> {
		if (this.flushing) return;
		this.flushing = true;
		try {
			const run = await sendQueued({
				send: (scan) => this.send(scan),
				answered: (scan, body, refused) => {
					this.heard(scan, body);
					if (refused) this.refused = [...this.refused, refused];
				}
			});
			this.needsSignIn = run.needsSignIn;
			this.waiting = waitingPeople(run.left);
		} catch {
			// IndexedDB unavailable (private mode): nothing was queued, nothing to send
		} finally {
			this.flushing = false;
		}
	}
}
