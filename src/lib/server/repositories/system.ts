import { readdirSync, readFileSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Free and total bytes of the file system holding `dir`, or null when it cannot be read. */
export function diskSpace(dir: string): { freeBytes: number; totalBytes: number } | null {
	try {
		const fs = statfsSync(dir);
		return { freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize };
	} catch {
		return null;
	}
}

export interface BackupRecord {
	name: string;
	createdAt: number;
	bytes: number;
}

export type BackupListing =
	| { state: 'unconfigured' }
	| { state: 'unreadable'; dir: string; error: string }
	| { state: 'ok'; dir: string; backups: BackupRecord[] };

/** A backup folder as kiosk/backup.sh names it; half-written ones are hidden (.partial-…). */
const BACKUP_NAME = /^tram-hoc-so-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/;

function readBackup(dir: string, name: string, m: RegExpExecArray): BackupRecord {
	const path = join(dir, name);
	try {
		// BACKUP_INFO is written by backup.sh just before the folder gets its final name.
		const info = JSON.parse(readFileSync(join(path, 'BACKUP_INFO'), 'utf8'));
		if (typeof info.bytes === 'number' && typeof info.createdAt === 'string') {
			return { name, createdAt: Date.parse(info.createdAt), bytes: info.bytes };
		}
	} catch {
		// an older or hand-made backup: measure it
	}
	const bytes = readdirSync(path).reduce((sum, file) => sum + statSync(join(path, file)).size, 0);
	const createdAt = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
	return { name, createdAt, bytes };
}

/** The backups kiosk/backup.sh made in `dir`, newest first. */
export function listBackups(dir: string | undefined): BackupListing {
	if (!dir) return { state: 'unconfigured' };
	try {
		const backups = readdirSync(dir, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => ({ name: entry.name, m: BACKUP_NAME.exec(entry.name) }))
			.filter((e): e is { name: string; m: RegExpExecArray } => e.m !== null)
			.map((e) => readBackup(dir, e.name, e.m))
			.sort((a, b) => b.createdAt - a.createdAt);
		return { state: 'ok', dir, backups };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? String(error);
		return { state: 'unreadable', dir, error: code };
	}
}
