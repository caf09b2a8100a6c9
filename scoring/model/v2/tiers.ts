/**
 * Tier rules of bank 2.0.0: where an organisation sits among the survey's four groups. Readiness is the result
 * and adoption the context: the rules read how deeply AI is used ("use"), how well it is controlled ("control",
 * practice only), how exposed AI-driven change is ("exposure") and whether any critical gap is open. Every cut-off
 * lives here as a named constant; the three fitted ones are normed by `scoring/norm.ts` (docs/methodology.md).
 */
import { points } from './format';
import { TIER_IDS, type DimensionId, type Reason, type TierId } from '../../schema';

/** Display label of each tier, in the survey's words. */
export const TIER_LABELS: Readonly<Record<TierId, string>> = Object.freeze({
	exposed: 'Exposed',
	fragmented: 'Fragmented',
	outpacing: 'Outpacing',
	pioneer: 'Pioneer'
});

/** Position of a tier in ascending maturity (exposed = 0 … pioneer = 3). */
export function tierRank(tier: TierId): number {
	return TIER_IDS.indexOf(tier);
}

/** The tier one step up, or null at Pioneer. */
export function nextTier(tier: TierId): TierId | null {
	return TIER_IDS[tierRank(tier) + 1] ?? null;
}

/** The numbers a tier is decided on, each 0–100 with one decimal, and the count of open critical gaps. */
export interface TierAxes {
	/** How deeply AI is used, crediting only what is known ("don't know" scores as no use). */
	use: number;
	/** How much AI-driven change there is, assuming the worst of what is not known ("don't know" scores as the deepest use). */
	aiChange: number;
	/** How well AI-driven change is controlled: practice only ({@link CONTROL_WEIGHTS}). */
	control: number;
	/** Risk exposure (higher = more exposed): see {@link exposureOf}. */
	exposure: number;
	/** Critical gaps open (a critical answer, or "don't know" / no answer where a critical answer exists). */
	criticalGaps: number;
}

/** Cut-offs of the tier rules, in points on the 0–100 axes. */
export interface TierCutoffs {
	/** AI-driven change below this is barely using AI: never Exposed. Fixed by argument, not fitted. */
	useFloor: number;
	/** Use at or above this is deep use (Pioneer and Outpacing need it). Fitted. */
	useDeep: number;
	/** Control at or above this is robust (Pioneer needs it). Fitted. */
	controlHigh: number;
	/** Control below this is weak (with AI in use: Exposed). Fitted. */
	controlLow: number;
	/** Exposure at or above this is high: no Pioneer. Fixed by argument: more exposed than guarded. */
	exposureHigh: number;
	/** Exposure at or above this is severe (with AI in use: Exposed, whatever the control). Fixed by argument. */
	exposureSevere: number;
}

/**
 * The shipped cut-offs. The fitted ones (`useDeep`, `controlHigh`, `controlLow`) come from `fitCutoffs` in
 * `scoring/norm.ts` on the seeded simulated population and are pasted here; `tests/scoring/norm.test.ts` re-checks
 * that they still reproduce the survey's tier shares.
 */
export const TIER_CUTOFFS: Readonly<TierCutoffs> = Object.freeze({
	useFloor: 20,
	useDeep: 49.5,
	controlHigh: 61.5,
	controlLow: 29,
	exposureHigh: 50,
	exposureSevere: 75
});

/** The dimensions whose practice makes up the control axis (risk exposure contributes its guards). */
export type ControlDimensionId = Exclude<DimensionId, 'ai_integration'>;

/**
 * Weight of each dimension's practice in the control axis (sums to 1). Governance and the guards on AI-driven
 * change (the risk dimension's practice questions) weigh most: the survey tells its groups apart chiefly by
 * governance, and the guards are what stands between AI-generated change and production.
 */
export const CONTROL_WEIGHTS: Readonly<Record<ControlDimensionId, number>> = Object.freeze({
	governance: 0.3,
	automation: 0.2,
	risk_exposure: 0.3,
	platform: 0.2
});

/** How far the worst outcomes on every question close the gap between the base exposure and 100 (0–1). */
export const OUTCOME_WEIGHT = 0.5;

/** Below this share of scored questions answered with an option (0–1), no tier is placed. */
export const MIN_COVERAGE = 0.5;

/** A dimension with less than this share answered with an option (0–1) is thin: the result is provisional. */
export const THIN_COVERAGE = 0.6;

/** Resolution of every reported score: one decimal. A value just below a cut-off is the cut-off minus this. */
export const SCORE_STEP = 0.1;

/**
 * How uncertain each fitted cut-off is, in points: the half-width of the range it takes when the norming is rerun
 * under other assumptions and on bootstrap samples of 406 (`npm run norm`, docs/methodology.md). A result within
 * this margin of a cut-off that decides its tier is borderline. Cut-offs fixed by argument have no margin.
 */
