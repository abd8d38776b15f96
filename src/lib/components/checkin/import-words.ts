/**
 * What the resident import page says about a checked list, in a head's words. A preview never
 * stores anything, so it says what "Nhập vào danh sách" will do; the answer to an import says
 * what was done.
 */
export interface ImportOutcome {
	dryRun: boolean;
	imported: number;
	errors: unknown[];
	duplicates: unknown[];
}

/** The one line under "Xem trước" / "Kết quả". */
export function importSummary(r: ImportOutcome): string {
	const bad = r.errors.length;
	if (bad > 0 && r.dryRun) {
		return `${bad} dòng lỗi: nếu bấm “Nhập vào danh sách” bây giờ, sẽ không nhập dòng nào. Sửa tệp rồi xem trước lại.`;
	}
	if (bad > 0) return `${bad} dòng lỗi: chưa nhập dòng nào. Sửa tệp rồi thử lại.`;
	if (r.dryRun) {
		return `Sẽ nhập ${r.imported} người; ${r.duplicates.length} dòng có thể trùng sẽ bỏ qua.`;
	}
	return `Đã nhập ${r.imported} người; bỏ qua ${r.duplicates.length} dòng có thể trùng.`;
}

/** What became of one row: to be imported, imported, or held back by another row's error. */
export function rowOutcome(
	kind: 'ok' | 'duplicate' | 'error',
	dryRun: boolean,
	anyErrors: boolean
): string {
	if (kind === 'duplicate') return 'Có thể trùng';
	if (kind === 'error') return 'Lỗi';
	if (!anyErrors) return dryRun ? 'Sẽ nhập' : 'Đã nhập';
	// A good row of a list with errors: nothing is imported until every row is right.
	return dryRun ? 'Dòng đúng, nhập được khi sửa xong dòng lỗi' : 'Chưa nhập';
}

/** A row's line as the page shows it: what became of it, then why ("Có thể trùng: …"). */
export function rowLine(
	row: { kind: 'ok' | 'duplicate' | 'error'; message: string },
	dryRun: boolean,
	anyErrors: boolean
): string {
	const outcome = rowOutcome(row.kind, dryRun, anyErrors);
	return row.message ? `${outcome}: ${row.message}` : outcome;
}

/**
 * Above a preview whose consent is missing: the API's sentence names its fields
 * ("consentTakenBy"); the page's own fields already say what is missing, in red, under them.
 */
export const CONSENT_MISSING =
	'Trước khi nhập, xin ghi sự đồng ý của người dân ở phần trên (chỗ chữ đỏ): không ai được lưu khi chưa đồng ý.';

/**
 * How the names were written differently from the file, said above the rows so the head
 * checks them before importing (services/import.ts, domain/name-case.ts).
 */
export function nameCaseNotice(r: {
	legacyFont?: 'tcvn3' | 'vni';
	namesRecased?: number;
}): string | null {
	if (r.legacyFont === 'tcvn3') {
		return 'Danh sách gõ bằng phông TCVN3 (.VnTime), phông này không có chữ hoa có dấu: tên người được viết hoa chữ đầu mỗi tiếng. Xin xem lại các tên dưới đây.';
	}
	const vni =
		r.legacyFont === 'vni'
			? 'Danh sách gõ bằng phông VNI (VNI-Times): chữ đã được chuyển sang Unicode. Xin xem lại các tên dưới đây.'
			: '';
	const recased = r.namesRecased
		? `${r.namesRecased} tên viết toàn chữ hoa hoặc toàn chữ thường sẽ được lưu với chữ hoa đầu mỗi tiếng, như “Nguyễn Văn An”.`
		: '';
	return [vni, recased].filter(Boolean).join(' ') || null;
}
