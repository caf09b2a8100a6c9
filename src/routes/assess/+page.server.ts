import { error, fail, redirect } from '@sveltejs/kit';
import { CURRENT_BANK, findBank } from '$scoring/bank';
import { AnswerCodeError, decodeAnswerCode, encodeAnswerCode } from '$scoring/answer-code';
import { AnswersError, validateAnswers } from '$scoring/score';
import { AnswersSchema, type Answers, type QuestionBank } from '$scoring/schema';
import { assessmentSteps, stepIndexFromParam } from '$lib/assess/steps';
import { ANSWER_FIELD_PREFIX } from '$lib/assess/progress';
import { readForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/**
 * The questionnaire. Without JavaScript every step is a server-rendered page and the answers so far travel in the
 * URL as an answer code (`/assess?step=2&code=…`); with JavaScript the page navigates between steps itself and
 * autosaves to localStorage, and only "See results" reaches the action below.
 */
export const load: PageServerLoad = ({ url }) => {
	const code = url.searchParams.get('code');
	let bank: QuestionBank = CURRENT_BANK;
	let answers: Answers = {};
	if (code) {
		try {
			({ bank, answers } = decodeAnswerCode(code));
		} catch (e) {
			if (e instanceof AnswerCodeError) error(400, `${e.message}.`);
			throw e;
		}
	}
	const steps = assessmentSteps(bank);
	return {
		bank: { id: bank.id, version: bank.version, title: bank.title },
		steps,
		step: stepIndexFromParam(url.searchParams.get('step'), steps.length),
		answers,
		code
	};
};

/** Where a button sends the respondent. */
const GOALS = ['next', 'back', 'save', 'results'] as const;
type Goal = (typeof GOALS)[number];

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await readForm(request);
		const bank = findBank(String(form.get('bank') ?? ''), String(form.get('version') ?? ''));
		if (!bank)
			return fail(400, {
				message: 'This questionnaire version is no longer available. Start again to use the current one.'
			});
		const steps = assessmentSteps(bank);
		const step = stepIndexFromParam(String(form.get('step') ?? ''), steps.length);
		const goValue = String(form.get('go') ?? 'next');
		const go: Goal = (GOALS as readonly string[]).includes(goValue) ? (goValue as Goal) : 'next';

		const raw: Record<string, string> = {};
		for (const [name, value] of form) {
			if (!name.startsWith(ANSWER_FIELD_PREFIX)) continue;
			const questionId = name.slice(ANSWER_FIELD_PREFIX.length);
			if (questionId in raw || typeof value !== 'string')
				return fail(400, { message: `The form sent more than one answer for question "${questionId}".` });
			raw[questionId] = value;
		}
		const parsed = AnswersSchema.safeParse(raw);
		if (!parsed.success)
			return fail(400, { message: `The form sent an answer that is not valid: ${parsed.error.issues[0]?.message}.` });
		try {
			validateAnswers(bank, parsed.data);
		} catch (e) {
			if (e instanceof AnswersError) return fail(400, { message: e.message });
			throw e;
		}

		const code = encodeAnswerCode(bank, parsed.data);
		if (go === 'results') redirect(303, `/results/${code}`);
		const next = go === 'next' ? step + 1 : go === 'back' ? step - 1 : step;
		const target = Math.max(0, Math.min(next, steps.length - 1));
		redirect(303, `/assess?step=${target + 1}&code=${encodeURIComponent(code)}`);
	}
};
