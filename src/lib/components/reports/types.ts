/**
 * What the report components draw. The server's services return these shapes (checked by
 * svelte-check where pages pass them on); components may not import server code.
 */
export interface Ratio {
	total: number;
	ratio: number;
}

export interface TargetView {
	id: number;
	metric: string;
	label: string;
	percent: number;
	deadline: string;
	total: number | null;
	current: number | null;
	required: number | null;
	gap: number | null;
	met: boolean | null;
	daysLeft: number;
}

export interface CoverageView {
	asOf: string;
	adults: Ratio & { skilled: number };
	households: Ratio & { covered: number };
	reached: { residents: number; households: number };
	targets: TargetView[];
	byNeighborhood: Array<{
		id: number;
		name: string;
		adults: Ratio & { skilled: number };
		households: Ratio & { covered: number };
		reached: { residents: number; households: number };
	}>;
	definitions: { adultSkilled: string; householdCovered: string; adultMinAge: number };
}

export interface TrendPointView {
	start: string;
	end: string;
	checkins: number;
	skilled: number;
	adults: number;
	ratio: number;
}

export interface ReportRowView {
	section: string;
	label: string;
	value: number | string;
}

export interface HouseholdView {
	id: number;
	neighborhood: string;
	address: string;
	head_name: string;
	members: number;
}

export interface LessonUseView {
	walkthrough_id: string;
	starts: number;
	completes: number;
	leaves: number;
}

/** A khu phố with no household left to visit (reports-dashboard.ts, noneLeftToVisit). */
export interface NoneLeftView {
	id: number;
	name: string;
	households: number;
}
