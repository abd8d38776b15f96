import { describe, expect, it } from 'vitest';
import { NAME_SEARCH_LIMIT } from '../../domain/checkin-people';
import { foldVietnamese } from '../../domain/text';
import { Db } from '../store/database';
import { migrate, shippedMigrations } from '../store/migrations';
import { searchResidents } from './residents';

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
		// A LIKE wildcard typed by someone is a letter, not a pattern.
		expect(searchResidents(db, 'ngu%')).toEqual([]);
		expect(searchResidents(db, 'nguyen van', 2).map((r) => r.fullName)).toEqual([
			'Nguyễn Hồng Vân'
		]);
		db.close();
	});
});
