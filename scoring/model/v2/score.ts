/**
 * Scoring: from a question bank and a set of answers to everything a result shows — dimension scores, control,
 * exposure and its parts, coverage, critical gaps, the tier with its reasons, the borderline flag, the lift plan,
 * readiness for deeper use, confidence gaps, benchmark lines and the roadmap's steps. Deterministic and pure; every
 * number traces to answers and the weights in docs/methodology.md. Banks of model 1 are scored by the frozen
 * model in `scoring/v1/score`, so old results read as they did.
 */
import { answerOf, gateOf, isSkipped, levelOf, levelsOf, round1, validateAnswers, AnswersError } from './answers';
import { SURVEY_2026, type Benchmark } from '../../content/survey';
import { benchmarkLines, confidenceGaps } from './lines';
import {
	DIMENSION_IDS,
	DONT_KNOW,
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
	type LiftContext,
	type LiftPlan,
	type Readiness,
	type Recommendation,
	type LegacyResult
} from './result';
import {
	CONTROL_WEIGHTS,
	MIN_COVERAGE,
	SCORE_STEP,
	THIN_COVERAGE,
	TIER_CUTOFFS,
	exposureOf,
	isBorderline,
	nearestCutoff,
	tierFor,
	tierReasons,
	type ControlDimensionId,
	type TierAxes,
	type TierCutoffs
} from './tiers';
import { measure as measureModel1, score as scoreModel1 } from '../v1/score';

export { AnswersError, round1, validateAnswers };

/** Roadmap order: critical gaps first, then steps of the lift (or readiness) plan, then the largest shortfall. */
const PRIORITY_CRITICAL = 1000;
const PRIORITY_LIFTS = 500;
/** Multiplier for a step whose dimension holds the result below the next tier. */
export const BLOCKING_BOOST = 1.5;
const EFFORT_BONUS = { low: 10, medium: 5, high: 0 } as const;
/** A plan changes a practice answer by at most this many levels. */
export const MAX_LEVELS_PER_STEP = 2;

interface BankIndex {
	byId: Map<string, Question>;
	scored: Question[];
	practice: Question[];
	byDimension: Record<DimensionId, Question[]>;
	/** Per question: option id → score; lowest and highest score. */
	scores: Map<string, { byOption: Map<string, number>; min: number; max: number }>;
	/** Practice questions with a critical option. */
	withCritical: Set<string>;
}

const indexes = new WeakMap<QuestionBank, BankIndex>();

function indexOf(bank: QuestionBank): BankIndex {
	let index = indexes.get(bank);
	if (index) return index;
	const scored = bank.questions.filter((q) => q.kind === 'use' || q.kind === 'practice' || q.kind === 'outcome');
	index = {
		byId: new Map(bank.questions.map((q) => [q.id, q])),
		scored,
		practice: scored.filter((q) => q.kind === 'practice'),
		byDimension: Object.fromEntries(DIMENSION_IDS.map((d) => [d, scored.filter((q) => q.dimension === d)])) as Record<
			DimensionId,
			Question[]
		>,
		scores: new Map(
			bank.questions.map((q) => {
				const values = q.options.map((o) => o.score);
				return [
					q.id,
					{
						byOption: new Map(q.options.map((o) => [o.id, o.score])),
						min: Math.min(...values),
						max: Math.max(...values)
					}
				];
			})
		),
		withCritical: new Set(scored.filter((q) => q.options.some((o) => o.critical)).map((q) => q.id))
	};
	indexes.set(bank, index);
	return index;
}

/** The numbers a tier is placed from: the cheap part of {@link score}, reused by the plans and the norming. */
export interface Measurement {
	dimensions: DimensionResult[];
	use: number;
	control: number;
	index: number;
	exposure: { aiChange: number; guards: number; outcomes: number };
	coverage: number;
	answered: number;
	notApplicable: number;
	dontKnow: number;
	skipped: number;
	criticalGaps: string[];
	thinDimensions: DimensionId[];
	axes: TierAxes;
	/** Null when coverage < {@link MIN_COVERAGE}. */
	tier: TierId | null;
}

/** Weighted mean of (weight, value) pairs; `empty` when there are none. */
function weightedMean(pairs: [number, number][], empty: number): number {
	let sum = 0;
	let weights = 0;
	for (const [w, v] of pairs) {
		sum += w * v;
		weights += w;
	}
	return weights > 0 ? round1(sum / weights) : empty;
}

