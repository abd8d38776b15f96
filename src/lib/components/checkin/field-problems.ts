import { tick } from 'svelte';
import type { AfterSubmit } from '../submit-once';

/**
 * The attributes a field gets when the server refused it (spread onto the input). The line
 * that says why is `<field>-problem` (FieldProblem), or `describedBy` for a form that says it
 * once, under the form.
 */
export function problemOf(
	errors: Record<string, string>,
	field: string,
	describedBy = `${field}-problem`
) {
	return errors[field] ? { 'aria-invalid': 'true' as const, 'aria-describedby': describedBy } : {};
}

/**
 * After a refused form: the first field to correct gets the focus. On a phone the form is
 * longer than the screen, and the line above it that says what is wrong was out of sight.
 */
export const focusFirstProblem: AfterSubmit = async ({ update, result, formElement }) => {
	await update();
	await focusProblem(result, formElement);
};

/** The same, keeping what was typed and chosen (a file) also after an answer that is not a refusal. */
export const keepValuesFocusProblem: AfterSubmit = async ({ update, result, formElement }) => {
	await update({ reset: false });
	await focusProblem(result, formElement);
};

/** Focuses a refused form's first field to correct (for a form with its own `enhance`). */
export async function focusProblem(result: { type: string }, formElement: HTMLFormElement) {
	if (result.type !== 'failure') return;
	await tick();
	formElement.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] input')?.focus();
}
