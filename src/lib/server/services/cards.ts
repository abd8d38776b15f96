import QRCode from 'qrcode';
import { worksIn, type Actor } from '../../domain/actor';
import type { PrintCard } from '../../domain/checkin-people';
import {
	getHousehold,
	getResident,
	printableCards,
	residentCards,
	wardName,
	type CardsOf
} from '../repositories/residents';
import type { DataStore } from '../store/data-store';
import { auditRead } from './audit';
import { fail, newCardCode, ok, writeOp, type Result } from './people';
import { NOT_YOUR_HOUSEHOLD, NOT_YOUR_RESIDENT, residentOf } from './scoped';

export interface CardSheet {
	ward: string;
	title: string;
	cards: Array<PrintCard & { svg: string }>;
}

/** The khu phố a sheet's cards belong to; undefined when the person or household is not there. */
function neighborhoodOf(store: DataStore, by: CardsOf): number | undefined {
	if (by.kind === 'neighborhood') return by.id;
	const found =
		by.kind === 'resident' ? getResident(store.db, by.id) : getHousehold(store.db, by.id);
	return found?.neighborhoodId;
}

const NOT_YOURS: Record<CardsOf['kind'], string> = {
	resident: NOT_YOUR_RESIDENT,
	household: NOT_YOUR_HOUSEHOLD,
	neighborhood: 'Khu phố này không phải khu phố của bạn.'
};

/**
 * The cards to print for one person, one household or a whole khu phố, each with its QR as
 * SVG (crisp at any printer resolution). Printing names is a use of personal data: audited.
 * A head prints only their own khu phố's cards; one that is not there is an empty sheet.
 */
export async function cardSheet(
	store: DataStore,
	actor: Actor,
	by: CardsOf
): Promise<Result<CardSheet>> {
	const hood = neighborhoodOf(store, by);
	if (hood !== undefined && !worksIn(actor, hood))
		return fail(403, 'forbidden', NOT_YOURS[by.kind]);
	const cards = printableCards(store.db, by);
	await auditRead(store, actor, {
		action: 'cards.print',
		subject: `${by.kind}:${by.id}`,
		detail: `${cards.length} thẻ`
	});
	const withQr = await Promise.all(
		cards.map(async (c) => ({
			...c,
			svg: await QRCode.toString(c.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
		}))
	);
	const first = cards[0];
	const title = {
		resident: first?.fullName ?? '',
		household: `Hộ ${first?.fullName ?? ''}`,
		neighborhood: first?.neighborhoodName ?? ''
	}[by.kind];
	return ok({ ward: wardName(store.db), title, cards: withQr });
}

/** A new card for a lost or worn one: the live card is revoked in the same op. */
export async function reissueCard(
	store: DataStore,
	actor: Actor,
	residentId: number
): Promise<Result<{ code: string }>> {
	const found = residentOf(store, actor, residentId);
	if (!found.ok) return found;
	return writeOp<{ code: string }>(store, actor, 'cards.reissue', {
		residentId,
		newCode: newCardCode()
	});
}

/** One card revoked (lost); the history stays. */
export async function revokeCard(
	store: DataStore,
	actor: Actor,
	residentId: number,
	code: string
): Promise<Result<{ code: string }>> {
	const found = residentOf(store, actor, residentId);
	if (!found.ok) return found;
	const live = residentCards(store.db, residentId).find((c) => c.code === code && !c.revokedAt);
	if (!live) return fail(404, 'unknown_card', 'Không có thẻ còn dùng với mã này.');
	const revoked = await writeOp(store, actor, 'cards.revoke', { code });
	return revoked.ok ? ok({ code }) : revoked;
}
