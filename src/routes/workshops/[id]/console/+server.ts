import { consoleState } from '$lib/server/console';
import { jsonError } from '$lib/server/http';
import { facilitatedWorkshop, roomJson } from '$lib/server/room';
import type { RequestHandler } from './$types';

/** The console state of a facilitated workshop: the polling fallback of its event stream. Facilitator only. */
export const GET: RequestHandler = async (event) => {
	try {
		const { service, workshop } = await facilitatedWorkshop(event);
		return roomJson(await consoleState(service, workshop.id));
	} catch (e) {
		return jsonError(e);
	}
};
