// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The signed-in facilitator (only when OpenID Connect sign-in is configured), else null. */
			account: import('$lib/server/auth/accounts').SignedIn | null;
			/** This request's id (`X-Request-Id`), as logged. */
			requestId: string;
		}
		interface PageState {
			/** The questionnaire step (0-based) after client-side step navigation (shallow routing). */
			step?: number;
		}
	}
}

export {};
