import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Page from './+page.svelte';

const entry = (
	id: number,
	subject: string,
	subjectName: string,
	subjectHref: string | null,
	detail = '',
	detailText = detail
) => ({
	id,
	at: Date.parse('2026-12-01T08:00:00+07:00'),
	actorName: 'Cán bộ phường',
	actorUsername: 'quantri',
	action: 'resident.view',
	actionName: 'Xem hồ sơ cư dân',
	subject,
	subjectName,
	subjectHref,
	detail,
	detailText,
	device: '10.0.0.5 vitest',
	deviceName: 'Không rõ'
});

describe('the access log page', () => {
	it('names each subject in words, never by its stored code', () => {
		const entries = [
			entry(1, 'user:4', 'Trưởng khu phố 3', null),
			entry(2, 'session:75', 'Lớp VNeID (01/12/2026)', '/tinh-nguyen/buoi/75'),
			entry(
				3,
				'resident:316',
				'Nguyễn Văn An',
				'/cu-dan/316',
				'milestone:3372',
				'Mốc kỹ năng #3372'
			),
			entry(4, 'target:3', 'Chỉ tiêu #3', null),
			entry(5, 'ward', 'Cả phường', null)
		];
		const { body } = render(Page, {
			props: {
				data: {
					entries,
					problem: null,
					query: { actor: '', subject: '', action: '', from: '', to: '' },
					more: null,
					actions: ['resident.view'],
					users: []
				} as never
			}
		});
		for (const code of ['user:4', 'session:75', 'resident:316', 'milestone:3372', 'target:3']) {
			expect(body).not.toContain(code);
		}
		expect(body).not.toMatch(/>\s*ward\s*</);
		expect(body).toContain('href="/tinh-nguyen/buoi/75"');
		expect(body).toContain('href="/cu-dan/316"');
		expect(body).toContain('Mốc kỹ năng #3372');
		expect(body).toContain('Cả phường');
	});
});
