/**
 * Calls `onResize` whenever `el` or one of its children changes size: content can grow (a new
 * step, a bigger text size) while the box keeps its own size. Returns the observer: disconnect
 * it when done, and give it children added later.
 */
export function observeBoxAndChildren(el: Element, onResize: () => void): ResizeObserver {
	const observer = new ResizeObserver(onResize);
	observer.observe(el);
	for (const child of el.children) observer.observe(child);
	return observer;
}
