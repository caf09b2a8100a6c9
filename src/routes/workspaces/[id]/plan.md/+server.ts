import { planToChecklist } from '$scoring/export/plan-checklist';
import { planFileName } from '$scoring/export/plan-jira';
import { isoDate } from '$scoring/present/format';
import { httpError } from '$lib/server/http';
import { accessOf } from '$lib/server/workspaces/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import type { RequestHandler } from './$types';

/** The tracked plan as a Markdown checklist (docs/formats.md, "Plan as a Markdown checklist"). */
export const GET: RequestHandler = async (event) => {
	let plan;
	try {
		plan = await (await getWorkspaces()).planExport(event.params.id, accessOf(event, event.params.id));
	} catch (e) {
		httpError(e);
	}
	const today = isoDate(new Date());
	return new Response(planToChecklist(plan.items, plan.source, today), {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename="${planFileName(today, 'md')}"`,
			'cache-control': 'no-store'
		}
	});
};
