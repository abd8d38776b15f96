import { describe, expect, it } from 'vitest';
import { NAME_SEARCH_LIMIT } from '../../domain/checkin-people';
import { foldVietnamese } from '../../domain/text';
import { Db, type Reads } from '../store/database';
import { migrate, shippedMigrations } from '../store/migrations';
import { findNeighborTwins, searchResidents } from './residents';

async function wardOf(names: string[]) {
	const db = await Db.create();
	migrate(db, shippedMigrations, 0);
	db.exec(`
		INSERT INTO neighborhoods (id, name) VALUES (1, 'Khu phố 1'), (2, 'Khu phố 2');
		INSERT INTO households (id, neighborhood_id, address, head_name, created_at)
			VALUES (1, 1, 'Số 1', 'Chủ hộ', 0), (2, 2, 'Số 2', 'Chủ hộ', 0);
	`);
	names.forEach((name, i) =>
		db.run(
			'INSERT INTO residents (household_id, full_name, name_folded, birth_year, created_at) VALUES (?, ?, ?, ?, 0)',
			[(i % 2) + 1, name, foldVietnamese(name), 1940 + (i % 50)]
		)
	);
	return db;
}

describe('name search', () => {
	it('lists the names holding the words in the order typed first, even in a full list', async () => {
		// More "Nguyễn … Vân" than the list holds, all before "Nguyễn Văn …" alphabetically.
		const vans = Array.from({ length: NAME_SEARCH_LIMIT }, (_, i) => `Nguyễn ${'Ánh'}${i} Vân`);
		const db = await wardOf([...vans, 'Nguyễn Văn Thắng', 'Nguyễn Văn An', 'Trần Văn Nguyên']);
		const found = searchResidents(db, 'nguyen van').map((r) => r.fullName);
		expect(found).toHaveLength(NAME_SEARCH_LIMIT);
		expect(found.slice(0, 2)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Thắng']);
		expect(found.slice(2).every((name) => name.endsWith(' Vân'))).toBe(true);
		db.close();
	});

	it('still finds every name each word starts a word of, with no diacritics typed', async () => {
		const db = await wardOf(['Nguyễn Văn An', 'Nguyễn Hồng Vân', 'Trần Văn Nguyên', 'Lê Vạn']);
		// In any order, but the words as typed first.
		expect(searchResidents(db, 'nguyen van').map((r) => r.fullName)).toEqual([
			'Nguyễn Văn An',
			'Nguyễn Hồng Vân',
			'Trần Văn Nguyên'
		]);
		expect(searchResidents(db, 'van').map((r) => r.fullName)).toEqual([
			'Lê Vạn',
			'Nguyễn Hồng Vân',
			'Nguyễn Văn An',
			'Trần Văn Nguyên'
		]);
		// A LIKE wildcard typed by someone is dropped with the other punctuation, not a pattern.
		expect(searchResidents(db, '%guyen')).toEqual([]);
		expect(searchResidents(db, '_ong')).toEqual([]);
		expect(searchResidents(db, 'nguyen van', 2).map((r) => r.fullName)).toEqual([
			'Nguyễn Hồng Vân'
		]);
		db.close();
	});
});

describe('a name with an apostrophe', () => {
	it("finds H'Hen Niê by either word, typed with any apostrophe or none", async () => {
		const db = await wardOf(["H'Hen Niê", 'Hên Văn Nam', "Y'Moan Êban", 'Niê Thị Hoa']);
		const found = (q: string) => searchResidents(db, q).map((r) => r.fullName);
		for (const q of ['hen', 'Hen', "H'Hen", 'H’Hen', 'H’Hen Niê', "h'hen nie", 'Niê']) {
			expect(found(q), q).toContain("H'Hen Niê");
		}
		// The name typed whole comes first; "Hên" is another name, after it.
		expect(found('H’Hen Niê')).toEqual(["H'Hen Niê"]);
		expect(found("H'Hen")[0]).toBe("H'Hen Niê");
		expect(found('moan')).toEqual(["Y'Moan Êban"]);
		db.close();
	});
});

describe('migration 0016 on a ward with names stored before it', () => {
	it('re-folds a stored name with an apostrophe, so its words find it', async () => {
		const db = await Db.create();
		migrate(
			db,
			shippedMigrations.filter((m) => m.version < 16),
			0
		);
		// As the fold stored them before: the apostrophe kept inside the word.
		db.exec(`
			INSERT INTO neighborhoods (id, name) VALUES (1, 'Khu phố 1');
			INSERT INTO households (id, neighborhood_id, address, head_name, created_at) VALUES (1, 1, 'Số 1', 'A', 0);
			INSERT INTO residents (household_id, full_name, name_folded, birth_year, created_at) VALUES
				(1, 'H''Hen Niê', 'h''hen nie', 1950, 0), (1, 'Nguyễn Văn An', 'nguyen van an', 1950, 0);
		`);
		expect(searchResidents(db, 'hen')).toEqual([]);
		migrate(db, shippedMigrations, 0);
		expect(searchResidents(db, 'hen').map((r) => r.fullName)).toEqual(["H'Hen Niê"]);
		expect(searchResidents(db, 'H’Hen').map((r) => r.fullName)).toEqual(["H'Hen Niê"]);
		expect(db.all('SELECT name_folded FROM residents ORDER BY id')).toEqual([
			{ name_folded: 'h hen nie' },
			{ name_folded: 'nguyen van an' }
		]);
		db.close();
	});
});

describe('name search ranking', () => {
	// Alphabetically every "Thu…" comes before "Thử": more of them than the list holds.
	const THUS = Array.from({ length: NAME_SEARCH_LIMIT }, (_, i) =>
		i % 2 ? `Bùi Thị Thuỷ ${String.fromCharCode(65 + (i % 26))}` : `Bùi Thu ${i}`
	);

	it('lists the names with the diacritics typed first, in a full list too', async () => {
		const db = await wardOf([...THUS, 'Nguyễn Văn Thử', 'Trần Thứ', 'Đỗ Đức Thử']);
		const found = searchResidents(db, 'thử').map((r) => r.fullName);
		expect(found).toHaveLength(NAME_SEARCH_LIMIT);
		expect(found.slice(0, 2)).toEqual(['Đỗ Đức Thử', 'Nguyễn Văn Thử']);
		// The same diacritics on the first letter of a name too: "đức" is the name's "Đức".
		expect(searchResidents(db, 'đức thu')[0].fullName).toBe('Đỗ Đức Thử');
		// Without diacritics typed it still finds them all, whole words before the rest.
		const plain = searchResidents(db, 'thu').map((r) => r.fullName);
		expect(plain).toContain('Nguyễn Văn Thử');
		expect(plain.findIndex((name) => name.includes('Thuỷ'))).toBe(NAME_SEARCH_LIMIT / 2 + 3);
		db.close();
	});

	it('lists whole words before names they only start, then the rest as before', async () => {
		const db = await wardOf(['Lê Thuận', 'Lê Thuỷ', 'Lê Thu', 'Mai Thu Hà', 'An Thuần']);
		expect(searchResidents(db, 'thu').map((r) => r.fullName)).toEqual([
			'Lê Thu',
			'Mai Thu Hà',
			'An Thuần',
			'Lê Thuận',
			'Lê Thuỷ'
		]);
		// Diacritics first, then whole words: "thuận" is Lê Thuận, then An Thuần, a whole word.
		expect(searchResidents(db, 'thuận').map((r) => r.fullName)).toEqual(['Lê Thuận', 'An Thuần']);
		db.close();
	});

	it('ranks a name written with the tone on the other vowel (Thuỷ, Thủy) as typed', async () => {
		// Alphabetically every Bùi Thị Thùy and Bùi Hoa comes before these: a full list of them.
		const fillers = Array.from({ length: NAME_SEARCH_LIMIT }, (_, i) => `Bùi Thị Thùy ${i}`);
		const hoes = Array.from({ length: NAME_SEARCH_LIMIT }, (_, i) => `Bùi Hoa ${i}`);
		const db = await wardOf([...fillers, ...hoes, 'Trần Thị Thuỷ', 'Lê Thị Thủy', 'Phạm Hoà']);
		for (const typed of ['thủy', 'thuỷ']) {
			const found = searchResidents(db, typed).map((r) => r.fullName);
			expect(found.slice(0, 2).sort(), typed).toEqual(['Lê Thị Thủy', 'Trần Thị Thuỷ']);
		}
		expect(searchResidents(db, 'hòa')[0].fullName).toBe('Phạm Hoà');
		db.close();
	});
});

describe('name search at a class', () => {
	// Residents alternate: odd positions live in Khu phố 1, even positions in Khu phố 2.
	const NAMES = ['Nguyễn Văn An', 'Nguyễn Văn Bình', 'Nguyễn Văn Cường', 'Nguyễn Hồng Vân'];
	async function classIn(neighborhoodId: number | null) {
		const db = await wardOf(NAMES);
		db.run(
			"INSERT INTO class_sessions (id, title, place, neighborhood_id, starts_at) VALUES (7, 'Buổi học', 'Nhà văn hoá', ?, 0)",
			[neighborhoodId]
		);
		// Nguyễn Văn Cường (Khu phố 1) came at 08:05 in Hà Nội; someone else to another class.
		const at = Date.parse('2026-03-02T01:05:00Z');
		db.exec(`
			INSERT INTO class_sessions (id, title, place, starts_at) VALUES (8, 'Buổi khác', 'Nơi khác', 0);
			INSERT INTO attendance (session_id, resident_id, neighborhood_id, checked_in_at, source, nonce)
				VALUES (7, 3, 1, ${at}, 'search', 'n1'), (8, 2, 2, ${at}, 'search', 'n2');
		`);
		return { db, at };
	}

	it("marks who is checked in to the class and lists the class's khu phố first", async () => {
		const { db, at } = await classIn(2);
		let queries = 0;
		const counted: Reads = {
			all: (sql, params) => (queries++, db.all(sql, params)),
			get: (sql, params) => (queries++, db.get(sql, params)),
			value: (sql, params) => (queries++, db.value(sql, params))
		};
		const found = searchResidents(counted, 'nguyen van', undefined, { id: 7, neighborhoodId: 2 });
		// Khu phố 2 first, then the rest, each in the usual order (the words as typed first).
		expect(found.map((r) => [r.fullName, r.neighborhoodName, r.checkedInAt])).toEqual([
			['Nguyễn Văn Bình', 'Khu phố 2', null],
			['Nguyễn Hồng Vân', 'Khu phố 2', null],
			['Nguyễn Văn An', 'Khu phố 1', null],
			['Nguyễn Văn Cường', 'Khu phố 1', at]
		]);
		// One query for the whole list, not one per person.
		expect(queries).toBe(1);
		db.close();
	});

	it("fills a full list with the class's khu phố first", async () => {
		const db = await wardOf([
			...Array.from({ length: NAME_SEARCH_LIMIT }, (_, i) => `Nguyễn Văn A${i}`),
			'Nguyễn Văn Xuân'
		]);
		db.run(
			"INSERT INTO class_sessions (id, title, place, neighborhood_id, starts_at) VALUES (7, 'Buổi học', 'Nhà văn hoá', 1, 0)"
		);
		const found = searchResidents(db, 'nguyen van', undefined, { id: 7, neighborhoodId: 1 });
		expect(found).toHaveLength(NAME_SEARCH_LIMIT);
		// Last alphabetically, but in the class's khu phố (16 people there): on the list.
		expect(found.map((r) => r.fullName)).toContain('Nguyễn Văn Xuân');
		expect(found.slice(0, 16).every((r) => r.neighborhoodId === 1)).toBe(true);
		db.close();
	});

	it('keeps the usual order when the class has no khu phố, and the old answer without a class', async () => {
		const { db, at } = await classIn(null);
		expect(
			searchResidents(db, 'nguyen van', undefined, { id: 7, neighborhoodId: null }).map((r) => [
				r.fullName,
				r.checkedInAt
			])
		).toEqual([
			['Nguyễn Văn An', null],
			['Nguyễn Văn Bình', null],
			['Nguyễn Văn Cường', at],
			['Nguyễn Hồng Vân', null]
		]);
		const plain = searchResidents(db, 'nguyen van');
		expect(plain.map((r) => r.fullName)).toEqual([
			'Nguyễn Văn An',
			'Nguyễn Văn Bình',
			'Nguyễn Văn Cường',
			'Nguyễn Hồng Vân'
		]);
		expect(plain.every((r) => !('checkedInAt' in r))).toBe(true);
		db.close();
	});
});

describe("a new household's head asked about", () => {
	it('is someone of the khu phố with likely the same name and birth year, tones counted', async () => {
		// wardOf puts every other name in Khu phố 1: the three Đỗ/Do are all there.
		const db = await wardOf(['Đỗ Thị Hường', 'x', 'Đỗ Thị Hương', 'y', 'Do Thi Huong']);
		db.run('UPDATE residents SET birth_year = 1950');
		const asked = (name: string) => findNeighborTwins(db, 1, name, 1950).map((t) => t.fullName);
		expect(asked('Đỗ Thị Hương')).toEqual(['Đỗ Thị Hương', 'Do Thi Huong']);
		expect(asked('Đỗ Thị Hường')).toEqual(['Đỗ Thị Hường', 'Do Thi Huong']);
		expect(asked('Do Thi Huong')).toHaveLength(3);
		expect(findNeighborTwins(db, 1, 'Đỗ Thị Hương', 1951)).toEqual([]);
		db.close();
	});
});
