/**
 * The server side of the questionnaire form, shared by `/assess` and a workshop's `/w/<code>`: which step and
 * answers a request shows (answers carried in the address as an answer code when JavaScript is off), and reading a
 * submitted step form. Routes decide what "finish" does (see results, submit to the workshop).
 */
import { error } from '@sveltejs/kit';
import { findBank } from '$scoring/content/banks';
import { AnswerCodeError, decodeAnswerCode, decodeLensAnswers, encodeAnswerCode } from '$scoring/export/answer-code';
import { LensAnswersError, validateLensAnswers, type LensAnswers } from '$scoring/lens/findings';
import type { Lens } from '$scoring/lens/schema';
import { AnswersError, validateAnswers, withoutSkipped } from '$scoring/answers';
import { AnswersSchema, type Answers, type QuestionBank } from '$scoring/schema';
import { assessmentSteps, stepIndexFromParam, type AssessStep } from '$lib/assess/steps';
import { ANSWER_FIELD_PREFIX } from '$lib/assess/progress';
import { reviewOf } from '$lib/assess/review';
import { lensSteps } from '$lib/assess/lens-steps';
import { lensAnswerKey, lensAnswersOf, withLensAnswers } from '$scoring/lens/answer-key';
import type { LensCatalog } from './lenses/service';

/** A lens as the questionnaire names it: the form's `lens` field and the address carry `<id>@<version>`. */
export interface QuestionnaireLens {
	id: string;
	version: string;
	title: string;
	/** The address's `lens` value: the id for the newest version, else `<id>@<version>`. */
	param: string;
}

function questionnaireLens(lens: Lens, catalog: LensCatalog): QuestionnaireLens {
	const newest = catalog.latest(lens.id)?.version === lens.version;
	return {
		id: lens.id,
		version: lens.version,
		title: lens.title,
		param: newest ? lens.id : `${lens.id}@${lens.version}`
	};
}

/** The lens a `lens` value names (`<id>` for the newest version, or `<id>@<version>`), or null. */
function lensNamed(value: string, catalog: LensCatalog): Lens | null {
	const [id = '', version] = value.split('@');
	return version === undefined ? catalog.latest(id) : catalog.find(id, version);
}

/** What the questionnaire component needs to render a step. */
export interface QuestionnairePage {
	bank: { id: string; version: string; title: string };
	steps: AssessStep[];
	/** 0-based. */
	step: number;
	answers: Answers;
	/** The answer code the answers came from (`?code=`), or null. */
	code: string | null;
	/** The lens whose questions follow the survey's (a lens link, `?lens=`, or a code made through one), or null. */
	lens: QuestionnaireLens | null;
}

/**
 * The step (`?step=`, 1-based) and answers (`?code=`) a request asks for. Without a code, `bank` and `answers` are
 * used. `sameBank`: a code must be for `bank` (a workshop's bank), not any bank the site knows. `lens`: the lens
 * asked when neither the code nor the address names one (a workshop's pinned lens; `answers` then carry its
 * answers under `lensAnswerKey` keys).
 * @throws a 400 HttpError when the code is not valid.
 */
export function questionnairePage(
	url: URL,
	bank: QuestionBank,
	answers: Answers = {},
	{
		sameBank = false,
		lenses = null,
		lens: fixed = null
	}: { sameBank?: boolean; lenses?: LensCatalog | null; lens?: Lens | null } = {}
): QuestionnairePage {
	const code = url.searchParams.get('code');
	let lens: Lens | null = fixed;
	if (code) {
		try {
			const decoded = decodeAnswerCode(code);
			if (sameBank && (decoded.bank.id !== bank.id || decoded.bank.version !== bank.version))
				error(400, {
					error: 'invalid',
					message: 'These answers are for another questionnaire version. Start again from the workshop link.'
				});
			({ bank, answers } = decoded);
			if (decoded.lens && lenses) {
				lens = lenses.find(decoded.lens.id, decoded.lens.version);
				if (!lens)
					error(404, {
						error: 'not_found',
						message: `These answers include lens ${decoded.lens.id} version ${decoded.lens.version}, which this site does not have.`
					});
				answers = withLensAnswers(answers, { lens, answers: decodeLensAnswers(lens, decoded.lens) });
			}
		} catch (e) {
			if (e instanceof AnswerCodeError) error(400, { error: 'invalid', message: `${e.message}.` });
			throw e;
		}
	}
	const asked = url.searchParams.get('lens');
	if (!lens && asked !== null && lenses) {
		lens = lensNamed(asked, lenses);
		if (!lens)
			error(404, {
				error: 'not_found',
				message: `There is no lens “${asked.slice(0, 80)}” on this site${lenses.lenses.length ? ` (it offers ${[...new Set(lenses.lenses.map((l) => l.id))].join(', ')})` : ''}.`
			});
	}
	const steps = [...assessmentSteps(bank), ...(lens ? lensSteps(lens) : [])];
	return {
		bank: { id: bank.id, version: bank.version, title: bank.title },
		steps,
		step: stepIndexFromParam(url.searchParams.get('step'), steps.length),
		answers,
		code,
		lens: lens && lenses ? questionnaireLens(lens, lenses) : null
	};
}

