/**
 * The one shape of every error body the server answers in JSON (docs/formats.md, "Errors"):
 * `{ "error": <code>, "message": <sentence for a person> }`. It is also `App.Error` (src/app.d.ts), so every
 * `error(status, …)` a route throws carries a code, and the refused-submission metric's `reason` is that code.
 */

/** Why a workshop operation was refused (`WorkshopError.reason`). */
export type WorkshopRefusal =
	| 'invalid'
	| 'forbidden'
	| 'not_found'
	| 'closed'
	| 'full'
	| 'facilitator'
	| 'vote_closed'
	| 'not_facilitated'
	| 'too_few';

/** What went wrong, as a fixed word a client can branch on. */
export type ErrorCode =
	| WorkshopRefusal
	// a workspace operation refused (WorkspaceError)
	| 'not_closed'
	| 'duplicate'
	| 'conflict'
	// the request itself
	| 'method_not_allowed'
	| 'gone'
	| 'too_large'
	| 'unsupported_type'
	| 'rate_limited'
	| 'too_many_streams'
	// the server
	| 'server_error'
	| 'unavailable'
	| `status_${number}`;

export interface ErrorBody {
	error: ErrorCode;
	message: string;
}

/**
 * The code for an HTTP status when nothing more specific is known: SvelteKit's own errors (an unknown path, a body
 * over the size limit) and a refused no-JavaScript form submission, whose answer is a page rather than JSON.
 */
export function errorCodeForStatus(status: number): ErrorCode {
	switch (status) {
		case 400:
			return 'invalid';
		case 403:
			return 'forbidden';
		case 404:
			return 'not_found';
		case 405:
			return 'method_not_allowed';
		case 409:
			return 'closed';
		case 410:
			return 'gone';
		case 413:
			return 'too_large';
		case 415:
			return 'unsupported_type';
		case 429:
			return 'rate_limited';
		case 503:
			return 'unavailable';
		default:
			return status >= 500 ? 'server_error' : `status_${status}`;
	}
}
