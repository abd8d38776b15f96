import type { Role } from './actor';

/**
 * Who a printed report is from and to: the heading, the "Kính gửi" line, "Nơi nhận" and the
 * signer, all decided here. A head of khu phố reports to the ward's People's Committee; the
 * ward's officer reports the ward's figures (or one khu phố's) to the ward's Ban Chỉ đạo
 * "Bình dân học vụ số", not to the committee that issues the report.
 */
export interface ReportLetter {
	/** The unit under "UBND PHƯỜNG …" in the heading ("Khu phố 3"); null for the ward's own. */
	unit: string | null;
	/** "Kính gửi: …." */
	to: string;
	/** The lines under "Nơi nhận:", each with its dash. */
	recipients: string[];
	/** Above "(Ký, ghi rõ họ tên)". */
	signer: string;
}

/** "Phường Hà Tu" inside a sentence: "phường Hà Tu" (the proper name keeps its capitals). */
export function inSentence(name: string): string {
	return name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
}

/**
 * The letter of the daily report by who makes it: `neighborhood` is the report's khu phố
 * ("Khu phố 3"), or null for the whole ward.
 */
export function reportLetter(role: Role, ward: string, neighborhood: string | null): ReportLetter {
	const wardName = inSentence(ward);
	if (role === 'head') {
		return {
			unit: neighborhood,
			to: `Kính gửi: Ủy ban nhân dân ${wardName}.`,
			recipients: [`- UBND ${wardName};`, '- Lưu: khu phố.'],
			signer: 'TRƯỞNG KHU PHỐ'
		};
	}
	return {
		unit: null,
		to: `Kính gửi: Ban Chỉ đạo phong trào “Bình dân học vụ số” ${wardName}.`,
		// "phường" (or "xã"), short enough for one line of the narrow column.
		recipients: [
			'- Như trên;',
			`- Chủ tịch UBND ${wardName.split(' ')[0]} (để b/c);`,
			'- Lưu: VT.'
		],
		signer: 'CÁN BỘ PHỤ TRÁCH CHUYỂN ĐỔI SỐ'
	};
}
