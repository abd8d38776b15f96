import { worksIn, type Actor } from '../../domain/actor';
import { cleanText } from '../../domain/text';
import { Problem } from '../http/problem';
import type { ErasureResult } from '../ops/erasure';
import {
	pendingErasures,
	personalData,
	residentScope,
	type PendingErasure,
	type PersonalDataExport,
	type ResidentScope
} from '../repositories/privacy';
import type { DataStore } from '../store/data-store';
import { auditRead } from './audit';
import { NOT_YOUR_RESIDENT } from './scoped';

const VOLUNTEERS_DO_NOT_EXPORT =
	'Tình nguyện viên không xem được dữ liệu cá nhân của cư dân. Xin nhờ trưởng khu phố hoặc cán bộ phường.';

/**
 * The officer sees every resident's data; a head only those of their own khu phố (the same
 * rule as everywhere, `worksIn`); a volunteer none of it (they register, not export).
 */
export function canSeeResident(actor: Actor, scope: ResidentScope): boolean {
	return actor.role !== 'volunteer' && worksIn(actor, scope.neighborhoodId);
}

function scopeFor(store: DataStore, actor: Actor, residentId: number): ResidentScope {
	const scope = residentScope(store.db, residentId);
	if (!scope) throw new Problem(404, 'not_found', 'Không tìm thấy cư dân này (có thể đã xoá).');
	if (actor.role === 'volunteer') {
		throw new Problem(403, 'forbidden', VOLUNTEERS_DO_NOT_EXPORT);
	}
	if (!canSeeResident(actor, scope)) throw new Problem(403, 'forbidden', NOT_YOUR_RESIDENT);
	return scope;
}

export type ExportPurpose = 'export' | 'view_data' | 'print';

/**
 * Everything held about a person, for a copy on request. The read is audited before the
 * data leaves: who, which record, why (JSON export, the readable page, or a print).
 */
export async function exportResident(
	store: DataStore,
	actor: Actor,
	residentId: number,
	purpose: ExportPurpose,
	device: string
): Promise<PersonalDataExport> {
	await logAccess(store, actor, residentId, purpose, device);
	const data = personalData(store.db, residentId);
	if (!data) throw new Problem(404, 'not_found', 'Không tìm thấy cư dân này (có thể đã xoá).');
	return data;
}

/**
 * A print of the readable copy, recorded before the browser's print dialog opens. Only for
 * someone who may see the person (as the page itself): a refused print logs nothing.
 */
export const recordPrint = (store: DataStore, actor: Actor, residentId: number, device: string) =>
	logAccess(store, actor, residentId, 'print', device);

/** Whether the actor may see the person, then the access logged: a refused one logs nothing. */
async function logAccess(
	store: DataStore,
	actor: Actor,
	residentId: number,
	purpose: ExportPurpose,
	device: string
): Promise<void> {
	scopeFor(store, actor, residentId);
	await auditRead(store, actor, {
		action: `resident.${purpose}`,
		subject: `resident:${residentId}`,
		device
	});
}

/** Erasure on request: only the ward officer, and the whole of it in one op (ops/erasure.ts). */
export async function eraseResident(
	store: DataStore,
	actor: Actor,
	residentId: number,
	device: string
): Promise<ErasureResult> {
	if (actor.role !== 'officer') {
		throw new Problem(403, 'forbidden', 'Chỉ cán bộ phường được xoá dữ liệu cư dân.');
	}
	scopeFor(store, actor, residentId);
	return store.write<ErasureResult>('privacy.erase', { residentId, device }, actor.id);
}

/** How long the note of a withdrawal may be ("gọi điện ngày 25/11, nhờ con gái báo"). */
export const WITHDRAWAL_NOTE_MAX = 300;

export async function withdrawConsent(
	store: DataStore,
	actor: Actor,
	residentId: number,
	note: unknown,
	device: string
): Promise<void> {
	if (actor.role === 'volunteer') {
		throw new Problem(403, 'forbidden', 'Tình nguyện viên không ghi việc rút lại đồng ý.');
	}
	scopeFor(store, actor, residentId);
	const text = typeof note === 'string' ? cleanText(note) : '';
	// Refused, not cut: the form's maxlength cut a pasted note without a word.
	if (text.length > WITHDRAWAL_NOTE_MAX) {
		throw new Problem(
			400,
			'note_too_long',
			`Ghi chú dài quá: tối đa ${WITHDRAWAL_NOTE_MAX} ký tự. Xin rút gọn.`
		);
	}
	await store.write('consent.withdraw', { residentId, note: text, device }, actor.id);
}

export function erasureQueue(store: DataStore): PendingErasure[] {
	return pendingErasures(store.db);
}
