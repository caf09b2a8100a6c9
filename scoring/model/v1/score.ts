/**
 * The frozen scoring model of bank 1.x, kept so that a result made with bank 1.0.0 reads exactly as it did on the
 * day it was made: dimension scores, the index, coverage, the tier with its reasons, the borderline flag, a lift
 * plan and recommendations. New assessments use the model of bank 2.0.0 (`scoring/score`). Do not change the
 * numbers here; docs/methodology.md (section "Bank 1.0.0") describes them.
 */
import { round1, validateAnswers } from '../v2/answers';
import { SURVEY_2026, type Benchmark } from '../../content/survey';
import { benchmarkLines, confidenceGaps } from '../v2/lines';
import {
	DIMENSION_IDS,
	NOT_APPLICABLE,
	type Answers,
	type DimensionId,
	type Question,
	type QuestionBank,
	type TierId
} from '../../schema';
import {
	type AnswerChange,
	type DimensionResult,
	type LiftPlan,
	type Recommendation,
	type LegacyResult
} from '../v2/result';
import {
	CONTROL_WEIGHTS,
	MIN_COVERAGE,
	TIER_CUTOFFS,
	conditionShortfall,
	isBorderline,
	nextTier,
	requirementsFor,
	tierFor,
	tierRank,
	tierReasons,
	type TierAxes,
	type TierCondition,
	type TierCutoffs
} from './tiers';

/** A practice answer scoring below this gets its question's recommendation. */
export const RECOMMEND_BELOW = 75;

/** Priority multiplier for a recommendation whose dimension holds the result below the next tier. */
export const BLOCKING_BOOST = 1.5;

export { round1 };

interface BankIndex {
	questions: Map<string, Question>;
	practice: Question[];
	byDimension: Record<DimensionId, Question[]>;
	higherIsWorse: Set<DimensionId>;
	optionScore: Map<string, Map<string, number>>;
}

const indexes = new WeakMap<QuestionBank, BankIndex>();

/** Per-bank lookups, built once per bank object. */
function indexOf(bank: QuestionBank): BankIndex {
	let index = indexes.get(bank);
	if (index) return index;
	const practice = bank.questions.filter((q) => q.kind === 'practice');
	const byDimension = Object.fromEntries(
		DIMENSION_IDS.map((d) => [d, practice.filter((q) => q.dimension === d)])
	) as Record<DimensionId, Question[]>;
	index = {
		questions: new Map(bank.questions.map((q) => [q.id, q])),
		practice,
		byDimension,
		higherIsWorse: new Set(bank.dimensions.filter((d) => d.orientation === 'higher-is-worse').map((d) => d.id)),
		optionScore: new Map(bank.questions.map((q) => [q.id, new Map(q.options.map((o) => [o.id, o.score]))]))
	};
	indexes.set(bank, index);
	return index;
}

/** The numbers a tier is placed from; the cheap part of {@link score}, reused by the lift plan and the norming. */
export interface Measurement {
	dimensions: DimensionResult[];
	use: number | null;
	control: number | null;
	index: number | null;
	coverage: number;
	answered: number;
	notApplicable: number;
	skipped: number;
	/** Null when a dimension has no answered question. */
	axes: TierAxes | null;
	/** Null when coverage < {@link MIN_COVERAGE} or a dimension has no answered question. */
	tier: TierId | null;
}

/** Score of an answered practice or confidence question, or null when skipped / N/A. */
function answerScore(index: BankIndex, questionId: string, answers: Answers): number | null {
	const optionId = answers[questionId];
	if (optionId === undefined || optionId === NOT_APPLICABLE) return null;
	return index.optionScore.get(questionId)?.get(optionId) ?? null;
}

/**
 * Dimension scores, use, control, index, coverage and tier for already-validated answers.
 * Dimension contribution = weight-weighted mean of answered practice option scores (one decimal); reported score
 * = contribution, or 100 − contribution for a higher-is-worse dimension (risk exposure).
 */
