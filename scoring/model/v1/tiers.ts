/**
 * The frozen tier rules of bank 1.x: use against control plus risk exposure, with the cut-offs normed for bank
 * 1.0.0. Kept unchanged so that old results keep their tier; bank 2.0.0's rules are in `scoring/tiers`.
 */
import { points } from '../v2/format';
import { type DimensionId, type TierId } from '../../schema';
import { type Reason } from '../v2/result';
import { nextTier, tierRank } from '../v2/tiers';

export { nextTier, tierRank };

/** The three numbers a tier is decided on, each 0–100 with one decimal. */
export interface TierAxes {
	/** How deeply AI is used: the AI-integration score. */
	use: number;
	/** How well AI is controlled: weighted mean of the control dimensions' contributions ({@link CONTROL_WEIGHTS}). */
	control: number;
	/** Risk exposure as reported (higher = more exposed). */
	exposure: number;
}

/** Cut-offs of the tier rules, all in points on the 0–100 axes. */
export interface TierCutoffs {
	/** Use at or above this is "deep" use (Pioneer and Outpacing need it). */
	use: number;
	/** Control at or above this is "robust" (Pioneer needs it). */
	controlHigh: number;
	/** Control below this is "weak" (one of Exposed's two conditions). */
	controlLow: number;
	/** Exposure at or above this is "high" (the other Exposed condition). */
	exposureHigh: number;
}

/**
 * The shipped cut-offs. Fitted once by `fitCutoffs` in `scoring/norm.ts` on the seeded simulated population and
 * pasted here; `tests/scoring/norm.test.ts` re-checks that they still reproduce the survey's tier shares.
 */
export const TIER_CUTOFFS: Readonly<TierCutoffs> = Object.freeze({
	use: 56,
	controlHigh: 66,
	controlLow: 29,
	exposureHigh: 50
});

/** The dimensions that make up the control axis. */
export type ControlDimensionId = Exclude<DimensionId, 'ai_integration'>;

/**
 * Weight of each dimension's contribution in the control axis (sums to 1). Governance counts double: the survey's
 * groups are told apart chiefly by governance ("19 % have the governance foundations needed for AI readiness").
 * Risk exposure enters as its contribution, i.e. 100 − exposure.
 */
export const CONTROL_WEIGHTS: Readonly<Record<ControlDimensionId, number>> = Object.freeze({
	governance: 0.4,
	automation: 0.2,
	risk_exposure: 0.2,
	platform: 0.2
});

/** A result is borderline when moving one axis by at most this many points would change its tier. */
export const BORDERLINE_MARGIN = 3;

/** Below this share of practice questions answered (0–1), no tier is placed. */
export const MIN_COVERAGE = 0.6;

/** Resolution of every reported score: one decimal. A value just below a cut-off is the cut-off minus this. */
export const SCORE_STEP = 0.1;

/**
 * Places the tier. Rules, evaluated in order:
 * 1. Pioneer — use ≥ `use` and control ≥ `controlHigh`;
 * 2. Exposed — control < `controlLow` and exposure ≥ `exposureHigh`;
 * 3. Outpacing — use ≥ `use` (use ahead of control);
 * 4. Fragmented — everything else.
 * Because use and control only rise and exposure only falls when an answer improves, and `controlLow` ≤
 * `controlHigh`, a better answer never lowers the tier.
 */
export function tierFor(axes: TierAxes, cutoffs: TierCutoffs = TIER_CUTOFFS): TierId {
	const deepUse = axes.use >= cutoffs.use;
	if (deepUse && axes.control >= cutoffs.controlHigh) return 'pioneer';
	if (axes.control < cutoffs.controlLow && axes.exposure >= cutoffs.exposureHigh) return 'exposed';
	if (deepUse) return 'outpacing';
	return 'fragmented';
}

/** One condition of a tier rule: an axis compared with a cut-off. */
export interface TierCondition {
	axis: keyof TierAxes;
	/** `atLeast`: axis ≥ cutoff; `below`: axis < cutoff. */
	op: 'atLeast' | 'below';
	cutoff: number;
}

/**
 * What reaching at least `target` requires, as alternatives (any one suffices) of conditions (all must hold).
 * Equivalent to `tierRank(tierFor(axes)) >= tierRank(target)`; used by the lift plan and the recommendations.
 */
