import type { Reads } from '../store/database';

/** One milestone of the catalogue (Quyết định 757/QĐ-BKHCN), as the API shows it. */
export interface Skill {
	code: string;
	title: string;
	frameworkRef: string;
	area: string;
	sort: number;
}

interface SkillRow {
	code: string;
	title: string;
	framework_ref: string;
	area: string;
	sort: number;
}

const fromRow = (r: SkillRow): Skill => ({
	code: r.code,
	title: r.title,
	frameworkRef: r.framework_ref,
	area: r.area,
	sort: r.sort
});

export function listSkills(db: Reads): Skill[] {
	return db
		.all<SkillRow>('SELECT code, title, framework_ref, area, sort FROM skills ORDER BY sort, code')
		.map(fromRow);
}

export function skillExists(db: Reads, code: string): boolean {
	return Boolean(db.value('SELECT count(*) FROM skills WHERE code = ?', [code]));
}
