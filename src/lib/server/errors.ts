import { json, type HandleServerError } from '@sveltejs/kit';
import { errorCodeForStatus, type ErrorBody } from '$lib/error-body';
import { getLogger } from './observability/log';
import { describeError } from './log-safe';

/** A JSON error answer in the one shape every JSON error has: `{ error, message }` (see src/lib/error-body.ts). */
export function errorResponse(status: number, body: ErrorBody, headers: Record<string, string> = {}): Response {
	return json(body, { status, headers });
}

/**
 * SvelteKit `handleError`: unexpected errors are logged on the server with a reference id, and the client gets
 * a generic message carrying only that id — never a stack, an exception message or a query. Expected 4xx
 * (SvelteKit's own "Not Found", "Method Not Allowed", malformed requests) keep SvelteKit's safe message, get the
 * code for their status and are not logged, so probing cannot flood the log. The log (a JSON line, see observability/log.js) names the route id, not the URL (result URLs carry a
 * person's answers, query strings a facilitator key), and describes the error with `describeError`: never a failed
 * query's parameters or a value the database quoted back.
 */
export const reportServerError: HandleServerError = ({ error, event, status, message }) => {
	if (status < 500) return { error: errorCodeForStatus(status), message };
	const reference = crypto.randomUUID().slice(0, 8);
	getLogger().error(
		{
			ref: reference,
			reqId: event.locals?.requestId,
			status,
			method: event.request.method,
			route: event.route.id ?? null,
			err: describeError(error, { stack: true })
		},
		'unexpected error'
	);
	return {
		error: 'server_error',
		message: `Something went wrong on our side. Please try again (reference ${reference}).`
	};
};
