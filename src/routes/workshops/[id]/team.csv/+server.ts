import { teamStatsToCsv } from '$scoring/export/team-csv';
import { workshopFileName } from '$scoring/present/format';
import { errorResponse } from '$lib/server/errors';
import { facilitatorToken, jsonError } from '$lib/server/http';
import { getWorkshops } from '$lib/server/workshops/service';
import type { RequestHandler } from './$types';

/**
 * The team CSV for the facilitator: the team statistics as a table of figures and counts — the same numbers as the
 * dashboard, no row per person — with the agreed actions and, for a follow-up, the earlier session's team result.
 * 409 below the minimum group size.
 */
export const GET: RequestHandler = async ({ params, url, cookies }) => {
	const service = await getWorkshops();
	try {
		const { workshop, bank, stats, lenses, agreements, previous, leftOut } = await service.teamExport(
			params.id,
			facilitatorToken(cookies, url, params.id)
		);
		if (!stats)
			return errorResponse(409, {
				error: 'too_few',
				message: `The team CSV is available once ${workshop.minGroupSize} people have submitted.`
			});
		return new Response(teamStatsToCsv(bank, stats, { agreements, previous, lenses, leftOut }), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${workshopFileName(workshop.title, workshop.createdAt, 'team.csv')}"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		return jsonError(e);
	}
};
