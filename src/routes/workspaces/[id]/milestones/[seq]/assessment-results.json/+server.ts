import { milestoneAssessmentResponse } from '$lib/server/oscal-export';
import { milestoneOfRequest } from '$lib/server/workspaces/http';
import type { RequestHandler } from './$types';

/** A milestone as OSCAL Assessment Results, each finding with the evidence kept for its answer (docs/formats.md). */
export const GET: RequestHandler = async (event) => {
	const found = await milestoneOfRequest(event);
	return milestoneAssessmentResponse(found.workspace.name, found.milestone, found.evidence, event.url.origin);
};
