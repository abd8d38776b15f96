import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip of deflated entries with a fixed timestamp (the same report gives the same bytes): the
 * XLSX reports (reports-export.ts), and the tests' spreadsheets. An entry marked `stored` is
 * kept as it is, as an OpenDocument file's first entry, its "mimetype", must be.
 */
export function zip(files: Array<{ name: string; data: Buffer; stored?: boolean }>): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
	for (const file of files) {
		const name = Buffer.from(file.name, 'utf8');
		const packed = file.stored ? file.data : deflateRawSync(file.data);
		const method = file.stored ? 0 : 8;
		const crc = crc32(file.data);
		const head = Buffer.alloc(30);
		head.writeUInt32LE(0x04034b50, 0);
		head.writeUInt16LE(20, 4);
		head.writeUInt16LE(0x0800, 6); // names are UTF-8
		head.writeUInt16LE(method, 8); // 8: deflate, 0: stored
		head.writeUInt16LE(0, 10);
		head.writeUInt16LE(DOS_DATE, 12);
		head.writeUInt32LE(crc, 14);
		head.writeUInt32LE(packed.length, 18);
		head.writeUInt32LE(file.data.length, 22);
		head.writeUInt16LE(name.length, 26);
		head.writeUInt16LE(0, 28);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(method, 10);
		central.writeUInt16LE(0, 12);
		central.writeUInt16LE(DOS_DATE, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(packed.length, 20);
		central.writeUInt32LE(file.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(head, name, packed);
		centrals.push(central, name);
		offset += head.length + name.length + packed.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}
