/**
 * A lens's findings from its answers: per question, the answer, the option it counts as, the risk a rule marks it
 * with and the next step. "Don't know" and an unanswered question count as the question's weakest option, so they
 * never help; "not applicable" counts only where the lens offers it and its condition holds, else it too counts as
 * the weakest option. Nothing here reads or changes the survey result: a lens never moves the group.
 */
import { LENS_DONT_KNOW, LENS_NOT_APPLICABLE } from './check';
import type { Lens, LensQuestion, LensRisk } from './schema';

/** Answers to a lens's questions, keyed by the lens's own question ids: an option id, `dk` or `na`. */
export type LensAnswers = Record<string, string>;

/** Why a set of lens answers was refused (a hand-made answer code or form). */
export class LensAnswersError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LensAnswersError';
	}
}

/** The questions of a lens in order, each with its section's id. */
export function lensQuestions(lens: Lens): { question: LensQuestion; sectionId: string }[] {
	return lens.sections.flatMap((s) => s.questions.map((question) => ({ question, sectionId: s.id })));
}

/** The answers a question takes besides its options: "don't know" unless the lens turns it off, and its N/A. */
export function reservedLensAnswers(question: LensQuestion): string[] {
	return [
		...(question.dontKnow === false ? [] : [LENS_DONT_KNOW]),
		...(question.notApplicable ? [LENS_NOT_APPLICABLE] : [])
	];
}

/** Throws {@link LensAnswersError} for an answer to a question the lens lacks, or that its question does not take. */
export function validateLensAnswers(lens: Lens, answers: LensAnswers): void {
	const questions = new Map(lensQuestions(lens).map((q) => [q.question.id, q.question]));
	for (const [questionId, answer] of Object.entries(answers)) {
		const question = questions.get(questionId);
		if (!question) throw new LensAnswersError(`unknown question "${questionId}" in lens ${lens.id} ${lens.version}`);
		const accepted = [...question.options.map((o) => o.id), ...reservedLensAnswers(question)];
		if (!accepted.includes(answer))
			throw new LensAnswersError(
				`"${answer}" is not an answer to question "${questionId}" of lens ${lens.id} (expected one of ${accepted.join(', ')})`
			);
	}
}

export interface LensFinding {
	questionId: string;
	sectionId: string;
	/** What was answered: an option id, `dk`, `na`, or null when unanswered. */
	given: string | null;
	status: 'answered' | 'dont_know' | 'not_applicable' | 'unanswered';
	/** "Not applicable" was answered where its condition does not hold, so it counts as the weakest option. */
	notApplicableRefused: boolean;
	/** The option the answer counts as (the weakest for "don't know", unanswered and a refused N/A); null for N/A. */
	countedAs: string | null;
	/** That option's level. */
	level: number | null;
	risk: LensRisk | null;
	/** The risk rule's reason. */
	because: string | null;
	nextStep: { title: string; action: string } | null;
}

export interface LensResult {
	lens: { id: string; version: string };
	/** One per question, in lens order. */
	findings: LensFinding[];
	/** Question ids with a high-risk finding, lens order. */
	high: string[];
	medium: string[];
}

/** The weakest option of a question: its lowest level, the first listed on a tie. */
function weakest(question: LensQuestion) {
	return question.options.reduce((a, b) => (b.level < a.level ? b : a));
}

/** The findings of `answers` (validated with {@link validateLensAnswers} first; unknown keys are ignored here). */
export function lensFindings(lens: Lens, answers: LensAnswers): LensResult {
	const given = (id: string) => (Object.hasOwn(answers, id) ? answers[id]! : null);
	const findings = lensQuestions(lens).map(({ question, sectionId }): LensFinding => {
		const answer = given(question.id);
		const condition = question.notApplicable?.onlyIf;
		const notApplicable =
			answer === LENS_NOT_APPLICABLE &&
			question.notApplicable !== undefined &&
			(!condition || condition.answers.includes(given(condition.question) ?? ''));
		const option = question.options.find((o) => o.id === answer);
		const counted = notApplicable ? null : (option ?? weakest(question));
		const rule = counted
			? lens.risks.find((r) => r.question === question.id && r.answers.includes(counted.id))
			: undefined;
		const step = counted
			? lens.nextSteps.find((s) => s.question === question.id && s.answers.includes(counted.id))
			: undefined;
		return {
			questionId: question.id,
			sectionId,
			given: answer,
			status:
				answer === null
					? 'unanswered'
					: answer === LENS_DONT_KNOW
						? 'dont_know'
						: answer === LENS_NOT_APPLICABLE
							? 'not_applicable'
							: 'answered',
			notApplicableRefused: answer === LENS_NOT_APPLICABLE && !notApplicable,
			countedAs: counted?.id ?? null,
			level: counted?.level ?? null,
			risk: rule?.risk ?? null,
			because: rule?.because ?? null,
			nextStep: step ? { title: step.title, action: step.action } : null
		};
	});
	return {
		lens: { id: lens.id, version: lens.version },
		findings,
		high: findings.filter((f) => f.risk === 'high').map((f) => f.questionId),
		medium: findings.filter((f) => f.risk === 'medium').map((f) => f.questionId)
	};
}
