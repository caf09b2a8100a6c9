import { jsonError } from '$lib/server/http';
import { facilitatedWorkshop, roomJson, roomState } from '$lib/server/room';
import type { RequestHandler } from './$types';

/** The room state for the audience display: the polling fallback of its event stream. Facilitator only. */
export const GET: RequestHandler = async (event) => {
	try {
		const { service, workshop } = await facilitatedWorkshop(event);
		return roomJson(await roomState(service, workshop.id));
	} catch (e) {
		return jsonError(e);
	}
};
