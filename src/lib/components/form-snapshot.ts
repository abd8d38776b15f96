import type { Snapshot } from '@sveltejs/kit';

/** What was typed and chosen in a form, by field name (a radio or box: its value when on). */
export type FormValues = Array<[string, string]>;

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Fields the server fills (hidden), that cannot be put back (file) or must not be kept (password). */
const SKIPPED = new Set(['hidden', 'file', 'password', 'submit', 'button', 'reset', 'image']);

/** A form's fields, or every field under `scope` (a whole page). */
function fields(scope: HTMLFormElement | ParentNode): Field[] {
	const all =
		scope instanceof HTMLFormElement
			? [...scope.elements]
			: [...scope.querySelectorAll('input, select, textarea')];
	return all.filter(
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
		tellTyped(el);
	}
}

/**
 * Told as if typed, so what follows the fields follows them back too (the guardian's field
 * that a guardian's consent shows, the birth year's hint: MemberFields; a `bind:value`).
 */
function tellTyped(el: Field): void {
	for (const type of ['input', 'change']) el.dispatchEvent(new Event(type, { bubbles: true }));
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

/** A field's state as a string: a box's ticked or not, a list's chosen values, else its text. */
function stateOf(el: Field): string {
	if (isChoice(el)) return String(el.checked);
	if (el instanceof HTMLSelectElement) {
		return JSON.stringify([...el.options].filter((o) => o.selected).map((o) => o.value));
	}
	return el.value;
}

/** The same for the field as the server drew it (what a form's reset goes back to). */
function defaultOf(el: Field): string {
	if (isChoice(el)) return String(el.defaultChecked);
	if (el instanceof HTMLSelectElement) {
		const options = [...el.options];
		let chosen = options.filter((o) => o.defaultSelected);
		// A list without `selected` shows its first choice; of several, the last is shown.
		if (!el.multiple) chosen = chosen.slice(-1);
		if (!el.multiple && chosen.length === 0)
			chosen = options.filter((o) => !o.disabled).slice(0, 1);
		return JSON.stringify(chosen.map((o) => o.value));
	}
	return el.defaultValue;
}

function putState(el: Field, state: string): void {
	if (isChoice(el)) el.checked = state === 'true';
	else if (el instanceof HTMLSelectElement) {
		const chosen: string[] = JSON.parse(state);
		for (const o of el.options) o.selected = chosen.includes(o.value);
	} else el.value = state;
}

/**
 * What is typed before a page comes alive stays: the one place for that rule, for every form.
 *
 * On a slow phone people type into the server's HTML before hydration, and hydration then
 * writes each field whose value the markup gives: `value={x ?? ''}` emptied what was typed,
 * `value={n.name}` put a khu phố's old name back over the new one, `checked={…}` took back a
 * consent's choice, a `<select>` went back to its first choice. So whatever a form's markup,
 * the root layout calls this as hydration starts (before any field is written) and what it
 * returns once hydration is done (onMount): each field that differed from what the server
 * drew (typed, ticked, chosen) gets it back, told as if typed. A form needs nothing of its
 * own; what it does with an answer (emptied when saved, kept when refused: submit-once.ts)
 * comes after and is unchanged. Passwords are not noted: hydration leaves them alone.
 */
export function keepTypedThroughHydration(scope: ParentNode): () => void {
	const typed = fields(scope)
		.filter((el) => stateOf(el) !== defaultOf(el))
		.map((el) => ({ el, state: stateOf(el), caret: caretOf(el) }));
	return () => {
		for (const { el, state, caret } of typed) {
			// Drawn anew (not hydrated) or already right: nothing to put back.
			if (!el.isConnected || stateOf(el) === state) continue;
			putState(el, state);
			if (caret) restoreCaret(el, caret);
			tellTyped(el);
		}
	};
}

type Caret = [number, number];

/** Where the caret was in the field being typed in (setting the value puts it at the end). */
function caretOf(el: Field): Caret | null {
	if (el !== document.activeElement || el instanceof HTMLSelectElement) return null;
	try {
		const { selectionStart: start, selectionEnd: end } = el;
		return start === null || end === null ? null : [start, end];
	} catch {
		return null;
	}
}

function restoreCaret(el: Field, [start, end]: Caret): void {
	if (el instanceof HTMLSelectElement) return;
	try {
		el.setSelectionRange(start, end);
	} catch {
		// A date or number field has no caret to put back.
	}
}
