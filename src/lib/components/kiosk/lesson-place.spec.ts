import { describe, expect, it } from 'vitest';
import { lessonPlace } from './lesson-place';

describe('lessonPlace', () => {
	it('reads the step counted from 1, and "xong" as the finish screen', () => {
		expect(lessonPlace.parse('4', 7)).toBe(3);
		expect(lessonPlace.parse('xong', 7)).toBe(7);
		expect(lessonPlace.format(3, 7)).toBe('4');
		expect(lessonPlace.format(7, 7)).toBe('xong');
	});

	it('opens an unknown or stale place at the first step or the last one, never past it', () => {
		expect(lessonPlace.parse(null, 7)).toBe(0);
		expect(lessonPlace.parse('abc', 7)).toBe(0);
		expect(lessonPlace.parse('0', 7)).toBe(0);
		expect(lessonPlace.parse('2.5', 7)).toBe(0);
		// A lesson shortened since the address was kept: its last step, not the finish screen.
		expect(lessonPlace.parse('9', 7)).toBe(6);
	});
});
