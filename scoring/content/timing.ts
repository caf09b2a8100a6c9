/**
 * How long the questionnaire takes, estimated from its text (no user study backs it): reading the question and its
 * options at {@link READING_WPM} words a minute, plus {@link DECISION_SECONDS} to choose; "why we ask" lines are
 * optional reading and not counted. Gated questions count only when asked.
 */
import { isSkipped } from '../answers';
import type { Answers, QuestionBank } from '../schema';

/** Words a minute of an experienced reader skimming short option labels. */
export const READING_WPM = 250;
/** Seconds to choose an option once read. */
export const DECISION_SECONDS = 4;

/** Estimated minutes for the questions asked given `answers` (e.g. `{ ai_agents: 'none' }`), one decimal. */
export function estimatedMinutes(bank: QuestionBank, answers: Answers = {}): number {
	let seconds = 0;
	for (const q of bank.questions) {
		if (isSkipped(q, answers)) continue;
		const words = [q.text, ...q.options.map((o) => o.label)].join(' ').split(/\s+/).length;
		seconds += (words / READING_WPM) * 60 + DECISION_SECONDS;
	}
	return Math.round((seconds / 60) * 10) / 10;
}

/** Question count and estimated minutes without and with AI agents (the gate that skips four questions). */
export function questionnaireMinutes(bank: QuestionBank): {
	questions: { min: number; max: number };
	minutes: { min: number; max: number };
} {
	const gated = bank.questions.filter((q) => q.skipWhen);
	const skipAll = Object.fromEntries(gated.map((q) => [q.skipWhen!.question, q.skipWhen!.answers[0]!]));
	return {
		questions: { min: bank.questions.length - gated.length, max: bank.questions.length },
		minutes: { min: estimatedMinutes(bank, skipAll), max: estimatedMinutes(bank, {}) }
	};
}
