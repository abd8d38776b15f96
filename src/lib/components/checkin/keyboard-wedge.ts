import { splitTrailingCardCode } from '$lib/domain/card-code';

/**
 * A USB/HID QR scanner is a keyboard ("keyboard wedge"): it types the code fast, then Enter.
 * Every page that takes cards (the volunteer's scanner, the kiosk's "Ghi nhận") reads it with
 * this one reader, so a scanner works the same wherever it is plugged in.
 */

/** Keys further apart than this are a person typing, not one scan: start over. */
export const WEDGE_GAP_MS = 2000;

/** What the reader needs of a keydown: the key, where it went, and a way to keep it. */
export interface WedgeKey {
	key: string;
	target: EventTarget | null;
	preventDefault(): void;
}

/**
 * Makes a `keydown` handler (for `<svelte:window onkeydown>`) that calls `onscan` with each
 * code a scanner typed. `now` is the clock, replaceable in tests.
 */
export function keyboardWedge(
	onscan: (code: string) => void,
	now: () => number = Date.now
): (event: WedgeKey) => void {
	let typed = '';
	let typedAt = 0;
	return (event) => {
		const target = event.target as HTMLElement | null;
		if (isTextBox(target) && event.key === 'Enter') {
			// A card scanned while a text box (the name search, half-typed) has the focus: the
			// code was typed into the box, after whatever was there. Take the scan, give the
			// text back.
			const found = splitTrailingCardCode(target.value);
			if (found) {
				event.preventDefault();
				target.value = found.before;
				target.dispatchEvent(new Event('input', { bubbles: true }));
				onscan(found.code);
				return;
			}
		}
		if (target?.closest?.('input, textarea, select')) return;
		const at = now();
		if (at - typedAt > WEDGE_GAP_MS) typed = '';
		typedAt = at;
		if (event.key === 'Enter') {
			if (typed.trim().length > 0) {
				// The scanner's Enter must not also press a button that happens to have the focus.
				event.preventDefault();
				onscan(typed);
			}
			typed = '';
		} else if (event.key.length === 1) {
			typed += event.key;
		}
	};
}

function isTextBox(target: HTMLElement | null): target is HTMLInputElement {
	return typeof HTMLInputElement !== 'undefined' && target instanceof HTMLInputElement;
}