/**
 * Dimension scores, axes, coverage, critical gaps and tier for validated answers (bank model 2). A question a
 * gating answer skips is left out; one whose gate is unknown counts as "don't know". An option scores its score; "don't know", a skipped question (and N/A where a
 * question still applies) score as its weakest answer: no practice credit, no use credit, the worst outcome — but
 * as the deepest use when AI-driven change is read for exposure and the use floor. Nothing unknown ever helps.
 */
export function measure(bank: QuestionBank, answers: Answers, cutoffs: TierCutoffs = TIER_CUTOFFS): Measurement {
	const index = indexOf(bank);
	let answered = 0;
	let notApplicable = 0;
	let dontKnow = 0;
	let skipped = 0;
	const criticalGaps: string[] = [];
	const depth: [number, number][] = [];
	const change: [number, number][] = [];
	const practiceOf = Object.fromEntries(DIMENSION_IDS.map((d) => [d, [] as [number, number][]])) as Record<
		DimensionId,
		[number, number][]
	>;
	const badness: [number, number][] = [];
	const dimensions: DimensionResult[] = DIMENSION_IDS.map((dimension) => {
		let dimAnswered = 0;
		let dimNa = 0;
		let dimDk = 0;
		let dimSkipped = 0;
		for (const q of index.byDimension[dimension]) {
			const gate = gateOf(q, answers);
			if (gate === 'skipped') {
				dimNa++;
				continue;
			}
			// Whether an agent question applies is unknown: it counts as "don't know", whatever was answered.
			const optionId = gate === 'unknown' ? DONT_KNOW : answerOf(answers, q.id);
			const s = index.scores.get(q.id)!;
			const given = optionId === undefined ? undefined : s.byOption.get(optionId);
			if (given !== undefined) dimAnswered++;
			else if (optionId === undefined) dimSkipped++;
			else dimDk++;
			const w = q.weight ?? 1;
			const value = given ?? s.min;
			if (q.kind === 'use') {
				depth.push([w, value]);
				change.push([w, given ?? s.max]);
			} else if (q.kind === 'outcome') badness.push([w, 100 - value]);
			else practiceOf[dimension].push([w, value]);
			if (
				q.kind === 'practice' &&
				index.withCritical.has(q.id) &&
				(given === undefined || q.options.some((o) => o.id === optionId && o.critical))
			)
				criticalGaps.push(q.id);
		}
		answered += dimAnswered;
		notApplicable += dimNa;
		dontKnow += dimDk;
		skipped += dimSkipped;
		const total = dimAnswered + dimDk + dimSkipped;
		return {
			dimension,
			score: null,
			contribution: null,
			answered: dimAnswered,
			notApplicable: dimNa,
			dontKnow: dimDk,
			skipped: dimSkipped,
			total,
			coverage: total === 0 ? 1 : dimAnswered / total
		};
	});
	const use = weightedMean(depth, 0);
	const aiChange = weightedMean(change, 0);
	const guards = weightedMean(practiceOf.risk_exposure, 100);
	const outcomes = weightedMean(badness, 0);
	const exposure = exposureOf(aiChange, guards, outcomes);
	const practice: Record<ControlDimensionId, number> = {
		governance: weightedMean(practiceOf.governance, 0),
		automation: weightedMean(practiceOf.automation, 0),
		risk_exposure: guards,
		platform: weightedMean(practiceOf.platform, 0)
	};
	for (const d of dimensions) {
		const contribution =
			d.dimension === 'ai_integration'
				? use
				: d.dimension === 'risk_exposure'
					? round1(100 - exposure)
					: practice[d.dimension];
		d.contribution = contribution;
		d.score = d.dimension === 'risk_exposure' ? exposure : contribution;
	}
	let control = 0;
	for (const [d, w] of Object.entries(CONTROL_WEIGHTS) as [ControlDimensionId, number][]) control += w * practice[d];
	control = round1(control);
	const readiness = round1((practice.governance + practice.automation + practice.platform + (100 - exposure)) / 4);
	const totalScored = answered + dontKnow + skipped;
	const coverage = totalScored === 0 ? 0 : answered / totalScored;
	const axes: TierAxes = { use, aiChange, control, exposure, criticalGaps: criticalGaps.length };
	const tier = coverage >= MIN_COVERAGE ? tierFor(axes, cutoffs) : null;
	return {
		dimensions,
		use,
		control,
		index: readiness,
		exposure: { aiChange, guards, outcomes },
		coverage,
		answered,
		notApplicable,
		dontKnow,
		skipped,
		criticalGaps,
		thinDimensions: dimensions.filter((d) => d.total > 0 && d.coverage < THIN_COVERAGE).map((d) => d.dimension),
		axes,
		tier
	};
}

