import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import type { RequestHandler } from './$types';

/** Who the session cookie belongs to. */
export const GET: RequestHandler = ({ locals }) => json({ user: requireRole(locals.actor) });
