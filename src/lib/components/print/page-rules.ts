/**
 * The `@page` rules of the staff pages that print: sheet size, margins and page numbers.
 * PageRules.svelte puts a page's rules in the document's head while the page is shown.
 *
 * Why not in each page's own <style>: SvelteKit never takes a page's CSS out of the document
 * after a client-side visit, and `@page` rules are not scoped to a component. The daily
 * report's numbers at the top then came out on the door-to-door list printed after it, and
 * its 30 mm margin could push the QR cards' second column off the sheet. Rules in the head
 * come and go with their page, and come after every stylesheet loaded before it.
 */

/**
 * The daily report: page numbers as Nghị định 30/2020 asks, at the top, in the middle, from the
 * second page on (a report of two sheets whose second is unnumbered cannot be put back in
 * order); margins of an administrative document.
 */
export const DAILY_REPORT_PAGES = `@page {
	size: A4;
	margin: 20mm 15mm 20mm 30mm;
	@top-center {
		content: counter(page);
		font-family: 'Times New Roman', 'Liberation Serif', 'Noto Serif', 'DejaVu Serif', serif;
		font-size: 13pt;
	}
}
@page :first {
	@top-center {
		content: none;
	}
}`;

/** QR cards, ten to an A4 sheet edge to edge: the sheet's layout makes its own margins. */
export const CARD_SHEET_PAGES = '@page { size: A4; margin: 0; }';

/*
 * The door-to-door list. As one list: "Trang 2/7" at the foot of every sheet (the list is
 * handed out to the people who go door to door and gathered again afterwards). Split into
 * groups (one khu phố after another), each group's sheets are numbered from 1 in their own
 * footer, which names the group, and still carry their place in the whole print so the pile
 * can be checked when it comes back ("Khu phố 3 · Trang 2 · tờ 5/12").
 *
 * Why named pages and a counter of their own: Chromium ignores `counter-reset: page` on an
 * element, and in an `@page` rule it resets on every sheet. A named page per group whose
 * sheets each add one to the group's own counter is what it does number from 1. The named
 * rules come after the general one: Chromium picks a sheet's footer by the rules' order, not
 * by the named page being the more specific.
 */

export type PageGroup = { id: number; name: string };

/** The `page` name the group's elements carry (`style:page`). */
export const groupPageName = (id: number) => `khu-${Math.trunc(id)}`;

/**
 * A CSS string literal of `text` that cannot end the string, the rule or the `<style>` element
 * it goes in: anything but a letter, a digit or a space is written as a hex escape.
 */
export function cssString(text: string): string {
	let out = '';
	for (const ch of text.normalize('NFC')) {
		out += /[\p{L}\p{N} ]/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
	}
	return `'${out}'`;
}

const SHEET =
	"@page { size: A4; margin: 15mm 12mm; @bottom-center { content: 'Trang ' counter(page) '/' counter(pages); font-size: 10pt; } }";

/** The list's `@page` rules: split into `groups`, or not (null). */
export function listPageRules(groups: PageGroup[] | null): string {
	return [SHEET, ...(groups ?? []).map(groupRule)].join('\n');
}

function groupRule({ id, name }: PageGroup): string {
	const page = groupPageName(id);
	const counter = `${page}-sheets`;
	return (
		`@page ${page} { counter-increment: ${counter}; @bottom-center { ` +
		`content: ${cssString(`${name} · Trang `)} counter(${counter}) ` +
		`${cssString(' · tờ ')} counter(page) '/' counter(pages); font-size: 10pt; } }`
	);
}
