import { json } from '@sveltejs/kit';
import { errorResponse } from '$lib/server/errors';
import { facilitatorToken, jsonError, participantToken } from '$lib/server/http';
import { workshopIdFor } from '$lib/server/participant-access';
import { getWorkshops } from '$lib/server/workshops/service';
import { normaliseJoinCode } from '$lib/server/workshops/tokens';
import type { RequestHandler } from './$types';

/**
 * Submits (or replaces) the participant's answers as JSON: `{ answers, idempotencyKey }`. 201 when created, 200
 * when updated or when it repeats the last accepted submission — answered once the submission is committed.
 * Cross-site requests are refused by `csrfGuard`.
 */
export const POST: RequestHandler = async (event) => {
	const { params, request, cookies, url } = event;
	const code = normaliseJoinCode(params.code);
	const service = await getWorkshops();
	const workshopId = code ? await workshopIdFor(event, service, code) : null;
	if (!code || !workshopId) return errorResponse(404, { error: 'not_found', message: 'No workshop has this code.' });
	if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json'))
		return errorResponse(415, { error: 'unsupported_type', message: 'Send the answers as application/json.' });
	let body: unknown;
	try {
		body = await request.json();
	} catch (e) {
		// A body over BODY_SIZE_LIMIT surfaces here as SvelteKit's error with status 413; any other error with a
		// status is SvelteKit's too (its answer gets the code for that status, see handleError).
		if (e && typeof e === 'object' && 'status' in e) {
			if (e.status === 413) return errorResponse(413, { error: 'too_large', message: 'The request is too large.' });
			throw e;
		}
		return errorResponse(400, { error: 'invalid', message: 'The body is not valid JSON.' });
	}
	try {
		const outcome = await service.submitResponse(workshopId, participantToken(cookies, url, code), body, {
			facilitatorToken: facilitatorToken(cookies, url, workshopId)
		});
		return json(outcome, { status: outcome.status === 'created' ? 201 : 200 });
	} catch (e) {
		return jsonError(e);
	}
};
