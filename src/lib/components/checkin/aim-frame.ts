/** The aiming square's side, as a share of the picture's shorter side (html5-qrcode's qrbox). */
export const AIM_SHARE = 0.8;

/** The aiming square for a picture `width` × `height` px: its side in px. */
export function aimSide(width: number, height: number): number {
	return Math.floor(Math.min(width, height) * AIM_SHARE);
}

/**
 * html5-qrcode shades the picture around its aiming square with borders sized in px once, when
 * the camera starts. The picture changes size afterwards (the kiosk's A+, its help notice, a
 * phone turned): the borders stayed, and the square became a narrow slit. The decoder reads
 * the same share of every frame whatever the size shown, so the square is redrawn at that
 * share each time the picture in `view` (the element the reader draws into) changes size.
 * Returns the function that stops following the size.
 */
export function keepAimInProportion(view: HTMLElement): () => void {
	const observer = new ResizeObserver(() => {
		// Added by the reader once the picture has its size; looked for each time.
		const shade = view.querySelector<HTMLElement>('#qr-shaded-region');
		if (!shade) return;
		const { width, height } = shade.getBoundingClientRect();
		const side = aimSide(width, height);
		shade.style.borderLeftWidth = shade.style.borderRightWidth = `${(width - side) / 2}px`;
		shade.style.borderTopWidth = shade.style.borderBottomWidth = `${(height - side) / 2}px`;
	});
	observer.observe(view);
	return () => observer.disconnect();
}
