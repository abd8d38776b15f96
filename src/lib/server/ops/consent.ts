import { Problem } from '../http/problem';
import type { OpHandlers } from '../store/store';
import { appendAudit } from './audit';

export interface WithdrawConsentPayload {
	residentId: number;
	/** How the request came in, e.g. "Bác đến nhà văn hoá nói trực tiếp". */
	note: string;
	device: string;
}

export const consentOps: OpHandlers = {
	'consent.withdraw': (db, p: WithdrawConsentPayload, ctx) => {
		if (!db.value<number>('SELECT count(*) FROM residents WHERE id = ?', [p.residentId])) {
			throw new Problem(404, 'not_found', 'Không tìm thấy cư dân này.');
		}
		const { changes } = db.run(
			'UPDATE consents SET withdrawn_at = ? WHERE resident_id = ? AND withdrawn_at IS NULL',
			[ctx.at, p.residentId]
		);
		if (changes === 0) {
			throw new Problem(409, 'already_withdrawn', 'Cư dân này không còn sự đồng ý nào để rút lại.');
		}
		appendAudit(db, ctx, {
			action: 'consent.withdraw',
			subject: `resident:${p.residentId}`,
			detail: p.note,
			device: p.device
		});
	}
};
