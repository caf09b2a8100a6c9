/**
 * A lens's questions as questionnaire steps (one per lens section, after the survey's steps), each question keyed
 * by `lensAnswerKey` (`$scoring/lens/answer-key`). Server-side: the browser receives the plain steps.
 */
import { DONT_KNOW_LABEL } from '$scoring/present/answer-labels';
import { LENS_DONT_KNOW, LENS_NOT_APPLICABLE } from '$scoring/lens/check';
import { lensAnswerKey } from '$scoring/lens/answer-key';
import type { Lens } from '$scoring/lens/schema';
import type { AssessStep } from './steps';

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
