import type { OpHandlers } from '../store/store';
import { accountOps } from './accounts';
import { consentOps } from './consent';
import { erasureOps } from './erasure';

/** Accounts, consent and erasure: who may hold personal data and how it leaves the store. */
export const privacyOps: OpHandlers = { ...accountOps, ...consentOps, ...erasureOps };
