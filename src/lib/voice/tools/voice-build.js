#!/usr/bin/env node
// `npm run voice:build`: makes the missing narration clips offline with Debian's espeak-ng
// (Northern Vietnamese voice) and opusenc, deletes clips nothing uses any more, and registers
// human recordings found under static/voice/human/<lesson>/<step>.opus.
// Needs: apt-get install espeak-ng opus-tools. CI does not run it: the clips are committed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSchema, neededClips, RECORDINGS, STATIC } from '../../walkthroughs/tools/check.js';
import { stepSpeech } from '../../walkthroughs/speech.js';
import { textHash } from '../clips.js';

const { schema, lessons } = checkSchema();
if (schema.length > 0) {
	for (const p of schema) console.error(`✗ ${p}`);
	process.exit(1);
}
const dir = join(STATIC, 'voice/gen');
mkdirSync(dir, { recursive: true });
const wav = join(tmpdir(), `voice-build-${process.pid}.wav`);
const clips = neededClips(lessons);
let made = 0;
for (const [name, { spoken }] of clips) {
	const out = join(dir, name);
	if (existsSync(out)) continue;
	// -s 145: a little under espeak's default rate, near the 150 wpm older listeners follow best.
	execFileSync('espeak-ng', ['-v', 'vi', '-s', '145', '-w', wav, spoken]);
	execFileSync('opusenc', ['--quiet', '--bitrate', '14', '--downmix-mono', wav, out]);
	made++;
}
rmSync(wav, { force: true });
let removed = 0;
for (const file of readdirSync(dir)) {
	if (!clips.has(file)) {
		rmSync(join(dir, file));
		removed++;
	}
}

/** @type {Record<string, string>} */
const recordings = {};
const humanDir = join(STATIC, 'voice/human');
for (const lesson of lessons) {
	lesson.steps.forEach((step, i) => {
		if (existsSync(join(humanDir, lesson.id, `${i + 1}.opus`))) {
			recordings[`${lesson.id}/${i + 1}`] = textHash(stepSpeech(step));
		}
	});
}
writeFileSync(RECORDINGS, `${JSON.stringify(recordings, null, '\t')}\n`);
console.log(
	`voice: ${clips.size} clips (${made} made, ${removed} removed), ${Object.keys(recordings).length} human recordings`
);
