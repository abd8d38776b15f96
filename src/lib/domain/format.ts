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
