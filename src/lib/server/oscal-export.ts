/**
 * The OSCAL downloads of a result (docs/formats.md): built on the server from the answer code alone, like the CSV
 * and PDF downloads; nothing is stored. Only a bank 3.0.0 result has practice findings and a plan to export.
 */
import { isCurrent } from '$scoring/model';
import {
	assessmentInputFromResult,
	assessmentResultsDocument,
	planInputFromResult,
	poamDocument
} from '$scoring/export/oscal';
import { isoDate } from '$scoring/present/format';
import { badCodeResponse, ResultCodeError, scoreCode } from './result-code';

export type OscalDocumentKind = 'assessment-results' | 'poam';

/** The OSCAL JSON download of the result in `code`, or a plain-text 400 for a bad code or an older bank's result. */
export function oscalResponse(code: string, kind: OscalDocumentKind, origin: string): Response {
	let scored: ReturnType<typeof scoreCode>;
	try {
		scored = scoreCode(code);
	} catch (e) {
		if (e instanceof ResultCodeError) return badCodeResponse(e);
		throw e;
	}
	const { bank, answers, result } = scored;
	if (!isCurrent(result))
		return new Response(
			`OSCAL export needs a result of question bank ${bank.id} 3.0.0 or later; this one is of version ${bank.version}. Retake the assessment on the current version to export it.\n`,
			{ status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } }
		);
	const exportedAt = new Date();
	const at = exportedAt.toISOString();
	const methodologyUrl = `${origin}/methodology`;
	const document =
		kind === 'assessment-results'
			? assessmentResultsDocument(
					assessmentInputFromResult(bank, answers, result, { assessedAt: at, exportedAt: at, methodologyUrl })
				)
			: poamDocument(planInputFromResult(bank, result, { exportedAt: at, methodologyUrl }));
	const fileName = `ai-readiness-${result.tier ?? 'unplaced'}-${isoDate(exportedAt)}-oscal-${kind}.json`;
	return new Response(`${JSON.stringify(document, null, 2)}\n`, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'no-store'
		}
	});
}
