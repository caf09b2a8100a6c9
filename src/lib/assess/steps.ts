/**
 * The questionnaire's steps, derived from a question bank: one step per dimension (its use, practice and outcome
 * questions, then its self-rated confidence question) and an optional "About you" step for the profile questions.
 * Every question gets its reserved answers last: "Don't know" (and, bank 3.0.0, "Varies by team" on practice, "We do
 * not track this" on outcomes), "Not applicable / don't know" (bank 1.x), "Prefer not to say" on profile questions. A question a gating answer skips carries its rule, so the page
 * leaves it out. Used by the server; the browser receives the resulting plain data, never the bank's schemas.
 */
import { levelOf, reservedAnswersOf } from '$scoring/answers';
import { DONT_KNOW } from '$scoring/reserved';
import type { QuestionBank, Question, SkipRule } from '$scoring/schema';
import { answerText, unansweredNote } from '$scoring/present/answer-labels';

export interface StepOption {
	id: string;
	label: string;
	/** A reserved answer ("don't know", "varies by team", …): shown apart, after the options. */
	reserved: boolean;
	/** The option's level, 0 = weakest (reserved answers: 0). */
	level: number;
	/** Practices this option needs first: the question and the lowest level that allows it. */
	requires: { question: string; atLeast: string; level: number }[];
	/** Answers elsewhere this option cannot be true beside (bank 3.0.0): asked about before the result. */
	contradicts: { question: string; answers: string[] }[];
}

export interface StepQuestion {
	id: string;
	/** The survey question's kind, or `lens` for a lens question (see `lens-steps.ts`). */
	kind: Question['kind'] | 'lens';
	text: string;
	why: string | null;
	options: StepOption[];
	/** The question is skipped (not asked) when this earlier answer was given. */
	skipWhen: SkipRule | null;
}

export interface AssessStep {
	/** A dimension id, or `about` for the profile step. */
	id: string;
	title: string;
	description: string;
	optional: boolean;
	questions: StepQuestion[];
	/** What "don't know" and unanswered questions do, under the step. */
	note: string;
}

function stepQuestion(bank: QuestionBank, q: Question): StepQuestion {
	const byId = new Map(bank.questions.map((x) => [x.id, x]));
	return {
		id: q.id,
		kind: q.kind,
		text: q.text,
		why: q.why ?? null,
		options: [
			...q.options.map((o) => ({
				id: o.id,
				label: o.label,
				reserved: false,
				level: levelOf(q, o.id),
				requires: (o.requires ?? []).map((r) => ({ ...r, level: levelOf(byId.get(r.question)!, r.atLeast) })),
				contradicts: o.contradicts ?? []
			})),
			...reservedAnswersOf(bank, q).map((id) => ({
				id,
				label: answerText(q, id),
				reserved: true,
				level: 0,
				requires: [],
				contradicts: []
			}))
		],
		skipWhen: q.skipWhen ?? null
	};
}

/**
 * Whether a gated question is asked, on plain step data (mirrors `gateOf` in scoring/answers): `skipped` by the
 * gating answer, `unknown` while the gate is unanswered or "don't know" (not asked; it counts as its weakest
 * answer), else `applies`.
 */
export function stepGate(
	question: StepQuestion,
	answers: Record<string, string | undefined>
): 'applies' | 'skipped' | 'unknown' {
	if (!question.skipWhen) return 'applies';
	const gate = answers[question.skipWhen.question];
	if (gate === undefined || gate === DONT_KNOW) return 'unknown';
	return question.skipWhen.answers.includes(gate) ? 'skipped' : 'applies';
}

/** True when a gated question is not asked (skipped, or its gate unknown). */
export function isStepQuestionSkipped(question: StepQuestion, answers: Record<string, string | undefined>): boolean {
	return stepGate(question, answers) !== 'applies';
}

/** The steps of the questionnaire for `bank`, in the order they are shown. */
export function assessmentSteps(bank: QuestionBank): AssessStep[] {
	const steps: AssessStep[] = bank.dimensions.map((d) => {
		const inDimension = bank.questions.filter((q) => q.dimension === d.id && q.kind !== 'profile');
		// Evidence first, so the self-rating comes after the respondent has looked at it.
		const ordered = [
			...inDimension.filter((q) => q.kind !== 'confidence'),
			...inDimension.filter((q) => q.kind === 'confidence')
		];
		return {
			id: d.id,
			title: d.label,
			description: d.description,
			optional: false,
			questions: ordered.map((q) => stepQuestion(bank, q)),
			note: unansweredNote(bank.model)
		};
	});
	const profile = bank.questions.filter((q) => q.kind === 'profile');
	if (profile.length > 0)
		steps.push({
			id: 'about',
			title: 'About you',
			description:
				'Optional. Lets the result word its summary for your role and say where the survey’s sample differs from you; it never changes your score.',
			optional: true,
			questions: profile.map((q) => stepQuestion(bank, q)),
			note: 'Every question here is optional.'
		});
	return steps;
}

/** The 0-based step index for a `?step=` value (1-based); anything invalid or out of range is clamped. */
export function stepIndexFromParam(param: string | null, stepCount: number): number {
	const n = Number.parseInt(param ?? '', 10);
	if (!Number.isFinite(n) || n < 1) return 0;
	return Math.min(n, stepCount) - 1;
}
