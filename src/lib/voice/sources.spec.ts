import { afterEach, describe, expect, it, vi } from 'vitest';
import { clipFor } from './clips.js';
import { premadeSource, systemVoiceSource } from './sources';

const text = 'Bác chọn dòng NhaBacAn nhé.';
const words = { NhaBacAn: 'Nhà Bác An' };

describe('the voices say a lesson’s own names as its sayAs says', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('the pre-made source plays the clip the voice build made with the lesson’s words', async () => {
		const played: string[][] = [];
		const player = {
			play: (urls: string[]) => (played.push(urls), Promise.resolve()),
			stop: () => {},
			element: () => {}
		};
		await premadeSource(player as never).start({ text, words }, false);
		expect(played).toEqual([[clipFor(text, words).url]]);
		expect(clipFor(text, words).spoken).toBe('Bác chọn dòng Nhà Bác An nhé.');
		expect(clipFor(text).url).not.toBe(clipFor(text, words).url);
	});

	it('the system voice is given the same words', async () => {
		const said: string[] = [];
		vi.stubGlobal(
			'SpeechSynthesisUtterance',
			class {
				onstart: (() => void) | null = null;
				constructor(readonly text: string) {}
			}
		);
		const synth = {
			getVoices: () => [{ lang: 'vi-VN', localService: true }],
			speak: (u: { text: string; onstart: () => void }) => (said.push(u.text), u.onstart()),
			cancel: () => {}
		};
		await systemVoiceSource(synth as never).start({ text, words }, false);
		expect(said).toEqual(['Bác chọn dòng Nhà Bác An nhé.']);
	});
});
