import { seedDemoWard, type DemoSeedPayload } from '../seed/demo-ward';
import type { OpHandlers } from '../store/store';

export const seedOps: OpHandlers = {
	'demo.seed': (db, payload: DemoSeedPayload) => {
		if (db.value('SELECT count(*) FROM neighborhoods')) return { residents: 0 };
		return seedDemoWard(db, payload);
	}
};
