/** Something to say: its text (always captioned on screen) and a human recording if any. */
export interface Utterance {
	text: string;
	recording?: string | null;
	/** How the lesson's own names are said (its `sayAs`): "NhaBacAn" → "Nhà Bác An". */
	words?: Record<string, string>;
}

export type SourceName = 'recording' | 'system' | 'premade';

/** One way of speaking. `start` resolves once sound has begun and rejects if it cannot. */
export interface VoiceSource {
	name: SourceName;
	available(u: Utterance): boolean;
	start(u: Utterance, slow: boolean): Promise<void>;
	stop(): void;
	preload?(u: Utterance): void;
}

/** A voice that has not started within this long is given up for the next (DESIGN.md). */
export const START_TIMEOUT_MS = 1000;

export interface NarrationRecord {
	text: string;
	source: SourceName | 'none' | 'blocked';
	/** Asked to speak with "Nói chậm" on (left out otherwise). */
	slow?: true;
}

declare global {
	interface Window {
		/** Test and bench hook: every request to speak, in order, the voice that served it, and
		 * whether slowly. */
		__narrator?: { spoken: NarrationRecord[] };
	}
}

/**
 * Speaks lesson text with the best voice available, in the order DESIGN.md gives: a human
 * recording of the step, else a local Vietnamese system voice, else the pre-made clips. A
 * voice that errors or stays silent for a second hands over to the next one.
 */
export class Narrator {
	slow = false;
	private turn = 0;
	private pending: Utterance | null = null;

	constructor(
		private sources: VoiceSource[],
		private log: NarrationRecord[] = [],
		private timeoutMs = START_TIMEOUT_MS
	) {}

	async speak(u: Utterance): Promise<NarrationRecord['source']> {
		const turn = ++this.turn;
		this.stopAll();
		const record: NarrationRecord = { text: u.text, source: 'none' };
		if (this.slow) record.slow = true;
		this.log.push(record);
		let blocked = false;
		for (const source of this.sources) {
			if (turn !== this.turn) return 'none';
			if (!source.available(u)) continue;
			try {
				await withTimeout(source.start(u, this.slow), this.timeoutMs);
				if (turn !== this.turn) {
					source.stop();
					return 'none';
				}
				record.source = source.name;
				this.pending = null;
				if (typeof performance !== 'undefined') performance.mark('narration-start');
				return source.name;
			} catch (error) {
				source.stop();
				// The browser refuses sound before the first touch: try again on that touch.
				if ((error as Error)?.name === 'NotAllowedError') blocked = true;
			}
		}
		if (blocked) {
			record.source = 'blocked';
			this.pending = u;
		}
		return record.source;
	}

	/** Called on the first touch: sound is now allowed, so say what was refused before. */
	unlock(): void {
		const u = this.pending;
		this.pending = null;
		if (u) void this.speak(u);
	}

	preload(u: Utterance): void {
		for (const s of this.sources) if (s.available(u)) s.preload?.(u);
	}

	stop(): void {
		this.turn++;
		this.pending = null;
		this.stopAll();
	}

	private stopAll(): void {
		for (const s of this.sources) s.stop();
	}
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('voice did not start in time')), ms);
		p.then(
			() => (clearTimeout(timer), resolve()),
			(e) => (clearTimeout(timer), reject(e))
		);
	});
}

/** Pause between sentences: short normally, longer when "Nói chậm" is on. */
export const sentenceGap = (slow: boolean) => (slow ? 900 : 120);
