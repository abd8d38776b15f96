// Whether `npm start` must build first: no build yet, or a source file newer than the build
// (after a `git pull`, an edit, a new lesson). Without the second check a pulled change was
// never served: the old build ran on, with nothing to say so. A release (kiosk/make-release.sh)
// ships no src/, so there it is never stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the build is made from (static/ is served as it is, but its lessons' clips are built
 * in). Not package-lock.json: `npm install`, the README's first command, rewrites it every
 * time, which would rebuild at every start.
 */
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/**
 * The newest modification time of a file at or under `path`, in ms; 0 when there is none.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	// Files only: a folder's own time moves with things that are not sources (a test's
	// scratch file). A pulled or edited file gets a new time of its own; only a file deleted
	// and nothing else changed goes unnoticed.
	let latest = 0;
	for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
	return latest;
}

/**
 * Why `root` needs a build, in words for the console; null when its build is current.
 * @returns {string | null}
 */
export function buildNeeded(root = '.') {
	const handler = join(root, 'build', 'handler.js');
	if (!existsSync(handler)) return 'No build yet';
	const built = statSync(handler).mtimeMs;
	const changed = SOURCES.find((source) => newest(join(root, source)) > built);
	return changed ? `${changed} changed since the last build` : null;
}
