/**
 * Where a lens's answers sit among a questionnaire's or a workshop response's answers: keyed
 * `<lens id>:<question id>` ({@link lensAnswerKey}), so they can never be taken for a survey question (whose ids
 * have no `:`) nor for another lens's. This is the one place that builds and reads that key: the questionnaire, the
 * answer code's lens part, a workshop's stored responses and its release rule all go through it.
 */
import type { LensAnswers } from './findings';
import type { Lens } from './schema';
import type { Answers } from '../schema';

const SEPARATOR = ':';

/** The key of a lens question's answer among other answers. */
export function lensAnswerKey(lensId: string, questionId: string): string {
	return `${lensId}${SEPARATOR}${questionId}`;
}

/** The lens id and the lens's own question id of a key built by {@link lensAnswerKey}; null for a survey question's. */
export function parseLensAnswerKey(key: string): { lensId: string; questionId: string } | null {
	const at = key.indexOf(SEPARATOR);
	if (at < 0) return null;
	return { lensId: key.slice(0, at), questionId: key.slice(at + SEPARATOR.length) };
}

/** The lens's answers among `answers`, by the lens's own question ids. */
export function lensAnswersOf(lens: Pick<Lens, 'id'>, answers: Readonly<Record<string, string>>): LensAnswers {
	const out: LensAnswers = {};
	for (const [key, value] of Object.entries(answers)) {
		const parsed = parseLensAnswerKey(key);
		if (parsed?.lensId === lens.id) out[parsed.questionId] = value;
	}
	return out;
}

/** Survey answers and a lens's answers as one set of answers. */
export function withLensAnswers(
	answers: Answers,
	lens: { lens: Pick<Lens, 'id'>; answers: LensAnswers } | null
): Answers {
	if (!lens) return answers;
	const merged: Answers = { ...answers };
	for (const [id, value] of Object.entries(lens.answers)) merged[lensAnswerKey(lens.lens.id, id)] = value;
	return merged;
}

/** Answers split into the survey's (no lens key) and each lens's, by lens id then the lens's question ids. */
export function splitLensAnswers(answers: Readonly<Answers>): {
	survey: Answers;
	lenses: Map<string, LensAnswers>;
} {
	const survey: Answers = {};
	const lenses = new Map<string, LensAnswers>();
	for (const [key, value] of Object.entries(answers)) {
		const parsed = parseLensAnswerKey(key);
		if (!parsed) {
			survey[key] = value;
			continue;
		}
		let lens = lenses.get(parsed.lensId);
		if (!lens) lenses.set(parsed.lensId, (lens = {}));
		lens[parsed.questionId] = value;
	}
	return { survey, lenses };
}

/** The survey's answers alone: what every survey figure is computed from, whatever lens answers sit beside them. */
export function surveyAnswersOf(answers: Readonly<Answers>): Answers {
	return splitLensAnswers(answers).survey;
}
