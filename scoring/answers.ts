/**
 * Answers against a bank: what is accepted (and the one-line error when not), which questions apply, and how an
 * answer reads as a score and as a level. Used by model 3.0 and every surface (the frozen models keep their own copy).
 */
// The reserved answers from their dependency-free module: the browser's questionnaire uses these helpers, and
// importing them through './schema' would ship zod to every page.
import { DONT_KNOW, NOT_APPLICABLE, NOT_TRACKED, RESERVED_ANSWERS, VARIES } from './reserved';
import type { Answers, Question, QuestionBank } from './schema';
import { AnswersError } from './answers-error';

export { AnswersError };

/** Rounds to one decimal, the resolution of every reported score. */
export function round1(value: number): number {
	return Math.round(value * 10) / 10;
}

/**
 * The reserved answers a question accepts in its bank's model. Bank 1.x: N/A everywhere. Profile questions: N/A is
 * "prefer not to say". Bank 2.0.0: "don't know" everywhere, N/A where a gate can skip the question. Bank 3.0.0:
 * "don't know" on every scored and confidence question, "varies by team" on practice, "we do not track this" on
 * outcomes (not on the root-cause question).
 */
export function reservedAnswersOf(bank: QuestionBank, question: Question): string[] {
	if (bank.model === 1 || question.kind === 'profile') return [NOT_APPLICABLE];
	if (bank.model === 2) return question.skipWhen ? [DONT_KNOW, NOT_APPLICABLE] : [DONT_KNOW];
	if (question.kind === 'practice') return [DONT_KNOW, VARIES];
	if (question.kind === 'outcome' && !question.rootCause) return [DONT_KNOW, NOT_TRACKED];
	return [DONT_KNOW];
}

/**
 * Whether a gated question applies (bank 2.0.0): `skipped` when the gating answer makes it not apply ("no AI
 * agents" skips the agent questions); `unknown` when the gate is answered "don't know" or not at all — whether it
 * applies cannot be told, so the question counts as its weakest answer whatever it was answered (nothing unknown
 * ever helps); `applies` otherwise, and for every question without a gate.
 */
export function gateOf(question: Question, answers: Answers): 'applies' | 'skipped' | 'unknown' {
	if (!question.skipWhen) return 'applies';
	const gate = Object.hasOwn(answers, question.skipWhen.question) ? answers[question.skipWhen.question] : undefined;
	if (gate === undefined || gate === DONT_KNOW) return 'unknown';
	return question.skipWhen.answers.includes(gate) ? 'skipped' : 'applies';
}

/** True when a gating answer makes the question not apply. */
export function isSkipped(question: Question, answers: Answers): boolean {
	return gateOf(question, answers) === 'skipped';
}

/**
 * Checks that every answer names a question of the bank and one of its options or an accepted reserved answer.
 * An answer to a question a gating answer skips is ignored, however it is answered (if it names a real option).
 * @throws AnswersError naming the first offending question or option.
 */
export function validateAnswers(bank: QuestionBank, answers: unknown): asserts answers is Answers {
	if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
		throw new AnswersError('answers must be an object mapping question ids to option ids', 'not_an_object');
	const questions = new Map(bank.questions.map((q) => [q.id, q]));
	const given = answers as Record<string, unknown>;
	for (const [questionId, optionId] of Object.entries(given)) {
		const question = questions.get(questionId);
		if (!question)
			throw new AnswersError(
				`unknown question "${questionId}" in bank ${bank.id} ${bank.version}`,
				'unknown_question',
				questionId
			);
		if (typeof optionId !== 'string')
			throw new AnswersError(
				`the answer to "${questionId}" must be an option id, not ${JSON.stringify(optionId)}`,
				'not_an_option',
				questionId
			);
		if (question.options.some((o) => o.id === optionId)) continue;
		const accepted = reservedAnswersOf(bank, question);
		const skipped = isSkipped(question, given as Answers);
		if (gateOf(question, given as Answers) === 'unknown' && optionId === DONT_KNOW) continue;
		if (RESERVED_ANSWERS.includes(optionId)) {
			if (
				accepted.includes(optionId) &&
				(optionId !== NOT_APPLICABLE || bank.model === 1 || question.kind === 'profile' || skipped)
			)
				continue;
			if (skipped) continue;
			const gate = question.skipWhen;
			throw new AnswersError(
				optionId === NOT_APPLICABLE && gate
					? `"na" (not applicable) is not accepted for "${questionId}": it applies unless "${gate.question}" is ${gate.answers.join(' or ')}`
					: `"${optionId}" is not accepted for ${question.kind} question "${questionId}" (expected one of ${[...question.options.map((o) => o.id), ...accepted].join(', ')})`,
				'reserved_not_accepted',
				questionId
			);
		}
		throw new AnswersError(
			`"${optionId}" is not an option of question "${questionId}" (expected one of ${[
				...question.options.map((o) => o.id),
				...accepted
			].join(', ')})`,
			'not_an_option',
			questionId
		);
	}
}

/** An answer as given: a missing key reads as undefined (skipped). */
export function answerOf(answers: Answers, questionId: string): string | undefined {
	return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** The distinct option scores of a question, lowest first: level k is the k-th of them. */
export function levelsOf(question: Question): number[] {
	return [...new Set(question.options.map((o) => o.score))].sort((a, b) => a - b);
}

/** The level (0 = weakest) of an option; "don't know", N/A and skipped read as level 0. */
export function levelOf(question: Question, optionId: string | undefined): number {
	const option = question.options.find((o) => o.id === optionId);
	return option ? levelsOf(question).indexOf(option.score) : 0;
}

/**
 * The answers without those to gated questions that are not asked (the gate skips them, or is unknown): what a
 * result code or a submission keeps. Scoring would ignore them anyway.
 */
export function withoutSkipped(bank: QuestionBank, answers: Answers): Answers {
	const kept: Answers = {};
	for (const q of bank.questions) {
		const value = answerOf(answers, q.id);
		if (value !== undefined && gateOf(q, answers) === 'applies') kept[q.id] = value;
	}
	return kept;
}
