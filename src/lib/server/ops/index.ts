import type { OpHandlers } from '../store/store';
import { authWatch } from '../auth/sessions';
import { auditOps } from './audit';
import { authOps } from './auth';
import { privacyOps } from './privacy';
import { skillsOps } from './coverage';
import { peopleOps } from './people';
import { kioskOps } from './kiosk';
import { seedOps } from './seed';

/**
 * Every op the store can journal and replay, by type. A module adds its own handlers here;
 * a type once shipped keeps its name and meaning (old journals replay through it).
 */
export const opHandlers: OpHandlers = {
	...seedOps,
	...authOps,
	...auditOps,
	...privacyOps,
	...skillsOps,
	...peopleOps,
	...kioskOps
};

/** Values the store keeps at hand for every request without SQL (StoreOptions.watch). */
export const storeWatch: Record<string, string> = { ...authWatch };