export function measure(bank: QuestionBank, answers: Answers, cutoffs: TierCutoffs = TIER_CUTOFFS): Measurement {
	const index = indexOf(bank);
	let answered = 0;
	let notApplicable = 0;
	let skipped = 0;
	const contributions = {} as Record<DimensionId, number | null>;
	const dimensions: DimensionResult[] = DIMENSION_IDS.map((dimension) => {
		const questions = index.byDimension[dimension];
		let weighted = 0;
		let weights = 0;
		let dimAnswered = 0;
		let dimNa = 0;
		let dimSkipped = 0;
		for (const q of questions) {
			const optionId = answers[q.id];
			if (optionId === undefined) dimSkipped++;
			else if (optionId === NOT_APPLICABLE) dimNa++;
			else {
				const w = q.weight ?? 1;
				weighted += w * (index.optionScore.get(q.id)?.get(optionId) ?? 0);
				weights += w;
				dimAnswered++;
			}
		}
		answered += dimAnswered;
		notApplicable += dimNa;
		skipped += dimSkipped;
		const contribution = weights > 0 ? round1(weighted / weights) : null;
		contributions[dimension] = contribution;
		const reported =
			contribution === null ? null : index.higherIsWorse.has(dimension) ? round1(100 - contribution) : contribution;
		return {
			dimension,
			score: reported,
			contribution,
			answered: dimAnswered,
			notApplicable: dimNa,
			dontKnow: 0,
			skipped: dimSkipped,
			total: questions.length,
			coverage: questions.length === 0 ? 1 : dimAnswered / questions.length
		};
	});
	const total = index.practice.length;
	const coverage = total === 0 ? 0 : answered / total;
	const all = DIMENSION_IDS.map((d) => contributions[d]);
	const complete = all.every((c) => c !== null);
	const use = contributions.ai_integration;
	let control: number | null = null;
	if (complete) {
		let sum = 0;
		for (const [d, w] of Object.entries(CONTROL_WEIGHTS) as [DimensionId, number][]) sum += w * (contributions[d] ?? 0);
		control = round1(sum / Object.values(CONTROL_WEIGHTS).reduce((a, b) => a + b, 0));
	}
	const indexValue = complete ? round1((all as number[]).reduce((a, b) => a + b, 0) / all.length) : null;
	const exposure = dimensions.find((d) => d.dimension === 'risk_exposure')?.score ?? null;
	const axes: TierAxes | null =
		complete && use !== null && control !== null && exposure !== null ? { use, control, exposure } : null;
	const tier = axes && coverage >= MIN_COVERAGE ? tierFor(axes, cutoffs) : null;
	return { dimensions, use, control, index: indexValue, coverage, answered, notApplicable, skipped, axes, tier };
}

/** True when the measured tier is at least `target`. */
function reaches(m: Measurement, target: TierId): boolean {
	return m.tier !== null && tierRank(m.tier) >= tierRank(target);
}

/** Score step of changing `questionId` from its current answer to `optionId` (an unanswered question steps from 0). */
function stepOf(index: BankIndex, answers: Answers, questionId: string, optionId: string): number {
	const to = index.optionScore.get(questionId)?.get(optionId) ?? 0;
	return to - (answerScore(index, questionId, answers) ?? 0);
}

/** Improving options of a question over the current answer, lowest score first. */
function improvingOptions(index: BankIndex, q: Question, answers: Answers): string[] {
	const current = answerScore(index, q.id, answers);
	return [...q.options]
		.filter((o) => current === null || o.score > current)
		.sort((a, b) => a.score - b.score)
		.map((o) => o.id);
}

/** Greedy search for one alternative of the target's requirements, then pruning; null when it cannot be met. */
function greedyLift(
	bank: QuestionBank,
	answers: Answers,
	candidates: Question[],
	alternative: TierCondition[],
	target: TierId,
	cutoffs: TierCutoffs
): Map<string, string> | null {
	const index = indexOf(bank);
	let working: Answers = { ...answers };
	const changes = new Map<string, string>();
	const shortfall = (m: Measurement) =>
		m.axes ? alternative.reduce((s, c) => s + conditionShortfall(c, m.axes as TierAxes), 0) : Infinity;
	let current = measure(bank, working, cutoffs);
	// Greedy: each round, set the one question that closes most of the shortfall to its best option.
	while (!reaches(current, target)) {
		const before = shortfall(current);
		let best: { q: Question; option: string; m: Measurement; gain: number; step: number } | null = null;
		for (const q of candidates) {
			if (changes.has(q.id)) continue;
			const options = improvingOptions(index, q, answers);
			const top = options[options.length - 1];
			if (top === undefined) continue;
			const m = measure(bank, { ...working, [q.id]: top }, cutoffs);
			const gain = before - shortfall(m);
			const step = stepOf(index, answers, q.id, top);
			if (gain <= 0 && !reaches(m, target)) continue;
			if (!best || gain > best.gain || (gain === best.gain && step < best.step))
				best = { q, option: top, m, gain, step };
		}
		if (!best) return null;
		working[best.q.id] = best.option;
		changes.set(best.q.id, best.option);
		current = best.m;
	}
	// Pruning: drop changes that are not needed, then lower each kept change to the lowest option that still lifts.
	for (const questionId of [...changes.keys()].reverse()) {
		const trial: Answers = { ...working };
		const original = answers[questionId];
		if (original === undefined) delete trial[questionId];
		else trial[questionId] = original;
		if (reaches(measure(bank, trial, cutoffs), target)) {
			changes.delete(questionId);
			working = trial;
		}
	}
	for (const [questionId, chosen] of changes) {
		const q = index.questions.get(questionId) as Question;
		for (const option of improvingOptions(index, q, answers)) {
			if (option === chosen) break;
			if (reaches(measure(bank, { ...working, [questionId]: option }, cutoffs), target)) {
				working[questionId] = option;
				changes.set(questionId, option);
				break;
			}
		}
	}
	return changes;
}

