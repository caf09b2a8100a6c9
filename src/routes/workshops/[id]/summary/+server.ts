import { json } from '@sveltejs/kit';
import { dashboardStateOf } from '$lib/server/dashboard';
import { facilitatorToken, jsonError } from '$lib/server/http';
import { getWorkshops } from '$lib/server/workshops/service';
import type { RequestHandler } from './$types';

/** The dashboard state as JSON: the polling fallback when server-sent events are unavailable. */
export const GET: RequestHandler = async ({ params, url, cookies }) => {
	const service = await getWorkshops();
	try {
		await service.getForFacilitator(params.id, facilitatorToken(cookies, url, params.id));
		return json(await dashboardStateOf(service, params.id), { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		return jsonError(e);
	}
};
