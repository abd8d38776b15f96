import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Page from './+page.svelte';

const XSS = '<img src=x onerror=alert(1)>';

const person = {
	resident: {
		id: 7,
		fullName: XSS,
		birthYear: 1950,
		phone: null,
		relationship: '=HYPERLINK("x")',
		createdAt: 0,
		createdBy: '<script>alert(2)</script>'
	},
	household: { id: 1, address: '<b>Số 1</b>', headName: XSS, neighborhood: 'Khu phố 1' },
	consents: [{ method: 'paper', takenBy: XSS, takenAt: 0, withdrawnAt: null }],
	cards: [{ code: 'ABCD-EFGH-JKLM', issuedAt: 0, revokedAt: null }],
	milestones: [
		{
			skillCode: 'M4',
			skillTitle: XSS,
			evidence: 'real',
			achievedOn: '2026-11-01',
			witness: XSS,
			recordedAt: 0,
			undoneAt: null
		}
	],
	attendance: [
		{ sessionTitle: XSS, place: XSS, startsAt: 0, checkedInAt: 0, source: 'camera', volunteer: XSS }
	],
	lessonCompletions: [{ walkthroughId: XSS, kiosk: XSS, at: 0 }],
	householdMoves: [{ at: 0, from: XSS, to: XSS }],
	accessLog: [{ at: 0, action: XSS, actor: XSS, device: XSS }]
};

/** The page as the officer sees it for a person with these consents. */
const pageWith = (consents: object[]) =>
	render(Page, {
		props: {
			data: {
				person: { ...person, consents },
				canErase: false,
				viewer: 'Cán bộ',
				openedAt: 0
			} as never,
			form: null
		}
	}).body;

describe('the personal-data page', () => {
	it('shows hostile text as text wherever a stored value appears', () => {
		const { body } = render(Page, {
			props: {
				data: { person, canErase: true, viewer: XSS, openedAt: 0, officer: undefined } as never,
				form: null
			}
		});
		expect(body).not.toContain('<img');
		expect(body).not.toContain('<script>alert');
		expect(body).not.toContain('<b>Số 1');
		expect(body).toContain('&lt;img src=x onerror=alert(1)>');
		// Every place the name was put shows up escaped (title, consent, milestone, session…).
		expect(body.split('&lt;img src=x onerror=alert(1)>').length - 1).toBeGreaterThanOrEqual(10);
		// The card code is shown only by its end on the page.
		expect(body).not.toContain('ABCD-EFGH-JKLM');
		expect(body).toContain('…JKLM');
	});

	it('gives a consent’s day, not a midnight time: a paper typed in later is recorded as its day', () => {
		// 30/11/2026 00:00 in Vietnam: the day a paper was signed, typed in on 03/12.
		const signed = Date.UTC(2026, 10, 29, 17);
		const consents = [{ method: 'paper', takenBy: 'TNV 1', takenAt: signed, withdrawnAt: null }];
		const body = pageWith(consents);
		expect(body).toContain('Ký giấy, người ghi nhận TNV 1, ngày 30/11/2026');
		expect(body).not.toContain('30/11/2026 00:00');
	});

	it('names the guardian who consented, and says nothing of one where none was recorded', () => {
		const at = Date.UTC(2026, 11, 1, 3);
		const consents = [
			{
				method: 'guardian',
				takenBy: 'TNV 2',
				takenAt: at,
				withdrawnAt: null,
				guardianName: 'Trần Thị Hoa'
			},
			// Recorded before the name was asked (migration 0014): NULL.
			{ method: 'guardian', takenBy: 'TNV 1', takenAt: at, withdrawnAt: null, guardianName: null }
		];
		const body = pageWith(consents);
		expect(body).toContain(
			'Người giám hộ đồng ý — Trần Thị Hoa, người ghi nhận TNV 2, ngày 01/12/2026'
		);
		expect(body).toContain('Người giám hộ đồng ý, người ghi nhận TNV 1, ngày 01/12/2026');
	});
});
