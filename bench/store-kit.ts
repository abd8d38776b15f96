// Loaded by bench/store.bench.js through Vite's module runner (the store uses
// import.meta.glob for its migrations). Bench-only ops that fill a ward of a given size.
import { seededRandom } from '../src/lib/domain/random';
import { foldVietnamese } from '../src/lib/domain/text';
import { opHandlers } from '../src/lib/server/ops';
import type { OpHandlers } from '../src/lib/server/store/store';

export { Store } from '../src/lib/server/store/store';
export { shippedMigrations } from '../src/lib/server/store/migrations';

export const RESIDENTS = 30_000;
export const HOUSEHOLDS = 10_000;
/** Attendance per class session in the filled ward. */
export const PER_SESSION = 25;
const DAY = 86_400_000;
const START = Date.parse('2025-01-01T01:00:00Z');

/** A UUID-sized nonce from the seeded generator (handlers must be deterministic). */
const uuidLike = (random: () => number) =>
	Array.from({ length: 4 }, () =>
		Math.floor(random() * 2 ** 32)
			.toString(16)
			.padStart(8, '0')
	).join('-');

export const benchHandlers: OpHandlers = {
	...opHandlers,
	/** A ward with `rows` attendance rows: 30k residents, 10k households, 8 khu phố. */
	'bench.fill': (db, p: { rows: number }) => {
		const random = seededRandom(7);
		for (let k = 1; k <= 8; k++) {
			db.run('INSERT INTO neighborhoods (id, name, sort) VALUES (?, ?, ?)', [k, `Khu phố ${k}`, k]);
		}
		for (let h = 1; h <= HOUSEHOLDS; h++) {
			db.run(
				'INSERT INTO households (id, neighborhood_id, address, head_name, created_at) VALUES (?, ?, ?, ?, ?)',
				[h, (h % 8) + 1, `Số ${h}, tổ ${h % 12}`, `Chủ hộ ${h}`, START]
			);
		}
		for (let r = 1; r <= RESIDENTS; r++) {
			const name = `Nguyễn Văn Bench ${r}`;
			db.run(
				'INSERT INTO residents (id, household_id, full_name, name_folded, birth_year, created_at) VALUES (?, ?, ?, ?, ?, ?)',
				[r, ((r - 1) % HOUSEHOLDS) + 1, name, foldVietnamese(name), 1940 + (r % 60), START]
			);
		}
		// Two extra, empty sessions take the timed single writes.
		const sessions = Math.ceil(p.rows / PER_SESSION) + 2;
		for (let s = 1; s <= sessions; s++) {
			db.run(
				'INSERT INTO class_sessions (id, title, place, neighborhood_id, starts_at, closed_at) VALUES (?, ?, ?, ?, ?, ?)',
				[s, 'Lớp', 'Nhà văn hoá', (s % 8) + 1, START + s * 3_600_000, START + s * 3_600_000 + DAY]
			);
		}
		for (let i = 0; i < p.rows; i++) {
			const session = Math.floor(i / PER_SESSION) + 1;
			// Residents of a session are distinct: a stride through the list from a random start.
			const resident =
				((Math.floor(random() * RESIDENTS) + (i % PER_SESSION) * 1201) % RESIDENTS) + 1;
			db.run(
				'INSERT OR IGNORE INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, volunteer_id, nonce) VALUES (?, ?, ?, ?, ?, NULL, ?)',
				[
					session,
					resident,
					(session % 8) + 1,
					START + session * 3_600_000 + (i % 40) * 60_000,
					'camera',
					uuidLike(random)
				]
			);
		}
		return db.value('SELECT count(*) FROM attendance');
	},
	/** One check-in-sized write: the unit the latency figures are about. */
	'bench.checkin': (db, p: { sessionId: number; residentId: number; nonce: string }, ctx) => {
		db.run(
			'INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, volunteer_id, nonce) VALUES (?, ?, 1, ?, ?, NULL, ?)',
			[p.sessionId, p.residentId, ctx.at, 'camera', p.nonce]
		);
	}
};
