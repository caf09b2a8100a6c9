import { httpError } from '$lib/server/http';
import { trackedPlanResponse } from '$lib/server/oscal-export';
import { accessOf } from '$lib/server/workspaces/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import type { RequestHandler } from './$types';

/** The tracked plan as OSCAL Plan of Action and Milestones, owners, due dates and statuses included (docs/formats.md). */
export const GET: RequestHandler = async (event) => {
	let plan;
	try {
		plan = await (await getWorkspaces()).planExport(event.params.id, accessOf(event, event.params.id));
	} catch (e) {
		httpError(e);
	}
	return trackedPlanResponse(plan.source.workspace, plan.items, plan.source.milestone.bankVersion, event.url.origin);
};
