import { seedDemoWard, type DemoSeedPayload } from '../seed/demo-ward';
import type { OpHandlers } from '../store/store';

export interface FirstOfficerPayload {
	username: string;
	passwordHash: string;
}

export const seedOps: OpHandlers = {
	/** An empty ward (SEED=none) gets one ward-officer account so someone can sign in. */
	'setup.firstOfficer': (db, p: FirstOfficerPayload, ctx) => {
		if (db.value('SELECT count(*) FROM users')) return false;
		db.run(
			"INSERT INTO users (username, display_name, role, secret_hash, created_at) VALUES (?, 'Cán bộ phường (quản trị)', 'officer', ?, ?)",
			[p.username, p.passwordHash, ctx.at]
		);
		return true;
	},
	'demo.seed': (db, payload: DemoSeedPayload) => {
		if (db.value('SELECT count(*) FROM neighborhoods')) return { residents: 0 };
		return seedDemoWard(db, payload);
	}
};
