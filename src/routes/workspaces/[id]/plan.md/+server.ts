import { planToChecklist } from '$scoring/export/plan-checklist';
import { planFileName } from '$scoring/export/plan-jira';
import { isoDate } from '$scoring/present/format';
import { planOfRequest } from '$lib/server/workspaces/http';
import type { RequestHandler } from './$types';

/** The tracked plan as a Markdown checklist (docs/formats.md, "Plan as a Markdown checklist"). */
export const GET: RequestHandler = async (event) => {
	const plan = await planOfRequest(event);
	const today = isoDate(new Date());
	return new Response(planToChecklist(plan.items, plan.source, today), {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename="${planFileName(today, 'md')}"`,
			'cache-control': 'no-store'
		}
	});
};
