import type { SimElement } from '$lib/walkthroughs/types';

/** A row of the practice phone's screen: its top and bottom edges, in px from its content's top. */
export interface Row {
	top: number;
	bottom: number;
}

export interface ScreenBox {
	/** The rows, top to bottom. */
	rows: Row[];
	/** Which row holds the place to tap. */
	target: number;
	/** How much of the screen shows (its height). */
	view: number;
	/** The screen's padding: room above the first row and below the last. */
	pad: number;
	/** How far the "▲/▼ Còn nữa" line covers the screen at its edge when it shows. */
	band: number;
}

/**
 * Where to scroll the phone's screen so that the row to tap is all in sight: nowhere (0) when
 * it shows from the top; else as little as that needs, and if the "▲ Còn nữa ở trên" line's
 * lower edge then cuts a row, on to the gap after that row, so that the first row in sight
 * starts whole. A row half under that line puzzled older learners (is it a button? which
 * one?). Rows above the target show whole as far as they fit; what is left over becomes blank
 * room under the last row (`tail`), which the screen adds so that it can scroll that far.
 */
export function scrollToRow({ rows, target, view, pad, band }: ScreenBox): {
	top: number;
	tail: number;
} {
	const row = rows[target];
	const next = rows[target + 1];
	// Below the target: the "▼" line and half the gap to the next row, or the screen's padding.
	const below = next ? band + (next.top - row.bottom) / 2 : pad;
	const least = row.bottom + below - view;
	// The first row, even one taller than the screen, shows from the screen's top.
	if (least <= 0 || target === 0) return { top: 0, tail: 0 };
	const edge = least + band;
	const cut = rows.findIndex((r) => r.top < edge && r.bottom > edge);
	// Halfway down the gap after row `i`: the line's edge goes there.
	const gapAfter = (i: number) => (rows[i].bottom + rows[i + 1].top) / 2;
	const top =
		cut < 0
			? least
			: // A target taller than what shows under the line shows its top, just under it.
				gapAfter(Math.min(cut, target - 1)) - band;
	const end = rows[rows.length - 1].bottom + pad;
	return { top, tail: Math.max(0, top + view - end) };
}

/**
 * Scrolls the phone's `screen` (its rows are its children) to the row holding `element` by
 * scrollToRow, adding the blank room under the last row that this needs. Without an element,
 * only takes back the room a scroll before added.
 */
export function scrollScreenTo(screen: HTMLElement, element: Element | null): void {
	const rows = [...screen.children];
	const target = rows.findIndex((row) => row.contains(element));
	screen.style.setProperty('--tail', '0px');
	if (target < 0) return;
	const origin = screen.getBoundingClientRect().top + screen.clientTop - screen.scrollTop;
	const style = getComputedStyle(screen);
	const { top, tail } = scrollToRow({
		rows: rows.map((row) => {
			const r = row.getBoundingClientRect();
			return { top: r.top - origin, bottom: r.bottom - origin };
		}),
		target,
		view: screen.clientHeight,
		pad: parseFloat(style.paddingTop),
		// The screen's scroll padding is the "more" lines' height (see PhoneSim).
		band: parseFloat(style.scrollPaddingTop)
	});
	// Set on the element, not through a component's state: the room must be there before the
	// scroll, or the browser stops the scroll short at the old end.
	screen.style.setProperty('--tail', `${tail}px`);
	screen.scrollTop = top;
}

/** The row holds the element with this id (a tile among tiles counts as its row). */
const holds = (row: SimElement, id: string): boolean =>
	('id' in row && row.id === id) || (row.kind === 'tiles' && row.items.some((t) => t.id === id));

/** Something to tap or pick on the fake app (a choice), not only something to read. */
const isChoice = (row: SimElement): boolean =>
	('id' in row && row.id !== undefined) || row.kind === 'tiles' || row.kind === 'toggle';

/**
 * Whether the rows above the one to tap are only there to be read: a name and an amount to
 * check before "Xác nhận", a bill before "Thanh toán", "Thanh toán thành công" before "Lưu ảnh
 * biên lai". Such a step opens at the screen's top even when the button is below what shows:
 * scrolled to the button, with big text the first of them (the recipient's name, the customer)
 * was out of sight while the voice asked to check it. With other choices above the button the
 * step is to find the right one, and the screen opens at it as before.
 */
export function readsFirst(rows: SimElement[], target: string): boolean {
	const at = rows.findIndex((row) => holds(row, target));
	return at > 0 && !rows.slice(0, at).some(isChoice);
}
