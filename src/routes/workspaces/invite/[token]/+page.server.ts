import { redirect } from '@sveltejs/kit';
import { requireSignIn } from '$lib/server/auth/flow';
import { httpError } from '$lib/server/http';
import { refused } from '$lib/server/workspaces/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	requireSignIn();
	setHeaders({ 'cache-control': 'no-store' });
	let invite;
	try {
		invite = await (await getWorkspaces()).invite(params.token);
	} catch (e) {
		httpError(e);
	}
	return {
		name: invite.name,
		signedIn: locals.account !== null,
		returnTo: `/workspaces/invite/${params.token}`
	};
};

export const actions: Actions = {
	/** Accepts the invitation for the signed-in account: it works once. */
	accept: async ({ params, locals }) => {
		requireSignIn();
		let accepted;
		try {
			accepted = await (await getWorkspaces()).acceptInvite(params.token, locals.account);
		} catch (e) {
			return refused(e);
		}
		redirect(303, `/workspaces/${accepted.workspaceId}`);
	}
};
