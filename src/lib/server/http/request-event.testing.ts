import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/actor';

/**
 * The event SvelteKit hands a handler or a form action, for calling it straight from a test:
 * the request, its address, the route's params and the signed-in actor (null: nobody).
 */
export function requestEvent(
	request: Request,
	params: Record<string, string>,
	actor: Actor | null
): RequestEvent {
	return {
		request,
		url: new URL(request.url),
		params,
		locals: { actor },
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
}
