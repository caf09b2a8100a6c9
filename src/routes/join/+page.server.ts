import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http';
import { workshopIdFor } from '$lib/server/participant-access';
import { getWorkshops } from '$lib/server/workshops/service';
import { joinCodeProblem, normaliseJoinCode } from '$lib/server/workshops/tokens';
import { joinCodeMessage, unknownJoinCodeMessage } from '$scoring/present/team-labels';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const { request } = event;
		const typed = String((await readForm(request)).get('code') ?? '').slice(0, 40);
		const code = normaliseJoinCode(typed);
		// A message about what was typed: which character no code has, or how many characters it has.
		const problem = joinCodeProblem(typed);
		if (!code) return fail(400, { code: typed, message: joinCodeMessage(problem ?? { kind: 'empty' }) });
		if (!(await workshopIdFor(event, await getWorkshops(), code)))
			return fail(404, { code: typed, message: unknownJoinCodeMessage(code) });
		redirect(303, `/w/${code}`);
	}
};
