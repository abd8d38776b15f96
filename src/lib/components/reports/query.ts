/** A query string from the given filters, leaving out empty ones: `date=…&neighborhood=…`. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
	const entries = Object.entries(params).filter(
		(e): e is [string, string | number] => e[1] !== null && e[1] !== undefined && e[1] !== ''
	);
	return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}
