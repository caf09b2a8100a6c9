import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http';
import { workshopIdFor } from '$lib/server/participant-access';
import { getWorkshops } from '$lib/server/workshops/service';
import { normaliseJoinCode } from '$lib/server/workshops/tokens';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const { request } = event;
		const typed = String((await readForm(request)).get('code') ?? '').slice(0, 40);
		const code = normaliseJoinCode(typed);
		if (!code) return fail(400, { code: typed, message: 'A join code has 6 letters and digits, for example 4KX9QM.' });
		if (!(await workshopIdFor(event, await getWorkshops(), code)))
			return fail(404, { code: typed, message: 'No workshop has this code. Check it with your facilitator.' });
		redirect(303, `/w/${code}`);
	}
};
