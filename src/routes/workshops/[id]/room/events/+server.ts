import { facilitatorToken, jsonError } from '$lib/server/http';
import { addressKey } from '$lib/server/rate-limit';
import { roomHub, selfPaced } from '$lib/server/room';
import { getWorkshops } from '$lib/server/workshops/service';
import type { RequestHandler } from './$types';

/** Server-sent events for the presenter view: the same `room` events every phone of the workshop receives. */
export const GET: RequestHandler = async ({ params, url, cookies, request, getClientAddress }) => {
	const service = await getWorkshops();
	let workshop;
	try {
		workshop = await service.getForFacilitator(params.id, facilitatorToken(cookies, url, params.id));
	} catch (e) {
		return jsonError(e);
	}
	if (workshop.mode !== 'facilitated') return selfPaced();
	return (await roomHub()).open(workshop.id, addressKey(getClientAddress()), request.signal);
};
