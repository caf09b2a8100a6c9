import { consoleState } from '$lib/server/console';
import { facilitatorToken, jsonError } from '$lib/server/http';
import { roomJson, selfPaced } from '$lib/server/room';
import { getWorkshops } from '$lib/server/workshops/service';
import type { RequestHandler } from './$types';

/** The console state of a facilitated workshop: the polling fallback of its event stream. Facilitator only. */
export const GET: RequestHandler = async ({ params, url, cookies }) => {
	const service = await getWorkshops();
	try {
		const workshop = await service.getForFacilitator(params.id, facilitatorToken(cookies, url, params.id));
		if (workshop.mode !== 'facilitated') return selfPaced();
		return roomJson(await consoleState(service, workshop.id));
	} catch (e) {
		return jsonError(e);
	}
};