export const BORDERLINE_MARGINS: Readonly<Record<keyof TierCutoffs, number>> = Object.freeze({
	useFloor: 0,
	useDeep: 4,
	controlHigh: 8,
	controlLow: 4,
	exposureHigh: 0,
	exposureSevere: 0
});

/**
 * Risk exposure from its parts: base = AI-driven change × (100 − guards) / 100 — how much AI-driven change meets
 * how weak the guards on it are — raised by the outcomes of the last 12 months: exposure = base + (100 − base) ×
 * {@link OUTCOME_WEIGHT} × outcomes / 100. No AI-driven change means no base exposure; outcomes only ever raise it.
 */
export function exposureOf(aiChange: number, guards: number, outcomes: number): number {
	const base = (aiChange * (100 - guards)) / 100;
	return Math.round((base + (100 - base) * OUTCOME_WEIGHT * (outcomes / 100)) * 10) / 10;
}

/**
 * Places the tier. Rules, in order:
 * 1. Exposed — AI in use (AI-driven change ≥ `useFloor`) and either control < `controlLow` or exposure ≥
 *    `exposureSevere`: uses AI without the governance to support it. Barely using AI is never Exposed.
 * 2. Pioneer — use ≥ `useDeep`, control ≥ `controlHigh`, exposure < `exposureHigh` and no critical gap.
 * 3. Outpacing — use ≥ `useDeep`: deep use ahead of control.
 * 4. Fragmented — everything else: control neither weak nor robust enough for the use, or use not yet deep.
 * A better practice answer raises control, lowers exposure and can only close critical gaps, and `controlLow` <
 * `controlHigh`, `exposureHigh` < `exposureSevere`, so a better practice answer never lowers the tier.
 */
export function tierFor(axes: TierAxes, cutoffs: TierCutoffs = TIER_CUTOFFS): TierId {
	const inUse = axes.aiChange >= cutoffs.useFloor;
	if (inUse && (axes.control < cutoffs.controlLow || axes.exposure >= cutoffs.exposureSevere)) return 'exposed';
	const deepUse = axes.use >= cutoffs.useDeep;
	if (deepUse && axes.control >= cutoffs.controlHigh && axes.exposure < cutoffs.exposureHigh && axes.criticalGaps === 0)
		return 'pioneer';
	if (deepUse) return 'outpacing';
	return 'fragmented';
}

/** A cut-off the rules compare an axis with. */
export interface CutoffOnAxis {
	rule: keyof TierCutoffs;
	axis: 'use' | 'control' | 'exposure';
	cutoff: number;
}

/** Every cut-off with the axis it lies on (the use floor is compared with AI-driven change, reported on `use`). */
export function cutoffsOnAxes(cutoffs: TierCutoffs = TIER_CUTOFFS): CutoffOnAxis[] {
	return [
		{ rule: 'useFloor', axis: 'use', cutoff: cutoffs.useFloor },
		{ rule: 'useDeep', axis: 'use', cutoff: cutoffs.useDeep },
		{ rule: 'controlHigh', axis: 'control', cutoff: cutoffs.controlHigh },
		{ rule: 'controlLow', axis: 'control', cutoff: cutoffs.controlLow },
		{ rule: 'exposureHigh', axis: 'exposure', cutoff: cutoffs.exposureHigh },
		{ rule: 'exposureSevere', axis: 'exposure', cutoff: cutoffs.exposureSevere }
	];
}

/** The axes moved just across one cut-off (the use floor moves AI-driven change, the others their own axis). */
function across(axes: TierAxes, c: CutoffOnAxis): TierAxes {
	const value = c.rule === 'useFloor' ? axes.aiChange : axes[c.axis];
	const moved = value >= c.cutoff ? c.cutoff - SCORE_STEP : c.cutoff;
	return c.rule === 'useFloor' ? { ...axes, aiChange: moved } : { ...axes, [c.axis]: moved };
}

/**
 * The nearest cut-off whose crossing would change the tier, with the tier across it and the cut-off's margin;
 * null when no single cut-off would. Borderline = within that cut-off's {@link BORDERLINE_MARGINS}.
 */
export function nearestCutoff(
	axes: TierAxes,
	cutoffs: TierCutoffs = TIER_CUTOFFS
): {
	rule: keyof TierCutoffs;
	axis: CutoffOnAxis['axis'];
	value: number;
	cutoff: number;
	margin: number;
	across: TierId;
} | null {
	const tier = tierFor(axes, cutoffs);
	let best: ReturnType<typeof nearestCutoff> = null;
	let bestDistance = Infinity;
	for (const c of cutoffsOnAxes(cutoffs)) {
		const moved = tierFor(across(axes, c), cutoffs);
		if (moved === tier) continue;
		const value = c.rule === 'useFloor' ? axes.aiChange : axes[c.axis];
		const distance = Math.abs(value - c.cutoff);
		if (distance < bestDistance) {
			bestDistance = distance;
			best = { rule: c.rule, axis: c.axis, value, cutoff: c.cutoff, margin: BORDERLINE_MARGINS[c.rule], across: moved };
		}
	}
	return best;
}

