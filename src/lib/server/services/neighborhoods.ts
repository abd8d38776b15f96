import type { Actor } from '../../domain/actor';
import type { Neighborhood } from '../../domain/checkin-people';
import type {
	NeighborhoodCreatePayload,
	NeighborhoodMergePayload,
	NeighborhoodRenamePayload
} from '../ops/neighborhoods';
import { neighborhoodSummaries, type NeighborhoodSummary } from '../repositories/neighborhoods';
import type { DataStore } from '../store/data-store';
import { formatNumber } from '../../domain/format';
import { cleanLine, fail, ok, positiveId, writeOp, type Result } from './people';

export function listNeighborhoodSummaries(store: DataStore): NeighborhoodSummary[] {
	return neighborhoodSummaries(store.db);
}

/**
 * What a khu phố's name is made of: letters, digits, spaces and the few marks such names use
 * ("Khu phố 2 (Bến Đò)", "Tổ 5/KP3"). Not emoji or symbols: the name stands in every report.
 */
const NEIGHBORHOOD_NAME = /^[\p{L}\p{M}\p{N} .,()/'-]+$/u;

/** A khu phố's name: one line, 2–60 characters, stored in NFC like all text. */
function cleanNeighborhoodName(value: unknown): Result<string> {
	const symbols = () =>
		fail(
			400,
			'invalid_name',
			'Tên khu phố chỉ gồm chữ, số, dấu cách và các dấu . , ( ) / - (không dùng biểu tượng).'
		);
	// < and > are refused here, before cleanLine strips them as it does from other lines:
	// "<b>x</b>" was saved as "bx/b", and the name stands in every report.
	if (typeof value === 'string' && /[<>]/.test(value)) return symbols();
	const name = cleanLine(value, 2, 60);
	if (!name) return fail(400, 'invalid_name', 'Xin ghi tên khu phố (2–60 ký tự).');
	return NEIGHBORHOOD_NAME.test(name) ? ok(name) : symbols();
}

export async function createNeighborhood(
	store: DataStore,
	actor: Actor,
	input: Record<string, unknown>,
	device = ''
): Promise<Result<Neighborhood>> {
	const name = cleanNeighborhoodName(input.name);
	if (!name.ok) return name;
	const payload: NeighborhoodCreatePayload = { name: name.value, device };
	const made = await writeOp<{ id: number }>(store, actor, 'neighborhoods.create', payload);
	return made.ok ? ok({ id: made.value.id, name: name.value }) : made;
}

export async function renameNeighborhood(
	store: DataStore,
	actor: Actor,
	id: number,
	input: Record<string, unknown>,
	device = ''
): Promise<Result<Neighborhood & { changed: boolean }>> {
	const name = cleanNeighborhoodName(input.name);
	if (!name.ok) return name;
	const payload: NeighborhoodRenamePayload = { id, name: name.value, device };
	const done = await writeOp<{ changed: boolean }>(store, actor, 'neighborhoods.rename', payload);
	return done.ok ? ok({ id, name: name.value, changed: done.value.changed }) : done;
}

/** Merges khu phố `from` into `into`; says how many households moved. */
export async function mergeNeighborhoods(
	store: DataStore,
	actor: Actor,
	input: Record<string, unknown>,
	device = ''
): Promise<Result<{ households: number }>> {
	const from = positiveId(input.from);
	const into = positiveId(input.into);
	if (!from || !into) return fail(400, 'invalid_neighborhood', 'Xin chọn hai khu phố để gộp.');
	const payload: NeighborhoodMergePayload = { from, into, device };
	return writeOp<{ households: number }>(store, actor, 'neighborhoods.merge', payload);
}

/**
 * What the officer is asked before a merge: what moves, and that it stays merged. Undefined
 * when the two are not two khu phố of the list (the merge itself then says why).
 */
export function mergeQuestion(store: DataStore, fromId: unknown, intoId: unknown) {
	const list = neighborhoodSummaries(store.db);
	const from = list.find((n) => n.id === positiveId(fromId));
	const into = list.find((n) => n.id === positiveId(intoId));
	if (!from || !into || from === into) return undefined;
	const heads = from.heads.length ? `; trưởng khu phố: ${from.heads.join(', ')}` : '';
	return (
		`Gộp ${from.name} (${formatNumber(from.households)} hộ, ${formatNumber(from.residents)} cư dân${heads}) vào ${into.name}? ` +
		`Tên ${from.name} sẽ không còn; ứng dụng không tách lại được.`
	);
}
