#!/usr/bin/env node
// `npm run content:check`: fails (exit 1) naming the file when a lesson is malformed or its
// narration audio is missing or stale. Needs no audio tools: CI runs it as it is.
import { checkAudio, checkSchema } from './check.js';

const { schema, lessons } = checkSchema();
const problems = [...schema];
if (schema.length === 0) {
	const audio = checkAudio(lessons);
	problems.push(...audio.errors);
	if (problems.length === 0) {
		const steps = lessons.reduce((n, l) => n + l.steps.length, 0);
		console.log(
			`content: ${lessons.length} lessons, ${steps} steps, audio ${(audio.bytes / 1048576).toFixed(2)} MB — all good`
		);
	}
}
if (problems.length > 0) {
	for (const p of problems) console.error(`✗ ${p}`);
	console.error(`content: ${problems.length} problem(s)`);
	process.exit(1);
}
