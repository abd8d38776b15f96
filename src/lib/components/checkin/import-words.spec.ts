import { describe, expect, it } from 'vitest';
import { importSummary, nameCaseNotice, rowOutcome } from './import-words';

describe('import page words', () => {
	it('a preview with a bad row says what an import would do, never that nothing was imported', () => {
		const line = importSummary({ dryRun: true, imported: 3, errors: [{}], duplicates: [] });
		expect(line).toContain('1 dòng lỗi');
		expect(line).toContain('sẽ không nhập dòng nào');
		expect(line).not.toContain('chưa nhập');
	});
	it('an import refused for a bad row says nothing was imported', () => {
		expect(importSummary({ dryRun: false, imported: 0, errors: [{}, {}], duplicates: [] })).toBe(
			'2 dòng lỗi: chưa nhập dòng nào. Sửa tệp rồi thử lại.'
		);
	});
	it('a clean preview and a clean import', () => {
		expect(importSummary({ dryRun: true, imported: 4, errors: [], duplicates: [{}] })).toBe(
			'Sẽ nhập 4 người; 1 dòng có thể trùng sẽ bỏ qua.'
		);
		expect(importSummary({ dryRun: false, imported: 4, errors: [], duplicates: [] })).toBe(
			'Đã nhập 4 người; bỏ qua 0 dòng có thể trùng.'
		);
	});
	it('a good row of a list with errors is not promised as imported', () => {
		expect(rowOutcome('ok', true, false)).toBe('Sẽ nhập');
		expect(rowOutcome('ok', true, true)).not.toBe('Sẽ nhập');
		expect(rowOutcome('ok', false, true)).toBe('Chưa nhập');
		expect(rowOutcome('ok', false, false)).toBe('Đã nhập');
		expect(rowOutcome('error', true, true)).toBe('Lỗi');
		expect(rowOutcome('duplicate', false, false)).toBe('Có thể trùng');
	});
	it('says when names will be stored otherwise than typed, and only then', () => {
		expect(nameCaseNotice({})).toBeNull();
		expect(nameCaseNotice({ namesRecased: 0 })).toBeNull();
		expect(nameCaseNotice({ namesRecased: 3 })).toBe(
			'3 tên viết toàn chữ hoa hoặc toàn chữ thường sẽ được lưu với chữ hoa đầu mỗi tiếng, như “Nguyễn Văn An”.'
		);
		// A TCVN3 list's names all get their capitals: the font is named, not a count.
		expect(nameCaseNotice({ legacyFont: 'tcvn3', namesRecased: 2 })).toContain(
			'phông TCVN3 (.VnTime)'
		);
		expect(nameCaseNotice({ legacyFont: 'vni', namesRecased: 2 })).toBe(
			'Danh sách gõ bằng phông VNI (VNI-Times): chữ đã được chuyển sang Unicode. Xin xem lại các tên dưới đây. 2 tên viết toàn chữ hoa hoặc toàn chữ thường sẽ được lưu với chữ hoa đầu mỗi tiếng, như “Nguyễn Văn An”.'
		);
	});
});
