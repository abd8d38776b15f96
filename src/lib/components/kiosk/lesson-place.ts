/**
 * Where a learner is in a lesson, as kept in its address: `?buoc=4` for step 4 (counted from
 * 1, as the screen's "Bước 4/7"), `?buoc=xong` for the finish screen.
 */
export const STEP_PARAM = 'buoc';
const DONE = 'xong';

export const lessonPlace = {
	/** The player's index (0-based; `total` for the finish screen) for the address's value. */
	parse(value: string | null, total: number): number {
		if (value === DONE) return total;
		const step = Number(value);
		return Number.isInteger(step) && step >= 1 ? Math.min(step, total) - 1 : 0;
	},
	format(index: number, total: number): string {
		return index >= total ? DONE : String(index + 1);
	}
};
