import type { OpHandlers } from '../store/store';
import { checkinOps } from './checkin';
import { householdOps } from './households';
import { importOps } from './import';
import { neighborhoodOps } from './neighborhoods';
import { residentOps } from './residents';
import { sessionOps } from './sessions';

/** Khu phố, residents, households, cards, class sessions, check-ins and imports (issue 4). */
export const peopleOps: OpHandlers = {
	...neighborhoodOps,
	...householdOps,
	...residentOps,
	...sessionOps,
	...checkinOps,
	...importOps
};
