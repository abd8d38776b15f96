/**
 * How a name from a ward's list is written when it is stored. Lists come typed ALL IN
 * CAPITALS (a common style for official lists) or all in small letters, and lists typed in
 * the old TCVN3 (.VnTime) fonts cannot hold a capital with a tone mark at all: "Lê Ánh" was
 * typed "Lê ánh", and a name in the capitals font (.VnTimeH) comes out all small. Stored as
 * they came, such names showed that way on cards, on the scanner's "Đã điểm danh" and in
 * reports. Vietnamese writes a person's name with a capital at the start of every word.
 */

/** "nguyễn văn ấn" → "Nguyễn Văn Ấn"; the rest of each word is left as it is. */
export function capitalizeWords(name: string): string {
	return name.replace(/\p{L}+/gu, (word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1));
}

/**
 * The name as it will be stored. A name all in capitals or all in small letters gets a
 * capital at the start of each word and small letters after it. One written with capitals
 * and small letters is kept as written (the person may spell it so), unless it came from a
 * TCVN3 list (`legacyFont`), whose small first letters may be capitals the font lacked.
 */
export function nameCase(name: string, legacyFont = false): string {
	const lower = name.toLocaleLowerCase('vi');
	const upper = name.toLocaleUpperCase('vi');
	if (lower === upper) return name; // no letters
	if (name === upper || name === lower) return capitalizeWords(lower);
	return legacyFont ? capitalizeWords(name) : name;
}
