import { planFileName, planToJiraCsv } from '$scoring/export/plan-jira';
import { isoDate } from '$scoring/present/format';
import { httpError } from '$lib/server/http';
import { accessOf } from '$lib/server/workspaces/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import type { RequestHandler } from './$types';

/** The tracked plan as a CSV for Jira's importer (docs/formats.md, "Plan for Jira"). */
export const GET: RequestHandler = async (event) => {
	let plan;
	try {
		plan = await (await getWorkspaces()).planExport(event.params.id, accessOf(event, event.params.id));
	} catch (e) {
		httpError(e);
	}
	return new Response(planToJiraCsv(plan.items, plan.source), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${planFileName(isoDate(new Date()), 'csv')}"`,
			'cache-control': 'no-store'
		}
	});
};
