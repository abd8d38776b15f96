/**
 * A form post's text fields, as the page sent them. Forms that fail give their values back
 * to the page to show again; a file part (no form of ours has one, but anyone can post one)
 * cannot travel back in the page's data and made SvelteKit answer 500. Files are left out.
 */
export function formText(data: FormData): Record<string, string> {
	const text: Record<string, string> = {};
	for (const [name, value] of data) if (typeof value === 'string') text[name] = value;
	return text;
}
