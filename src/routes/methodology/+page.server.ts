import { CURRENT_BANK } from '$scoring/content/banks';
import { SURVEY_2025_CONTEXT, SURVEY_2026, sourceLabel, wilson } from '$scoring/content/survey';
import { DONT_KNOW_LABEL, NOT_TRACKED_LABEL, VARIES_LABEL } from '$scoring/present/answer-labels';
import { FRAMEWORKS, frameworkReference } from '$scoring/content/frameworks';
import { MAPPING_NOT_CONFORMANCE } from '$scoring/present/result-labels';
import { OVERCONFIDENCE_GAP } from '$scoring/model/v3/lines';
import { MAX_CHANGES, MAX_LEVELS_PER_STEP } from '$scoring/model/v3/plan';
import { BLOCKING_BOOST } from '$scoring/model/v3/recommend';
import {
	CONTROL_WEIGHTS,
	CRITICAL_CAP,
	CUTOFFS,
	MARGINS,
	MIN_COVERAGE,
	OUTCOME_WEIGHT,
	PRACTICE_COVERAGE,
	THIN_COVERAGE
} from '$scoring/model/v3/tiers';
import { TIER_LABELS } from '$scoring/present/labels';
import type { PageServerLoad } from './$types';

/**
 * A document with nothing to interact with: no JavaScript, no hydration (the page's data would otherwise be sent
 * twice, as HTML and as the data to hydrate it: 234 KB). Links and the sign-in form work as plain HTML, and the
 * table regions scroll without script; only their "scroll sideways" hint needs it.
 */
export const csr = false;

/**
 * The public methodology, generated from the model itself: every weight, option score, cut-off, critical answer,
 * weak guard, detection pairing, framework reference and survey figure shown here is the value the scoring uses, so
 * the page cannot drift.
 */
export const load: PageServerLoad = () => {
	const bank = CURRENT_BANK;
	const label = (id: string) => bank.dimensions.find((d) => d.id === id)?.label ?? id;
	return {
		bank: { id: bank.id, version: bank.version, title: bank.title },
		labels: {
			dontKnow: DONT_KNOW_LABEL,
			varies: VARIES_LABEL,
			notTracked: NOT_TRACKED_LABEL,
			mapping: MAPPING_NOT_CONFORMANCE
		},
		questionCount: bank.questions.length,
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
					inUseUnless: q.inUseUnless
						? `In use unless “${bank.questions.find((x) => x.id === q.inUseUnless?.question)?.text ?? ''}” is ${q.inUseUnless.answers
								.map(
									(a) =>
										`“${bank.questions.find((x) => x.id === q.inUseUnless?.question)?.options.find((o) => o.id === a)?.label ?? a}”`
								)
								.join(' or ')}.`
						: null,
					detectedBy: q.detectedBy ? (bank.questions.find((x) => x.id === q.detectedBy?.question)?.text ?? null) : null,
					figures: (q.benchmarks ?? []).map((b) => b.figure),
					references: (q.references ?? []).flatMap((id) => {
						const ref = frameworkReference(id);
						return ref ? [{ id, code: ref.code, title: ref.title, url: ref.url }] : [];
					}),
					options: q.options.map((o) => ({
						id: o.id,
						label: o.label,
						score: o.score,
						critical: o.critical ?? null,
						weakGuard: o.weakGuard ?? null,
						severe: o.severe ?? null,
						reaches: o.reaches ? (q.options.find((x) => x.id === o.reaches)?.label ?? null) : null
					}))
				}))
		})),
		controlWeights: Object.entries(CONTROL_WEIGHTS).map(([id, weight]) => ({
			label: id === 'risk_exposure' ? 'the guards on AI-driven change (risk exposure’s practice questions)' : label(id),
			weight
		})),
		cutoffs: { ...CUTOFFS },
		margins: { ...MARGINS },
		tierLabels: { ...TIER_LABELS },
		minCoverage: MIN_COVERAGE,
		practiceCoverage: PRACTICE_COVERAGE,
		thinCoverage: THIN_COVERAGE,
		criticalCap: CRITICAL_CAP,
		outcomeWeight: OUTCOME_WEIGHT,
		overconfidenceGap: OVERCONFIDENCE_GAP,
		blockingBoost: BLOCKING_BOOST,
		maxLevels: MAX_LEVELS_PER_STEP,
		maxChanges: MAX_CHANGES,
		intervals: SURVEY_2026.tiers.map((t) => ({
			label: t.label,
			share: t.share,
			...wilson(t.share / 100, SURVEY_2026.sample)
		})),
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
