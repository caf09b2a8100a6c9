/**
 * How an answer reads in exports and comparisons. The N/A labels are the ones the questionnaire shows.
 */
import { NOT_APPLICABLE, type Question } from './schema';

/** Label of the reserved N/A answer on practice and confidence questions. */
export const NOT_APPLICABLE_LABEL = 'Not applicable / don’t know';
/** Label of the reserved N/A answer on (optional) profile questions. */
export const PREFER_NOT_TO_SAY_LABEL = 'Prefer not to say';
/** Label of a question left unanswered. */
export const SKIPPED_LABEL = 'Not answered';

/** The text of an answer to `question`: its option label, the N/A label, or {@link SKIPPED_LABEL}. */
export function answerText(question: Question, optionId: string | undefined): string {
	if (optionId === undefined) return SKIPPED_LABEL;
	if (optionId === NOT_APPLICABLE) return question.kind === 'profile' ? PREFER_NOT_TO_SAY_LABEL : NOT_APPLICABLE_LABEL;
	return question.options.find((o) => o.id === optionId)?.label ?? optionId;
}
