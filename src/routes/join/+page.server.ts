import { fail, redirect } from '@sveltejs/kit';
import { getWorkshops, normaliseJoinCode } from '$lib/server/workshops';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request }) => {
		const typed = String((await request.formData()).get('code') ?? '').slice(0, 40);
		const code = normaliseJoinCode(typed);
		if (!code) return fail(400, { code: typed, message: 'A join code has 6 letters and digits, for example 4KX9QM.' });
		const workshop = await (await getWorkshops()).findByCode(code);
		if (!workshop)
			return fail(404, { code: typed, message: 'No workshop has this code. Check it with your facilitator.' });
		redirect(303, `/w/${workshop.code}`);
	}
};
