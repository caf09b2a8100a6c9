import { CURRENT_BANK } from '$scoring/content/banks';
import { SURVEY_2025_CONTEXT, SURVEY_2026, sourceLabel } from '$scoring/content/survey';
import { DONT_KNOW_LABEL, NOT_APPLICABLE_LABEL } from '$scoring/present/answer-labels';
import { FRAMEWORKS, MAPPING_NOT_CONFORMANCE, frameworkReference } from '$scoring/content/frameworks';
import { OVERCONFIDENCE_GAP } from '$scoring/model/v2/lines';
import { MODELLED_BELOW } from '$scoring/present/modelled';
import { BLOCKING_BOOST, MAX_LEVELS_PER_STEP } from '$scoring/model/v2/score';
import {
	BORDERLINE_MARGINS,
	CONTROL_WEIGHTS,
	MIN_COVERAGE,
	OUTCOME_WEIGHT,
	THIN_COVERAGE,
	TIER_CUTOFFS,
	TIER_LABELS
} from '$scoring/model/v2/tiers';
import type { PageServerLoad } from './$types';

/**
 * The public methodology, generated from the model itself: every weight, option score, cut-off, critical answer,
 * gate, framework reference and survey figure shown here is the value the scoring uses, so the page cannot drift.
 */
export const load: PageServerLoad = () => {
	const bank = CURRENT_BANK;
	const label = (id: string) => bank.dimensions.find((d) => d.id === id)?.label ?? id;
	const gateText = (id: string) => bank.questions.find((q) => q.id === id)?.text ?? id;
	return {
		bank: { id: bank.id, version: bank.version, title: bank.title },
		labels: { dontKnow: DONT_KNOW_LABEL, notApplicable: NOT_APPLICABLE_LABEL, mapping: MAPPING_NOT_CONFORMANCE },
		dimensions: bank.dimensions.map((d) => ({
			id: d.id,
			label: d.label,
			description: d.description,
			higherIsWorse: d.orientation === 'higher-is-worse',
			questions: bank.questions
				.filter((q) => q.dimension === d.id && (q.kind === 'use' || q.kind === 'practice' || q.kind === 'outcome'))
				.map((q) => ({
					id: q.id,
					kind: q.kind,
					text: q.text,
					weight: q.weight ?? 1,
					gate: q.skipWhen
						? `Not asked when “${gateText(q.skipWhen.question)}” is answered ${q.skipWhen.answers
								.map(
									(a) =>
										`“${bank.questions.find((x) => x.id === q.skipWhen?.question)?.options.find((o) => o.id === a)?.label ?? a}”`
								)
								.join(' or ')}.`
						: null,
					figures: (q.benchmarks ?? []).map((b) => b.figure),
					references: (q.references ?? []).flatMap((id) => {
						const ref = frameworkReference(id);
						return ref ? [{ id, code: ref.code, title: ref.title, url: ref.url }] : [];
					}),
					options: q.options.map((o) => ({ id: o.id, label: o.label, score: o.score, critical: o.critical ?? null }))
				}))
		})),
		controlWeights: Object.entries(CONTROL_WEIGHTS).map(([id, weight]) => ({
			label: id === 'risk_exposure' ? 'the guards on AI-driven change (risk exposure’s practice questions)' : label(id),
			weight
		})),
		cutoffs: { ...TIER_CUTOFFS },
		margins: { ...BORDERLINE_MARGINS },
		tierLabels: { ...TIER_LABELS },
		minCoverage: MIN_COVERAGE,
		thinCoverage: THIN_COVERAGE,
		outcomeWeight: OUTCOME_WEIGHT,
		overconfidenceGap: OVERCONFIDENCE_GAP,
		blockingBoost: BLOCKING_BOOST,
		maxLevels: MAX_LEVELS_PER_STEP,
		modelledBelow: { ...MODELLED_BELOW },
		frameworks: FRAMEWORKS.map((f) => ({ id: f.id, name: f.name, url: f.url })),
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
