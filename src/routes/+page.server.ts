import { CURRENT_BANK } from '$scoring/bank';
import { NOT_APPLICABLE_LABEL } from '$scoring/answer-labels';
import { SURVEY_2026 } from '$scoring/benchmark';
import { assessmentSteps } from '$lib/assess/steps';
import { countQuestions } from '$lib/assess/progress';
import type { PageServerLoad } from './$types';

/** Roughly how long one answer takes, for the "how long" line: read a question and its options, choose. */
const SECONDS_PER_QUESTION = 20;

export const load: PageServerLoad = () => {
	const steps = assessmentSteps(CURRENT_BANK);
	const questions = countQuestions(steps);
	return {
		dimensions: CURRENT_BANK.dimensions.map((d) => ({ id: d.id, label: d.label, description: d.description })),
		questions,
		steps: steps.length,
		minutes: Math.ceil((questions * SECONDS_PER_QUESTION) / 60),
		notApplicable: NOT_APPLICABLE_LABEL,
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
