/**
 * Group rules of model 3.0: readiness first, adoption as context. Pioneer is read from the foundations alone —
 * control, the three floors, no critical gap, no weak guard, no severe finding, nothing critical left unknown, not
 * provisional — so no use answer can move an organisation into or out of it. Exposed needs AI in real use and weak
 * control (the bar raised by open critical gaps on practices in use) or severe exposure. The rest is Outpacing with
 * deep use, else Fragmented: two shapes, neither above the other. Every cut-off is a named constant here; the fitted
 * ones come from `scoring/norm/` (docs/methodology.md).
 */
import type { DimensionId, TierId } from '../../schema';
import type { Condition, RuleId } from './result';

/** Cut-offs, in points on the 0–100 axes. */
export interface Cutoffs {
	/** AI-driven change at or above this is AI in real use (a condition of Exposed). Fixed by argument. */
	useFloor: number;
	/** Use at or above this is deep use: Outpacing rather than Fragmented. Fitted. */
	useDeep: number;
	/** Control at or above this is robust (a condition of Pioneer). Fitted. */
	controlHigh: number;
	/** Control below this is weak (with AI in use: Exposed). Fitted. */
	controlLow: number;
	/** Governance, automation and platform each at least this for Pioneer. Fixed by argument. */
	floor: number;
	/** Exposure at or above this is severe (with AI in use: Exposed). Fixed by argument. */
	exposureSevere: number;
	/** Points each open critical gap on a practice in use adds to the weak-control bar, up to {@link CRITICAL_CAP}. */
	criticalWeight: number;
}

/** At most this many open critical gaps raise the weak-control bar. */
export const CRITICAL_CAP = 3;

/** The shipped cut-offs; the fitted ones are pasted from `npm run norm` (tests re-check them). */
export const CUTOFFS: Readonly<Cutoffs> = Object.freeze({
	useFloor: 20,
	useDeep: 57.5,
	controlHigh: 68.5,
	controlLow: 22.5,
	floor: 40,
	exposureSevere: 75,
	criticalWeight: 8
});

/**
 * Half-width of each cut-off's uncertainty, in points. Fitted cut-offs: from the parametric bootstrap over the
 * survey's published figures (`npm run norm`). Fixed ones: the rubric range we cannot rule out (±5 points). A result
 * within a margin of a cut-off that decides its group is borderline.
 */
export const MARGINS: Readonly<
	Record<'useFloor' | 'useDeep' | 'controlHigh' | 'controlLow' | 'floor' | 'exposureSevere', number>
> = Object.freeze({ useFloor: 5, useDeep: 5, controlHigh: 3, controlLow: 4, floor: 5, exposureSevere: 5 });

/** Weight of each dimension's practice in the control axis (sums to 1). */
export const CONTROL_WEIGHTS: Readonly<Record<Exclude<DimensionId, 'ai_integration'>, number>> = Object.freeze({
	governance: 0.3,
	automation: 0.2,
	risk_exposure: 0.3,
	platform: 0.2
});

/** How far the worst outcomes on every question close the gap between the base exposure and 100 (0–1). */
export const OUTCOME_WEIGHT = 0.5;

/** Below this share of practice and outcome questions answered (0–1), no group is placed. */
export const MIN_COVERAGE = 0.5;
/** Below this share of practice questions answered (0–1), the result is provisional (no Pioneer). */
export const PRACTICE_COVERAGE = 0.8;
/** A control dimension with less than this share of its practice answered (0–1) is thin: provisional. */
export const THIN_COVERAGE = 0.6;

/** The three dimensions with a Pioneer floor. */
export const FLOOR_DIMENSIONS = ['governance', 'automation', 'platform'] as const;

/** Display order of groups from the most to the least ready (Outpacing and Fragmented are shapes, not rungs). */
export const GROUP_ORDER: readonly TierId[] = ['pioneer', 'outpacing', 'fragmented', 'exposed'];

/**
 * The partial order of groups: Exposed below Fragmented and Outpacing, both below Pioneer; Fragmented and Outpacing
 * are not comparable. Returns 1 when `a` is above `b`, −1 below, 0 equal, null when they are different shapes.
 */
