import { describe, expect, it } from 'vitest';
import { keyboardWedge, WEDGE_GAP_MS, type WedgeKey } from './keyboard-wedge';

const CODE = 'THS' + '23456789ABCDEFGHJKMNPQRSTU';

/** A reader with a hand-moved clock, and what it read. */
function reader() {
	let clock = 1_000;
	const read: string[] = [];
	const onkey = keyboardWedge(
		(code) => read.push(code),
		() => clock
	);
	const prevented: string[] = [];
	const press = (key: string, target: WedgeKey['target'] = null) =>
		onkey({ key, target, preventDefault: () => prevented.push(key) });
	const type = (text: string) => {
		for (const key of text) {
			clock += 5;
			press(key);
		}
		clock += 5;
		press('Enter');
	};
	return { read, prevented, press, type, wait: (ms: number) => (clock += ms) };
}

describe('keyboardWedge', () => {
	it('reads a code typed fast and ended by Enter, and keeps that Enter from pressing a button', () => {
		const r = reader();
		r.type(CODE);
		expect(r.read).toEqual([CODE]);
		expect(r.prevented).toEqual(['Enter']);
	});

	it('reads each scan on its own', () => {
		const r = reader();
		r.type(CODE);
		r.type('THS-NOT-A-CARD');
		expect(r.read).toEqual([CODE, 'THS-NOT-A-CARD']);
	});

	it('forgets keys pressed long before: a person, not one scan', () => {
		const r = reader();
		r.press('x');
		r.wait(WEDGE_GAP_MS + 1);
		r.type(CODE);
		expect(r.read).toEqual([CODE]);
	});

	it('lets a lone Enter do what Enter does (a focused link or button)', () => {
		const r = reader();
		r.press('Enter');
		r.press(' ');
		r.press('Enter');
		expect(r.read).toEqual([]);
		expect(r.prevented).toEqual([]);
	});

	it('ignores keys typed into a field that does not end in a code', () => {
		const r = reader();
		const field = { closest: () => ({}) } as unknown as EventTarget;
		for (const key of 'nguyen') r.press(key, field);
		r.press('Enter', field);
		expect(r.read).toEqual([]);
	});
});
