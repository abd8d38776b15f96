import type { OpHandlers } from '../store/store';
import { checkinOps } from './checkin';
import { householdOps } from './households';
import { importOps } from './import';
import { residentOps } from './residents';
import { sessionOps } from './sessions';

/** Residents, households, cards, class sessions, check-ins and imports (issue 4). */
export const peopleOps: OpHandlers = {
	...householdOps,
	...residentOps,
	...sessionOps,
	...checkinOps,
	...importOps
};
