import { describe, expect, it } from 'vitest';
import { SURVEY_2026, tierShares } from '../../scoring/benchmark';
import {
	SIMULATION,
	fitCutoffs,
	groupProfileCheck,
	inverseNormalCdf,
	mulberry32,
	optionShares,
	populationAxes,
	questionTarget,
	sharesOf,
	simulatePopulation,
	simulatedFigureShares
} from '../../scoring/norm';
import { CURRENT_BANK } from '../../scoring/bank/index';
import { TIER_IDS } from '../../scoring/schema';
import { TIER_CUTOFFS } from '../../scoring/tiers';
import { BANKS_UNDER_TEST } from '../fixtures/answers';

const survey = tierShares(SURVEY_2026);

describe('building blocks', () => {
	it('mulberry32 is deterministic per seed and uniform-looking', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const xs = Array.from({ length: 10_000 }, () => a());
		expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
		expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
	});

	it('inverseNormalCdf matches known quantiles', () => {
		expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 8);
		expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
		expect(inverseNormalCdf(0.01)).toBeCloseTo(-2.326348, 5);
		expect(inverseNormalCdf(0)).toBe(-Infinity);
	});
});

describe.each(BANKS_UNDER_TEST)('simulated population for the %s', (_name, bank) => {
	const population = simulatePopulation(bank);
	const axes = populationAxes(bank, population);

	it('is deterministic for a seed and changes with it', () => {
		const small = { ...SIMULATION, size: 50 };
		expect(simulatePopulation(bank, SURVEY_2026, small)).toEqual(simulatePopulation(bank, SURVEY_2026, small));
		expect(simulatePopulation(bank, SURVEY_2026, { ...small, seed: 7 })).not.toEqual(
			simulatePopulation(bank, SURVEY_2026, small)
		);
		expect(population).toHaveLength(SIMULATION.size);
	});

	it('splits each question’s options so the matched ones carry the figure’s share', () => {
		for (const q of bank.questions.filter((x) => x.kind !== 'profile')) {
			const target = questionTarget(q);
			const shares = optionShares(q, target);
			expect(shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 10);
			if (target.matches.length && target.matches.length < q.options.length)
				expect(
					shares.filter((s) => target.matches.includes(s.optionId)).reduce((s, x) => s + x.share, 0) * 100
				).toBeCloseTo(target.share, 8);
		}
	});

	it('reproduces every linked survey figure within 1.5 points', () => {
		const rows = simulatedFigureShares(bank, population);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(Math.abs(row.simulated - row.published), row.figure).toBeLessThanOrEqual(1.5);
	});

	it('fits cut-offs that put each tier within ±3 points of the survey', () => {
		const cutoffs = fitCutoffs(axes);
		expect(cutoffs.controlLow).toBeLessThanOrEqual(cutoffs.controlHigh);
		const shares = sharesOf(axes, cutoffs);
		for (const t of TIER_IDS) expect(Math.abs(shares[t] - survey[t]), t).toBeLessThanOrEqual(3);
	});

	it('reports the group profile check with a simulated share for each profile figure', () => {
		const checks = groupProfileCheck(bank, population, fitCutoffs(axes));
		expect(checks.map((c) => c.figure)).toEqual([
			'exposed_formal_policy',
			'exposed_confident',
			'pioneer_enforce_policy'
		]);
		for (const c of checks) {
			expect(c.simulated, c.figure).not.toBeNull();
			expect(c.published).toBe(SURVEY_2026.figures.find((f) => f.id === c.figure)!.share);
		}
	});
});

describe('shipped cut-offs on the current bank', () => {
	const axes = populationAxes(CURRENT_BANK, simulatePopulation(CURRENT_BANK));

	it('put every simulated tier share within ±3 points of the survey (19 / 25 / 32 / 24)', () => {
		const shares = sharesOf(axes, TIER_CUTOFFS);
		for (const t of TIER_IDS) expect(Math.abs(shares[t] - survey[t]), t).toBeLessThanOrEqual(3);
	});

	it('are the values the documented fit chooses (re-fit and paste when the bank changes)', () => {
		expect(fitCutoffs(axes)).toEqual(TIER_CUTOFFS);
	});

	it('stay within ±3 points with a smaller population under another seed', () => {
		const other = populationAxes(
			CURRENT_BANK,
			simulatePopulation(CURRENT_BANK, SURVEY_2026, { ...SIMULATION, size: 5_000, seed: 1 })
		);
		const shares = sharesOf(other, TIER_CUTOFFS);
		for (const t of TIER_IDS) expect(Math.abs(shares[t] - survey[t]), t).toBeLessThanOrEqual(3);
	});
});
