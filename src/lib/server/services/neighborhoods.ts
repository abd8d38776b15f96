import type { Actor } from '../../domain/actor';
import type { Neighborhood } from '../../domain/checkin-people';
import { isProblem } from '../http/problem';
import type { NeighborhoodCreatePayload, NeighborhoodRenamePayload } from '../ops/neighborhoods';
import { neighborhoodSummaries, type NeighborhoodSummary } from '../repositories/neighborhoods';
import type { DataStore } from '../store/data-store';
import { cleanLine, fail, ok, type Result } from './people';

export function listNeighborhoodSummaries(store: DataStore): NeighborhoodSummary[] {
	return neighborhoodSummaries(store.db);
}

/** A khu phố's name: one line, 2–60 characters, stored in NFC like all text. */
function cleanNeighborhoodName(value: unknown): Result<string> {
	const name = cleanLine(value, 2, 60);
	return name ? ok(name) : fail(400, 'invalid_name', 'Xin ghi tên khu phố (2–60 ký tự).');
}

/** Runs the op; a refusal it throws (a name taken, a khu phố gone) becomes a Result. */
async function write<T>(store: DataStore, actor: Actor, type: string, payload: unknown) {
	try {
		return ok(await store.write<T>(type, payload, actor.id));
	} catch (error) {
		if (!isProblem(error)) throw error;
		return fail<T>(error.status, error.reason, error.message);
	}
}

export async function createNeighborhood(
	store: DataStore,
	actor: Actor,
	input: Record<string, unknown>
): Promise<Result<Neighborhood>> {
	const name = cleanNeighborhoodName(input.name);
	if (!name.ok) return name;
	const payload: NeighborhoodCreatePayload = { name: name.value };
	const made = await write<{ id: number }>(store, actor, 'neighborhoods.create', payload);
	return made.ok ? ok({ id: made.value.id, name: name.value }) : made;
}

export async function renameNeighborhood(
	store: DataStore,
	actor: Actor,
	id: number,
	input: Record<string, unknown>
): Promise<Result<Neighborhood & { changed: boolean }>> {
	const name = cleanNeighborhoodName(input.name);
	if (!name.ok) return name;
	const payload: NeighborhoodRenamePayload = { id, name: name.value };
	const done = await write<{ changed: boolean }>(store, actor, 'neighborhoods.rename', payload);
	return done.ok ? ok({ id, name: name.value, changed: done.value.changed }) : done;
}
