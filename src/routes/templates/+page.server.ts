import { error, fail } from '@sveltejs/kit';
import { signedInOrRedirect } from '$lib/server/auth/signed-in';
import { readForm } from '$lib/server/http';
import { getTemplates } from '$lib/server/templates/service';
import { WorkshopError } from '$lib/server/workshops/errors';
import { TEAM_LABELS } from '$scoring/present/team-labels';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	const account = signedInOrRedirect(locals, '/templates');
	setHeaders({ 'cache-control': 'no-store' });
	return { templates: await (await getTemplates()).list(account), modes: TEAM_LABELS.modes };
};

export const actions: Actions = {
	/** Deletes one of this account's templates; another account's is not found (404). */
	delete: async ({ locals, request }) => {
		const account = signedInOrRedirect(locals, '/templates');
		const id = String((await readForm(request)).get('template') ?? '');
		try {
			await (await getTemplates()).delete(account, id);
		} catch (e) {
			if (e instanceof WorkshopError && e.status === 404) error(404, { error: 'not_found', message: e.message });
			if (e instanceof WorkshopError) return fail(e.status, { message: e.message });
			throw e;
		}
		return { deleted: true };
	}
};
