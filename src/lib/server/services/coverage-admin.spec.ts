import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { saidPercents, saveDefinitions, saveTarget, targetsView } from './coverage-admin';
import { actorNamed, demoStore } from './privacy.testing';

let store: Store;
beforeAll(async () => {
	store = await demoStore();
});
afterAll(() => store.close());

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};
const target = (label: string, percent: string) =>
	saveTarget(
		store,
		actorNamed(store, 'quantri'),
		form({ id: '1', percent, deadline: '2025-12-31', label })
	);

describe('a target the officer edits', () => {
	it('is refused when its name says another percent than its own', async () => {
		expect(await target('80% người trưởng thành có kỹ năng số cơ bản', '80,5')).toEqual({
			ok: false,
			field: 'label',
			message: 'Tên chỉ tiêu ghi 80% nhưng tỷ lệ là 80,5%. Xin sửa cho khớp.'
		});
		const saved = store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1');
		expect(saved).toBe(80);
	});

	it('is refused when any percent its name gives, in figures or in words, is another', async () => {
		const before = store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1');
		// The first percent agreed, so the second went unseen: the report put "lên 100%" beside
		// an 80% target. A percent in words went unseen at all.
		expect(await target('Từ 80% (2025) lên 100% (2026) người trưởng thành', '80')).toEqual({
			ok: false,
			field: 'label',
			message: 'Tên chỉ tiêu ghi 100% nhưng tỷ lệ là 80%. Xin sửa cho khớp.'
		});
		expect(await target('80 phần trăm người trưởng thành có kỹ năng số', '70')).toEqual({
			ok: false,
			field: 'label',
			message: 'Tên chỉ tiêu ghi 80% nhưng tỷ lệ là 70%. Xin sửa cho khớp.'
		});
		// Written with a point, said back with the comma the report writes.
		expect(await target('Tỷ lệ 80.5% người trưởng thành', '80')).toEqual({
			ok: false,
			field: 'label',
			message: 'Tên chỉ tiêu ghi 80,5% nhưng tỷ lệ là 80%. Xin sửa cho khớp.'
		});
		expect(store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1')).toBe(
			before
		);
		expect(saidPercents('≥ 95% hộ; 95 phần trăm; 95,0 %')).toEqual([95, 95, 95]);
		expect(saidPercents('Người trưởng thành có kỹ năng số cơ bản (hết năm 2025)')).toEqual([]);
	});

	it('is saved when the two agree, or the name gives no percent', async () => {
		expect(await target('80,5% người trưởng thành có kỹ năng số cơ bản', '80,5')).toEqual({
			ok: true
		});
		expect(await target('Từ 80,5 phần trăm đến 80,5% người trưởng thành', '80,5')).toEqual({
			ok: true
		});
		expect(await target('Người trưởng thành có kỹ năng số cơ bản', '85')).toEqual({ ok: true });
		expect(store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1')).toBe(85);
	});

	it('is refused below 1% or above 100%, as its message says, and saved at 1 and 100', async () => {
		const refused = { ok: false, field: 'percent', message: 'Tỷ lệ phải là một số từ 1 đến 100.' };
		// Number() read the written-out ones as numbers: "0x50" was saved as 80%, "1e2" as 100%.
		const written = ['0x50', '1e2', '0b1010', '5_0', 'Infinity', '1.000', '80,,5', '٨٠'];
		for (const percent of ['0,5', '0.99', '0', '-5', '100,5', 'abc', '', ...written]) {
			expect(await target('Người trưởng thành có kỹ năng số cơ bản', percent)).toEqual(refused);
		}
		expect(store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1')).toBe(85);
		expect(await target('Người trưởng thành có kỹ năng số cơ bản', '1')).toEqual({ ok: true });
		expect(await target('Người trưởng thành có kỹ năng số cơ bản', '100')).toEqual({ ok: true });
		expect(store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1')).toBe(100);
	});

	it('takes a percent as it is typed: a comma or a point, a "%" after it', async () => {
		for (const [typed, saved] of [
			['50,5', 50.5],
			['50.5', 50.5],
			[' 80 % ', 80],
			['80%', 80],
			['7,25', 7.25]
		] as const) {
			expect(await target('Người trưởng thành có kỹ năng số cơ bản', typed), typed).toEqual({
				ok: true
			});
			expect(store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1')).toBe(
				saved
			);
		}
	});
});

describe('the adult age in the definitions', () => {
	it('is a whole number of years, typed in digits', async () => {
		const { adultSkilled, householdCovered } = targetsView(store).definitions;
		const save = (adultMinAge: string) =>
			saveDefinitions(
				store,
				actorNamed(store, 'quantri'),
				form({ adultSkilled, householdCovered, adultMinAge })
			);
		const refused = { ok: false, message: 'Tuổi trưởng thành phải là số nguyên từ 10 đến 30.' };
		for (const age of ['0x12', '1e1', '18.0', '', 'mười tám', '9', '31']) {
			expect(await save(age), age).toEqual(refused);
		}
		expect(await save(' 16 ')).toEqual({ ok: true });
		expect(targetsView(store).definitions.adultMinAge).toBe(16);
	});
});

describe('the audit rows of target and definition changes', () => {
	it('name the device, and say the definitions in words', async () => {
		const device = '10.0.0.7 Mozilla/5.0 (X11; Linux x86_64) Chrome/130';
		const quantri = actorNamed(store, 'quantri');
		const last = (action: string) =>
			store.db.get<{ detail: string; device: string }>(
				'SELECT detail, device FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1',
				[action]
			);
		const fields = { id: '1', percent: '90', deadline: '2026-12-31', label: 'Chỉ tiêu năm' };
		expect(await saveTarget(store, quantri, form(fields), device)).toEqual({ ok: true });
		expect(last('coverage.set_target')?.device).toBe(device);

		const defs = { adultSkilled: 'M4; M5/M6', householdCovered: 'M4', adultMinAge: '15' };
		expect(await saveDefinitions(store, quantri, form(defs), device)).toEqual({ ok: true });
		expect(last('coverage.set_definitions')).toEqual({
			detail: 'Người có kỹ năng số: M4; M5/M6. Hộ được phủ: M4. Tuổi trưởng thành: từ 15.',
			device
		});
	});
});
