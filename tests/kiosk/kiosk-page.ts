import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { openHydrated } from '../support/pages';
import type { Walkthrough } from '../../src/lib/walkthroughs/types';

/** The kiosk ignores a second activation within this long (see tap.ts). */
const REPEAT_GUARD_MS = 400;
/** Tiếp tục/Quay lại do nothing this long after the step changed (see lesson-player). */
const STEP_GUARD_MS = 800;

export function lesson(id: string): Walkthrough {
	return JSON.parse(
		readFileSync(new URL(`../../src/lib/walkthroughs/lessons/${id}.json`, import.meta.url), 'utf8')
	);
}

/** Page object for the kiosk: taps like a finger, and reads what the narrator was asked. */
export class Kiosk {
	private lastTap = 0;
	/** Whether the last tap was on the lesson's Tiếp tục or Quay lại. */
	private lastWasControl = false;
	private controls = new WeakSet<Locator>();

	constructor(readonly page: Page) {}

	async open(path = '/'): Promise<void> {
		await openHydrated(this.page, path);
	}

	/**
	 * Taps, waiting first if the last tap was too recent: the kiosk rightly ignores a double
	 * activation, and a test must not look like a trembling finger.
	 */
	async tap(target: Locator, options: { force?: boolean } = {}): Promise<void> {
		const control = this.controls.has(target);
		const guard = control && this.lastWasControl ? STEP_GUARD_MS : REPEAT_GUARD_MS;
		const wait = this.lastTap + guard + 30 - Date.now();
		// Node's timer, not the page's: tests may have installed a fake clock in the page.
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		await target.tap(options);
		this.lastTap = Date.now();
		this.lastWasControl = control;
	}

	button(name: string): Locator {
		return this.page.getByRole('button', { name, exact: true });
	}

	/** The lesson's own Tiếp tục (a fake app on the practice phone may have one too). */
	get next(): Locator {
		return this.control('Tiếp tục');
	}

	/** The lesson's own Quay lại. */
	get back(): Locator {
		return this.control('Quay lại');
	}

	private control(name: string): Locator {
		const button = this.page
			.getByRole('navigation', { name: 'Điều khiển bài học' })
			.getByRole('button', { name });
		this.controls.add(button);
		return button;
	}

	/** The practice phone's element with this id. */
	sim(target: string): Locator {
		return this.page.locator(`.screen [data-target="${target}"]`);
	}

	/**
	 * Opens a lesson and goes forward to its step `index` (0-based) the way a learner does:
	 * each practice step's target tapped, then Tiếp tục. No quiz may come before that step.
	 */
	async openAtStep(l: Walkthrough, index: number): Promise<void> {
		await this.open(`/bai-hoc/${l.id}`);
		for (let i = 0; i < index; i++) {
			const p = l.steps[i].practice;
			if (p) await this.tap(this.sim(p.target));
			await this.tap(this.next);
		}
		await this.progress(index + 1, l.steps.length);
	}

	async progress(step: number, of: number): Promise<void> {
		await expect(this.page.getByText(`Bước ${step}/${of}`, { exact: true })).toBeVisible();
	}

	/** Every text the narrator was asked to say, in order. */
	/**
	 * A finger put low on `target` and drawn up to near its top, `strokes` times, as a touch
	 * screen sends it: touch events that the browser turns into its own scrolling (so the
	 * page sees pointercancel, not pointerup), not a scroll set by script.
	 */
	async swipeUp(target: Locator, strokes = 1): Promise<void> {
		const box = (await target.boundingBox())!;
		const x = Math.round(box.x + box.width / 2);
		const from = box.y + box.height * 0.85;
		const to = box.y + box.height * 0.15;
		const cdp = await this.page.context().newCDPSession(this.page);
		for (let s = 0; s < strokes; s++) {
			await cdp.send('Input.dispatchTouchEvent', {
				type: 'touchStart',
				touchPoints: [{ x, y: Math.round(from) }]
			});
			for (let i = 1; i <= 20; i++) {
				const y = Math.round(from + ((to - from) * i) / 20);
				await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
				// A finger's pace: about one move a frame.
				await new Promise((r) => setTimeout(r, 16));
			}
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		}
		await cdp.detach();
		this.lastTap = Date.now();
		this.lastWasControl = false;
	}

	async narrations(): Promise<string[]> {
		return this.page.evaluate(() => (window.__narrator?.spoken ?? []).map((r) => r.text));
	}

	async expectSaid(text: string): Promise<void> {
		await expect.poll(() => this.narrations()).toContain(text);
	}
}
