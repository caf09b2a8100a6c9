import { participantToken } from '$lib/server/http';
import { addressKey } from '$lib/server/rate-limit';
import { participantRoom, roomHub } from '$lib/server/room';
import { getWorkshops } from '$lib/server/workshops/service';
import type { RequestHandler } from './$types';

/**
 * Server-sent events for a participant's phone in a facilitated workshop: a `room` event now and after every
 * change — the open vote, the reveal, the agreed answers, the close and the team result.
 */
export const GET: RequestHandler = async ({ params, cookies, url, request, getClientAddress }) => {
	const service = await getWorkshops();
	const room = await participantRoom(service, params.code, participantToken(cookies, url, params.code));
	if ('refusal' in room) return room.refusal;
	return (await roomHub()).open(room.id, addressKey(getClientAddress()), request.signal);
};