/** True when a cut-off that decides the tier lies within its uncertainty margin of the result. */
export function isBorderline(axes: TierAxes, cutoffs: TierCutoffs = TIER_CUTOFFS): boolean {
	const tier = tierFor(axes, cutoffs);
	return cutoffsOnAxes(cutoffs).some((c) => {
		const margin = BORDERLINE_MARGINS[c.rule];
		const value = c.rule === 'useFloor' ? axes.aiChange : axes[c.axis];
		return margin > 0 && Math.abs(value - c.cutoff) <= margin && tierFor(across(axes, c), cutoffs) !== tier;
	});
}

/**
 * Every condition the rules check, with the numbers compared and a plain sentence. `passed` means the condition
 * holds (for `control_low`, `exposure_high`, `exposure_severe` and `critical_gaps`, holding is bad news).
 */
export function tierReasons(axes: TierAxes, cutoffs: TierCutoffs = TIER_CUTOFFS): Reason[] {
	const inUse = axes.aiChange >= cutoffs.useFloor;
	const deep = axes.use >= cutoffs.useDeep;
	const robust = axes.control >= cutoffs.controlHigh;
	const weak = axes.control < cutoffs.controlLow;
	const high = axes.exposure >= cutoffs.exposureHigh;
	const severe = axes.exposure >= cutoffs.exposureSevere;
	const c = points(axes.control);
	const e = points(axes.exposure);
	return [
		{
			rule: 'in_use',
			value: axes.aiChange,
			cutoff: cutoffs.useFloor,
			passed: inUse,
			text: inUse
				? `AI-driven change ${points(axes.aiChange)} ≥ ${cutoffs.useFloor}: AI is in use, so weak control would make you Exposed.`
				: `AI-driven change ${points(axes.aiChange)} < ${cutoffs.useFloor}: you barely use AI yet, so you cannot be Exposed; the result is about readiness for when you do.`
		},
		{
			rule: 'use_deep',
			value: axes.use,
			cutoff: cutoffs.useDeep,
			passed: deep,
			text: deep
				? `AI use ${points(axes.use)} ≥ ${cutoffs.useDeep}: you use AI deeply (Pioneer and Outpacing need it).`
				: `AI use ${points(axes.use)} < ${cutoffs.useDeep}: your AI use is not yet deep (Pioneer and Outpacing need it).`
		},
		{
			rule: 'control_high',
			value: axes.control,
			cutoff: cutoffs.controlHigh,
			passed: robust,
			text: robust
				? `Control ${c} ≥ ${cutoffs.controlHigh}: your control of AI-driven change is robust (Pioneer needs it).`
				: `Control ${c} < ${cutoffs.controlHigh}: your control of AI-driven change is not yet robust enough for Pioneer.`
		},
		{
			rule: 'control_low',
			value: axes.control,
			cutoff: cutoffs.controlLow,
			passed: weak,
			text: weak
				? `Control ${c} < ${cutoffs.controlLow}: your control of AI-driven change is weak.`
				: `Control ${c} ≥ ${cutoffs.controlLow}: your control of AI-driven change is not weak.`
		},
		{
			rule: 'exposure_high',
			value: axes.exposure,
			cutoff: cutoffs.exposureHigh,
			passed: high,
			text: high
				? `Risk exposure ${e} ≥ ${cutoffs.exposureHigh}: your exposure is high (no Pioneer).`
				: `Risk exposure ${e} < ${cutoffs.exposureHigh}: your exposure is not high.`
		},
		{
			rule: 'exposure_severe',
			value: axes.exposure,
			cutoff: cutoffs.exposureSevere,
			passed: severe,
			text: severe
				? `Risk exposure ${e} ≥ ${cutoffs.exposureSevere}: your exposure is severe.`
				: `Risk exposure ${e} < ${cutoffs.exposureSevere}: your exposure is not severe.`
		},
		{
			rule: 'critical_gaps',
			value: axes.criticalGaps,
			cutoff: 0,
			passed: axes.criticalGaps > 0,
			text:
				axes.criticalGaps > 0
					? `${axes.criticalGaps} critical gap${axes.criticalGaps === 1 ? '' : 's'} open: below Pioneer whatever else is true.`
					: 'No critical gap is open.'
		}
	];
}
