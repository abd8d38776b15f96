/**
 * A distinct sound and vibration for each result, so a volunteer looking at the resident
 * rather than the phone still knows what happened. Tones are synthesised: no audio files.
 */
export type Feel = 'ok' | 'already' | 'error' | 'queued';

const TONES: Record<Feel, Array<[number, number, OscillatorType]>> = {
	ok: [
		[880, 0.12, 'sine'],
		[1320, 0.18, 'sine']
	],
	already: [
		[660, 0.15, 'triangle'],
		[660, 0.15, 'triangle']
	],
	error: [[196, 0.45, 'sawtooth']],
	queued: [[523, 0.25, 'sine']]
};

const VIBRATION: Record<Feel, number[]> = {
	ok: [80],
	already: [80, 80, 80],
	error: [300, 100, 300],
	queued: [150]
};

let context: AudioContext | undefined;

/** Browsers allow sound only after a touch: call this from the first pointer event. */
export function unlockAudio(): void {
	try {
		context ??= new AudioContext();
		void context.resume();
	} catch {
		// no audio on this device: the screen and vibration still say it
	}
}

export function feedback(feel: Feel): void {
	navigator.vibrate?.(VIBRATION[feel]);
	if (!context || context.state !== 'running') return;
	let t = context.currentTime;
	for (const [freq, length, type] of TONES[feel]) {
		const osc = context.createOscillator();
		const gain = context.createGain();
		osc.type = type;
		osc.frequency.value = freq;
		gain.gain.setValueAtTime(0.25, t);
		gain.gain.exponentialRampToValueAtTime(0.001, t + length);
		osc.connect(gain).connect(context.destination);
		osc.start(t);
		osc.stop(t + length);
		t += length + 0.04;
	}
}