export function compareGroups(a: TierId, b: TierId): 1 | -1 | 0 | null {
	if (a === b) return 0;
	const rank = (t: TierId) => (t === 'pioneer' ? 2 : t === 'exposed' ? 0 : 1);
	if (rank(a) === rank(b)) return null;
	return rank(a) > rank(b) ? 1 : -1;
}

/** Risk exposure: base = AI-driven change × (100 − guards) / 100, raised by outcomes (see docs/methodology.md). */
export function exposureOf(aiChange: number, guards: number, outcomes: number): number {
	const base = (aiChange * (100 - guards)) / 100;
	return Math.round((base + (100 - base) * OUTCOME_WEIGHT * (outcomes / 100)) * 10) / 10;
}

/** The numbers and counts the group rules read. */
export interface Axes {
	use: number;
	aiChange: number;
	control: number;
	exposure: number;
	floors: Record<(typeof FLOOR_DIMENSIONS)[number], number>;
	/** Stated critical gaps. */
	criticalStated: number;
	/** Critical questions answered "don't know", "varies by team" or left unanswered. */
	criticalUnknown: number;
	/** Open critical gaps (stated or unknown) on practices in use. */
	criticalInUse: number;
	weakGuards: number;
	/** Severe findings whose root cause is not fixed and verified. */
	severeOpen: number;
	/** Outcomes that could be severe, answered "don't know" or left unanswered. */
	outcomesUnknown: number;
	provisional: boolean;
	/** Share answered, for placement (0–1). */
	coverage: number;
}

/** The weak-control bar: the weak cut-off raised by open critical gaps on practices in use. */
export function weakBar(axes: Axes, c: Cutoffs = CUTOFFS): number {
	return c.controlLow + c.criticalWeight * Math.min(CRITICAL_CAP, axes.criticalInUse);
}

/** What keeps a result from Pioneer, in the order the rules read them (empty: Pioneer). */
export function pioneerBlockers(axes: Axes, c: Cutoffs = CUTOFFS): RuleId[] {
	const out: RuleId[] = [];
	if (axes.criticalStated > 0) out.push('critical_gap');
	if (axes.severeOpen > 0) out.push('severe_finding');
	if (axes.criticalUnknown > 0) out.push('critical_unknown');
	if (axes.outcomesUnknown > 0) out.push('outcome_unknown');
	if (axes.provisional) out.push('provisional');
	if (axes.weakGuards > 0) out.push('weak_guard');
	if (FLOOR_DIMENSIONS.some((d) => axes.floors[d] < c.floor)) out.push('floor');
	if (axes.control < c.controlHigh) out.push('control');
	return out;
}

/** The group and the rule that decided it. */
export function groupOf(axes: Axes, c: Cutoffs = CUTOFFS): { tier: TierId | null; rule: RuleId } {
	if (axes.coverage < MIN_COVERAGE) return { tier: null, rule: 'coverage' };
	const blockers = pioneerBlockers(axes, c);
	if (blockers.length === 0) return { tier: 'pioneer', rule: 'pioneer' };
	if (axes.aiChange >= c.useFloor) {
		if (axes.control < weakBar(axes, c)) return { tier: 'exposed', rule: 'exposed_control' };
		if (axes.exposure >= c.exposureSevere) return { tier: 'exposed', rule: 'exposed_exposure' };
	}
	return { tier: axes.use >= c.useDeep ? 'outpacing' : 'fragmented', rule: blockers[0]! };
}

