import { teamAnswersToCsv } from '$scoring/team-csv';
import { facilitatorToken, jsonError } from '$lib/server/http';
import { getWorkshops } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** The anonymised answers as CSV, for the facilitator only; below the minimum group size it has no rows. */
export const GET: RequestHandler = async ({ params, url, cookies }) => {
	const service = await getWorkshops();
	try {
		const { workshop, bank, answerSets } = await service.anonymisedAnswers(
			params.id,
			facilitatorToken(cookies, url, params.id)
		);
		return new Response(teamAnswersToCsv(bank, answerSets), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="workshop-${workshop.code}-answers.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		return jsonError(e);
	}
};
