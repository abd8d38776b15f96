// Validates lesson content when Vite starts a build: a malformed lesson stops `npm run build`
// with its file named. Audio problems only warn here (`npm run content:check` fails on them).
import { checkAudio, checkSchema } from './check.js';

/** @returns {import('vite').Plugin} */
export function lessonContent() {
	return {
		name: 'tram-hoc-so:lesson-content',
		buildStart() {
			const { schema, lessons } = checkSchema();
			if (schema.length > 0) {
				this.error(`Lesson content is malformed:\n  ${schema.join('\n  ')}`);
			}
			for (const problem of checkAudio(lessons).errors) this.warn(problem);
		}
	};
}
