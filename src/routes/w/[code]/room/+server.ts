import { participantToken } from '$lib/server/http';
import { participantRoom, roomJson, roomState } from '$lib/server/room';
import { getWorkshops } from '$lib/server/workshops/service';
import type { RequestHandler } from './$types';

/** A facilitated workshop's room state for one of its participants: the polling fallback of its event stream. */
export const GET: RequestHandler = async ({ params, cookies, url }) => {
	const service = await getWorkshops();
	const room = await participantRoom(service, params.code, participantToken(cookies, url, params.code));
	if ('refusal' in room) return room.refusal;
	return roomJson(await roomState(service, room.id));
};
