import { error, json } from '@sveltejs/kit';
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
	if (!code || !workshopId) return json({ error: 'not_found', message: 'No workshop has this code.' }, { status: 404 });
	if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json'))
		return json({ error: 'invalid', message: 'Send the answers as application/json.' }, { status: 415 });
	let body: unknown;
	try {
		body = await request.json();
	} catch (e) {
		// A body over BODY_SIZE_LIMIT surfaces here as an HttpError (413): let SvelteKit answer it.
		if (e && typeof e === 'object' && 'status' in e)
			error((e as { status: number }).status, 'The request is too large.');
		return json({ error: 'invalid', message: 'The body is not valid JSON.' }, { status: 400 });
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
