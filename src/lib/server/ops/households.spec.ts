import { describe, expect, it } from 'vitest';
import { Db } from '../store/database';
import { migrate, shippedMigrations } from '../store/migrations';
import { AddressBook } from './households';

describe("a list's households by address", () => {
	it('finds the oldest household whose address reads the same, in its own khu phố only', async () => {
		const db = await Db.create();
		migrate(db, shippedMigrations, 0);
		db.exec(`
			INSERT INTO neighborhoods (id, name) VALUES (1, 'Khu phố 1'), (2, 'Khu phố 2');
			INSERT INTO households (id, neighborhood_id, address, head_name, created_at) VALUES
				(5, 1, 'Số 12 ngõ Đình', 'A', 0), (3, 1, 'so 12  NGO dinh', 'B', 0), (7, 2, 'Số 12 ngõ Đình', 'C', 0);
		`);
		const book = new AddressBook(db);
		expect(book.find(1, 'Số 12 Ngõ Đình')).toBe(3);
		expect(book.find(2, 'số 12 ngõ đình')).toBe(7);
		expect(book.find(1, 'Số 14 ngõ Đình')).toBeUndefined();
		// A household the list adds is found by the rows after it; an older one is not replaced.
		book.add(1, 'Số 14 ngõ Đình', 9);
		book.add(1, 'Số 12 ngõ Đình', 10);
		expect([book.find(1, 'so 14 ngo dinh'), book.find(1, 'Số 12 ngõ Đình')]).toEqual([9, 3]);
		db.close();
	});
});
