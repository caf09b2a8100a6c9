import { fail, redirect } from '@sveltejs/kit';
import { MIN_GROUP_SIZE_DEFAULT } from '$scoring/model/team-stats';
import { TEAM_LABELS } from '$scoring/present/team-labels';
import { signInEnabled } from '$lib/server/auth/config';
import { recordOwner } from '$lib/server/auth/ownership';
import { signedInOrRedirect } from '$lib/server/auth/signed-in';
import { getTemplates } from '$lib/server/templates/service';
import { httpError, readForm, setFacilitatorCookie } from '$lib/server/http';
import { WORKSHOP_CREATION, enforceRateLimit } from '$lib/server/rate-limit';
import { EXPECTED_GROUP_SIZE_DEFAULT, participantCap } from '$lib/server/workshops/dto';
import { getLenses, newestLenses } from '$lib/server/lenses/service';
import { lensPinValue } from '$lib/server/workshops/lenses';
import { WorkshopError } from '$lib/server/workshops/errors';
import { getWorkshops } from '$lib/server/workshops/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	// "Start a workshop from it": the form prefilled with one of this account's templates (another's is a 404).
	const templateId = url.searchParams.get('template');
	let template = null;
	let templates: { id: string; name: string }[] = [];
	if (templateId !== null) {
		const account = signedInOrRedirect(locals, `${url.pathname}${url.search}`);
		try {
			template = await (await getTemplates()).get(account, templateId);
		} catch (e) {
			httpError(e);
		}
	}
	if (signInEnabled() && locals.account) {
		setHeaders({ 'cache-control': 'no-store' });
		templates = (await (await getTemplates()).list(locals.account)).map((t) => ({ id: t.id, name: t.name }));
	}
	return {
		modes: (['self_paced', 'facilitated'] as const).map((id) => ({
			id,
			label: TEAM_LABELS.modes[id],
			hint: TEAM_LABELS.modeHints[id]
		})),
		minGroupSizeDefault: MIN_GROUP_SIZE_DEFAULT,
		expectedGroupSizeDefault: EXPECTED_GROUP_SIZE_DEFAULT,
		// The rule by example, true whatever number is typed: 12 → 15, 60 → 72.
		capExamples: [EXPECTED_GROUP_SIZE_DEFAULT, 60].map((expected) => ({ expected, cap: participantCap(expected) })),
		// The site's lenses the facilitator may pin, the newest version of each (none ticked by default).
		lenses: newestLenses(getLenses()).map((l) => ({ value: lensPinValue(l), title: l.title, version: l.version })),
		template: template && { id: template.id, name: template.name, settings: template.settings },
		templates
	};
};

export const actions: Actions = {
	default: async (event) => {
		enforceRateLimit(event, 'create-workshop', WORKSHOP_CREATION);
		const form = await readForm(event.request);
		const values = {
			title: String(form.get('title') ?? ''),
			mode: String(form.get('mode') ?? '') || undefined,
			organisation: String(form.get('organisation') ?? ''),
			minGroupSize: String(form.get('minGroupSize') ?? '') || undefined,
			expectedGroupSize: String(form.get('expectedGroupSize') ?? '') || undefined,
			lenses: form.getAll('lenses').map(String)
		};
		let created;
		try {
			created = await (await getWorkshops()).createWorkshop(values);
		} catch (e) {
			if (e instanceof WorkshopError) return fail(e.status, { message: e.message, values });
			throw e;
		}
		setFacilitatorCookie(event, created.workshop.id, created.facilitatorToken);
		await recordOwner(event.locals.account, created.workshop.id);
		redirect(303, `/workshops/${created.workshop.id}`);
	}
};
