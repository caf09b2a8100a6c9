import { CURRENT_BANK } from '$scoring/content/banks';
import { DONT_KNOW_LABEL } from '$scoring/present/answer-labels';
import { questionnaireLength } from '$scoring/content/timing';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import { SURVEY_2026 } from '$scoring/content/survey';
import { assessmentSteps } from '$lib/assess/steps';
import type { PageServerLoad } from './$types';
import { ADOPTION_ROLE } from '$scoring/present/result-labels';

export const load: PageServerLoad = () => {
	const steps = assessmentSteps(CURRENT_BANK);
	const length = questionnaireLength(CURRENT_BANK);
	return {
		dimensions: CURRENT_BANK.dimensions.map((d) => ({ id: d.id, label: d.label, description: d.description })),
		questions: `${length.questions} (${length.optional} optional)`,
		steps: steps.length,
		minutes: length.minutes,
		dontKnow: DONT_KNOW_LABEL,
		adoptionRole: ADOPTION_ROLE,
		retakeLabel: RESULT_LABELS.retake,
		// A remembered result of this prefix can be retaken directly; older banks open with their own retake offer.
		currentPrefix: `${CURRENT_BANK.id}.${CURRENT_BANK.version}.`,
		survey: {
			name: SURVEY_2026.name,
			sample: SURVEY_2026.sample,
			fielded: SURVEY_2026.fielded,
			published: SURVEY_2026.published,
			population: SURVEY_2026.population,
			source: SURVEY_2026.sources[0] ?? null,
			tiers: SURVEY_2026.tiers.map((t) => ({ id: t.id, label: t.label, share: t.share, summary: t.summary }))
		}
	};
};