/** Total score step of a set of changes. */
function totalStep(index: BankIndex, answers: Answers, changes: Map<string, string>): number {
	let sum = 0;
	for (const [questionId, option] of changes) sum += stepOf(index, answers, questionId, option);
	return sum;
}

/**
 * The smallest set of answer changes that lifts the tier to the next one up: fewest questions changed, then the
 * smallest total score step. A single change is searched exhaustively; larger plans come from a greedy search
 * (largest shortfall reduction first) followed by pruning, run for each way of meeting the next tier's rules.
 * Answers given are changed first; skipped and N/A questions are used only when the given answers cannot lift.
 * Null at Pioneer, when no tier is placed, or when no change can lift.
 */
export function liftPlan(bank: QuestionBank, answers: Answers, cutoffs: TierCutoffs = TIER_CUTOFFS): LiftPlan | null {
	const index = indexOf(bank);
	const placed = measure(bank, answers, cutoffs).tier;
	if (placed === null) return null;
	const target = nextTier(placed);
	if (target === null) return null;
	const given = index.practice.filter((q) => answerScore(index, q.id, answers) !== null);
	for (const candidates of [given, index.practice]) {
		let best: Map<string, string> | null = null;
		// One change, exhaustively: the lowest step that lifts.
		for (const q of candidates)
			for (const option of improvingOptions(index, q, answers)) {
				const single = new Map([[q.id, option]]);
				if (best && totalStep(index, answers, single) >= totalStep(index, answers, best)) continue;
				if (reaches(measure(bank, { ...answers, [q.id]: option }, cutoffs), target)) best = single;
			}
		if (!best)
			for (const alternative of requirementsFor(target, cutoffs)) {
				const plan = greedyLift(bank, answers, candidates, alternative, target, cutoffs);
				if (!plan) continue;
				if (
					!best ||
					plan.size < best.size ||
					(plan.size === best.size && totalStep(index, answers, plan) < totalStep(index, answers, best))
				)
					best = plan;
			}
		if (best) {
			const changes: AnswerChange[] = index.practice
				.filter((q) => best.has(q.id))
				.map((q) => ({ questionId: q.id, from: answers[q.id] ?? null, to: best.get(q.id) as string }));
			return { target, changes };
		}
	}
	return null;
}

/**
 * Dimensions holding a result below the next tier: each lies on a rule the next tier needs that fails, and its
 * own contribution (or exposure) is on the wrong side of that rule's cut-off.
 */
export function blockingDimensions(m: Measurement, cutoffs: TierCutoffs = TIER_CUTOFFS): Set<DimensionId> {
	const blocking = new Set<DimensionId>();
	if (!m.axes || !m.tier) return blocking;
	const target = nextTier(m.tier);
	if (!target) return blocking;
	const byId = new Map(m.dimensions.map((d) => [d.dimension, d]));
	for (const alternative of requirementsFor(target, cutoffs))
		for (const condition of alternative) {
			if (conditionShortfall(condition, m.axes) === 0) continue;
			if (condition.axis === 'use') blocking.add('ai_integration');
			else if (condition.axis === 'exposure') blocking.add('risk_exposure');
			else
				for (const d of Object.keys(CONTROL_WEIGHTS) as DimensionId[]) {
					const contribution = byId.get(d)?.contribution;
					if (contribution !== null && contribution !== undefined && contribution < condition.cutoff) blocking.add(d);
				}
		}
	return blocking;
}

