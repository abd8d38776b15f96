// Checks that a folder of store files (a backup, or a DATA_DIR) would load: the newest
// snapshot opens and passes PRAGMA quick_check, and every journal line but a torn last one
// passes its CRC-32 (the format in src/lib/server/store/journal.ts). Prints a JSON summary;
// exits 1 when the folder would not restore. Used by backup.sh and restore.sh.
//   node kiosk/check-backup.js DIR
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import initSqlJs from 'sql.js';

const dir = process.argv[2];
if (!dir) {
	console.error('usage: node kiosk/check-backup.js DIR');
	process.exit(2);
}
const names = readdirSync(dir).sort();
const snapshot = names.filter((n) => /^snapshot-\d{12}\.sqlite$/.test(n)).at(-1);
const segments = names.filter((n) => /^journal-\d{12}\.log$/.test(n));
const problems = [];
let quickCheck = 'missing';
if (snapshot) {
	const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
	const SQL = await initSqlJs({ locateFile: (f) => join(dirname(wasm), f) });
	try {
		const db = new SQL.Database(readFileSync(join(dir, snapshot)));
		quickCheck = String(db.exec('PRAGMA quick_check')[0].values[0][0]);
		db.close();
	} catch (error) {
		quickCheck = `unreadable: ${error instanceof Error ? error.message : String(error)}`;
	}
	if (quickCheck !== 'ok') problems.push(`${snapshot}: quick_check ${quickCheck}`);
} else {
	problems.push('no snapshot');
}
let ops = 0;
let lastSeq = snapshot ? Number(snapshot.slice(9, 21)) : 0;
segments.forEach((name, index) => {
	const lines = readFileSync(join(dir, name), 'utf8').split('\n');
	const torn = lines.pop(); // after the last newline: empty, or a line still being written
	if (torn && index < segments.length - 1) problems.push(`${name}: unfinished line mid-journal`);
	lines.forEach((line, n) => {
		const json = line.slice(9);
		const ok = line[8] === ' ' && crc32(json).toString(16).padStart(8, '0') === line.slice(0, 8);
		if (!ok) return problems.push(`${name}: line ${n + 1} fails its checksum`);
		const { seq } = JSON.parse(json);
		if (seq > lastSeq) {
			if (seq !== lastSeq + 1) problems.push(`${name}: gap before op ${seq}`);
			lastSeq = seq;
			ops++;
		}
	});
});
console.log(
	JSON.stringify({ snapshot, quickCheck, segments: segments.length, ops, lastSeq, problems })
);
process.exit(problems.length === 0 ? 0 : 1);
