/** '12,4 MB': bytes for people, decimal units, comma as the decimal mark. */
export function formatBytes(bytes: number): string {
	const units = ['byte', 'KB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	const digits = unit === 0 || value >= 100 ? 0 : 1;
	return `${value.toFixed(digits).replace('.', ',')} ${units[unit]}`;
}

/** '3 ngày 4 giờ', '12 phút', '40 giây': the two largest units of a duration. */
export function formatDuration(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const parts: Array<[number, string]> = [
		[Math.floor(s / 86_400), 'ngày'],
		[Math.floor((s % 86_400) / 3600), 'giờ'],
		[Math.floor((s % 3600) / 60), 'phút'],
		[s % 60, 'giây']
	];
	const first = parts.findIndex(([n]) => n > 0);
	if (first === -1) return '0 giây';
	return parts
		.slice(first, first + 2)
		.filter(([n]) => n > 0)
		.map(([n, unit]) => `${n} ${unit}`)
		.join(' ');
}
