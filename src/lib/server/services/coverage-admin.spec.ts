import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { saveTarget } from './coverage-admin';
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

	it('is saved when the two agree, or the name gives no percent', async () => {
		expect(await target('80,5% người trưởng thành có kỹ năng số cơ bản', '80,5')).toEqual({
			ok: true
		});
		expect(await target('Người trưởng thành có kỹ năng số cơ bản', '85')).toEqual({ ok: true });
		expect(store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1')).toBe(85);
	});

	it('is refused below 1% or above 100%, as its message says, and saved at 1 and 100', async () => {
		const refused = { ok: false, field: 'percent', message: 'Tỷ lệ phải là một số từ 1 đến 100.' };
		for (const percent of ['0,5', '0.99', '0', '-5', '100,5', 'abc', '']) {
			expect(await target('Người trưởng thành có kỹ năng số cơ bản', percent)).toEqual(refused);
		}
		expect(store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1')).toBe(85);
		expect(await target('Người trưởng thành có kỹ năng số cơ bản', '1')).toEqual({ ok: true });
		expect(await target('Người trưởng thành có kỹ năng số cơ bản', '100')).toEqual({ ok: true });
		expect(store.db.value<number>('SELECT percent FROM coverage_targets WHERE id = 1')).toBe(100);
	});
});
