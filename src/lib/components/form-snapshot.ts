import type { Snapshot } from '@sveltejs/kit';

/** What was typed and chosen in a form, by field name (a radio or box: its value when on). */
export type FormValues = Array<[string, string]>;

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Fields the server fills (hidden), that cannot be put back (file) or must not be kept (password). */
const SKIPPED = new Set(['hidden', 'file', 'password', 'submit', 'button', 'reset', 'image']);

function fields(form: HTMLFormElement): Field[] {
	return [...form.elements].filter(
		(el): el is Field =>
			(el instanceof HTMLInputElement && !SKIPPED.has(el.type)) ||
			el instanceof HTMLSelectElement ||
			el instanceof HTMLTextAreaElement
	);
}

const isChoice = (el: Field): el is HTMLInputElement =>
	el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');

export function readForm(form: HTMLFormElement): FormValues {
	return fields(form)
		.filter((el) => el.name && (!isChoice(el) || el.checked))
		.map((el) => [el.name, el.value]);
}

export function fillForm(form: HTMLFormElement, values: FormValues): void {
	for (const el of fields(form)) {
		const mine = values.filter(([name]) => name === el.name).map(([, value]) => value);
		if (isChoice(el)) el.checked = mine.includes(el.value);
		else if (mine.length > 0) el.value = mine[0];
		// Told as if typed, so what follows the fields follows them back too (the guardian's
		// field that a guardian's consent shows, the birth year's hint: MemberFields).
		for (const type of ['input', 'change']) el.dispatchEvent(new Event(type, { bubbles: true }));
	}
}

/**
 * SvelteKit's snapshot for an uncontrolled form: what was typed comes back on Back/Forward
 * (Android's Back after a tap on "‹ Cư dân" emptied a half-filled household, Khu phố back to
 * the first). `saved()` true: the form's work is done (saved and moved on), so nothing is kept
 * and Back shows an empty form, not one to be saved again.
 */
export function formSnapshot(
	form: () => HTMLFormElement | undefined,
	saved: () => boolean
): Snapshot<FormValues | null> {
	return {
		capture: () => {
			const element = form();
			return element && !saved() ? readForm(element) : null;
		},
		restore: (values) => {
			const element = form();
			if (element && values) fillForm(element, values);
		}
	};
}
