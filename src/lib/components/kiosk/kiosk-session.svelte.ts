import { getContext, setContext } from 'svelte';
import { Narrator, type Utterance, type VoiceSource } from '$lib/voice/narrator';

/** Text sizes offered by A−/A+, in CSS px for the root (everything on the kiosk is in rem). */
export const TEXT_SIZES = [24, 28, 32] as const;

export type HelpState = 'idle' | 'sending' | 'coming' | 'failed';

/**
 * What one person's visit changes on the kiosk: text size, slow speech, a help call, the
 * lesson in progress. `reset()` puts all of it back so the next person starts clean.
 */
export class KioskSession {
	size = $state(0);
	slow = $state(false);
	help = $state<HelpState>('idle');
	helpAt = $state<number | null>(null);
	/** The last text the narrator was asked to say (shown as `data-narrating` for tests). */
	saying = $state('');
	readonly narrator: Narrator;
	private leaving: Array<() => void> = [];
	/** Only the latest request to speak is kept; a reset drops any still waiting. */
	private sayTurn = 0;

	constructor(sources: VoiceSource[]) {
		const hook = typeof window === 'undefined' ? undefined : (window.__narrator ??= { spoken: [] });
		this.narrator = new Narrator(sources, hook?.spoken);
	}

	get fontPx(): number {
		return TEXT_SIZES[this.size];
	}

	get pristine(): boolean {
		return this.size === 0 && !this.slow && this.help === 'idle';
	}

	say(u: Utterance): void {
		this.saying = u.text;
		this.narrator.slow = this.slow;
		// Paint first, then speak: starting audio inside the tap's task would delay the new
		// step on screen, and the learner looks before they listen.
		const turn = ++this.sayTurn;
		requestAnimationFrame(() =>
			setTimeout(() => {
				if (turn === this.sayTurn) void this.narrator.speak(u);
			})
		);
	}

	bigger(): void {
		this.size = Math.min(this.size + 1, TEXT_SIZES.length - 1);
	}

	smaller(): void {
		this.size = Math.max(this.size - 1, 0);
	}

	/** A lesson registers what to do when its learner goes (record where they left). */
	onLeave(fn: () => void): () => void {
		this.leaving.push(fn);
		return () => {
			this.leaving = this.leaving.filter((f) => f !== fn);
		};
	}

	/** Clears every trace of the last person. */
	reset(): void {
		const leaving = this.leaving;
		this.leaving = [];
		for (const fn of leaving) fn();
		this.sayTurn++;
		this.narrator.stop();
		this.size = 0;
		this.slow = false;
		this.help = 'idle';
		this.helpAt = null;
		this.saying = '';
		try {
			sessionStorage.clear();
			localStorage.clear();
		} catch {
			// storage may be disabled; nothing of ours is in it then
		}
	}
}

const KEY = Symbol('kiosk-session');

export function provideKiosk(session: KioskSession): KioskSession {
	return setContext(KEY, session);
}

export function useKiosk(): KioskSession {
	return getContext<KioskSession>(KEY);
}
