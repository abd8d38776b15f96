import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import NoneLeftList from './NoneLeftList.svelte';

const text = (html: string) =>
	html
		.replace(/<!--[^]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

describe('the khu phố with no household left to visit', () => {
	it('says a khu phố is done, with its households, and that one has none registered yet', () => {
		const { body } = render(NoneLeftList, {
			props: {
				items: [
					{ id: 3, name: 'Khu phố 3', households: 1204 },
					{ id: 9, name: 'Khu phố 9', households: 0 }
				]
			}
		});
		const lines = [...body.matchAll(/<li[^>]*>([^]*?)<\/li>/g)].map((m) => text(m[1]));
		expect(lines).toEqual([
			'Khu phố 3: không còn hộ nào cần đến (cả 1.204 hộ đã được tiếp cận).',
			'Khu phố 9: chưa có hộ nào được đăng ký.'
		]);
		expect(text(body)).toMatch(/^Khu phố không còn hộ nào cần đến/);
	});

	it('shows nothing when every khu phố has households to visit', () => {
		const { body } = render(NoneLeftList, { props: { items: [] } });
		expect(text(body)).toBe('');
	});
});
