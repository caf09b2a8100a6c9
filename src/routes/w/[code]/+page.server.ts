import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { splitLensAnswers, withLensAnswers } from '$scoring/lens/answer-key';
import type { Lens } from '$scoring/lens/schema';
import { findBank } from '$scoring/content/banks';
import { leftOutLine } from '$scoring/present/team';
import type { Answers, QuestionBank } from '$scoring/schema';
import { score } from '$scoring/model';
import { TIER_LABELS } from '$scoring/present/labels';
import {
	facilitatorToken,
	httpError,
	participantPath,
	participantToken,
	readForm,
	setParticipantCookie
} from '$lib/server/http';
import { workshopIdFor } from '$lib/server/participant-access';
import { JOINS, enforceRateLimit } from '$lib/server/rate-limit';
import { questionnairePage, readStepForm, reviewAddress, stepAddress } from '$lib/server/questionnaire';
import { roomOf } from '$lib/server/room';
import { assessmentSteps } from '$lib/assess/steps';
import { SubmissionSchema } from '$lib/server/workshops/dto';
import { WorkshopError } from '$lib/server/workshops/errors';
import { getWorkshops } from '$lib/server/workshops/service';
import { lensPinValue, pinnedLenses } from '$lib/server/workshops/lenses';
import { lensSteps } from '$lib/assess/lens-steps';
import { getLenses, lensCatalog } from '$lib/server/lenses/service';
import { joinCodeProblem, normaliseJoinCode } from '$lib/server/workshops/tokens';
import { joinCodeMessage, unknownJoinCodeMessage } from '$scoring/present/team-labels';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The value of the questionnaire's last button here. */
const SUBMIT = 'submit';
async function workshopFor(param: string, event: RequestEvent) {
	const code = normaliseJoinCode(param);
	if (!code) error(404, { error: 'not_found', message: joinCodeMessage(joinCodeProblem(param) ?? { kind: 'empty' }) });
	if (code !== param) redirect(308, `/w/${code}`);
	const service = await getWorkshops();
	const id = await workshopIdFor(event, service, code);
	const workshop = id ? await service.findByCode(code) : null;
	if (!workshop) error(404, { error: 'not_found', message: unknownJoinCodeMessage(code) });
	const bank = findBank(workshop.bank, workshop.version);
	if (!bank)
		error(500, {
			error: 'server_error',
			message: 'This workshop uses a questionnaire version this site no longer has.'
		});
	const facilitating = await service.isFacilitator(
		workshop.id,
		facilitatorToken(event.cookies, event.url, workshop.id)
	);
	// Only the workshop's pinned lenses (that this site has): a code or address naming another is refused.
	const lenses = lensCatalog(pinnedLenses(workshop.lenses, getLenses()));
	return { service, workshop, bank, facilitating, lenses };
}

/** A tier and a result link from answers that may carry a lens's answers beside the survey's (its own section). */
function resultSummary(bank: QuestionBank, answers: Answers, lenses: readonly Lens[] = []) {
	const { survey, lenses: given } = splitLensAnswers(answers);
	const lens = lenses.find((l) => given.has(l.id));
	const result = score(bank, survey);
	return {
		tierLabel: result.tier ? TIER_LABELS[result.tier] : null,
		code: encodeAnswerCode(bank, survey, lens ? { lens, answers: given.get(lens.id)! } : null)
	};
}

/**
 * A participant's page: the join form, then the shared questionnaire (answers carried in the address as an answer
 * code when JavaScript is off, as on /assess), their own result once submitted and the team result after close.
 * The facilitator's own browser gets neither form: it cannot take part.
 */