/** Every condition with its numbers, in the order the methodology lists them. */
export function conditionsOf(axes: Axes, c: Cutoffs = CUTOFFS): Condition[] {
	const critical = axes.criticalStated + axes.criticalUnknown;
	const severe = axes.severeOpen + axes.outcomesUnknown;
	return [
		{ id: 'control_robust', value: axes.control, cutoff: c.controlHigh, holds: axes.control >= c.controlHigh },
		...FLOOR_DIMENSIONS.map((d) => ({
			id: `floor_${d}` as const,
			value: axes.floors[d],
			cutoff: c.floor,
			holds: axes.floors[d] >= c.floor
		})),
		{ id: 'no_critical_gap', value: critical, cutoff: 0, holds: critical === 0 },
		{ id: 'no_weak_guard', value: axes.weakGuards, cutoff: 0, holds: axes.weakGuards === 0 },
		{ id: 'no_severe_finding', value: severe, cutoff: 0, holds: severe === 0 },
		{ id: 'not_provisional', value: Math.round(axes.coverage * 1000) / 10, cutoff: 0, holds: !axes.provisional },
		{ id: 'in_use', value: axes.aiChange, cutoff: c.useFloor, holds: axes.aiChange >= c.useFloor },
		{ id: 'control_weak', value: axes.control, cutoff: weakBar(axes, c), holds: axes.control < weakBar(axes, c) },
		{
			id: 'exposure_severe',
			value: axes.exposure,
			cutoff: c.exposureSevere,
			holds: axes.exposure >= c.exposureSevere
		},
		{ id: 'deep_use', value: axes.use, cutoff: c.useDeep, holds: axes.use >= c.useDeep }
	];
}

/** Resolution of reported scores: a value just below a cut-off is the cut-off minus this. */
export const SCORE_STEP = 0.1;

type NumericCondition =
	| 'control_robust'
	| 'floor_governance'
	| 'floor_automation'
	| 'floor_platform'
	| 'in_use'
	| 'control_weak'
	| 'exposure_severe';

/** The axes moved just across one numeric condition's cut-off. */
function across(axes: Axes, id: NumericCondition, c: Cutoffs): Axes {
	const move = (value: number, cutoff: number) => (value >= cutoff ? cutoff - SCORE_STEP : cutoff);
	switch (id) {
		case 'control_robust':
			return { ...axes, control: move(axes.control, c.controlHigh) };
		case 'control_weak':
			return { ...axes, control: move(axes.control, weakBar(axes, c)) };
		case 'in_use':
			return { ...axes, aiChange: move(axes.aiChange, c.useFloor) };
		case 'exposure_severe':
			return { ...axes, exposure: move(axes.exposure, c.exposureSevere) };
		default: {
			const d = id.slice('floor_'.length) as (typeof FLOOR_DIMENSIONS)[number];
			return { ...axes, floors: { ...axes.floors, [d]: move(axes.floors[d], c.floor) } };
		}
	}
}

const MARGIN_OF: Record<NumericCondition, keyof typeof MARGINS> = {
	control_robust: 'controlHigh',
	control_weak: 'controlLow',
	in_use: 'useFloor',
	exposure_severe: 'exposureSevere',
	floor_governance: 'floor',
	floor_automation: 'floor',
	floor_platform: 'floor'
};

/**
 * Cut-offs whose crossing alone would move the result to a group above or below it in the partial order, with the
 * group across, nearest first. The use floor counts for the borderline flag but never for the nearest cut-off a
 * result is told about: using less AI is never the way up.
 */
function rankChanges(axes: Axes, c: Cutoffs) {
	const { tier } = groupOf(axes, c);
	if (tier === null) return [];
	const out: { id: NumericCondition; value: number; cutoff: number; margin: number; across: TierId }[] = [];
	for (const cond of conditionsOf(axes, c)) {
		if (!(cond.id in MARGIN_OF)) continue;
		const id = cond.id as NumericCondition;
		const moved = groupOf(across(axes, id, c), c).tier;
		if (moved === null || moved === tier || compareGroups(moved, tier) === null) continue;
		out.push({ id, value: cond.value, cutoff: cond.cutoff, margin: MARGINS[MARGIN_OF[id]], across: moved });
	}
	return out.sort((a, b) => Math.abs(a.value - a.cutoff) - Math.abs(b.value - b.cutoff));
}

/** True when a cut-off that decides the group (up or down) lies within its margin of the result. */
export function isBorderline(axes: Axes, c: Cutoffs = CUTOFFS): boolean {
	return rankChanges(axes, c).some((r) => Math.abs(r.value - r.cutoff) <= r.margin);
}

/** The nearest cut-off practice can cross that would change the group, or null. */
export function nearestCutoff(axes: Axes, c: Cutoffs = CUTOFFS) {
	const r = rankChanges(axes, c).find((x) => x.id !== 'in_use');
	return r ? { condition: r.id, value: r.value, cutoff: r.cutoff, margin: r.margin, across: r.across } : null;
}
