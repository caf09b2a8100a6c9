import { errorResponse } from '$lib/server/errors';
import { signedInOrRedirect } from '$lib/server/auth/signed-in';
import { getPortfolios } from '$lib/server/portfolio/service';
import { PORTFOLIO_STEP } from '$scoring/norm/portfolio';
import type { RequestHandler } from './$types';

/**
 * The signed-in consultant's client portfolio as a custom benchmark CSV (docs/formats.md), for the results page's
 * "Use my client portfolio" and for download. 409 below 5 organisations: there is no figure to give.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const account = signedInOrRedirect(locals, '/portfolio');
	const csv = await (await getPortfolios()).benchmarkCsv(account.accountId);
	if (csv === null)
		return errorResponse(409, {
			error: 'too_few',
			message: `Your client portfolio has fewer than ${PORTFOLIO_STEP} organisations, so it has no figures to use as a benchmark yet.`
		});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="client-portfolio-benchmark.csv"',
			'cache-control': 'no-store'
		}
	});
};
