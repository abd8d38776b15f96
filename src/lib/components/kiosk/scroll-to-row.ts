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
