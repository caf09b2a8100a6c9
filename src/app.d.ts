// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		/** Every error body has this shape, in JSON and on the error page (src/lib/error-body.ts). */
		interface Error {
			error: import('$lib/error-body').ErrorCode;
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
