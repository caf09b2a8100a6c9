import { trackedPlanResponse } from '$lib/server/oscal-export';
import { planOfRequest } from '$lib/server/workspaces/http';
import type { RequestHandler } from './$types';

/** The tracked plan as OSCAL Plan of Action and Milestones, owners, due dates and statuses included (docs/formats.md). */
export const GET: RequestHandler = async (event) => {
	const plan = await planOfRequest(event);
	return trackedPlanResponse(plan.source.workspace, plan.items, plan.source.milestone.bankVersion, event.url.origin);
};
