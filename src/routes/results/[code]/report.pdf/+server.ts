import { SURVEY_2026 } from '$scoring/benchmark';
import { buildReportPdf } from '$lib/report/pdf-node';
import { reportFileName } from '$lib/report/pdf-document';
import { enforceRateLimit } from '$lib/server/rate-limit';
import { badCodeResponse, ResultCodeError, scoreAnswerCode } from '$lib/server/result-code';
import type { RequestHandler } from './$types';

/**
 * The report PDF of a result, built on the server: the "Download PDF" link without JavaScript. Rendering takes
 * a few hundred milliseconds of CPU, so one client may ask for a handful a minute.
 */
export const GET: RequestHandler = async (event) => {
	let scored: ReturnType<typeof scoreAnswerCode>;
	try {
		scored = scoreAnswerCode(event.params.code);
	} catch (e) {
		if (e instanceof ResultCodeError) return badCodeResponse(e);
		throw e;
	}
	enforceRateLimit(event, 'report-pdf', { limit: 20, windowMs: 60_000 });
	const generatedAt = new Date();
	const pdf = await buildReportPdf({ bank: scored.bank, result: scored.result, benchmark: SURVEY_2026, generatedAt });
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${reportFileName(scored.result, generatedAt)}"`,
			'cache-control': 'no-store'
		}
	});
};
