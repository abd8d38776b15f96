/** '100.000 đ': Vietnamese money, dots between thousands. */
export function formatMoney(amount: number): string {
	return `${formatNumber(amount)} đ`;
}

/** '1.234' for counts, the Vietnamese way. */
export function formatNumber(n: number): string {
	const sign = n < 0 ? '-' : '';
	return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * '72,5%': one decimal, comma as the decimal mark. Cut down to the tenth, never rounded up:
 * these are progress towards a target, and 49 of 135 (36,296…%) must not read as a target of
 * 36,3% reached, nor 1.999 of 2.000 as 100,0%. (The tiny epsilon keeps a ratio that floating
 * point puts a hair under its tenth from losing it; it is far below one person in any ward.)
 */
export function formatPercent(ratio: number): string {
	return `${(Math.floor(ratio * 1000 + 1e-9) / 10).toFixed(1).replace('.', ',')}%`;
}

/** Said where a share of nobody would be: a khu phố with no adults (or households) yet. */
export const NO_DATA = 'chưa có dữ liệu';

/** `part` of `total` as formatPercent writes it, or NO_DATA when there is nobody to count. */
export function formatShare(part: number, total: number): string {
	return total > 0 ? formatPercent(part / total) : NO_DATA;
}

/** '80,5' (and '80', not '80,0'): a number as the officer types it, so the form reads it back. */
export function formatDecimal(n: number): string {
	return String(n).replace('.', ',');
}

/** '80,5%' for a target's percent, which is out of 100 already (formatPercent takes a ratio). */
export function formatTargetPercent(percent: number): string {
	return `${formatDecimal(percent)}%`;
}
