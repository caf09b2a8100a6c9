import { SURVEY_2026 } from '$scoring/content/survey';
import { resultToCsv } from '$scoring/export/result-csv';
import { resultFileName } from '$scoring/present/format';
import { badCodeResponse, ResultCodeError, scoreCode } from '$lib/server/result-code';
import type { RequestHandler } from './$types';

/** The result CSV of a result (docs/formats.md): the "Download CSV" link without JavaScript. */
export const GET: RequestHandler = ({ params }) => {
	let scored: ReturnType<typeof scoreCode>;
	try {
		scored = scoreCode(params.code);
	} catch (e) {
		if (e instanceof ResultCodeError) return badCodeResponse(e);
		throw e;
	}
	const exportedAt = new Date();
	const csv = resultToCsv(scored.bank, scored.answers, scored.result, {
		exportedAt: exportedAt.toISOString(),
		benchmark: SURVEY_2026
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${resultFileName(scored.result.tier, exportedAt, 'csv')}"`,
			'cache-control': 'no-store'
		}
	});
};
