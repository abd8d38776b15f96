import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import RecordMilestoneForm from './RecordMilestoneForm.svelte';

const props = {
	skills: [
		{ code: 'M0', title: 'Mở khoá điện thoại', frameworkRef: '1.1', area: 'Cơ bản' },
		{ code: 'M4', title: 'Nộp một dịch vụ công', frameworkRef: '3.2', area: 'Dịch vụ công' }
	],
	held: {},
	evidenceLabels: { witnessed: 'Làm được trước tình nguyện viên', real: 'Đã làm thật' },
	today: '2026-12-02',
	message: null,
	recorded: null
};

/** The value of each checked radio of `name`, and the date field's value, as rendered. */
function shown(body: string) {
	const checked = (name: string) =>
		[...body.matchAll(/<input[^>]*>/g)]
			.map((m) => m[0])
			.filter((tag) => tag.includes(`name="${name}"`) && /\schecked(=""|\s|>|\/)/.test(tag))
			.map((tag) => /value="([^"]*)"/.exec(tag)?.[1]);
	const date = /<input[^>]*type="date"[^>]*>/.exec(body)?.[0] ?? '';
	return {
		skill: checked('skill'),
		evidence: checked('evidence'),
		date: /value="([^"]*)"/.exec(date)?.[1]
	};
}

describe('the milestone form', () => {
	it('starts with no skill chosen, seen by a volunteer, today', () => {
		const { body } = render(RecordMilestoneForm, { props });
		expect(shown(body)).toEqual({ skill: [], evidence: ['witnessed'], date: '2026-12-02' });
	});

	it('shows a refused submission’s choices again (a page without JavaScript)', () => {
		const { body } = render(RecordMilestoneForm, {
			props: {
				...props,
				errors: { date: 'Ngày đạt được không thể ở tương lai.' },
				values: { skill: 'M4', evidence: 'real', date: '2026-12-09' }
			}
		});
		expect(shown(body)).toEqual({ skill: ['M4'], evidence: ['real'], date: '2026-12-09' });
	});

	it('falls back to today for a date that is not a day', () => {
		const { body } = render(RecordMilestoneForm, {
			props: { ...props, values: { skill: 'M0', evidence: '', date: '31/02/2026' } }
		});
		expect(shown(body)).toEqual({ skill: ['M0'], evidence: ['witnessed'], date: '2026-12-02' });
	});
});
