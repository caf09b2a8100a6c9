/**
 * The OSCAL downloads (docs/formats.md): of a result, built on the server from the answer code alone like the CSV
 * and PDF downloads (nothing is stored); of a workspace milestone, with its evidence; and of a workspace's tracked
 * plan, with owners, due dates and statuses. Only bank 3.0.0 results have practice findings and a plan to export. A
 * result made through a lens adds the lens's high- and medium-risk findings (and their next steps to the plan).
 */
import { isCurrent, type AnyResult } from '$scoring/model';
import {
	assessmentInputFromResult,
	assessmentResultsDocument,
	oscalEvidence,
	oscalLens,
	planInputFromResult,
	planInputFromTrackedItems,
	poamDocument
} from '$scoring/export/oscal';
import type { Evidence, PlanItem } from '$scoring/model/workspace';
import type { Answers, QuestionBank } from '$scoring/schema';
import { isoDate } from '$scoring/present/format';
import { CURRENT_BANK } from '$scoring/content/banks';
import { lensOfCode } from './lenses/service';
import { badCodeResponse, ResultCodeError, scoreCode } from './result-code';

export type OscalDocumentKind = 'assessment-results' | 'poam';

/** The 400 for a result of a bank before 3.0.0, which has no practice findings or plan in OSCAL's terms. */
function olderBankResponse(bank: QuestionBank): Response {
	return new Response(
		`OSCAL export needs a result of question bank ${bank.id} 3.0.0 or later; this one is of version ${bank.version}. Retake the assessment on the current version to export it.\n`,
		{ status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } }
	);
}

/** An OSCAL document as a JSON download named after the group, the date and the kind. */
function oscalFile(document: unknown, kind: OscalDocumentKind, group: string, at: Date): Response {
	const fileName = `ai-readiness-${group}-${isoDate(at)}-oscal-${kind}.json`;
	return new Response(`${JSON.stringify(document, null, 2)}\n`, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'no-store'
		}
	});
}

/** The OSCAL JSON download of the result in `code`, or a plain-text 400 for a bad code or an older bank's result. */
export function oscalResponse(code: string, kind: OscalDocumentKind, origin: string): Response {
	let scored: ReturnType<typeof scoreCode>;
	let codeLens: ReturnType<typeof lensOfCode>;
	try {
		scored = scoreCode(code);
		codeLens = lensOfCode(scored.lens);
	} catch (e) {
		if (e instanceof ResultCodeError) return badCodeResponse(e);
		throw e;
	}
	const { bank, answers, result } = scored;
	if (!isCurrent(result)) return olderBankResponse(bank);
	// A lens this site does not have leaves its findings out, as in the CSV (the results page says why).
	const lens = codeLens && 'result' in codeLens ? oscalLens(codeLens.lens, codeLens.result) : null;
	const exportedAt = new Date();
	const at = exportedAt.toISOString();
	const methodologyUrl = `${origin}/methodology`;
	const document =
		kind === 'assessment-results'
			? assessmentResultsDocument(
					assessmentInputFromResult(bank, answers, result, { assessedAt: at, exportedAt: at, methodologyUrl, lens })
				)
			: poamDocument(planInputFromResult(bank, result, { exportedAt: at, methodologyUrl, lens }));
	return oscalFile(document, kind, result.tier ?? 'unplaced', exportedAt);
}

/** A workspace milestone's Assessment Results: every practice finding with the evidence kept for its answer. */
export function milestoneAssessmentResponse(
	workspaceName: string,
	milestone: { bank: QuestionBank; answers: Answers; result: AnyResult; createdAt: Date },
	evidence: readonly Evidence[],
	origin: string
): Response {
	const { bank, answers, result } = milestone;
	if (!isCurrent(result)) return olderBankResponse(bank);
	const exportedAt = new Date();
	const document = assessmentResultsDocument(
		assessmentInputFromResult(bank, answers, result, {
			organisation: workspaceName,
			assessedAt: milestone.createdAt.toISOString(),
			exportedAt: exportedAt.toISOString(),
			methodologyUrl: `${origin}/methodology`,
			evidence: new Map(evidence.map((e) => [e.questionId, oscalEvidence(e)]))
		})
	);
	return oscalFile(document, 'assessment-results', result.tier ?? 'unplaced', exportedAt);
}

/** A workspace's tracked plan as a POA&M: each item as it stands, with its owner, due date, status and notes. */
export function trackedPlanResponse(
	workspaceName: string,
	items: readonly PlanItem[],
	bankVersion: string,
	origin: string
): Response {
	const exportedAt = new Date();
	const document = poamDocument(
		planInputFromTrackedItems(items, {
			organisation: workspaceName,
			bank: { id: CURRENT_BANK.id, version: bankVersion },
			exportedAt: exportedAt.toISOString(),
			methodologyUrl: `${origin}/methodology`
		})
	);
	return oscalFile(document, 'poam', 'plan', exportedAt);
}