export const load: PageServerLoad = async (event) => {
	const { url, cookies, setHeaders } = event;
	const { service, workshop, bank, facilitating, lenses } = await workshopFor(event.params.code, event);
	setHeaders({ 'cache-control': 'no-store' });
	const participant = facilitating
		? null
		: await service.participant(workshop.id, participantToken(cookies, url, workshop.code));
	const answers = participant?.answers ?? null;
	const facilitated = workshop.mode === 'facilitated';
	const summary =
		participant && (workshop.status === 'closed' || facilitated) ? await service.summary(workshop.id) : null;
	return {
		workshop: {
			code: workshop.code,
			title: workshop.title,
			organisation: workshop.organisation,
			status: workshop.status,
			minGroupSize: workshop.minGroupSize,
			mode: workshop.mode
		},
		// A facilitated workshop: the room the phone follows, the steps it votes on (the dimensions, then each pinned
		// lens's sections, with the items' ids), the stored answers.
		room: participant && summary && facilitated ? roomOf(summary) : null,
		vote:
			participant && facilitated
				? {
						bank: { id: bank.id, version: bank.version },
						steps: [...assessmentSteps(bank).filter((s) => s.id !== 'about'), ...lenses.lenses.flatMap(lensSteps)],
						// Without JavaScript the vote form names the lens its lens answers are for (one per workshop).
						lens: lenses.lenses[0] ? lensPinValue(lenses.lenses[0]) : null,
						answers: answers ?? {},
						votedSeq: participant.votedSeq ?? null
					}
				: null,
		facilitating,
		facilitatorWorkshop: facilitating ? workshop.id : null,
		joined: participant !== null,
		displayName: participant?.displayName ?? null,
		// A pinned lens's questions follow the survey's (the stored answers carry them under their lens keys).
		questionnaire:
			participant && !facilitated
				? questionnairePage(url, bank, answers ?? {}, { sameBank: true, lenses, lens: lenses.lenses[0] ?? null })
				: null,
		// The workshop pinned a lens version this site no longer has: its questions are not asked.
		lensesMissing: workshop.lenses.length > lenses.lenses.length,
		// Without JavaScript, Submit with something left to review comes back here with the review first (as on /assess).
		reviewing: url.searchParams.get('review') === '1',
		submittedAt: participant?.updatedAt?.toISOString() ?? null,
		own: answers ? resultSummary(bank, answers, lenses.lenses) : null,
		team: summary?.stats && workshop.status === 'closed' ? resultSummary(bank, summary.stats.teamAnswers) : null,
		// Closed with a team result that this participant's latest answers came too late for (release.ts, rule 3).
		leftOut:
			summary?.stats && workshop.status === 'closed' && !facilitated && participant?.pending
				? leftOutLine(workshop.minGroupSize, participant.released)
				: null,
		teamPending: summary !== null && workshop.status === 'closed' && summary.stats === null,
		// A fresh key per page load: a retried submit of the same form is recognised, a new edit is not.
		idempotencyKey: randomUUID(),
		// The server's clock when the page was made: a facilitated room's timer counts down on it.
		serverTime: Date.now()
	};
};

export const actions: Actions = {
	join: async (event) => {
		const { request, cookies, url } = event;
		const { service, workshop } = await workshopFor(event.params.code, event);
		enforceRateLimit(event, 'join', JOINS);
		const displayName = String((await readForm(request)).get('displayName') ?? '');
		try {
			const { token } = await service.joinWorkshop(
				workshop.code,
				{ displayName },
				{ facilitatorToken: facilitatorToken(cookies, url, workshop.id) }
			);
			setParticipantCookie(event, workshop.code, token);
		} catch (e) {
			if (e instanceof WorkshopError) return fail(e.status, { message: e.message });
			throw e;
		}
		redirect(303, `/w/${workshop.code}`);
	},

	/** The questionnaire form without JavaScript: Back / Next between steps, and Submit on the last one. */
	submit: async (event) => {
		const { request, cookies, url } = event;
		const { service, workshop, lenses } = await workshopFor(event.params.code, event);
		const data = await readForm(request);
		const form = readStepForm(data, SUBMIT, { lenses });
		if ('message' in form) return fail(400, { message: form.message });
		if (form.go !== SUBMIT) redirect(303, stepAddress(participantPath(workshop.code), form));
		// The review comes first only for a self-paced questionnaire (a facilitated vote asks one dimension or lens
		// section at a time, so the rest is unanswered by design) and only for a submission the service would
		// otherwise take: from this workshop's participant, with a well-formed key. Anything else is refused below,
		// as before, with its own message.
		const review = workshop.mode === 'self_paced' ? reviewAddress(participantPath(workshop.code), form) : null;
		if (
			review &&
			SubmissionSchema.safeParse({ answers: form.answers, idempotencyKey: String(data.get('idempotencyKey') ?? '') })
				.success &&
			(await service.participant(workshop.id, participantToken(cookies, url, workshop.code)))
		)
			redirect(303, review);
		try {
			const outcome = await service.submitResponse(
				workshop.id,
				participantToken(cookies, url, workshop.code),
				{ answers: withLensAnswers(form.answers, form.lens), idempotencyKey: String(data.get('idempotencyKey') ?? '') },
				{ facilitatorToken: facilitatorToken(cookies, url, workshop.id) }
			);
			return { saved: outcome.status };
		} catch (e) {
			if (e instanceof WorkshopError) return fail(e.status, { message: e.message });
			return httpError(e);
		}
	}
};
