import { describe, expect, it } from 'vitest';
import { ADMIN_TOOLS } from './tools';

describe("the officer's tools", () => {
	it('call the targets page "Chỉ tiêu", as the page and the reports do, at its old address', () => {
		const targets = ADMIN_TOOLS.find((t) => t.href === '/quan-tri/muc-tieu');
		expect(targets?.label).toBe('Chỉ tiêu');
		expect(ADMIN_TOOLS.map((t) => t.label)).not.toContain('Mục tiêu');
	});
});
