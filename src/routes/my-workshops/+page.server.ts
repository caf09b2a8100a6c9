import { error, fail, redirect } from '@sveltejs/kit';
import { getAccounts } from '$lib/server/auth/accounts';
import { requireSignIn } from '$lib/server/auth/flow';
import { facilitatorToken, readForm, setFacilitatorCookie } from '$lib/server/http';
import { getTemplates } from '$lib/server/templates/service';
import { WorkshopError } from '$lib/server/workshops/errors';
import { getWorkshops } from '$lib/server/workshops/service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function signedIn(event: Pick<RequestEvent, 'locals'>) {
	requireSignIn();
	const account = event.locals.account;
	if (!account) redirect(303, '/auth/sign-in?returnTo=/my-workshops');
	return account;
}

export const load: PageServerLoad = async (event) => {
	const account = signedIn(event);
	event.setHeaders({ 'cache-control': 'no-store' });
	const workshops = await (await getAccounts()).myWorkshops(account.accountId);
	return {
		displayName: account.displayName,
		workshops: workshops.map((w) => ({ ...w, createdAt: w.createdAt.toISOString() }))
	};
};

async function workshopField(request: Request): Promise<string> {
	const id = String((await readForm(request)).get('workshop') ?? '');
	if (!/^[0-9a-f-]{36}$/i.test(id)) error(400, { error: 'invalid', message: 'Choose a workshop.' });
	return id;
}

export const actions: Actions = {
	/** Opens a dashboard: this browser gets a facilitator key tied to its session (unless it already has access). */
	open: async (event) => {
		const account = signedIn(event);
		const id = await workshopField(event.request);
		const current = facilitatorToken(event.cookies, event.url, id);
		const hasAccess = current
			? await (await getWorkshops()).getForFacilitator(id, current).then(
					() => true,
					() => false
				)
			: false;
		if (!hasAccess) {
			const key = await (await getAccounts()).mintFacilitatorKey(account, id);
			if (!key) return fail(403, { message: 'You do not facilitate this workshop.' });
			setFacilitatorCookie(event, id, key);
		}
		redirect(303, `/workshops/${id}`);
	},

	/** A one-time co-facilitator link, shown once. */
	invite: async (event) => {
		const account = signedIn(event);
		const id = await workshopField(event.request);
		const token = await (await getAccounts()).createInvite(account.accountId, id);
		if (!token) return fail(403, { message: 'You do not facilitate this workshop.' });
		return { invite: { workshop: id, link: `${event.url.origin}/auth/invite/${token}` } };
	},

	/** Saves the workshop's settings as a named template of this account (the workshop must be one it facilitates). */
	saveTemplate: async (event) => {
		const account = signedIn(event);
		const form = await readForm(event.request);
		const id = String(form.get('workshop') ?? '');
		try {
			const saved = await (await getTemplates()).saveFromWorkshop(account, id, String(form.get('name') ?? ''));
			return { template: { workshop: id, name: saved.name } };
		} catch (e) {
			if (e instanceof WorkshopError && e.status === 404) error(404, { error: 'not_found', message: e.message });
			if (e instanceof WorkshopError) return fail(e.status, { message: e.message });
			throw e;
		}
	}
};
