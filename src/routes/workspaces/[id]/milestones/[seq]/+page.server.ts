import { isCurrent } from '$scoring/model';
import { presentMilestone } from '$scoring/present/workspace';
import { httpError, readForm } from '$lib/server/http';
import { accessOf, refused } from '$lib/server/workspaces/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'cache-control': 'no-store' });
	const { params } = event;
	let found;
	try {
		found = await (await getWorkspaces()).milestone(params.id, Number(params.seq), accessOf(event, params.id));
	} catch (e) {
		httpError(e);
	}
	return {
		id: found.workspace.id,
		workspaceName: found.workspace.name,
		seq: found.milestone.seq,
		// OSCAL findings exist for milestones scored by the current model (bank 3.0.0).
		oscal: isCurrent(found.milestone.result),
		view: presentMilestone({
			workspaceName: found.workspace.name,
			milestone: found.milestone,
			previous: found.previous,
			evidence: found.evidence
		})
	};
};

export const actions: Actions = {
	/** Sets the note and links backing one answer of this milestone. */
	evidence: async (event) => {
		const form = await readForm(event.request);
		const values = {
			questionId: String(form.get('questionId') ?? ''),
			note: String(form.get('note') ?? ''),
			links: String(form.get('links') ?? '')
		};
		try {
			await (
				await getWorkspaces()
			).saveEvidence(event.params.id, Number(event.params.seq), accessOf(event, event.params.id), values);
			return { saved: values.questionId };
		} catch (e) {
			return refused(e, { questionId: values.questionId, values });
		}
	}
};
