import { CURRENT_BANK } from '$scoring/content/banks';
import { presentResult } from '$scoring/present/result';
import { evidenceReport, milestoneSince, presentMilestone } from '$scoring/present/workspace';
import { buildReportPdf } from '$lib/report/pdf-node';
import { reportFileName } from '$lib/report/pdf-document';
import { enforceRateLimit } from '$lib/server/rate-limit';
import { milestoneOfRequest } from '$lib/server/workspaces/http';
import type { RequestHandler } from './$types';

/**
 * A milestone's report PDF with what changed since the milestone before and its evidence per answer: the result as it
 * was saved, dated the day it was saved, under the workspace's name. Built on the server like the result's PDF, so one client may ask for a handful a minute.
 */
export const GET: RequestHandler = async (event) => {
	const found = await milestoneOfRequest(event);
	enforceRateLimit(event, 'report-pdf', { limit: 20, windowMs: 60_000 });
	const { milestone } = found;
	const generatedAt = milestone.createdAt;
	const view = presentResult({
		...milestone,
		current: CURRENT_BANK,
		organisation: found.workspace.name,
		date: generatedAt
	});
	const page = presentMilestone({
		workspaceName: found.workspace.name,
		milestone,
		previous: found.previous,
		evidence: found.evidence
	});
	const pdf = await buildReportPdf({
		view,
		generatedAt,
		methodologyUrl: `${event.url.origin}/methodology`,
		evidence: evidenceReport(page),
		since: milestoneSince(milestone, found.previous)
	});
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${reportFileName(milestone.result, generatedAt)}"`,
			'cache-control': 'no-store'
		}
	});
};
