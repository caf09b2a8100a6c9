import { httpError } from '$lib/server/http';
import { milestoneAssessmentResponse } from '$lib/server/oscal-export';
import { accessOf } from '$lib/server/workspaces/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import type { RequestHandler } from './$types';

/** A milestone as OSCAL Assessment Results, each finding with the evidence kept for its answer (docs/formats.md). */
export const GET: RequestHandler = async (event) => {
	let found;
	try {
		found = await (
			await getWorkspaces()
		).milestone(event.params.id, Number(event.params.seq), accessOf(event, event.params.id));
	} catch (e) {
		httpError(e);
	}
	return milestoneAssessmentResponse(found.workspace.name, found.milestone, found.evidence, event.url.origin);
};