export function requirementsFor(target: TierId, cutoffs: TierCutoffs = TIER_CUTOFFS): TierCondition[][] {
	const useHigh: TierCondition = { axis: 'use', op: 'atLeast', cutoff: cutoffs.use };
	const notWeak: TierCondition = { axis: 'control', op: 'atLeast', cutoff: cutoffs.controlLow };
	const notExposed: TierCondition = { axis: 'exposure', op: 'below', cutoff: cutoffs.exposureHigh };
	switch (target) {
		case 'exposed':
			return [[]];
		case 'fragmented':
			return [[notWeak], [notExposed]];
		case 'outpacing':
			return [
				[useHigh, notWeak],
				[useHigh, notExposed]
			];
		case 'pioneer':
			return [[useHigh, { axis: 'control', op: 'atLeast', cutoff: cutoffs.controlHigh }]];
	}
}

/** How far an axis value is from meeting a condition, in points (0 when met). */
export function conditionShortfall(condition: TierCondition, axes: TierAxes): number {
	const value = axes[condition.axis];
	return condition.op === 'atLeast'
		? Math.max(0, condition.cutoff - value)
		: Math.max(0, value - condition.cutoff + SCORE_STEP);
}

/**
 * Every condition the rules check, with the numbers compared and a plain sentence. `passed` means the condition
 * holds (for `control_low` and `exposure_high`, holding is bad news).
 */
export function tierReasons(axes: TierAxes, cutoffs: TierCutoffs = TIER_CUTOFFS): Reason[] {
	const u = points(axes.use);
	const c = points(axes.control);
	const e = points(axes.exposure);
	const useHigh = axes.use >= cutoffs.use;
	const controlHigh = axes.control >= cutoffs.controlHigh;
	const controlLow = axes.control < cutoffs.controlLow;
	const exposureHigh = axes.exposure >= cutoffs.exposureHigh;
	return [
		{
			rule: 'use_high',
			value: axes.use,
			cutoff: cutoffs.use,
			passed: useHigh,
			text: useHigh
				? `AI use ${u} ≥ ${cutoffs.use}: you use AI deeply (needed for Pioneer and Outpacing).`
				: `AI use ${u} < ${cutoffs.use}: your AI use is not yet deep enough for Pioneer or Outpacing.`
		},
		{
			rule: 'control_high',
			value: axes.control,
			cutoff: cutoffs.controlHigh,
			passed: controlHigh,
			text: controlHigh
				? `AI control ${c} ≥ ${cutoffs.controlHigh}: your control of AI is robust (needed for Pioneer).`
				: `AI control ${c} < ${cutoffs.controlHigh}: your control of AI is not yet robust enough for Pioneer.`
		},
		{
			rule: 'control_low',
			value: axes.control,
			cutoff: cutoffs.controlLow,
			passed: controlLow,
			text: controlLow
				? `AI control ${c} < ${cutoffs.controlLow}: your control of AI is weak.`
				: `AI control ${c} ≥ ${cutoffs.controlLow}: your control of AI is not weak.`
		},
		{
			rule: 'exposure_high',
			value: axes.exposure,
			cutoff: cutoffs.exposureHigh,
			passed: exposureHigh,
			text: exposureHigh
				? `Risk exposure ${e} ≥ ${cutoffs.exposureHigh}: your exposure to AI-caused incidents is high.`
				: `Risk exposure ${e} < ${cutoffs.exposureHigh}: your exposure to AI-caused incidents is contained.`
		}
	];
}

/** The cut-offs that lie on each axis. */
function cutoffsOn(axis: keyof TierAxes, cutoffs: TierCutoffs): number[] {
	if (axis === 'use') return [cutoffs.use];
	if (axis === 'control') return [cutoffs.controlHigh, cutoffs.controlLow];
	return [cutoffs.exposureHigh];
}

/**
 * True when the tier is decided by a cut-off the result sits within {@link BORDERLINE_MARGIN} points of: moving
 * that one axis to the other side of the cut-off would change the tier.
 */
export function isBorderline(axes: TierAxes, cutoffs: TierCutoffs = TIER_CUTOFFS): boolean {
	const tier = tierFor(axes, cutoffs);
	for (const axis of ['use', 'control', 'exposure'] as const) {
		for (const cutoff of cutoffsOn(axis, cutoffs)) {
			const value = axes[axis];
			if (Math.abs(value - cutoff) > BORDERLINE_MARGIN) continue;
			const across = value >= cutoff ? cutoff - SCORE_STEP : cutoff;
			if (tierFor({ ...axes, [axis]: across }, cutoffs) !== tier) return true;
		}
	}
	return false;
}
