/**
 * The one way a report's SQL is narrowed to a khu phố: `AND <alias>neighborhood_id = ?` and
 * its parameter for one khu phố, nothing for the whole ward (`null`). `IS` is for a column
 * that may be NULL inside a NOT (…): there `= ?` would make the whole test NULL.
 */
export function scopeTo(
	neighborhoodId: number | null,
	alias = '',
	operator: '=' | 'IS' = '='
): { sql: string; params: number[] } {
	return neighborhoodId === null
		? { sql: '', params: [] }
		: { sql: `AND ${alias}neighborhood_id ${operator} ?`, params: [neighborhoodId] };
}
