/**
 * Model 3.0: from bank 3.0.0 answers to everything a result shows — dimension scores, foundations (control), adoption
 * (use), exposure, the group with the rule that decided it, critical gaps and weak guards (stated or not ruled out),
 * severe findings, unknown outcomes, inconsistencies, the lift plan, the roadmap, benchmark lines and confidence
 * gaps. Deterministic and pure; every number traces to answers, weights and the cut-offs in `./tiers.ts`.
 */
import { validateAnswers } from '../../answers';
import { SURVEY_2026, surveyShareOf, type Benchmark } from '../../content/survey';
import type { Answers, QuestionBank } from '../../schema';
import { benchmarkLines, confidenceGaps } from './lines';
import { measure } from './measure';
import { liftPlan } from './plan';
import { recommendations } from './recommend';
import type { Result } from './result';
import { CUTOFFS, conditionsOf, isBorderline, nearestCutoff } from './tiers';

/**
 * Scores a set of bank 3.0.0 answers.
 * @throws AnswersError when an answer names an unknown question or option, or a reserved answer the question does not take.
 */
export function score(bank: QuestionBank, answers: Answers, benchmark: Benchmark = SURVEY_2026): Result {
	validateAnswers(bank, answers);
	const m = measure(bank, answers);
	const plan = liftPlan(bank, answers, m);
	const placed = m.tier !== null;
	return {
		bank: bank.id,
		version: bank.version,
		model: 3,
		dimensions: m.dimensions,
		use: m.use,
		control: m.control,
		exposure: m.exposure,
		exposureParts: { aiChange: m.aiChange, guards: m.guards, outcomes: m.outcomes },
		coverage: m.coverage,
		practiceCoverage: m.practiceCoverage,
		answered: m.answered,
		dontKnow: m.dontKnow,
		unanswered: m.unanswered,
		tier: m.tier,
		rule: m.rule,
		conditions: conditionsOf(m.axes),
		floorsBelow: m.floorsBelow,
		inUse: m.axes.aiChange >= CUTOFFS.useFloor,
		criticalGaps: m.criticalGaps,
		criticalOpen: m.criticalOpen,
		weakGuards: m.weakGuards,
		criticalFindings: m.criticalFindings,
		unknownOutcomes: m.unknownOutcomes,
		inconsistencies: m.inconsistencies,
		provisional: placed && m.provisional,
		provisionalBecause: placed ? m.provisionalBecause : [],
		thinDimensions: m.thinDimensions,
		borderline: placed && isBorderline(m.axes),
		nearestCutoff: placed ? nearestCutoff(m.axes) : null,
		context:
			m.tier === 'pioneer' && m.use < CUTOFFS.useDeep
				? 'ready_ahead_of_use'
				: placed && m.tier !== 'pioneer' && m.axes.aiChange < CUTOFFS.useFloor
					? 'not_in_use'
					: null,
		surveyShare: m.tier ? surveyShareOf(benchmark, m.tier) : null,
		liftPlan: plan,
		confidenceGaps: confidenceGaps(bank, answers, m.dimensions),
		benchmarkLines: benchmarkLines(bank, answers, benchmark),
		recommendations: recommendations(bank, answers, m, plan)
	};
}
