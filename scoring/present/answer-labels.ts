/**
 * How an answer reads in exports and comparisons. The N/A labels are the ones the questionnaire shows.
 */
import { DONT_KNOW, NOT_APPLICABLE } from '../reserved';
import type { Question } from '../schema';

/** Label of the reserved N/A answer of bank 1.x, which also meant "don't know". */
export const NOT_APPLICABLE_OR_DONT_KNOW_LABEL = 'Not applicable / don’t know';
/** Label of the reserved N/A answer from bank 2.0.0 on: only on a question a gating answer skips. */
export const NOT_APPLICABLE_LABEL = 'Not applicable';
/** Label of the reserved "don't know" answer (bank 2.0.0 on). */
export const DONT_KNOW_LABEL = 'Don’t know';
/** Label of the reserved N/A answer on (optional) profile questions. */
export const PREFER_NOT_TO_SAY_LABEL = 'Prefer not to say';
/** Label of a question left unanswered. */
export const SKIPPED_LABEL = 'Not answered';

/**
 * The text of an answer to `question`: its option label, a reserved answer's label, or {@link SKIPPED_LABEL}.
 * N/A reads "Not applicable" on a question that can be gated (bank 2.0.0), as bank 1.x's combined label otherwise.
 */
export function answerText(question: Question, optionId: string | undefined): string {
	if (optionId === undefined) return SKIPPED_LABEL;
	if (optionId === DONT_KNOW) return DONT_KNOW_LABEL;
	if (optionId === NOT_APPLICABLE)
		return question.kind === 'profile'
			? PREFER_NOT_TO_SAY_LABEL
			: question.skipWhen
				? NOT_APPLICABLE_LABEL
				: NOT_APPLICABLE_OR_DONT_KNOW_LABEL;
	return question.options.find((o) => o.id === optionId)?.label ?? optionId;
}

/** The note under every questionnaire step: what leaving a question unanswered or answering "don't know" does. */
export function unansweredNote(model: 1 | 2): string {
	return model === 1
		? 'You can leave a question unanswered; it lowers your coverage, and the results say how many were skipped.'
		: 'If you do not know an answer, say so: “Don’t know” and unanswered questions count as the weakest answer — they never help — and lower your coverage.';
}

/** Why some questions of a step are not asked: a gating answer skips them, or it is unknown whether they apply. */
export function gatedQuestionsNote(state: 'skipped' | 'unknown', count: number): string {
	const n = count === 1 ? '1 question about AI agents is' : `${count} questions about AI agents are`;
	return state === 'skipped'
		? `${n} not asked: you answered that no AI agents act on your code or infrastructure.`
		: `${n} not asked until you say whether AI agents act on your code or infrastructure; until then they count as their weakest answers, because unknown agents cannot be shown to be guarded.`;
}
