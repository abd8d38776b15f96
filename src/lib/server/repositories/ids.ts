/** The tables whose rows can be deleted while their ids live on elsewhere (the audit log…). */
export type IdTable = 'residents' | 'households' | 'neighborhoods';

/**
 * The id for a new row of `table`, as SQL for an INSERT's VALUES: above every id the table has
 * now and every id it has lost (migration 0012). SQLite's own choice, max(id) + 1, would give
 * an erased person's id to the next person registered, and their audit rows with it.
 */
export const nextIdSql = (table: IdTable) =>
	`(SELECT max(coalesce((SELECT max(id) FROM ${table}), 0), coalesce((SELECT max_id FROM retired_ids WHERE tbl = '${table}'), 0)) + 1)`;
