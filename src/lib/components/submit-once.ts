import type { SubmitFunction } from '@sveltejs/kit';

type Answer = Parameters<Exclude<Awaited<ReturnType<SubmitFunction>>, void>>[0];

/** What to do with the server's answer; by default what `use:enhance` does on its own. */
export type AfterSubmit = (answer: Answer) => unknown;

/** Keeps what was typed after an answer (a refused form is corrected, not typed again). */
export const keepValues: AfterSubmit = ({ update }) => update({ reset: false });

const sending = new WeakSet<HTMLFormElement>();

/**
 * `use:enhance={once()}`: a form is sent once until its answer comes. A double tap on "Lưu hộ
 * và chủ hộ" sent two requests and saved the same household twice (a second "Thêm tài khoản"
 * answered that the name was taken). The form is marked aria-busy meanwhile.
 */
export function once(after: AfterSubmit = ({ update }) => update()): SubmitFunction {
	return ({ formElement: form, cancel }) => {
		// enhance calls this before it awaits anything, so two taps cannot both get past here.
		if (sending.has(form)) {
			cancel();
			return;
		}
		sending.add(form);
		form.setAttribute('aria-busy', 'true');
		return async (answer) => {
			try {
				await after(answer);
			} finally {
				sending.delete(form);
				form.removeAttribute('aria-busy');
			}
		};
	};
}