// ── Plans: the fewest realistic practice steps that reach a goal ──────────────────────────────────────────────

type Goal = (m: Measurement) => boolean;

/** Options of `q` at `level`, in bank order. */
function optionsAtLevel(q: Question, level: number): string[] {
	const score = levelsOf(q)[level];
	return q.options.filter((o) => o.score === score).map((o) => o.id);
}

/**
 * The changes needed to give `q` the option `optionId` from `working`, prerequisites first (recursively), each
 * within {@link MAX_LEVELS_PER_STEP} of the original answer; null when a prerequisite is out of reach.
 */
function bundleFor(
	index: BankIndex,
	original: Answers,
	working: Answers,
	q: Question,
	optionId: string,
	depth = 0
): Map<string, string> | null {
	const bundle = new Map<string, string>();
	const option = q.options.find((o) => o.id === optionId);
	if (!option || depth > 3) return null;
	for (const r of option.requires ?? []) {
		const pre = index.byId.get(r.question)!;
		const need = levelOf(pre, r.atLeast);
		const current = answerOf(working, pre.id);
		if (pre.options.some((o) => o.id === current) && levelOf(pre, current) >= need) continue;
		if (need - levelOf(pre, answerOf(original, pre.id)) > MAX_LEVELS_PER_STEP) return null;
		const inner = bundleFor(index, original, working, pre, optionsAtLevel(pre, need)[0]!, depth + 1);
		if (!inner) return null;
		for (const [k, v] of inner) bundle.set(k, v);
	}
	bundle.set(q.id, optionId);
	return bundle;
}

/** The candidate single moves from `working`: each practice question raised one or two levels above its original. */
function candidateMoves(index: BankIndex, original: Answers, working: Answers): Map<string, string>[] {
	const moves: Map<string, string>[] = [];
	for (const q of index.practice) {
		if (isSkipped(q, working)) continue;
		const top = levelsOf(q).length - 1;
		const base = levelOf(q, answerOf(original, q.id));
		const known = q.options.some((o) => o.id === answerOf(working, q.id));
		const now = known ? levelOf(q, answerOf(working, q.id)) : -1;
		for (let level = base + 1; level <= Math.min(top, base + MAX_LEVELS_PER_STEP); level++) {
			if (level <= now) continue;
			const bundle = bundleFor(index, original, working, q, optionsAtLevel(q, level)[0]!);
			if (bundle) moves.push(bundle);
		}
	}
	return moves;
}

/** Distance from a goal, for the greedy search: points short on each axis, 25 per open critical gap. */
type Shortfall = (m: Measurement) => number;

function applyBundle(answers: Answers, bundle: Map<string, string>): Answers {
	const next = { ...answers };
	for (const [k, v] of bundle) next[k] = v;
	return next;
}

function levelsMoved(bank: QuestionBank, original: Answers, changes: Map<string, string>): number {
	const index = indexOf(bank);
	let sum = 0;
	for (const [id, option] of changes) {
		const q = index.byId.get(id)!;
		sum += levelOf(q, option) - levelOf(q, answerOf(original, id));
	}
	return sum;
}

/** Every changed option's prerequisites hold in `answers`. */
function prerequisitesHold(index: BankIndex, answers: Answers, changes: Map<string, string>): boolean {
	for (const [id, optionId] of changes) {
		const option = index.byId.get(id)!.options.find((o) => o.id === optionId);
		for (const r of option?.requires ?? []) {
			const pre = index.byId.get(r.question)!;
			const current = answerOf(answers, pre.id);
			if (!pre.options.some((o) => o.id === current) || levelOf(pre, current) < levelOf(pre, r.atLeast)) return false;
		}
	}
	return true;
}

/**
 * Greedy search for the fewest practice changes that reach `goal`: each round takes the move (a question raised one
 * or two levels, with its prerequisites) that closes most of the shortfall per question changed; then drops every
 * change that is not needed and lowers each to the smallest level that still reaches the goal. Null when no
 * sequence of realistic moves reaches it.
 */
