import { CURRENT_BANK } from '$scoring/bank';
import { SURVEY_2025_CONTEXT, SURVEY_2026, sourceLabel } from '$scoring/benchmark';
import { BLOCKING_BOOST, OVERCONFIDENCE_GAP, RECOMMEND_BELOW } from '$scoring/score';
import { BORDERLINE_MARGIN, CONTROL_WEIGHTS, MIN_COVERAGE, TIER_CUTOFFS, TIER_LABELS } from '$scoring/tiers';
import { NOT_APPLICABLE_LABEL } from '$scoring/answer-labels';
import type { PageServerLoad } from './$types';

/**
 * The methodology, generated from the model itself: every weight, option score, cut-off and survey figure shown
 * here is the value the scoring uses, so the page cannot drift from the code.
 */
export const load: PageServerLoad = () => {
	const bank = CURRENT_BANK;
	const label = (id: string) => bank.dimensions.find((d) => d.id === id)?.label ?? id;
	return {
		bank: { id: bank.id, version: bank.version, title: bank.title },
		notApplicable: NOT_APPLICABLE_LABEL,
		dimensions: bank.dimensions.map((d) => ({
			id: d.id,
			label: d.label,
			description: d.description,
			higherIsWorse: d.orientation === 'higher-is-worse',
			questions: bank.questions
				.filter((q) => q.dimension === d.id && q.kind === 'practice')
				.map((q) => ({
					id: q.id,
					text: q.text,
					weight: q.weight ?? 1,
					figure: q.benchmark?.figure ?? null,
					options: q.options.map((o) => ({ id: o.id, label: o.label, score: o.score }))
				}))
		})),
		controlWeights: Object.entries(CONTROL_WEIGHTS).map(([id, weight]) => ({ label: label(id), weight })),
		cutoffs: { ...TIER_CUTOFFS },
		tierLabels: { ...TIER_LABELS },
		borderlineMargin: BORDERLINE_MARGIN,
		minCoverage: MIN_COVERAGE,
		overconfidenceGap: OVERCONFIDENCE_GAP,
		recommendBelow: RECOMMEND_BELOW,
		blockingBoost: BLOCKING_BOOST,
		survey: {
			name: SURVEY_2026.name,
			sample: SURVEY_2026.sample,
			fielded: SURVEY_2026.fielded,
			published: SURVEY_2026.published,
			population: SURVEY_2026.population,
			tiers: SURVEY_2026.tiers.map((t) => ({ id: t.id, label: t.label, share: t.share, summary: t.summary })),
			figures: SURVEY_2026.figures.map((f) => ({
				id: f.id,
				statement: f.statement,
				share: f.share,
				base: f.base === 'all' ? 'All respondents' : `${TIER_LABELS[f.base]} group`,
				source: sourceLabel(SURVEY_2026, f)
			})),
			context: [...SURVEY_2025_CONTEXT]
		}
	};
};
