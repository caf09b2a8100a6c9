/**
 * How an answer reads in exports and comparisons. The N/A labels are the ones the questionnaire shows.
 */
import { DONT_KNOW, NOT_APPLICABLE, NOT_TRACKED, VARIES } from '../reserved';
import type { Question } from '../schema';

/** Label of the reserved N/A answer of bank 1.x, which also meant "don't know". */
export const NOT_APPLICABLE_OR_DONT_KNOW_LABEL = 'Not applicable / don’t know';
/** Label of the reserved N/A answer from bank 2.0.0 on: only on a question a gating answer skips. */
export const NOT_APPLICABLE_LABEL = 'Not applicable';
/** Label of the reserved "don't know" answer (bank 2.0.0 on). */
export const DONT_KNOW_LABEL = 'Don’t know';
/** Label of the reserved N/A answer on (optional) profile questions. */
export const PREFER_NOT_TO_SAY_LABEL = 'Prefer not to say';
/** Label of the reserved "varies by team" answer (bank 3.0.0 on, practice questions). */
export const VARIES_LABEL = 'Varies by team';
/** Label of the reserved "we do not track this" answer (bank 3.0.0 on, outcome questions). */
export const NOT_TRACKED_LABEL = 'We do not track this';
/** Label of a question left unanswered. */
export const SKIPPED_LABEL = 'Not answered';

/**
 * The text of an answer to `question`: its option label, a reserved answer's label, or {@link SKIPPED_LABEL}.
 * N/A reads "Not applicable" on a question that can be gated (bank 2.0.0), as bank 1.x's combined label otherwise.
 */
export function answerText(question: Question, optionId: string | undefined): string {
	if (optionId === undefined) return SKIPPED_LABEL;
	if (optionId === DONT_KNOW) return DONT_KNOW_LABEL;
	if (optionId === VARIES) return VARIES_LABEL;
	if (optionId === NOT_TRACKED) return NOT_TRACKED_LABEL;
	if (optionId === NOT_APPLICABLE)
		return question.kind === 'profile'
			? PREFER_NOT_TO_SAY_LABEL
			: question.skipWhen
				? NOT_APPLICABLE_LABEL
				: NOT_APPLICABLE_OR_DONT_KNOW_LABEL;
	return question.options.find((o) => o.id === optionId)?.label ?? optionId;
}

/** The note under every questionnaire step: what leaving a question unanswered or answering "don't know" does. */
export function unansweredNote(model: 1 | 2 | 3): string {
	if (model === 1)
		return 'You can leave a question unanswered; it lowers your coverage, and the results say how many were skipped.';
	if (model === 2)
		return 'If you do not know an answer, say so: “Don’t know” and unanswered questions count as the weakest answer — they never help — and lower your coverage.';
	return 'If you do not know an answer, say so: “Don’t know” and unanswered questions count as the weakest answer and never help. Where teams differ, answer “Varies by team” (it counts as the weakest team’s level); where you do not track an outcome, say that.';
}

/**
 * Said when a link's answers (a re-assessment, "Edit answers") replaced different answers this browser had saved,
 * beside the button that brings them back ({@link REPLACED_ANSWERS_RESTORE}). `savedAt` is already worded for the
 * reader's clock ("6 Dec 2026, 14:02"), or empty.
 */
export function replacedAnswersNote(count: number, savedAt: string): string {
	return `The answers from your link replaced ${count === 1 ? 'the 1 answer' : `the ${count} answers`} this browser had saved${savedAt ? ` on ${savedAt}` : ''}, from an assessment you had not finished or a different result.`;
}
export const REPLACED_ANSWERS_RESTORE = 'Go back to the answers saved before';

/** Why some questions of a step are not asked: a gating answer skips them, or it is unknown whether they apply (bank 2.0.0). */
export function gatedQuestionsNote(state: 'skipped' | 'unknown', count: number): string {
	const n = count === 1 ? '1 question about AI agents is' : `${count} questions about AI agents are`;
	return state === 'skipped'
		? `${n} not asked: you answered that no AI agents act on your code or infrastructure.`
		: `${n} not asked until you say whether AI agents act on your code or infrastructure; until then they count as their weakest answers, because unknown agents cannot be shown to be guarded.`;
}
