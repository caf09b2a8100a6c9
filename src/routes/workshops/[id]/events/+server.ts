import { dashboardHub } from '$lib/server/dashboard';
import { facilitatorToken, jsonError } from '$lib/server/http';
import { addressKey } from '$lib/server/rate-limit';
import { getWorkshops } from '$lib/server/workshops/service';
import type { RequestHandler } from './$types';

/** Server-sent events for the dashboard: a `summary` event now and after every change to the workshop. */
export const GET: RequestHandler = async ({ params, url, cookies, request, getClientAddress }) => {
	const service = await getWorkshops();
	try {
		await service.getForFacilitator(params.id, facilitatorToken(cookies, url, params.id));
	} catch (e) {
		return jsonError(e);
	}
	return (await dashboardHub()).open(params.id, addressKey(getClientAddress()), request.signal);
};