function searchPlan(
	bank: QuestionBank,
	answers: Answers,
	goal: Goal,
	shortfall: Shortfall,
	cutoffs: TierCutoffs
): Map<string, string> | null {
	const index = indexOf(bank);
	let working: Answers = { ...answers };
	let current = measure(bank, working, cutoffs);
	const changes = new Map<string, string>();
	for (let round = 0; !goal(current); round++) {
		if (round > index.practice.length) return null;
		const before = shortfall(current);
		let best: { bundle: Map<string, string>; m: Measurement; gain: number; levels: number } | null = null;
		for (const bundle of candidateMoves(index, answers, working)) {
			const m = measure(bank, applyBundle(working, bundle), cutoffs);
			const reached = goal(m);
			const gain = (reached ? before + 1 : before - shortfall(m)) / bundle.size;
			if (gain <= 0) continue;
			const levels = levelsMoved(bank, working, bundle);
			if (!best || gain > best.gain + 1e-9 || (Math.abs(gain - best.gain) <= 1e-9 && levels < best.levels))
				best = { bundle, m, gain, levels };
		}
		if (!best) return null;
		working = applyBundle(working, best.bundle);
		for (const [k, v] of best.bundle) changes.set(k, v);
		current = best.m;
	}
	// Drop what is not needed (latest first), keeping every remaining change's prerequisites.
	for (const id of [...changes.keys()].reverse()) {
		const trial: Answers = { ...working };
		const original = answerOf(answers, id);
		if (original === undefined) delete trial[id];
		else trial[id] = original;
		const rest = new Map(changes);
		rest.delete(id);
		if (prerequisitesHold(index, trial, rest) && goal(measure(bank, trial, cutoffs))) {
			changes.delete(id);
			working = trial;
		}
	}
	// Lower each change to the smallest level that still reaches the goal.
	for (const [id, chosen] of changes) {
		const q = index.byId.get(id)!;
		for (let level = levelOf(q, answerOf(answers, id)) + 1; level < levelOf(q, chosen); level++) {
			const option = optionsAtLevel(q, level)[0]!;
			const trial = { ...working, [id]: option };
			const trialChanges = new Map(changes).set(id, option);
			if (prerequisitesHold(index, trial, trialChanges) && goal(measure(bank, trial, cutoffs))) {
				working = trial;
				changes.set(id, option);
				break;
			}
		}
	}
	return changes;
}

/** The changes as a list, prerequisites before what needs them, otherwise in bank order. */
function orderedChanges(bank: QuestionBank, answers: Answers, changes: Map<string, string>): AnswerChange[] {
	const index = indexOf(bank);
	const ids = index.practice.filter((q) => changes.has(q.id)).map((q) => q.id);
	const needs = (id: string) =>
		(index.byId.get(id)!.options.find((o) => o.id === changes.get(id))?.requires ?? [])
			.map((r) => r.question)
			.filter((p) => changes.has(p));
	const out: string[] = [];
	const visit = (id: string) => {
		if (out.includes(id)) return;
		for (const p of needs(id)) visit(p);
		out.push(id);
	};
	ids.forEach(visit);
	return out.map((id) => {
		const from = answerOf(answers, id);
		return {
			questionId: id,
			from: from === undefined || from === DONT_KNOW || from === NOT_APPLICABLE ? null : from,
			to: changes.get(id)!
		};
	});
}

/** The answers with every applicable practice question at its best option: the most practice alone can do. */
function bestPractice(bank: QuestionBank, answers: Answers): Answers {
	const best = { ...answers };
	for (const q of indexOf(bank).practice) best[q.id] = q.options[q.options.length - 1]!.id;
	return best;
}

/** Points short of each condition of reaching Pioneer on these axes, 25 per open critical gap. */
function pioneerShortfall(axes: TierAxes, cutoffs: TierCutoffs): number {
	return (
		Math.max(0, cutoffs.controlHigh - axes.control) +
		Math.max(0, axes.exposure - cutoffs.exposureHigh + SCORE_STEP) +
		25 * axes.criticalGaps
	);
}

/** The axes as they would be with use deepened to the Pioneer bar (AI-driven change with it). */
function atDeepUse(m: Measurement, cutoffs: TierCutoffs): TierAxes {
	const aiChange = Math.max(m.exposure.aiChange, cutoffs.useDeep);
	return {
		...m.axes,
		use: Math.max(m.use, cutoffs.useDeep),
		aiChange,
		exposure: exposureOf(aiChange, m.exposure.guards, m.exposure.outcomes)
	};
}

