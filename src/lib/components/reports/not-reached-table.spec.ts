import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import NotReachedTable from './NotReachedTable.svelte';
import type { HouseholdView } from './types';

const row = (id: number, members: number): HouseholdView => ({
	id,
	address: `Số ${id}, tổ 4, đường Trần Phú`,
	head_name: `Chủ hộ ${id}`,
	members,
	neighborhood: 'Khu phố 3'
});

describe('the list of households not reached', () => {
	it('says a household has nobody registered yet instead of "0" people', () => {
		const { body } = render(NotReachedTable, {
			props: {
				rows: [row(1, 3), row(2, 0)],
				sort: 'address',
				sortHref: () => '#',
				showNeighborhood: false
			}
		});
		const cells = [...body.matchAll(/data-label="Số người" class="num">([^<]*)</g)].map(
			(m) => m[1]
		);
		expect(cells).toEqual(['3', 'Chưa đăng ký ai']);
	});
});
