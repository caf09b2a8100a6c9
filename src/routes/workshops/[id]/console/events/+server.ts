import { consoleHub } from '$lib/server/console';
import { jsonError } from '$lib/server/http';
import { addressKey } from '$lib/server/rate-limit';
import { facilitatedWorkshop } from '$lib/server/room';
import type { RequestHandler } from './$types';

/**
 * Server-sent events for the facilitator's console: a `console` event (the room state with the notes, actions,
 * what comes next and what closing would do) now and after every change — the console's one stream.
 */
export const GET: RequestHandler = async (event) => {
	let workshop;
	try {
		({ workshop } = await facilitatedWorkshop(event));
	} catch (e) {
		return jsonError(e);
	}
	return (await consoleHub()).open(workshop.id, addressKey(event.getClientAddress()), event.request.signal);
};
