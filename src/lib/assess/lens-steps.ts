/**
 * A lens's questions as questionnaire steps (one per lens section, after the survey's steps), and the lens answers
 * inside the questionnaire's answers: keyed `<lens id>:<question id>`, so they can never be taken for a survey
 * question (whose ids have no `:`) nor for another lens's. Server-side: the browser receives the plain steps.
 */
import { DONT_KNOW_LABEL } from '$scoring/present/answer-labels';
import { LENS_DONT_KNOW, LENS_NOT_APPLICABLE } from '$scoring/lens/check';
import type { LensAnswers } from '$scoring/lens/findings';
import type { Lens } from '$scoring/lens/schema';
import type { Answers } from '$scoring/schema';
import type { AssessStep } from './steps';

/** The questionnaire's key for a lens question's answer. */
export function lensAnswerKey(lensId: string, questionId: string): string {
	return `${lensId}:${questionId}`;
}

/** The lens's answers among the questionnaire's answers, by the lens's own question ids. */
export function lensAnswersOf(lens: Pick<Lens, 'id'>, answers: Record<string, string>): LensAnswers {
	const prefix = lensAnswerKey(lens.id, '');
	const out: LensAnswers = {};
	for (const [key, value] of Object.entries(answers)) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
	return out;
}

/** Survey answers and a lens's answers as one set of questionnaire answers. */
export function withLensAnswers(
	answers: Answers,
	lens: { lens: Pick<Lens, 'id'>; answers: LensAnswers } | null
): Answers {
	if (!lens) return answers;
	const merged: Answers = { ...answers };
	for (const [id, value] of Object.entries(lens.answers)) merged[lensAnswerKey(lens.lens.id, id)] = value;
	return merged;
}

/** The steps of a lens: one per section, its questions with their options (weakest level first as written). */
export function lensSteps(lens: Lens): AssessStep[] {
	return lens.sections.map((section) => ({
		id: lensAnswerKey(lens.id, section.id),
		title: section.title,
		description: section.description ?? `From the lens “${lens.title}”.`,
		optional: false,
		questions: section.questions.map((q) => ({
			id: lensAnswerKey(lens.id, q.id),
			kind: 'lens' as const,
			text: q.text,
			why: q.why ?? null,
			options: [
				...q.options.map((o) => ({
					id: o.id,
					label: o.label,
					reserved: false,
					level: o.level,
					requires: [],
					contradicts: []
				})),
				...(q.dontKnow === false
					? []
					: [{ id: LENS_DONT_KNOW, label: DONT_KNOW_LABEL, reserved: true, level: 0, requires: [], contradicts: [] }]),
				...(q.notApplicable
					? [
							{
								id: LENS_NOT_APPLICABLE,
								label: q.notApplicable.label,
								reserved: true,
								level: 0,
								requires: [],
								contradicts: []
							}
						]
					: [])
			],
			skipWhen: null
		})),
		note: `These questions come from the lens “${lens.title}”. “${DONT_KNOW_LABEL}” and unanswered questions count as the weakest answer: they never help. The lens never changes your survey group.`
	}));
}
