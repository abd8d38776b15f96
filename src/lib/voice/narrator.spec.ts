import { describe, expect, it } from 'vitest';
import {
	Narrator,
	sentenceGap,
	type NarrationRecord,
	type SourceName,
	type VoiceSource
} from './narrator';

type Behaviour = 'starts' | 'errors' | 'silent' | 'blocked' | 'absent';

/** A fake voice that records what it was asked and behaves as told. */
function fake(name: SourceName, behaviour: Behaviour, calls: string[]): VoiceSource {
	return {
		name,
		available: (u) => behaviour !== 'absent' && (name !== 'recording' || Boolean(u.recording)),
		start: (u) => {
			calls.push(`${name}:${u.text}`);
			if (behaviour === 'starts') return Promise.resolve();
			if (behaviour === 'errors') return Promise.reject(new Error('synthesis-failed'));
			if (behaviour === 'blocked') {
				return Promise.reject(Object.assign(new Error('no gesture'), { name: 'NotAllowedError' }));
			}
			return new Promise(() => {}); // never starts
		},
		stop: () => {}
	};
}

function narrator(rec: Behaviour, sys: Behaviour, pre: Behaviour, timeoutMs = 30) {
	const calls: string[] = [];
	const log: NarrationRecord[] = [];
	const n = new Narrator(
		[fake('recording', rec, calls), fake('system', sys, calls), fake('premade', pre, calls)],
		log,
		timeoutMs
	);
	return { n, calls, log };
}

describe('Narrator fallback order', () => {
	it('prefers a human recording when the step has one', async () => {
		const { n, calls } = narrator('starts', 'starts', 'starts');
		expect(await n.speak({ text: 'Bác bấm Tiếp tục.', recording: '/voice/human/a/1.opus' })).toBe(
			'recording'
		);
		expect(calls).toEqual(['recording:Bác bấm Tiếp tục.']);
	});

	it('uses a Vietnamese system voice when there is no recording', async () => {
		const { n, calls } = narrator('starts', 'starts', 'starts');
		expect(await n.speak({ text: 'Chào bác.' })).toBe('system');
		expect(calls).toEqual(['system:Chào bác.']);
	});

	it('falls back to pre-made audio when the system voice is missing or errors', async () => {
		const absent = narrator('absent', 'absent', 'starts');
		expect(await absent.n.speak({ text: 'Một.' })).toBe('premade');
		const erroring = narrator('errors', 'errors', 'starts');
		expect(await erroring.n.speak({ text: 'Hai.', recording: '/r.opus' })).toBe('premade');
		expect(erroring.calls).toEqual(['recording:Hai.', 'system:Hai.', 'premade:Hai.']);
	});

	it('gives up on a voice that stays silent past the timeout', async () => {
		const { n, calls } = narrator('absent', 'silent', 'starts', 30);
		const started = Date.now();
		expect(await n.speak({ text: 'Ba.' })).toBe('premade');
		expect(Date.now() - started).toBeGreaterThanOrEqual(25);
		expect(calls).toEqual(['system:Ba.', 'premade:Ba.']);
	});

	it('logs every request to speak, even when no voice works', async () => {
		const { n, log } = narrator('absent', 'absent', 'errors');
		expect(await n.speak({ text: 'Bốn.' })).toBe('none');
		expect(log).toEqual([{ text: 'Bốn.', source: 'none' }]);
	});

	it('says again on the first touch what the browser refused before it', async () => {
		const calls: string[] = [];
		let allowed = false;
		const premade: VoiceSource = {
			...fake('premade', 'starts', calls),
			start: (u) => {
				calls.push(u.text);
				return allowed
					? Promise.resolve()
					: Promise.reject(Object.assign(new Error('x'), { name: 'NotAllowedError' }));
			}
		};
		const log: NarrationRecord[] = [];
		const n = new Narrator([premade], log, 30);
		expect(await n.speak({ text: 'Năm.' })).toBe('blocked');
		allowed = true;
		n.unlock();
		await new Promise((r) => setTimeout(r, 5));
		expect(calls).toEqual(['Năm.', 'Năm.']);
		expect(log.at(-1)).toEqual({ text: 'Năm.', source: 'premade' });
	});

	it('passes "Nói chậm" to the voice, which pauses longer between sentences', async () => {
		const seen: boolean[] = [];
		const premade: VoiceSource = {
			name: 'premade',
			available: () => true,
			start: (_u, slow) => (seen.push(slow), Promise.resolve()),
			stop: () => {}
		};
		const log: NarrationRecord[] = [];
		const n = new Narrator([premade], log);
		await n.speak({ text: 'Một.' });
		n.slow = true;
		await n.speak({ text: 'Một.' });
		expect(seen).toEqual([false, true]);
		// The test hook says so too (the kiosk's tests read it).
		expect(log.map((r) => r.slow)).toEqual([undefined, true]);
		expect(sentenceGap(true)).toBeGreaterThan(sentenceGap(false) * 3);
	});
});
