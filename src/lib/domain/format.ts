/** '100.000 đ': Vietnamese money, dots between thousands. */
export function formatMoney(amount: number): string {
	return `${formatNumber(amount)} đ`;
}

/** '1.234' for counts, the Vietnamese way. */
export function formatNumber(n: number): string {
	const sign = n < 0 ? '-' : '';
	return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** '72,5%': one decimal, comma as the decimal mark. */
export function formatPercent(ratio: number): string {
	return `${(Math.round(ratio * 1000) / 10).toFixed(1).replace('.', ',')}%`;
}

/** '80,5' (and '80', not '80,0'): a number as the officer types it, so the form reads it back. */
export function formatDecimal(n: number): string {
	return String(n).replace('.', ',');
}

/** '80,5%' for a target's percent, which is out of 100 already (formatPercent takes a ratio). */
export function formatTargetPercent(percent: number): string {
	return `${formatDecimal(percent)}%`;
}
