import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIER_IDS } from '$scoring/schema';
import { TIER_LABELS } from '$scoring/model/v2/tiers';
import {
	BORDERLINE_MARGIN,
	CONTROL_WEIGHTS,
	SCORE_STEP,
	TIER_CUTOFFS,
	isBorderline,
	nextTier,
	requirementsFor,
	conditionShortfall,
	tierFor,
	tierRank,
	tierReasons,
	type TierAxes
} from '$scoring/model/v1/tiers';

const C = TIER_CUTOFFS;
const below = (v: number) => Math.round((v - SCORE_STEP) * 10) / 10;
const point = fc.integer({ min: 0, max: 1000 }).map((t) => t / 10);
const axesArb = fc.record({ use: point, control: point, exposure: point });

describe('tier constants', () => {
	it('labels every tier with the survey’s name', () => {
		expect(TIER_LABELS).toEqual({
			exposed: 'Exposed',
			fragmented: 'Fragmented',
			outpacing: 'Outpacing',
			pioneer: 'Pioneer'
		});
	});

	it('keeps the weak-control cut-off at or below the robust one (needed for monotonic tiers)', () => {
		expect(C.controlLow).toBeLessThanOrEqual(C.controlHigh);
	});

	it('weights the control axis with weights summing to 1', () => {
		expect(Object.values(CONTROL_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
	});
});

describe('tierFor at each cut-off', () => {
	// A point safely inside each tier, then each deciding axis moved exactly onto and just below its cut-off.
	const robust = { use: C.use, control: C.controlHigh, exposure: 0 };

	it('Pioneer needs use ≥ cut-off: at it Pioneer, 0.1 below it not', () => {
		expect(tierFor(robust)).toBe('pioneer');
		expect(tierFor({ ...robust, use: below(C.use) })).toBe('fragmented');
	});

	it('Pioneer needs control ≥ the robust cut-off: at it Pioneer, 0.1 below it Outpacing', () => {
		expect(tierFor({ ...robust, control: C.controlHigh })).toBe('pioneer');
		expect(tierFor({ ...robust, control: below(C.controlHigh) })).toBe('outpacing');
	});

	it('Exposed needs control below the weak cut-off: 0.1 below it Exposed, at it not', () => {
		const weak = { use: 0, control: below(C.controlLow), exposure: 100 };
		expect(tierFor(weak)).toBe('exposed');
		expect(tierFor({ ...weak, control: C.controlLow })).toBe('fragmented');
	});

	it('Exposed needs exposure ≥ the high cut-off: at it Exposed, 0.1 below it not', () => {
		const weak = { use: 100, control: 0, exposure: C.exposureHigh };
		expect(tierFor(weak)).toBe('exposed');
		expect(tierFor({ ...weak, exposure: below(C.exposureHigh) })).toBe('outpacing');
	});

	it('Outpacing needs use ≥ cut-off: at it Outpacing, 0.1 below it Fragmented', () => {
		const ahead = { use: C.use, control: below(C.controlHigh), exposure: 0 };
		expect(tierFor(ahead)).toBe('outpacing');
		expect(tierFor({ ...ahead, use: below(C.use) })).toBe('fragmented');
	});
});

describe('tierFor properties', () => {
	it('never drops a tier when use or control rises or exposure falls', () => {
		fc.assert(
			fc.property(axesArb, axesArb, (a, b) => {
				const better: TierAxes = {
					use: Math.max(a.use, b.use),
					control: Math.max(a.control, b.control),
					exposure: Math.min(a.exposure, b.exposure)
				};
				expect(tierRank(tierFor(better))).toBeGreaterThanOrEqual(tierRank(tierFor(a)));
			}),
			{ numRuns: 2000 }
		);
	}, 60_000);

	it('requirementsFor(target) holds exactly when the tier is at least target', () => {
		fc.assert(
			fc.property(axesArb, fc.constantFrom(...TIER_IDS), (axes, target) => {
				const met = requirementsFor(target).some((alt) => alt.every((c) => conditionShortfall(c, axes) === 0));
				expect(met).toBe(tierRank(tierFor(axes)) >= tierRank(target));
			}),
			{ numRuns: 2000 }
		);
	}, 60_000);

	it('nextTier climbs one step and stops at Pioneer', () => {
		expect(nextTier('exposed')).toBe('fragmented');
		expect(nextTier('outpacing')).toBe('pioneer');
		expect(nextTier('pioneer')).toBeNull();
	});
});

describe('tierReasons', () => {
	it('reports every condition with its value, cut-off and a sentence with the numbers', () => {
		const reasons = tierReasons({ use: 72, control: 50.5, exposure: 30 });
		expect(reasons.map((r) => r.rule)).toEqual(['use_high', 'control_high', 'control_low', 'exposure_high']);
		const use = reasons[0]!;
		expect(use).toMatchObject({ value: 72, cutoff: C.use, passed: 72 >= C.use });
		expect(use.text).toContain(`AI use 72 ${72 >= C.use ? '≥' : '<'} ${C.use}`);
		expect(reasons[1]!.text).toContain('50.5');
	});
});

describe('isBorderline', () => {
	it('flags a result within the margin of a cut-off that decides its tier', () => {
		expect(isBorderline({ use: C.use + BORDERLINE_MARGIN, control: 100, exposure: 0 })).toBe(true);
		expect(isBorderline({ use: below(C.use), control: 100, exposure: 0 })).toBe(true);
		expect(isBorderline({ use: 100, control: C.controlHigh - BORDERLINE_MARGIN, exposure: 0 })).toBe(true);
	});

	it('does not flag a result far from every cut-off', () => {
		expect(isBorderline({ use: 100, control: 100, exposure: 0 })).toBe(false);
		expect(isBorderline({ use: C.use + BORDERLINE_MARGIN + 1, control: 100, exposure: 0 })).toBe(false);
	});

	it('does not flag closeness to a cut-off that cannot change the tier', () => {
		// Exposure near its cut-off, but control is robust: exposure cannot make this Pioneer Exposed.
		expect(isBorderline({ use: 100, control: 100, exposure: C.exposureHigh })).toBe(false);
	});
});