/** A step form as submitted: the bank, the step it was sent from, the button pressed and the validated answers. */
export interface StepForm {
	bank: QuestionBank;
	steps: AssessStep[];
	/** 0-based step the form was sent from. */
	step: number;
	/** `next`, `back`, `save`, or the route's finishing value (e.g. `results`, `submit`). */
	go: string;
	answers: Answers;
	/** The lens the form answered too (its `lens` field), with its answers by the lens's question ids; or null. */
	lens: { lens: Lens; answers: LensAnswers } | null;
	/** The respondent has seen the review of unanswered questions and broken prerequisites. */
	reviewed: boolean;
}

const MOVES = ['next', 'back', 'save'];

/**
 * Reads a questionnaire form (`bank`, `version`, `step`, `go`, and one `a.<questionId>` field per answer).
 * `finish` is the value of the route's last-step button. Returns a message instead when the form is not valid.
 */
export function readStepForm(
	form: FormData,
	finish: string,
	{ lenses = null }: { lenses?: LensCatalog | null } = {}
): StepForm | { message: string } {
	const bank = findBank(String(form.get('bank') ?? ''), String(form.get('version') ?? ''));
	if (!bank)
		return { message: 'This questionnaire version is no longer available. Start again to use the current one.' };
	const lensField = form.get('lens');
	const lens = typeof lensField === 'string' && lensField !== '' && lenses ? lensNamed(lensField, lenses) : null;
	if (typeof lensField === 'string' && lensField !== '' && (!lens || !lensField.includes('@')))
		return { message: 'This lens version is no longer available on this site. Start again from the lens link.' };
	const steps = [...assessmentSteps(bank), ...(lens ? lensSteps(lens) : [])];
	const step = stepIndexFromParam(String(form.get('step') ?? ''), steps.length);
	const goValue = String(form.get('go') ?? 'next');
	const go = MOVES.includes(goValue) || goValue === finish ? goValue : 'next';

	// No prototype: a field named `a.__proto__` must be an unknown question, not a silently dropped answer.
	const raw: Record<string, string> = Object.create(null);
	const lensRaw: Record<string, string> = Object.create(null);
	const lensPrefix = lens ? lensAnswerKey(lens.id, '') : null;
	for (const [name, value] of form) {
		if (!name.startsWith(ANSWER_FIELD_PREFIX)) continue;
		const questionId = name.slice(ANSWER_FIELD_PREFIX.length);
		if (Object.hasOwn(raw, questionId) || Object.hasOwn(lensRaw, questionId) || typeof value !== 'string')
			return { message: `The form sent more than one answer for question "${questionId}".` };
		if (lensPrefix && questionId.startsWith(lensPrefix)) lensRaw[questionId] = value;
		else raw[questionId] = value;
	}
	const parsed = AnswersSchema.safeParse(raw);
	if (!parsed.success)
		return { message: `The form sent an answer that is not valid: ${parsed.error.issues[0]?.message}.` };
	let lensAnswers: LensAnswers | null = null;
	try {
		validateAnswers(bank, parsed.data);
		if (lens) {
			lensAnswers = lensAnswersOf(lens, lensRaw);
			validateLensAnswers(lens, lensAnswers);
		}
	} catch (e) {
		if (e instanceof AnswersError || e instanceof LensAnswersError) return { message: e.message };
		throw e;
	}
	// An answer to a question a gating answer skips is ignored: it is not kept in the code or the submission.
	return {
		bank,
		steps,
		step,
		go,
		answers: withoutSkipped(bank, parsed.data),
		lens: lens && lensAnswers ? { lens, answers: lensAnswers } : null,
		reviewed: form.get('reviewed') === '1'
	};
}

/**
 * Where a `next` / `back` / `save` press leads without JavaScript: `path` at the target step, the answers so far
 * carried as an answer code.
 */
export function stepAddress(path: string, form: StepForm): string {
	const next = form.go === 'next' ? form.step + 1 : form.go === 'back' ? form.step - 1 : form.step;
	const target = Math.max(0, Math.min(next, form.steps.length - 1));
	return `${path}?step=${target + 1}&code=${encodeURIComponent(encodeAnswerCode(form.bank, form.answers, form.lens))}`;
}

/**
 * Where a finish without JavaScript goes first when the answers leave something to review (unanswered questions,
 * broken prerequisites, contradictions) and the review has not been seen: the last step with the review on top
 * (`?review=1`). Null when there is nothing to review or it was reviewed ("… anyway").
 */
export function reviewAddress(path: string, form: StepForm): string | null {
	if (form.reviewed) return null;
	const review = reviewOf(form.steps, withLensAnswers(form.answers, form.lens));
	if (review.unanswered.length + review.breaks.length + review.contradictions.length === 0) return null;
	return `${path}?step=${form.steps.length}&review=1&code=${encodeURIComponent(encodeAnswerCode(form.bank, form.answers, form.lens))}`;
}
