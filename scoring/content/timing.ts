/**
 * How long the questionnaire takes, estimated from its text (no user study backs it): reading every question, its
 * options and the reserved answers it offers ("Don't know", "Varies by team", …) at {@link READING_WPM} words a
 * minute, plus {@link DECISION_SECONDS} to choose. "Why we ask" is folded away and optional reading: not counted.
 * Gated questions (bank 2.0.0) count only when asked; bank 3.0.0 asks every question of everyone.
 */
import { isSkipped, reservedAnswersOf } from '../answers';
import { answerText } from '../present/answer-labels';
import type { Answers, QuestionBank } from '../schema';

/** Words a minute of a careful reader. */
export const READING_WPM = 200;
/** Seconds to choose an option once read. */
export const DECISION_SECONDS = 4;

const words = (text: string) => text.trim().split(/\s+/).length;

/** Estimated minutes for the questions asked given `answers` (e.g. `{ ai_agents: 'none' }`), one decimal. */
export function estimatedMinutes(bank: QuestionBank, answers: Answers = {}): number {
	let seconds = 0;
	for (const q of bank.questions) {
		if (isSkipped(q, answers)) continue;
		const shown = [
			q.text,
			...q.options.map((o) => o.label),
			...reservedAnswersOf(bank, q).map((r) => answerText(q, r))
		];
		seconds += (words(shown.join(' ')) / READING_WPM) * 60 + DECISION_SECONDS;
	}
	return Math.round((seconds / 60) * 10) / 10;
}

/** The question count and estimated minutes, one of each: what every surface says of the questionnaire. */
export function questionnaireLength(bank: QuestionBank): { questions: number; optional: number; minutes: number } {
	return {
		questions: bank.questions.length,
		optional: bank.questions.filter((q) => q.kind === 'profile').length,
		minutes: Math.ceil(estimatedMinutes(bank))
	};
}
