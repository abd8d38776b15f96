// Reads lesson files from disk for the Node tools (content check, audio builder, vite plugin).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LESSON_DIR = fileURLToPath(new URL('../lessons/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Every lesson file, parsed. A file that is not valid JSON is returned with the parse error
 * as its data problem, so the caller can name it.
 * @param {string} [dir]
 * @returns {Array<{ file: string, data: unknown, parseError?: string }>}
 */
export function readLessonFiles(dir = LESSON_DIR) {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const path = join(dir, f);
			const file = relative(ROOT, path);
			try {
				return { file, data: JSON.parse(readFileSync(path, 'utf8')) };
			} catch (error) {
				return { file, data: undefined, parseError: String(error) };
			}
		});
}
