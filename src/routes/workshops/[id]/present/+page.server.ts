import { fail, type Cookies } from '@sveltejs/kit';
import { CLOSE_UNCONFIRMED } from '$scoring/present/team-labels';
import { consoleState } from '$lib/server/console';
import { facilitatedWorkshop } from '$lib/server/room';
import { facilitatorToken, httpError, readForm } from '$lib/server/http';
import { WorkshopError } from '$lib/server/workshops/errors';
import { getWorkshops } from '$lib/server/workshops/service';
import type { Actions, PageServerLoad } from './$types';

/**
 * The facilitator's console of a facilitated workshop (a laptop or a phone): the steps (open, reveal, re-vote, next
 * dimension, close after confirming what it does), the timer, the question the audience display shows, the agreed
 * answer with the note and action, what comes next and the most split questions. Facilitator only; the audience
 * display (`../display`) shows the room, and nothing typed here.
 */
export const load: PageServerLoad = async (event) => {
	let service, workshop;
	try {
		({ service, workshop } = await facilitatedWorkshop(event));
	} catch (e) {
		httpError(e);
	}
	const { setHeaders } = event;
	setHeaders({ 'cache-control': 'no-store' });
	return {
		workshop: { id: workshop.id, code: workshop.code, title: workshop.title },
		state: await consoleState(service, workshop.id),
		// The server's clock when the page was made: timers count down on it until the stream sends its own.
		serverTime: Date.now()
	};
};

type Step = 'open' | 'reveal' | 'revote' | 'show' | 'agree' | 'timer' | 'stopTimer' | 'close' | 'reopen';

/** Runs one facilitator step; a refusal comes back as the form's message (and its HTTP status). */
async function run(params: { id: string }, url: URL, cookies: Cookies, request: Request, step: Step) {
	const service = await getWorkshops();
	const token = facilitatorToken(cookies, url, params.id);
	const form = await readForm(request);
	const field = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : undefined;
	};
	try {
		if (step === 'open') await service.openVote(params.id, token, field('item'));
		else if (step === 'reveal') await service.reveal(params.id, token);
		else if (step === 'revote') await service.revote(params.id, token);
		else if (step === 'show') await service.showQuestion(params.id, token, field('questionId'));
		else if (step === 'timer')
			await service.startTimer(params.id, token, {
				seconds: field('seconds'),
				closesVote: field('closesVote') === 'on'
			});
		else if (step === 'stopTimer') await service.stopTimer(params.id, token);
		else if (step === 'close') {
			// Access first, so a stranger learns nothing from the confirmation's refusal.
			await service.getForFacilitator(params.id, token);
			if (field('confirm') !== 'yes') return fail(400, { step, message: CLOSE_UNCONFIRMED });
			await service.closeWorkshop(params.id, token);
		} else if (step === 'reopen') await service.reopenWorkshop(params.id, token);
		else {
			const agreement = await service.agree(params.id, token, {
				questionId: field('questionId'),
				answer: field('answer'),
				note: field('note'),
				action: field('action'),
				actionOwner: field('actionOwner'),
				actionDue: field('actionDue'),
				actionStatus: field('actionStatus')
			});
			return { step, saved: agreement.questionId };
		}
		return { step };
	} catch (e) {
		if (e instanceof WorkshopError) return fail(e.status, { step, message: e.message });
		throw e;
	}
}

export const actions: Actions = {
	open: ({ params, url, cookies, request }) => run(params, url, cookies, request, 'open'),
	reveal: ({ params, url, cookies, request }) => run(params, url, cookies, request, 'reveal'),
	revote: ({ params, url, cookies, request }) => run(params, url, cookies, request, 'revote'),
	show: ({ params, url, cookies, request }) => run(params, url, cookies, request, 'show'),
	agree: ({ params, url, cookies, request }) => run(params, url, cookies, request, 'agree'),
	timer: ({ params, url, cookies, request }) => run(params, url, cookies, request, 'timer'),
	stopTimer: ({ params, url, cookies, request }) => run(params, url, cookies, request, 'stopTimer'),
	close: ({ params, url, cookies, request }) => run(params, url, cookies, request, 'close'),
	reopen: ({ params, url, cookies, request }) => run(params, url, cookies, request, 'reopen')
};
