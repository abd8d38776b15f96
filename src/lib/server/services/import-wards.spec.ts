import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor';
import type { Store } from '../store/store';
import { importResidents, type ImportReport } from './import';
import { encodeTcvn3 } from './import-decode';
import { toVni } from './vni';
import { odsText, odsWorkbook, text, workbook } from './import-xlsx.testing';

const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;
import { actorNamed, demoStore } from './privacy.testing';

/** Resident lists as wards really keep them: made over years, in Excel and elsewhere. */
let store: Store;
let officer: Actor;
let head: Actor;
beforeAll(async () => {
	store = await demoStore();
	officer = actorNamed(store, 'quantri');
	head = actorNamed(store, 'truongkhu3');
});
afterAll(() => store.close());

const consent = { method: 'paper', takenBy: 'Cán bộ phường' };

async function preview(name: string, bytes: Uint8Array | string, actor = officer) {
	const file = { name, bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes };
	return importResidents(store, actor, file, { dryRun: true, consent });
}

async function rows(name: string, bytes: Uint8Array | string, actor = officer) {
	const result = await preview(name, bytes, actor);
	if (!result.ok) throw new Error(result.message);
	return result.value;
}

const brief = (r: ImportReport) =>
	r.rows.map((x) => [x.row, x.kind, x.fullName, x.message].filter((v) => v !== ''));

