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
	return missing.map((group) => group.map((code) => skillName(code, skills)));
}

/**
 * One skill as a volunteer reads it: its code with its name ("M2 — Gọi video…"); the code
 * alone, "M2", said nothing to whoever reads a resident's history. A code no longer in the
 * catalogue stays as its code.
 */
export function skillName(code: string, skills: Array<{ code: string; title: string }>): string {
	const title = skills.find((s) => s.code === code)?.title;
	return title ? `${code} — ${title}` : code;
}
