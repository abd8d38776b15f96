import type { SubmitFunction } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { DOUBLE_TAP_MS, once } from './submit-once';

/** A form as `once` sees it: events, and the aria-busy it sets. */
class FakeForm extends EventTarget {
	busy = false;
	setAttribute() {
		this.busy = true;
	}
	removeAttribute() {
		this.busy = false;
	}
}

type Input = Parameters<SubmitFunction>[0];
type After = Exclude<Awaited<ReturnType<SubmitFunction>>, void>;

/** A tap on `button` of `form` at the clock's time: whether it was sent, and its answer. */
function tapper(clock: { t: number }) {
	const handle = once(
		() => undefined,
		() => clock.t
	);
	return (form: FakeForm, button: object) => {
		let cancelled = false;
		const input = {
			formElement: form as unknown as HTMLFormElement,
			submitter: button as HTMLElement,
			cancel: () => (cancelled = true)
		} as unknown as Input;
		const after = handle(input) as After | undefined;
		return {
			sent: !cancelled,
			answer: () => after?.({} as Parameters<After>[0])
		};
	};
}

describe('a staff form sent once', () => {
	it('ignores a second tap while the first is on its way', async () => {
		const tap = tapper({ t: 0 });
		const form = new FakeForm();
		const button = {};
		const first = tap(form, button);
		expect(first.sent).toBe(true);
		expect(form.busy).toBe(true);
		expect(tap(form, button).sent).toBe(false);
		await first.answer();
		expect(form.busy).toBe(false);
	});

	it('ignores the second tap of a double tap that lands just after a quick answer', async () => {
		const clock = { t: 1000 };
		const tap = tapper(clock);
		const form = new FakeForm();
		const button = {};
		await tap(form, button).answer();
		clock.t += 150;
		expect(tap(form, button).sent).toBe(false);
		// Later, the same button sends again: the volunteer meant it.
		clock.t += DOUBLE_TAP_MS;
		expect(tap(form, button).sent).toBe(true);
	});

	it('sends at once what was typed after the answer, or another button of the form', async () => {
		const clock = { t: 1000 };
		const tap = tapper(clock);
		const form = new FakeForm();
		const add = {};
		await tap(form, add).answer();
		form.dispatchEvent(new Event('input'));
		const typed = tap(form, add);
		expect(typed.sent).toBe(true);
		await typed.answer();
		// LikelyTwins' "Đây là người khác, vẫn thêm" right after the question.
		expect(tap(form, {}).sent).toBe(true);
	});
});
