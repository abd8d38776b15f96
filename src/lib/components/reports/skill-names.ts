/**
 * The skills a household still lacks, as a volunteer reads them: each code with its name
 * ("M4 — Nộp một dịch vụ công…"), so they know what to teach; "M5 hoặc M6" alone said nothing.
 * One list per group of alternatives (any one of them will do); an unknown code (a skill
 * removed from the catalogue) stays as its code.
 */
export function missingSkillNames(
	missing: string[][],
	skills: Array<{ code: string; title: string }>
): string[][] {
	const titles = new Map(skills.map((s) => [s.code, s.title]));
	const named = (code: string) => (titles.has(code) ? `${code} — ${titles.get(code)}` : code);
	return missing.map((group) => group.map(named));
}
