import { workshopFileName } from '$scoring/present/format';
import { errorResponse } from '$lib/server/errors';
import { facilitatorToken, jsonError } from '$lib/server/http';
import { TEAM_PDF, enforceRateLimit } from '$lib/server/rate-limit';
import { teamReportPdf } from '$lib/server/team-report';
import { getWorkshops } from '$lib/server/workshops/service';
import type { RequestHandler } from './$types';

/** The team report PDF for the client (from the team statistics and the agreements), built once per data version. */
export const GET: RequestHandler = async (event) => {
	const { params, url, cookies } = event;
	enforceRateLimit(event, 'team-pdf', TEAM_PDF);
	const service = await getWorkshops();
	try {
		const { workshop, bank, stats, lenses, dataVersion, agreements, previous, leftOut } = await service.teamExport(
			params.id,
			facilitatorToken(cookies, url, params.id)
		);
		if (!stats)
			return errorResponse(409, {
				error: 'too_few',
				message: `The team report is available once ${workshop.minGroupSize} people have submitted.`
			});
		const pdf = await teamReportPdf(
			workshop,
			bank,
			stats,
			dataVersion,
			{ agreements, previous, lenses, leftOut },
			`${url.origin}/methodology`
		);
		return new Response(pdf.slice(), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `attachment; filename="${workshopFileName(workshop.title, workshop.createdAt, 'team-report.pdf')}"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		return jsonError(e);
	}
};