/**
 * Recommendations from answered practice questions scoring below {@link RECOMMEND_BELOW}: priority = weight ×
 * (100 − score), × {@link BLOCKING_BOOST} when the question's dimension blocks the next tier; highest first.
 * Skipped and N/A questions are not recommended on (there is no evidence); they lower coverage instead.
 */
export function recommendations(
	bank: QuestionBank,
	answers: Answers,
	m: Measurement,
	cutoffs: TierCutoffs = TIER_CUTOFFS
): Recommendation[] {
	const index = indexOf(bank);
	const blocking = blockingDimensions(m, cutoffs);
	const list: Recommendation[] = [];
	for (const q of index.practice) {
		const s = answerScore(index, q.id, answers);
		const optionId = answers[q.id];
		if (!q.recommendation || s === null || s >= RECOMMEND_BELOW || !q.dimension || optionId === undefined) continue;
		const boost = blocking.has(q.dimension) ? BLOCKING_BOOST : 1;
		list.push({
			questionId: q.id,
			dimension: q.dimension,
			priority: round1((q.weight ?? 1) * (100 - s) * boost),
			title: q.recommendation.title,
			action: q.recommendation.action,
			effort: q.recommendation.effort,
			from: optionId === NOT_APPLICABLE ? null : optionId,
			to: null,
			critical: false,
			lifts: false,
			theme: null,
			references: [],
			because: [{ questionId: q.id, optionId }]
		});
	}
	// Stable sort keeps bank order among equal priorities.
	return list.sort((a, b) => b.priority - a.priority);
}

/**
 * Scores a set of answers against a bank: the full result a results page, PDF and CSV show.
 * @throws AnswersError when an answer names an unknown question or an option its question does not have.
 */
export function score(bank: QuestionBank, answers: Answers, benchmark: Benchmark = SURVEY_2026): LegacyResult {
	validateAnswers(bank, answers);
	const m = measure(bank, answers);
	const coverageReason = {
		rule: 'coverage',
		value: round1(m.coverage * 100),
		cutoff: MIN_COVERAGE * 100,
		passed: m.coverage >= MIN_COVERAGE,
		text:
			m.coverage >= MIN_COVERAGE
				? `Coverage ${Math.round(m.coverage * 100)} % ≥ ${MIN_COVERAGE * 100} %: enough answers to place you.`
				: `Coverage ${Math.round(m.coverage * 100)} % < ${MIN_COVERAGE * 100} %: not enough answers to place you.`
	};
	const withAnswers = m.dimensions.filter((d) => d.answered > 0).length;
	const dimensionsReason = {
		rule: 'dimensions_answered',
		value: withAnswers,
		cutoff: DIMENSION_IDS.length,
		passed: withAnswers === DIMENSION_IDS.length,
		text:
			withAnswers === DIMENSION_IDS.length
				? `All ${DIMENSION_IDS.length} dimensions have at least one answered question.`
				: `Only ${withAnswers} of ${DIMENSION_IDS.length} dimensions have an answered question: not enough to place you.`
	};
	return {
		bank: bank.id,
		version: bank.version,
		model: 1,
		dimensions: m.dimensions,
		use: m.use,
		control: m.control,
		index: m.index,
		coverage: m.coverage,
		answered: m.answered,
		notApplicable: m.notApplicable,
		dontKnow: 0,
		skipped: m.skipped,
		tier: m.tier,
		reasons: [coverageReason, dimensionsReason, ...(m.axes ? tierReasons(m.axes) : [])],
		// Bank 1.x has no use floor, critical options, per-dimension coverage rule or exposure parts.
		inUse: true,
		criticalGaps: [],
		provisional: false,
		thinDimensions: [],
		exposure: null,
		borderline: m.tier !== null && m.axes !== null && isBorderline(m.axes),
		nearestCutoff: null,
		liftPlan: m.tier === null ? null : liftPlan(bank, answers),
		liftContext: null,
		readiness: null,
		confidenceGaps: confidenceGaps(bank, answers, m.dimensions),
		benchmarkLines: benchmarkLines(bank, answers, benchmark),
		recommendations: recommendations(bank, answers, m)
	};
}
