import { consoleHub } from '$lib/server/console';
import { facilitatorToken, jsonError } from '$lib/server/http';
import { addressKey } from '$lib/server/rate-limit';
import { selfPaced } from '$lib/server/room';
import { getWorkshops } from '$lib/server/workshops/service';
import type { RequestHandler } from './$types';

/**
 * Server-sent events for the facilitator's console: a `console` event (the room state with the notes, actions,
 * what comes next and what closing would do) now and after every change — the console's one stream.
 */
export const GET: RequestHandler = async ({ params, url, cookies, request, getClientAddress }) => {
	const service = await getWorkshops();
	let workshop;
	try {
		workshop = await service.getForFacilitator(params.id, facilitatorToken(cookies, url, params.id));
	} catch (e) {
		return jsonError(e);
	}
	if (workshop.mode !== 'facilitated') return selfPaced();
	return (await consoleHub()).open(workshop.id, addressKey(getClientAddress()), request.signal);
};
