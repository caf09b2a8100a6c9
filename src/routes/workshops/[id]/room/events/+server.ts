import { jsonError } from '$lib/server/http';
import { addressKey } from '$lib/server/rate-limit';
import { facilitatedWorkshop, roomHub } from '$lib/server/room';
import type { RequestHandler } from './$types';

/** Server-sent events for the audience display: the same `room` events every phone of the workshop receives. */
export const GET: RequestHandler = async (event) => {
	let workshop;
	try {
		({ workshop } = await facilitatedWorkshop(event));
	} catch (e) {
		return jsonError(e);
	}
	return (await roomHub()).open(workshop.id, addressKey(event.getClientAddress()), event.request.signal);
};
