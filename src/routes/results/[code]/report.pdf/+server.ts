import { CURRENT_BANK } from '$scoring/content/banks';
import { presentResult } from '$scoring/present/result';
import { buildReportPdf } from '$lib/report/pdf-node';
import { reportFileName } from '$lib/report/pdf-document';
import { enforceRateLimit } from '$lib/server/rate-limit';
import { badCodeResponse, ResultCodeError, scoreCode } from '$lib/server/result-code';
import type { RequestHandler } from './$types';

/** The text without control characters (a PDF cover line is one line of plain text). */
const printable = (text: string) =>
	[...text].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('');

/**
 * The report PDF of a result, built on the server: the "Download PDF" link without JavaScript. Rendering takes
 * a few hundred milliseconds of CPU, so one client may ask for a handful a minute.
 */
export const GET: RequestHandler = async (event) => {
	let scored: ReturnType<typeof scoreCode>;
	try {
		scored = scoreCode(event.params.code);
	} catch (e) {
		if (e instanceof ResultCodeError) return badCodeResponse(e);
		throw e;
	}
	enforceRateLimit(event, 'report-pdf', { limit: 20, windowMs: 60_000 });
	const generatedAt = new Date();
	// The organisation name printed on the cover (optional; user text, length-capped, printed verbatim).
	const organisation =
		printable(event.url.searchParams.get('org') ?? '')
			.trim()
			.slice(0, 120) || null;
	const view = presentResult({ ...scored, current: CURRENT_BANK, organisation, date: generatedAt });
	const pdf = await buildReportPdf({ view, generatedAt, methodologyUrl: `${event.url.origin}/methodology` });
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${reportFileName(scored.result, generatedAt)}"`,
			'cache-control': 'no-store'
		}
	});
};
