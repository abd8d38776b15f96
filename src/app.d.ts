import type { Actor } from '$lib/domain/actor';

declare global {
	const __APP_VERSION__: string;
	namespace App {
		interface Locals {
			actor: Actor | null;
		}
		interface PageState {
			/** The kiosk sent itself home after nobody touched it: that page stays silent. */
			unattended?: boolean;
		}
		interface Error {
			message: string;
			/** A stable reason code for programs (English), beside the message for people. */
			reason?: string;
		}
	}
}

export {};
