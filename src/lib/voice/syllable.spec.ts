import { describe, expect, it } from 'vitest';
import { isUnmarkedSyllable, isVietnameseSyllable } from './syllable.js';

describe('isVietnameseSyllable', () => {
	it.each([
		// plain ASCII words that are Vietnamese
		'ba',
		'con',
		'tin',
		'xem',
		'nghe',
		'ghi',
		'khoan',
		'in',
		'y',
		// with marks, every onset, medial and final
		'Bác',
		'ĐỒNG',
		'người',
		'đường',
		'Nghệ',
		'nghiêng',
		'quyết',
		'quốc',
		'quả',
		'khuya',
		'giêng',
		'gìn',
		'giữ',
		'thuở',
		'hoà',
		'hòa',
		'khoẻ',
		'hoặc',
		'chuyển',
		'huỳnh',
		'khuếch',
		'xoong',
		'yêu',
		'uỷ',
		'ạch',
		// how the voice's table writes loanwords and letter names
		'oai',
		'phai',
		'kiu',
		'oép',
		'chíp',
		'giê',
		'gi',
		'dét',
		'pờ'
	])('%s is one', (word) => {
		expect(isVietnameseSyllable(word)).toBe(true);
	});

	it.each([
		['Shop', 'no onset "sh"'],
		['Zalo', 'no "z", and two syllables'],
		['OK', 'no final "k"'],
		['app', 'no final "pp"'],
		['web', 'no final "b"'],
		['link', 'no final "nk"'],
		['camera', 'three syllables'],
		['iPhone', 'no rime "one"'],
		['Wi', 'no "w"'],
		['chip', 'a final p takes the sắc or nặng tone: "chíp"'],
		['Bac', 'a final c takes the sắc or nặng tone: "Bác"'],
		['thue', '"ue" only after q: "thuê"'],
		['Mien', '"iê" is written with its hat: "Miền"'],
		['ce', 'c before e is written k'],
		['nge', 'ng before e is written ngh'],
		['ghu', 'gh only before e, ê, i'],
		['ka', 'k only before e, ê, i, y'],
		['quo', 'the u of "qu" is the medial'],
		['hoàá', 'two tone marks'],
		['NhaBacAn', 'three syllables run together']
	])('%s is not (%s)', (word) => {
		expect(isVietnameseSyllable(word)).toBe(false);
	});
});

describe('isUnmarkedSyllable', () => {
	it('finds capitals that are a Vietnamese word without its marks', () => {
		for (const w of ['CUC', 'THUE', 'AN', 'QUOC', 'DUONG', 'NGHIA']) {
			expect(isUnmarkedSyllable(w), w).toBe(true);
		}
		for (const w of ['EVN', 'ATM', 'BHYT', 'SMS', 'VNPT', 'CCCD', 'ID', 'KA']) {
			expect(isUnmarkedSyllable(w), w).toBe(false);
		}
	});
});
