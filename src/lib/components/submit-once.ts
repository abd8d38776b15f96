import type { SubmitFunction } from '@sveltejs/kit';

type Answer = Parameters<Exclude<Awaited<ReturnType<SubmitFunction>>, void>>[0];

/** What to do with the server's answer; by default what `use:enhance` does on its own. */
export type AfterSubmit = (answer: Answer) => unknown;

/** Keeps what was typed after an answer (a refused form is corrected, not typed again). */
export const keepValues: AfterSubmit = ({ update }) => update({ reset: false });

/**
 * How long after an answer a second tap on the same button, with nothing typed in between, is
 * taken for the rest of a double tap. A phone's double tap is two taps within about 300 ms; an
 * older volunteer's slower, and a person who means to send again reads the answer first.
 */
export const DOUBLE_TAP_MS = 700;

const sending = new WeakSet<HTMLFormElement>();
/** Per form: when its last answer came and which button sent it, until something is typed. */
const answered = new WeakMap<HTMLFormElement, { at: number; by: HTMLElement | null }>();
const listening = new WeakSet<HTMLFormElement>();

function forgetOnTyping(form: HTMLFormElement) {
	if (listening.has(form)) return;
	listening.add(form);
	const forget = () => answered.delete(form);
	form.addEventListener('input', forget);
	form.addEventListener('change', forget);
}

/**
 * `use:enhance={once()}`: a form is sent once until its answer comes. A double tap on "Lưu hộ
 * và chủ hộ" sent two requests and saved the same household twice (a second "Thêm tài khoản"
 * answered that the name was taken). The form is marked aria-busy meanwhile.
 *
 * The second tap of a double tap can also land just after a quick answer: "Thêm thành viên"
 * saved the person, emptied the form, then sent the empty form, and "Có 3 chỗ cần sửa" took
 * the place of "Đã thêm …". So the same button again within DOUBLE_TAP_MS of the answer, with
 * nothing typed or chosen since, is ignored too; another button (LikelyTwins' "vẫn thêm")
 * is not.
 */
export function once(
	after: AfterSubmit = ({ update }) => update(),
	now: () => number = () => performance.now()
): SubmitFunction {
	return ({ formElement: form, submitter, cancel }) => {
		// enhance calls this before it awaits anything, so two taps cannot both get past here.
		const last = answered.get(form);
		const repeated = last && last.by === submitter && now() - last.at < DOUBLE_TAP_MS;
		if (sending.has(form) || repeated) {
			cancel();
			return;
		}
		forgetOnTyping(form);
		answered.delete(form);
		sending.add(form);
		form.setAttribute('aria-busy', 'true');
		return async (answer) => {
			try {
				await after(answer);
			} finally {
				sending.delete(form);
				form.removeAttribute('aria-busy');
				answered.set(form, { at: now(), by: submitter });
			}
		};
	};
}