describe('a ward’s own list', () => {
	it('starts below a title, a date and blank lines, in Excel’s ";" with unquoted commas', async () => {
		const csv = [
			'DANH SÁCH HỘ GIA ĐÌNH KHU PHỐ 3;;;;',
			';;;;',
			'(Cập nhật ngày 01/03/2025, do tổ trưởng lập);;;;',
			'Họ và tên;Năm sinh;Địa chỉ;Khu phố;Ghi chú',
			'Trương Văn Chấm;1950;Số 6, ngõ 3, đường Lê Lợi, tổ 5;Khu phố 3;',
			';;;;',
			'Trương Thị Phẩy;1953;Số 6, ngõ 3, đường Lê Lợi, tổ 5;Khu phố 3;'
		].join('\r\n');
		const report = await rows('kp3.csv', `\r\n${csv}`);
		expect(brief(report)).toEqual([
			[6, 'ok', 'Trương Văn Chấm'],
			[8, 'ok', 'Trương Thị Phẩy']
		]);
		expect(report.rows[0].address).toBe('Số 6, ngõ 3, đường Lê Lợi, tổ 5');
	});

	it('names its columns in other words: line breaks, commas, no diacritics, capitals', async () => {
		const csv =
			'STT,"Họ và\ntên (*)","Ngày, tháng, năm sinh",SĐT,Quan hệ với chủ hộ,DIA CHI,Khu pho\n' +
			'1,Vũ Văn Tiêu,01/05/1952,0912 345 678,Chủ hộ,Số 3 ngõ Đề,Khu phố 3\n' +
			'2,Vũ Thị Xuống,1955-07-30,,Vợ,Số 3 ngõ Đề,Khu phố 3\n';
		const report = await rows('cot.csv', csv);
		expect(brief(report)).toEqual([
			[2, 'ok', 'Vũ Văn Tiêu'],
			[3, 'ok', 'Vũ Thị Xuống']
		]);
	});

	it('keeps "Họ đệm" and "Tên" apart: the name is both, not the given name alone', async () => {
		const csv = 'Họ đệm,Tên,Năm sinh,Địa chỉ,Khu phố\nLâm Thị,Tách,1960,Số 2 ngõ Tách,Khu phố 3\n';
		expect((await rows('tach.csv', csv)).rows[0].fullName).toBe('Lâm Thị Tách');
	});

	it('gives a phone kept as a number its 0 back, and says so', async () => {
		const csv =
			'Họ và tên,Năm sinh,Điện thoại,Địa chỉ,Khu phố\n' +
			'Trần Văn Phong,1950,912345678,Số 12 ngõ Phong,Khu phố 3\n' +
			'Lê Thị Phương,1955,84987654321,Số 12 ngõ Phong,Khu phố 3\n' +
			'Lê Văn Sai,1956,12345,Số 12 ngõ Phong,Khu phố 3\n';
		const report = await rows('sdt.csv', csv);
		expect(report.rows.map((r) => [r.kind, r.note])).toEqual([
			['ok', 'Số điện thoại 912345678 được đọc là 0912345678 (thêm số 0 ở đầu).'],
			['ok', 'Số điện thoại 84987654321 được đọc là 0987654321 (thêm số 0 ở đầu).'],
			['error', undefined]
		]);
	});

	it('finds a khu phố written short: KP3, KP.03, Khu 3', async () => {
		const csv =
			'Họ và tên,Năm sinh,Địa chỉ,Khu phố\n' +
			['KP3', 'KP.03', 'Khu 3', 'kp 3', 'Khu phố số 3']
				.map((k, i) => `Kha Văn ${'ABCDE'[i]}a,1950,Số ${i} ngõ Kha,${k}`)
				.join('\n');
		expect((await rows('kp.csv', csv)).rows.map((r) => r.kind)).toEqual(Array(5).fill('ok'));
	});

	it('lets a head leave out the "Khu phố" column: the list is of their khu phố', async () => {
		const csv = 'Họ và tên,Năm sinh,Địa chỉ\nPhạm Văn Riêng,1960,Số 7 ngõ Riêng\n';
		const mine = await rows('rieng.csv', csv, head);
		expect(mine.rows.map((r) => [r.kind, r.neighborhood])).toEqual([['ok', 'Khu phố 3']]);
		const officers = await preview('rieng.csv', csv);
		expect(officers).toMatchObject({ ok: false, reason: 'missing_columns' });
		expect(!officers.ok && officers.message).toMatch(/^Thiếu cột “Khu phố” \(dòng tên cột/);
	});

	it('reads each sheet that holds a list, and says which', async () => {
		const header = `<row r="1">${text('A1', 'Họ và tên')}${text('B1', 'Năm sinh')}${text('C1', 'Địa chỉ')}${text('D1', 'Khu phố')}</row>`;
		const person = (name: string, kp: string) =>
			`<row r="2">${text('A2', name)}<c r="B2"><v>1950</v></c>${text('C2', `Số 1 ngõ ${name}`)}${text('D2', kp)}</row>`;
		const report = await rows(
			'ds.xlsx',
			workbook({
				'Hướng dẫn': `<sheetData><row r="1">${text('A1', 'Mỗi khu phố một trang')}</row></sheetData>`,
				KP3: `<sheetData>${header}${person('Hồ Văn Trang', 'Khu phố 3')}</sheetData>`,
				KP4: `<sheetData>${header}${person('Hồ Thị Trang', 'Khu phố 4')}</sheetData>`
			})
		);
		expect(report.sheets).toEqual(['KP3', 'KP4']);
		expect(report.rows.map((r) => [r.sheet, r.row, r.kind])).toEqual([
			['KP3', 2, 'ok'],
			['KP4', 2, 'ok']
		]);
	});

	it('says plainly that an old .xls must be saved again, not "missing columns"', async () => {
		const xls = Buffer.concat([
			Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
			Buffer.alloc(600, 7)
		]);
		const result = await preview('ds.xls', xls);
		expect(result).toMatchObject({ ok: false, status: 400, reason: 'unsupported_format' });
		expect(!result.ok && result.message).toContain('“Excel Workbook (.xlsx)” hoặc “CSV UTF-8”');
		// A web system's "ds.xls" that is really tab-separated text is read as what it is.
		const tsv =
			'Họ và tên\tNăm sinh\tĐịa chỉ\tKhu phố\nTô Văn Tab\t1950\tSố 4 ngõ Tab\tKhu phố 3\n';
		expect(brief(await rows('xuat-tu-web.xls', tsv))).toEqual([[2, 'ok', 'Tô Văn Tab']]);
	});

	it('reads a list LibreOffice saved as .ods, its phone kept as a number given its 0 back', async () => {
		const ods = odsWorkbook({
			KP3: [
				row(
					odsText('Họ và tên'),
					odsText('Năm sinh'),
					odsText('Địa chỉ'),
					odsText('Khu phố'),
					odsText('SĐT')
				),
				row(
					odsText('Lê Văn Ods'),
					'<table:table-cell office:value-type="date" office:date-value="1951-02-03"/>',
					odsText('Số 1 ngõ Ods'),
					odsText('KP3'),
					'<table:table-cell office:value-type="float" office:value="912345678"/>'
				)
			].join('')
		});
		const report = await rows('ds.ods', ods);
		expect(report.encoding).toBe('ODS');
		expect(report.rows).toMatchObject([
			{
				row: 2,
				kind: 'ok',
				fullName: 'Lê Văn Ods',
				birthYear: '03/02/1951',
				neighborhood: 'Khu phố 3'
			}
		]);
		expect(report.rows[0].note).toContain('0912345678');
	});

	it('tells a head the columns their own list needs, without "Khu phố"', async () => {
		const result = await preview('kp3.csv', 'Họ và tên,Địa chỉ\nTô Văn Thiếu,Số 1 ngõ 1\n', head);
		expect(result).toMatchObject({ ok: false, reason: 'missing_columns' });
		const message = !result.ok ? result.message : '';
		expect(message).toContain('Thiếu cột “Năm sinh”');
		expect(message).toContain('cần “Họ và tên”, “Năm sinh”, “Địa chỉ” (');
		expect(message).not.toContain('“Khu phố”');
	});

	it('files a head’s row with the khu phố left blank under their own, and tells the officer it is missing', async () => {
		const csv = [
			'Họ và tên,Năm sinh,Nơi ở hiện nay,KP',
			'Tô Văn Trống,1950,Số 1 ngõ Trống,',
			'Tô Thị Ghi,1951,Số 1 ngõ Trống,KP3'
		].join('\n');
		const mine = await rows('kp3.csv', csv, head);
		expect(mine.rows.map((r) => [r.kind, r.neighborhood])).toEqual([
			['ok', 'Khu phố 3'],
			['ok', 'Khu phố 3']
		]);
		const ward = await rows('kp3.csv', csv);
		expect(ward.rows[0]).toMatchObject({ kind: 'error', message: 'Thiếu khu phố.' });
		expect(ward.rows[1]).toMatchObject({ kind: 'ok', neighborhood: 'Khu phố 3' });
	});
});

/** Text as a spreadsheet typed in a .VnTime font keeps it: one Western letter per TCVN3 byte. */
const vnTime = (t: string) => Buffer.from(encodeTcvn3(t)).toString('latin1');

describe('names and old fonts', () => {
	const sheet = (cells: string[][]) =>
		workbook({
			'Danh sách': `<sheetData>${cells
				.map(
					(r, y) =>
						`<row r="${y + 1}">${r.map((c, x) => text(`${'ABCDE'[x]}${y + 1}`, c)).join('')}</row>`
				)
				.join('')}</sheetData>`
		});

	it('reads an .xlsx typed in the .VnTime font as Vietnamese, names given their capitals', async () => {
		const typed = [
			['Họ và tên', 'Năm sinh', 'Địa chỉ', 'Khu phố', 'Chủ hộ'],
			['Lê Ánh Vân', '1950', 'Số 9 ngõ Ổi', 'Khu phố 3', 'Lê Ánh Vân'],
			['Nguyễn Thị Ổn', '1952', 'Số 9 ngõ Ổi', 'Khu phố 3', 'Lê Ánh Vân']
		];
		// The font has no capital with a tone mark: "Ánh" was typed "ánh", "Ổn" "ổn".
		expect(vnTime('Lê Ánh Vân')).toBe('Lª ¸nh V©n');
		const report = await rows('vntime.xlsx', sheet(typed.map((r) => r.map(vnTime))));
		expect(report.legacyFont).toBe('tcvn3');
		expect(brief(report)).toEqual([
			[2, 'ok', 'Lê Ánh Vân'],
			[3, 'ok', 'Nguyễn Thị Ổn']
		]);
		expect(report.rows[0].address).toBe('Số 9 ngõ ổi');
	});

	it('turns a .VnTime sheet’s cells even under a header typed again in Unicode', async () => {
		const csv =
			'Họ và tên,Năm sinh,Địa chỉ,Khu phố\n' +
			['Đoàn Văn Hưởng,1951,Số 4 ngõ Hưởng,Khu phố 3', 'Tô Thị Hà,1953,Số 4 ngõ Hưởng,Khu phố 3']
				.map(vnTime)
				.join('\n');
		// Saved from the spreadsheet as "CSV UTF-8": the font's letters, in UTF-8.
		const report = await rows('vntime.csv', Buffer.from(csv, 'utf8'));
		expect(report.encoding).toBe('UTF-8');
		expect(report.legacyFont).toBe('tcvn3');
		expect(brief(report)).toEqual([
			[2, 'ok', 'Đoàn Văn Hưởng'],
			[3, 'ok', 'Tô Thị Hà']
		]);
	});

	it('reads a list typed in VNI-Times, in an .xlsx or as an old CSV’s bytes', async () => {
		const typed = [
			['Họ và tên', 'Năm sinh', 'Địa chỉ', 'Khu phố'],
			['Huỳnh Thị Ngọc Huệ', '1950', 'Số 7 đường Trương Định', 'Khu phố 3'],
			['TRẦN VĂN ĐỨC', '1949', 'Số 7 đường Trương Định', 'Khu phố 3']
		];
		expect(toVni('Huỳnh Thị Ngọc Huệ')).toBe('Huyønh Thò Ngoïc Hueä');
		const want = [
			[2, 'ok', 'Huỳnh Thị Ngọc Huệ'],
			[3, 'ok', 'Trần Văn Đức']
		];
		const xlsx = await rows('vni.xlsx', sheet(typed.map((r) => r.map(toVni))));
		expect(xlsx.legacyFont).toBe('vni');
		expect(brief(xlsx)).toEqual(want);
		expect(xlsx.rows[0].address).toBe('Số 7 đường Trương Định');
		// Saved as "CSV (Comma delimited)": the font's bytes, in the PC's Western code page.
		const csv = typed.map((r) => toVni(r.join(','))).join('\r\n');
		const old = await rows('vni.csv', Buffer.from(csv, 'latin1'));
		expect(old.encoding).toBe('VNI Windows');
		expect(old.legacyFont).toBe('vni');
		expect(brief(old)).toEqual(want);
	});

	it('leaves a Unicode list alone, even one whose letters are all Western', async () => {
		const report = await rows(
			'unicode.xlsx',
			sheet([
				['Ho va ten', 'Nam sinh', 'Dia chi', 'Khu pho'],
				['Tô Lâm', '1957', 'Số 1 ngõ Tô', 'Khu phố 3'],
				['Lê Hà Mê', '1958', 'Số 1 ngõ Tô', 'Khu phố 3']
			])
		);
		expect(report.legacyFont).toBeUndefined();
		expect(brief(report)).toEqual([
			[2, 'ok', 'Tô Lâm'],
			[3, 'ok', 'Lê Hà Mê']
		]);
	});

	it('stores names typed all in capitals or all small as "Nguyễn Văn An", and counts them', async () => {
		const csv = [
			'Họ và tên,Năm sinh,Địa chỉ,Khu phố,Chủ hộ,Người giám hộ',
			'NGUYỄN VĂN ĐẠT,1960,Số 3 ngõ Đạt,Khu phố 3,NGUYỄN VĂN ĐẠT,',
			'nguyễn thị ấm,2015,Số 3 ngõ Đạt,Khu phố 3,NGUYỄN VĂN ĐẠT,nguyễn văn đạt',
			'Nguyễn thị Hoa,1962,Số 3 ngõ Đạt,Khu phố 3,,'
		].join('\n');
		const report = await rows('hoa.csv', csv);
		expect(brief(report)).toEqual([
			[2, 'ok', 'Nguyễn Văn Đạt'],
			[3, 'ok', 'Nguyễn Thị Ấm'],
			[4, 'ok', 'Nguyễn thị Hoa']
		]);
		expect(report.namesRecased).toBe(2);
		expect(report.legacyFont).toBeUndefined();

		const done = await importResidents(
			store,
			officer,
			{ name: 'hoa.csv', bytes: Buffer.from(csv) },
			{ dryRun: false, consent }
		);
		expect(done).toMatchObject({ ok: true, value: { imported: 3 } });
		const stored = store.db.all<{ full_name: string; head_name: string; guardian: string | null }>(
			`SELECT r.full_name, h.head_name, c.guardian_name AS guardian
			 FROM residents r JOIN households h ON h.id = r.household_id
			 JOIN consents c ON c.resident_id = r.id
			 WHERE h.address = 'Số 3 ngõ Đạt' ORDER BY r.id`
		);
		expect(stored).toEqual([
			{ full_name: 'Nguyễn Văn Đạt', head_name: 'Nguyễn Văn Đạt', guardian: null },
			{ full_name: 'Nguyễn Thị Ấm', head_name: 'Nguyễn Văn Đạt', guardian: 'Nguyễn Văn Đạt' },
			{ full_name: 'Nguyễn thị Hoa', head_name: 'Nguyễn Văn Đạt', guardian: null }
		]);
	});
	it('takes an "x" in the "Chủ hộ" column as "this row is the head", as many lists mark it', async () => {
		const csv = [
			'Họ và tên,Năm sinh,Địa chỉ,Khu phố,Quan hệ,Chủ hộ',
			'Đinh Thị Mơ,1958,Số 8 ngõ Mơ,Khu phố 3,Vợ,',
			'Đinh Văn Mạnh,1955,Số 8 ngõ Mơ,Khu phố 3,Chồng,x',
			'Lò Văn Tư,1949,Số 2 ngõ Tư,Khu phố 3,Chủ hộ,',
			'Lò Thị Năm,1951,Số 2 ngõ Tư,Khu phố 3,,✓'
		].join('\n');
		const report = await rows('mo.csv', csv);
		expect(report.errors).toEqual([]);
		const done = await importResidents(
			store,
			officer,
			{ name: 'mo.csv', bytes: Buffer.from(csv) },
			{ dryRun: false, consent }
		);
		expect(done).toMatchObject({ ok: true, value: { imported: 4 } });
		const heads = store.db.all<{ address: string; head_name: string }>(
			`SELECT address, head_name FROM households WHERE address IN ('Số 8 ngõ Mơ', 'Số 2 ngõ Tư')
			 ORDER BY address`
		);
		// The marked member, not the first row; a mark outranks a "Chủ hộ" relationship.
		expect(heads).toEqual([
			{ address: 'Số 2 ngõ Tư', head_name: 'Lò Thị Năm' },
			{ address: 'Số 8 ngõ Mơ', head_name: 'Đinh Văn Mạnh' }
		]);
	});
});
