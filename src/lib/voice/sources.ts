import { clipsFor } from './clips.js';
import { sentenceGap, type Utterance, type VoiceSource } from './narrator';
import { sentences, speakable } from './speakable.js';

/**
 * Plays a list of audio files one after another, resolving when the first one is playing.
 * Elements are kept per URL so a preloaded clip starts at once.
 */
class ClipPlayer {
	private cache = new Map<string, HTMLAudioElement>();
	private current: HTMLAudioElement | null = null;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private run = 0;

	element(url: string): HTMLAudioElement {
		let el = this.cache.get(url);
		if (!el) {
			el = new Audio(url);
			el.preload = 'auto';
			this.cache.set(url, el);
			if (this.cache.size > 60) this.cache.delete(this.cache.keys().next().value!);
		}
		return el;
	}

	play(urls: string[], gapMs: number): Promise<void> {
		const run = ++this.run;
		return new Promise((resolve, reject) => {
			let started = false;
			const next = (i: number) => {
				if (run !== this.run || i >= urls.length) return;
				const el = this.element(urls[i]);
				this.current = el;
				el.currentTime = 0;
				el.onplaying = () => {
					if (started) return;
					started = true;
					resolve();
				};
				el.onended = () => {
					this.timer = setTimeout(() => next(i + 1), gapMs);
				};
				el.onerror = () => {
					if (started) next(i + 1);
					else reject(new Error(`cannot play ${urls[i]}`));
				};
				el.play().catch((e) => {
					if (!started) reject(e);
				});
			};
			next(0);
		});
	}

	stop(): void {
		this.run++;
		clearTimeout(this.timer);
		if (this.current) {
			this.current.onplaying = this.current.onended = this.current.onerror = null;
			this.current.pause();
		}
		this.current = null;
	}
}

/** A volunteer's recording of this very step (static/voice/human/<lesson>/<step>.opus). */
export function recordingSource(player = new ClipPlayer()): VoiceSource {
	return {
		name: 'recording',
		available: (u) => Boolean(u.recording),
		start: (u) => player.play([u.recording!], 0),
		stop: () => player.stop(),
		preload: (u) => void player.element(u.recording!)
	};
}

/** Clips made ahead of time by `npm run voice:build`, one per sentence. */
export function premadeSource(player = new ClipPlayer()): VoiceSource {
	return {
		name: 'premade',
		available: (u) => clipsFor(u.text, u.words).length > 0,
		start: (u, slow) =>
			player.play(
				clipsFor(u.text, u.words).map((c) => c.url),
				sentenceGap(slow)
			),
		stop: () => player.stop(),
		preload: (u) => clipsFor(u.text, u.words).forEach((c) => player.element(c.url))
	};
}

/** A Vietnamese voice of the device (Windows, Android have good ones; match /^vi/). */
export function systemVoiceSource(synth: SpeechSynthesis | undefined): VoiceSource {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const voice = () => {
		const vi = synth?.getVoices().filter((v) => /^vi/i.test(v.lang)) ?? [];
		return vi.find((v) => v.localService) ?? vi[0];
	};
	return {
		name: 'system',
		available: () => Boolean(synth && voice()),
		start: (u, slow) =>
			new Promise((resolve, reject) => {
				const v = voice()!;
				const parts = sentences(u.text).map((s) => speakable(s, u.words));
				const say = (i: number) => {
					if (i >= parts.length) return;
					const utter = new SpeechSynthesisUtterance(parts[i]);
					utter.voice = v;
					utter.lang = v.lang;
					utter.onstart = () => resolve();
					utter.onerror = (e) => reject(new Error(e.error));
					utter.onend = () => (timer = setTimeout(() => say(i + 1), sentenceGap(slow)));
					synth!.speak(utter);
				};
				say(0);
			}),
		stop: () => {
			clearTimeout(timer);
			synth?.cancel();
		}
	};
}

/** The narrator's voices in DESIGN.md's order. */
export function browserSources(): VoiceSource[] {
	const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
	// Chrome fills the voice list late; asking early makes it ready by the first lesson.
	synth?.getVoices();
	return [recordingSource(), systemVoiceSource(synth), premadeSource()];
}

export type { Utterance };