/** The lift plan and, when there is none for a placed result below Pioneer, why. */
export function liftPlan(
	bank: QuestionBank,
	answers: Answers,
	cutoffs: TierCutoffs = TIER_CUTOFFS
): { plan: LiftPlan | null; context: LiftContext | null } {
	const m = measure(bank, answers, cutoffs);
	if (m.tier === null || m.tier === 'pioneer') return { plan: null, context: null };
	let goal: Goal;
	let shortfall: Shortfall;
	if (m.tier === 'exposed') {
		goal = (x) => x.tier !== null && x.tier !== 'exposed';
		shortfall = (x) =>
			Math.max(0, cutoffs.controlLow - x.control) + Math.max(0, x.axes.exposure - cutoffs.exposureSevere + SCORE_STEP);
	} else if (m.tier === 'outpacing') {
		goal = (x) => x.tier === 'pioneer';
		shortfall = (x) => pioneerShortfall(x.axes, cutoffs);
	} else return { plan: null, context: 'deeper_use' };
	if (!goal(measure(bank, bestPractice(bank, answers), cutoffs)))
		return { plan: null, context: m.tier === 'outpacing' ? 'outcomes' : 'no_steps' };
	const changes = searchPlan(bank, answers, goal, shortfall, cutoffs);
	if (!changes) return { plan: null, context: 'no_steps' };
	const reached = measure(bank, applyBundle(answers, changes), cutoffs).tier as TierId;
	return { plan: { target: reached, changes: orderedChanges(bank, answers, changes) }, context: null };
}

/**
 * For a placed result whose use is not yet deep: would its practice hold at the Pioneer bar if use deepened to
 * it, and the fewest realistic practice steps that would make it hold. Null for deep use or no tier.
 */
export function readinessForDeeperUse(
	bank: QuestionBank,
	answers: Answers,
	cutoffs: TierCutoffs = TIER_CUTOFFS
): Readiness | null {
	const m = measure(bank, answers, cutoffs);
	if (m.tier === null || m.use >= cutoffs.useDeep) return null;
	const ready: Goal = (x) => tierFor(atDeepUse(x, cutoffs), cutoffs) === 'pioneer';
	if (ready(m)) return { ready: true, changes: [], reachable: true };
	const shortfall: Shortfall = (x) => pioneerShortfall(atDeepUse(x, cutoffs), cutoffs);
	const changes = ready(measure(bank, bestPractice(bank, answers), cutoffs))
		? searchPlan(bank, answers, ready, shortfall, cutoffs)
		: null;
	return changes
		? { ready: false, changes: orderedChanges(bank, answers, changes), reachable: true }
		: { ready: false, changes: [], reachable: false };
}

/**
 * Dimensions holding the result below its next step up: control dimensions under the cut-off control must
 * reach, and risk exposure when exposure or a critical gap stands in the way.
 */
export function blockingDimensions(m: Measurement, cutoffs: TierCutoffs = TIER_CUTOFFS): Set<DimensionId> {
	const blocking = new Set<DimensionId>();
	if (!m.tier || m.tier === 'pioneer') return blocking;
	const needControl = m.tier === 'exposed' ? cutoffs.controlLow : cutoffs.controlHigh;
	if (m.control < needControl)
		for (const d of m.dimensions)
			if (
				d.dimension !== 'ai_integration' &&
				(d.dimension === 'risk_exposure' ? m.exposure.guards : (d.contribution ?? 0)) < needControl
			)
				blocking.add(d.dimension);
	const exposureCap = m.tier === 'exposed' ? cutoffs.exposureSevere : cutoffs.exposureHigh;
	if (m.axes.exposure >= exposureCap || (m.tier !== 'exposed' && m.criticalGaps.length > 0))
		blocking.add('risk_exposure');
	return blocking;
}

/**
 * The roadmap's steps: one per applicable practice question answered below its best level (or "don't know" /
 * skipped), naming the next step from the level answered — never a step already taken. Ordered by priority:
 * critical gaps first, then steps of the lift (or readiness) plan, then weight × shortfall (× {@link
 * BLOCKING_BOOST} in a dimension that blocks the next tier), lower effort first among equals.
 */
