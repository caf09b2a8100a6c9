import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { encodeAnswerCode } from '$scoring/answer-code';
import { NOT_APPLICABLE_LABEL, PREFER_NOT_TO_SAY_LABEL } from '$scoring/answer-labels';
import { findBank } from '$scoring/bank';
import { NOT_APPLICABLE, type Answers, type QuestionBank } from '$scoring/schema';
import { score } from '$scoring/score';
import { TIER_LABELS } from '$scoring/tiers';
import { httpError, participantToken, readForm, setParticipantCookie } from '$lib/server/http';
import { WorkshopError, getWorkshops, normaliseJoinCode } from '$lib/server/workshops';
import { JOIN_CODE_GUESSES, limitGuessing } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Form fields carrying an answer are named `a.<questionId>`. */
const ANSWER_PREFIX = 'a.';

/** The questionnaire as sections: one per dimension (practice then confidence), then the optional profile. */
function sections(bank: QuestionBank) {
	const toQuestion = (q: QuestionBank['questions'][number]) => ({
		id: q.id,
		text: q.text,
		why: q.why ?? null,
		options: [
			...q.options.map((o) => ({ id: o.id, label: o.label })),
			{ id: NOT_APPLICABLE, label: q.kind === 'profile' ? PREFER_NOT_TO_SAY_LABEL : NOT_APPLICABLE_LABEL }
		]
	});
	return [
		...bank.dimensions.map((d) => ({
			id: d.id,
			title: d.label,
			description: d.description,
			optional: false,
			questions: bank.questions.filter((q) => q.dimension === d.id).map(toQuestion)
		})),
		{
			id: 'profile',
			title: 'About you',
			description: 'Optional; never scored.',
			optional: true,
			questions: bank.questions.filter((q) => q.kind === 'profile').map(toQuestion)
		}
	].filter((s) => s.questions.length > 0);
}

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

export const load: PageServerLoad = async (event) => {
	const { params, cookies, setHeaders, url } = event;
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
		sections: participant ? sections(bank) : [],
		submitted: answers,
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

	submit: async (event) => {
		const { params, request, cookies, url } = event;
		const { service, workshop } = await workshopFor(params.code, event);
		const form = await readForm(request);
		// No prototype: a field named `a.__proto__` must be an unknown question, not a silently dropped answer.
		const answers: Record<string, string> = Object.create(null);
		for (const [name, value] of form) {
			if (!name.startsWith(ANSWER_PREFIX)) continue;
			const questionId = name.slice(ANSWER_PREFIX.length);
			if (Object.hasOwn(answers, questionId) || typeof value !== 'string')
				return fail(400, { message: `The form sent more than one answer for question "${questionId}".` });
			answers[questionId] = value;
		}
		try {
			const outcome = await service.submitResponse(workshop.id, participantToken(cookies, url, workshop.code), {
				answers,
				idempotencyKey: String(form.get('idempotencyKey') ?? '')
			});
			return { saved: outcome.status };
		} catch (e) {
			if (e instanceof WorkshopError) return fail(e.status, { message: e.message });
			return httpError(e);
		}
	}
};
