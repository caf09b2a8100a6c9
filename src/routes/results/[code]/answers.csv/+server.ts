import { SURVEY_2026 } from '$scoring/content/survey';
import { resultToCsv } from '$scoring/export/result-csv';
import { resultFileName } from '$scoring/present/format';
import { badCodeResponse, ResultCodeError, scoreCode } from '$lib/server/result-code';
import { lensOfCode } from '$lib/server/lenses/service';
import type { RequestHandler } from './$types';

/**
 * The result CSV of a result (docs/formats.md): the "Download CSV" link without JavaScript, and the only CSV of a
 * result through a lens (with its lens rows).
 */
export const GET: RequestHandler = ({ params }) => {
	let scored: ReturnType<typeof scoreCode>;
	let lens: ReturnType<typeof lensOfCode>;
	try {
		scored = scoreCode(params.code);
		lens = lensOfCode(scored.lens);
	} catch (e) {
		if (e instanceof ResultCodeError) return badCodeResponse(e);
		throw e;
	}
	const exportedAt = new Date();
	const csv = resultToCsv(scored.bank, scored.answers, scored.result, {
		exportedAt: exportedAt.toISOString(),
		benchmark: SURVEY_2026,
		// A lens this site does not have leaves its rows out (the results page says why).
		lens: lens && 'result' in lens ? lens : null
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${resultFileName(scored.result.tier, exportedAt, 'csv')}"`,
			'cache-control': 'no-store'
		}
	});
};