export function recommendations(
	bank: QuestionBank,
	answers: Answers,
	m: Measurement,
	planned: Set<string>,
	cutoffs: TierCutoffs = TIER_CUTOFFS
): Recommendation[] {
	const index = indexOf(bank);
	const blocking = blockingDimensions(m, cutoffs);
	const critical = new Set(m.criticalGaps);
	const list: Recommendation[] = [];
	for (const q of index.practice) {
		if (isSkipped(q, answers) || !q.dimension) continue;
		const optionId = answerOf(answers, q.id);
		const known = q.options.find((o) => o.id === optionId);
		const levels = levelsOf(q);
		const level = known ? levels.indexOf(known.score) : 0;
		if (known && level === levels.length - 1) continue;
		const from = known ?? q.options[0]!;
		const step = from.next;
		if (!step) continue;
		const target = optionsAtLevel(q, known ? level + 1 : Math.min(1, levels.length - 1))[0] ?? null;
		const isCritical = critical.has(q.id);
		const lifts = planned.has(q.id);
		const boost = blocking.has(q.dimension) ? BLOCKING_BOOST : 1;
		list.push({
			questionId: q.id,
			dimension: q.dimension,
			priority: round1(
				(isCritical ? PRIORITY_CRITICAL : 0) +
					(lifts ? PRIORITY_LIFTS : 0) +
					(q.weight ?? 1) * (100 - from.score) * boost * 0.1 +
					EFFORT_BONUS[step.effort]
			),
			title: step.title,
			action: step.action,
			effort: step.effort,
			from: known ? known.id : null,
			to: target,
			critical: isCritical,
			lifts,
			theme: q.theme ?? null,
			references: q.references ?? [],
			because: [{ questionId: q.id, optionId: optionId ?? DONT_KNOW }]
		});
	}
	return list.sort((a, b) => b.priority - a.priority);
}

/** Where the result stands on the rule that placed it, once per rule: the coverage check and the tier rules. */
function reasonsFor(m: Measurement) {
	const enough = m.coverage >= MIN_COVERAGE;
	return [
		{
			rule: 'coverage',
			value: round1(m.coverage * 100),
			cutoff: MIN_COVERAGE * 100,
			passed: enough,
			text: enough
				? `You answered ${Math.round(m.coverage * 100)} % of the questions that apply: enough to place you.`
				: `You answered ${Math.round(m.coverage * 100)} % of the questions that apply; at least ${MIN_COVERAGE * 100} % are needed to place you.`
		},
		...tierReasons(m.axes)
	];
}

/**
 * Scores a set of answers against a bank: the full result a results page, PDF and CSV show.
 * @throws AnswersError when an answer names an unknown question, an option its question does not have, or a
 * reserved answer the question does not accept.
 */
export function score(bank: QuestionBank, answers: Answers, benchmark: Benchmark = SURVEY_2026): LegacyResult {
	if (bank.model === 1) return scoreModel1(bank, answers, benchmark);
	validateAnswers(bank, answers);
	const m = measure(bank, answers);
	const lift = liftPlan(bank, answers);
	const readiness = readinessForDeeperUse(bank, answers);
	const planned = new Set([...(lift.plan?.changes ?? []), ...(readiness?.changes ?? [])].map((c) => c.questionId));
	const nearest = m.tier === null ? null : nearestCutoff(m.axes);
	return {
		bank: bank.id,
		version: bank.version,
		model: 2,
		dimensions: m.dimensions,
		use: m.use,
		control: m.control,
		index: m.index,
		coverage: m.coverage,
		answered: m.answered,
		notApplicable: m.notApplicable,
		dontKnow: m.dontKnow,
		skipped: m.skipped,
		tier: m.tier,
		reasons: reasonsFor(m),
		inUse: m.axes.aiChange >= TIER_CUTOFFS.useFloor,
		criticalGaps: m.criticalGaps,
		provisional: m.tier !== null && m.thinDimensions.length > 0,
		thinDimensions: m.thinDimensions,
		exposure: m.exposure,
		borderline: m.tier !== null && isBorderline(m.axes),
		nearestCutoff: nearest,
		liftPlan: lift.plan,
		liftContext: lift.context,
		readiness,
		confidenceGaps: confidenceGaps(bank, answers, m.dimensions),
		benchmarkLines: benchmarkLines(bank, answers, benchmark),
		recommendations: recommendations(bank, answers, m, planned)
	};
}

/** The tier and dimension scores of validated answers, by the bank's own model: the cheap part of {@link score}. */
export function placement(
	bank: QuestionBank,
	answers: Answers
): { tier: TierId | null; dimensions: DimensionResult[] } {
	const m = bank.model === 1 ? measureModel1(bank, answers) : measure(bank, answers);
	return { tier: m.tier, dimensions: m.dimensions };
}
