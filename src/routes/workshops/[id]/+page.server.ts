import { fail, redirect } from '@sveltejs/kit';
import { CLOSE_UNCONFIRMED, followUpLine } from '$scoring/present/team-labels';
import { recordOwner } from '$lib/server/auth/ownership';
import { dashboardStateOf } from '$lib/server/dashboard';
import {
	REMEMBERED_WORKSHOPS,
	facilitatorToken,
	httpError,
	joinLink,
	readForm,
	setFacilitatorCookie
} from '$lib/server/http';
import { WORKSHOP_CREATION, enforceRateLimit } from '$lib/server/rate-limit';
import { WorkshopError } from '$lib/server/workshops/errors';
import { getPortfolios } from '$lib/server/portfolio/service';
import { getWorkshops } from '$lib/server/workshops/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, url, cookies, setHeaders, locals } = event;
	const service = await getWorkshops();
	// The private link carries the token once: add it to the HttpOnly cookie and drop it from the address bar. (A
	// valid link that arrived from another site, without the cookie, was answered by `privateLinkReload` in
	// hooks.server.ts with a page that reloads it from here.)
	const key = url.searchParams.get('key');
	if (key !== null) {
		try {
			await service.getForFacilitator(params.id, key);
		} catch (e) {
			httpError(e);
		}
		setFacilitatorCookie(event, params.id, key);
		redirect(303, `/workshops/${params.id}`);
	}
	const token = facilitatorToken(cookies, url, params.id);
	let workshop;
	try {
		workshop = await service.getForFacilitator(params.id, token);
	} catch (e) {
		httpError(e);
	}
	setHeaders({ 'cache-control': 'no-store' });
	const { joinUrl, qr } = await joinLink(url.origin, workshop.code);
	const followUp = await service.followUpPlan(workshop.id, token);
	// A signed-in facilitator sees the team result beside their own client portfolio, once it has figures (5+).
	const portfolio = locals.account ? await (await getPortfolios()).view(locals.account.accountId) : null;
	return {
		workshop: { id: workshop.id, code: workshop.code, title: workshop.title, organisation: workshop.organisation },
		joinUrl,
		joinPage: `${url.origin}/join`,
		qr,
		facilitatorLink: `${url.origin}/workshops/${workshop.id}?key=${token}`,
		remembered: REMEMBERED_WORKSHOPS,
		// Without an account the link (and this browser's cookie) is the only way back: the page says to save it.
		linkIsTheWayBack: !locals.account,
		state: await dashboardStateOf(service, workshop.id),
		followUp: followUpLine(followUp.open, followUp.notCarried),
		portfolio: portfolio?.figures ? { line: portfolio.line, figures: portfolio.figures } : null
	};
};

async function setStatus(
	params: { id: string },
	url: URL,
	cookies: Parameters<Actions[string]>[0]['cookies'],
	request: Request,
	to: 'open' | 'closed'
) {
	const service = await getWorkshops();
	const token = facilitatorToken(cookies, url, params.id);
	try {
		// Closing needs the confirmation the close form sends (after saying what the close does); access first.
		if (to === 'closed') {
			await service.getForFacilitator(params.id, token);
			if ((await readForm(request)).get('confirm') !== 'yes') return fail(400, { message: CLOSE_UNCONFIRMED });
		}
		const workshop =
			to === 'closed' ? await service.closeWorkshop(params.id, token) : await service.reopenWorkshop(params.id, token);
		return { status: workshop.status };
	} catch (e) {
		if (e instanceof WorkshopError) return fail(e.status, { message: e.message });
		throw e;
	}
}

export const actions: Actions = {
	close: ({ params, url, cookies, request }) => setStatus(params, url, cookies, request, 'closed'),
	reopen: ({ params, url, cookies, request }) => setStatus(params, url, cookies, request, 'open'),
	/** "New session from this one": the follow-up workshop, in this browser's facilitator cookie; opens its dashboard. */
	followUp: async (event) => {
		const { params, url, cookies } = event;
		enforceRateLimit(event, 'create-workshop', WORKSHOP_CREATION);
		let created;
		try {
			created = await (await getWorkshops()).createFollowUp(params.id, facilitatorToken(cookies, url, params.id));
		} catch (e) {
			if (e instanceof WorkshopError) return fail(e.status, { message: e.message });
			throw e;
		}
		setFacilitatorCookie(event, created.workshop.id, created.facilitatorToken);
		await recordOwner(event.locals.account, created.workshop.id);
		redirect(303, `/workshops/${created.workshop.id}`);
	}
};
