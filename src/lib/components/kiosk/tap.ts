import type { Action } from 'svelte/action';

/**
 * Touch that forgives: a control acts on touch-down (tremor "finger roll" and long presses
 * often never make a click), shows a pressed state, and ignores a second activation that
 * follows too soon (an accidental double tap would otherwise skip a step). The keyboard still
 * works through the click that Enter/Space make. Links keep their href for no-JS use, but the
 * browser's own click navigation is cancelled so the tap is handled once.
 */
export const REPEAT_GUARD_MS = 400;

let lastActivation = -Infinity;

export const tap: Action<HTMLElement, () => void> = (node, handler) => {
	let act = handler;
	const fire = (event: Event) => {
		if (
			node.getAttribute('aria-disabled') === 'true' ||
			(node instanceof HTMLButtonElement && node.disabled)
		) {
			return;
		}
		// One guard for the whole screen: the second tap of a double tap lands on whatever the
		// first one put under the finger.
		if (event.timeStamp - lastActivation < REPEAT_GUARD_MS) return;
		lastActivation = event.timeStamp;
		act();
	};
	const down = (event: PointerEvent) => {
		if (!event.isPrimary || event.button > 0) return;
		node.dataset.pressed = 'true';
		fire(event);
	};
	const up = () => delete node.dataset.pressed;
	const click = (event: MouseEvent) => {
		event.preventDefault();
		// detail 0: a click made by the keyboard (Enter/Space), not by a pointer.
		if (event.detail === 0) fire(event);
	};
	node.addEventListener('pointerdown', down);
	node.addEventListener('pointerup', up);
	node.addEventListener('pointercancel', up);
	node.addEventListener('pointerleave', up);
	node.addEventListener('click', click);
	return {
		update(next) {
			act = next;
		},
		destroy() {
			node.removeEventListener('pointerdown', down);
			node.removeEventListener('pointerup', up);
			node.removeEventListener('pointercancel', up);
			node.removeEventListener('pointerleave', up);
			node.removeEventListener('click', click);
		}
	};
};
