import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { encodeAnswerCode } from '$scoring/answer-code';
import { findBank } from '$scoring/bank';
import type { Answers, QuestionBank } from '$scoring/schema';
import { score } from '$scoring/score';
import { TIER_LABELS } from '$scoring/tiers';
import { httpError, participantPath, participantToken, readForm, setParticipantCookie } from '$lib/server/http';
import { JOIN_CODE_GUESSES, limitGuessing } from '$lib/server/rate-limit';
import { questionnairePage, readStepForm, stepAddress } from '$lib/server/questionnaire';
import { WorkshopError, getWorkshops, normaliseJoinCode } from '$lib/server/workshops';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The value of the questionnaire's last button here. */
const SUBMIT = 'submit';

async function workshopFor(param: string, event: Pick<RequestEvent, 'getClientAddress' | 'setHeaders'>) {
	const code = normaliseJoinCode(param);
	if (!code) error(404, 'No workshop has this code. Check it with your facilitator.');
	if (code !== param) redirect(308, `/w/${code}`);
	const service = await getWorkshops();
	const workshop = await limitGuessing(event, 'join-code', JOIN_CODE_GUESSES, () => service.findByCode(code));
	if (!workshop) error(404, 'No workshop has this code. Check it with your facilitator.');
	const bank = findBank(workshop.bank, workshop.version);
	if (!bank) error(500, 'This workshop uses a questionnaire version this site no longer has.');
	return { service, workshop, bank };
}

function resultSummary(bank: QuestionBank, answers: Answers) {
	const result = score(bank, answers);
	return { tierLabel: result.tier ? TIER_LABELS[result.tier] : null, code: encodeAnswerCode(bank, answers) };
}

/**
 * A participant's page: the join form, then the shared questionnaire (answers carried in the address as an answer
 * code when JavaScript is off, as on /assess), their own result once submitted and the team result after close.
 */
export const load: PageServerLoad = async (event) => {
	const { params, url, cookies, setHeaders } = event;
	const { service, workshop, bank } = await workshopFor(params.code, event);
	setHeaders({ 'cache-control': 'no-store' });
	const participant = await service.participant(workshop.id, participantToken(cookies, url, workshop.code));
	const answers = participant?.answers ?? null;
	const summary = participant && workshop.status === 'closed' ? await service.summary(workshop.id) : null;
	return {
		workshop: {
			code: workshop.code,
			title: workshop.title,
			organisation: workshop.organisation,
			status: workshop.status
		},
		joined: participant !== null,
		displayName: participant?.displayName ?? null,
		questionnaire: participant ? questionnairePage(url, bank, answers ?? {}, { sameBank: true }) : null,
		submittedAt: participant?.updatedAt?.toISOString() ?? null,
		own: answers ? resultSummary(bank, answers) : null,
		team: summary?.aggregate ? resultSummary(bank, summary.aggregate.consensus) : null,
		teamPending: summary !== null && summary.aggregate === null,
		// A fresh key per page load: a retried submit of the same form is recognised, a new edit is not.
		idempotencyKey: randomUUID()
	};
};

export const actions: Actions = {
	join: async (event) => {
		const { params, request, cookies, url } = event;
		const { service, workshop } = await workshopFor(params.code, event);
		const displayName = String((await readForm(request)).get('displayName') ?? '');
		try {
			const { token } = await service.joinWorkshop(workshop.code, { displayName });
			setParticipantCookie(cookies, url, workshop.code, token);
		} catch (e) {
			if (e instanceof WorkshopError) return fail(e.status, { message: e.message });
			throw e;
		}
		redirect(303, `/w/${workshop.code}`);
	},

	/** The questionnaire form without JavaScript: Back / Next between steps, and Submit on the last one. */
	submit: async (event) => {
		const { params, request, cookies, url } = event;
		const { service, workshop } = await workshopFor(params.code, event);
		const data = await readForm(request);
		const form = readStepForm(data, SUBMIT);
		if ('message' in form) return fail(400, { message: form.message });
		if (form.go !== SUBMIT) redirect(303, stepAddress(participantPath(workshop.code), form));
		try {
			const outcome = await service.submitResponse(workshop.id, participantToken(cookies, url, workshop.code), {
				answers: form.answers,
				idempotencyKey: String(data.get('idempotencyKey') ?? '')
			});
			return { saved: outcome.status };
		} catch (e) {
			if (e instanceof WorkshopError) return fail(e.status, { message: e.message });
			return httpError(e);
		}
	}
};
