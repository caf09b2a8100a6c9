import { SURVEY_2026 } from '$scoring/content/survey';
import { resultToCsv } from '$scoring/export/result-csv';
import { resultFileName } from '$scoring/present/format';
import { httpError } from '$lib/server/http';
import { accessOf } from '$lib/server/workspaces/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import type { RequestHandler } from './$types';

/** A milestone's result CSV with each answer's evidence (docs/formats.md, "Result CSV"). */
export const GET: RequestHandler = async (event) => {
	let found;
	try {
		found = await (
			await getWorkspaces()
		).milestone(event.params.id, Number(event.params.seq), accessOf(event, event.params.id));
	} catch (e) {
		httpError(e);
	}
	const { bank, answers, result } = found.milestone;
	const exportedAt = new Date();
	const csv = resultToCsv(bank, answers, result, {
		exportedAt: exportedAt.toISOString(),
		benchmark: SURVEY_2026,
		evidence: found.evidence
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${resultFileName(result.tier, found.milestone.createdAt, 'csv')}"`,
			'cache-control': 'no-store'
		}
	});
};
