import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const REPO = resolve('.');
export const KIOSK = join(REPO, 'kiosk');

export interface RunResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a program to completion; never throws on a non-zero exit (the test asserts it). */
export function run(
	command: string,
	args: string[],
	env: Record<string, string> = {},
	timeoutMs = 120_000
): RunResult {
	const result = spawnSync(command, args, {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		timeout: timeoutMs
	});
	return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export function tempDir(prefix: string): string {
	return mkdtempSync(join(tmpdir(), `ths-terminal-${prefix}-`));
}

/**
 * Every file, link and folder under `dir` with its mode and content hash (links: their
 * target), one line each: two equal fingerprints mean nothing at all changed.
 */
export function fingerprint(dir: string, skip: (path: string) => boolean = () => false): string {
	const lines: string[] = [];
	const walk = (path: string) => {
		const rel = relative(dir, path);
		if (skip(rel)) return;
		const stat = lstatSync(path);
		const mode = (stat.mode & 0o7777).toString(8);
		if (stat.isSymbolicLink()) lines.push(`l ${rel} -> ${readlinkSync(path)}`);
		else if (stat.isDirectory()) {
			lines.push(`d ${mode} ${rel}`);
			for (const name of readdirSync(path).sort()) walk(join(path, name));
		} else {
			const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
			lines.push(`f ${mode} ${rel} ${hash} ${stat.mtimeMs}`);
		}
	};
	walk(dir);
	return lines.join('\n');
}

/**
 * A release folder like kiosk/make-release.sh makes, from this worktree: its own kiosk/ and
 * RELEASE, with build/ and node_modules/ linked (copying them would take minutes).
 * `serverSource` replaces kiosk/server.js, to make a release that cannot start.
 */
export function makeRelease(
	parent: string,
	version: string,
	options: { serverSource?: string; withoutBuild?: boolean } = {}
): string {
	const dir = join(parent, `tram-hoc-so-${version}`);
	mkdirSync(dir, { recursive: true });
	cpSync(KIOSK, join(dir, 'kiosk'), { recursive: true });
	writeFileSync(join(dir, 'RELEASE'), `${version}\n`);
	cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
	if (!options.withoutBuild) symlinkSync(join(REPO, 'build'), join(dir, 'build'));
	symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
	if (options.serverSource) writeFileSync(join(dir, 'kiosk', 'server.js'), options.serverSource);
	return dir;
}

export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	timeoutMs = 30_000
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch {
			// not yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out waiting for ${what}`);
}
