import QRCode from 'qrcode';
import type { Actor } from '../../domain/actor';
import type { PrintCard } from '../../domain/checkin-people';
import { printableCards, wardName, type CardsOf } from '../repositories/residents';
import type { DataStore } from '../store/data-store';
import { auditRead } from './audit';

export interface CardSheet {
	ward: string;
	title: string;
	cards: Array<PrintCard & { svg: string }>;
}

/**
 * The cards to print for one person, one household or a whole khu phố, each with its QR as
 * SVG (crisp at any printer resolution). Printing names is a use of personal data: audited.
 */
export async function cardSheet(store: DataStore, actor: Actor, by: CardsOf): Promise<CardSheet> {
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
	return { ward: wardName(store.db), title, cards: withQr };
}
