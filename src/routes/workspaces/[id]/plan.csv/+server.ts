import { planFileName, planToJiraCsv } from '$scoring/export/plan-jira';
import { isoDate } from '$scoring/present/format';
import { planOfRequest } from '$lib/server/workspaces/http';
import type { RequestHandler } from './$types';

/** The tracked plan as a CSV for Jira's importer (docs/formats.md, "Plan for Jira"). */
export const GET: RequestHandler = async (event) => {
	const plan = await planOfRequest(event);
	return new Response(planToJiraCsv(plan.items, plan.source), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${planFileName(isoDate(new Date()), 'csv')}"`,
			'cache-control': 'no-store'
		}
	});
};
