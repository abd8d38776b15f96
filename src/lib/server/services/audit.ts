import type { Actor } from '../../domain/actor';
import type { Store } from '../store/store';
import type { AuditEntry } from '../ops/audit';

/**
 * Records that `actor` viewed, exported or printed personal data. Changes are audited by
 * their own op handlers (appendAudit); this is for reads, which have no op of their own.
 */
export function auditRead(store: Store, actor: Actor | null, entry: AuditEntry): Promise<unknown> {
	return store.write('audit.record', entry, actor?.id ?? null);
}
