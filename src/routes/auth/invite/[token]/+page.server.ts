import { error, fail, redirect } from '@sveltejs/kit';
import { getAccounts } from '$lib/server/auth/accounts';
import { requireSignIn } from '$lib/server/auth/flow';
import type { Actions, PageServerLoad } from './$types';

const GONE = 'This co-facilitator link has already been used or has expired. Ask the facilitator for a new one.';
const UNKNOWN = 'This co-facilitator link is not valid. Check that you copied all of it.';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	requireSignIn();
	setHeaders({ 'cache-control': 'no-store' });
	const invite = await (await getAccounts()).invite(params.token);
	if (!invite) error(404, { error: 'not_found', message: UNKNOWN });
	if (invite.state !== 'valid') error(410, { error: 'gone', message: GONE });
	return { title: invite.title, signedIn: locals.account !== null, returnTo: `/auth/invite/${params.token}` };
};

export const actions: Actions = {
	/** Accepts the invitation for the signed-in account: it works once. */
	accept: async ({ params, locals }) => {
		requireSignIn();
		if (!locals.account) return fail(401, { message: 'Sign in first, then accept the invitation.' });
		const result = await (await getAccounts()).acceptInvite(params.token, locals.account.accountId);
		if (result.outcome === 'unknown') return fail(404, { message: UNKNOWN });
		if (result.outcome !== 'accepted') return fail(410, { message: GONE });
		redirect(303, '/my-workshops');
	}
};
