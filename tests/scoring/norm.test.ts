import { describe, expect, it } from 'vitest';
import { SURVEY_2026, tierShares } from '$scoring/content/survey';
import {
	SIMULATION,
	bootstrap,
	cutoffMargins,
	fitCutoffs,
	groupProfileCheck,
	inverseNormalCdf,
	modelledBelow,
	mulberry32,
	optionShares,
	populationAxes,
	questionTargets,
	sensitivityTable,
	sharesOf,
	simulatePopulation,
	simulatedFigureShares
} from '$scoring/norm/norm';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { TIER_IDS } from '$scoring/schema';
import { MODELLED_BELOW } from '$scoring/present/modelled';
import { BORDERLINE_MARGINS, TIER_CUTOFFS } from '$scoring/model/v2/tiers';

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

describe('simulated population for bank 2.0.0', () => {
	const bank = CURRENT_BANK;
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

	it('splits each question’s options so the matched ones carry each target figure’s share', () => {
		for (const q of bank.questions.filter((x) => x.kind !== 'profile')) {
			const targets = questionTargets(q);
			const shares = optionShares(q, targets);
			expect(shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 10);
			for (const t of targets)
				expect(shares.filter((s) => t.matches.includes(s.optionId)).reduce((s, x) => s + x.share, 0) * 100).toBeCloseTo(
					t.share,
					8
				);
		}
	});

	it('leaves the agent questions unanswered where no agents act, as the questionnaire skips them', () => {
		const noAgents = population.filter((o) => o.answers.ai_agents === 'none' || o.answers.ai_agents === 'planned');
		expect(noAgents.length).toBeGreaterThan(0);
		for (const o of noAgents) expect(o.answers.risk_agent_guardrails).toBeUndefined();
	});

	it('reproduces every target figure within 1.5 points (the overlapping 78 % check within 3)', () => {
		const rows = simulatedFigureShares(bank, population);
		expect(rows.filter((r) => r.target).length).toBeGreaterThanOrEqual(18);
		for (const row of rows)
			expect(Math.abs(row.simulated - row.published), row.figure).toBeLessThanOrEqual(row.target ? 1.5 : 3);
	});

	it('reports every group profile as a validation check with its simulated share', () => {
		const checks = groupProfileCheck(bank, population, TIER_CUTOFFS);
		expect(checks.map((c) => c.figure)).toEqual([
			'exposed_formal_policy',
			'exposed_confident',
			'exposed_ai_iac',
			'pioneer_enforce_policy',
			'pioneer_ai_iac_governed'
		]);
		for (const c of checks) {
			expect(c.simulated, c.figure).not.toBeNull();
			expect(c.published).toBe(SURVEY_2026.figures.find((f) => f.id === c.figure)!.share);
		}
	});

	it('puts every tier within ±3 points of 19 / 25 / 32 / 24 under the shipped cut-offs, which a refit reproduces', () => {
		const shares = sharesOf(axes, TIER_CUTOFFS);
		for (const t of TIER_IDS) expect(Math.abs(shares[t] - survey[t]), t).toBeLessThanOrEqual(3);
		expect(fitCutoffs(axes)).toEqual({ ...TIER_CUTOFFS });
	});
});

describe('sensitivity and the figures derived from it', () => {
	// A quarter of the documented size keeps this under a few seconds; `npm run norm` checks the full size.
	const rows = sensitivityTable(CURRENT_BANK, 5_000);
	const boot = bootstrap(populationAxes(CURRENT_BANK, simulatePopulation(CURRENT_BANK)), 200);

	it('moves the cut-offs with the assumptions, most under the stress rows', () => {
		const spread = (band: string) => {
			const v = rows.filter((r) => r.band === band).map((r) => r.refit.controlHigh);
			return Math.max(...v) - Math.min(...v);
		};
		expect(spread('stress')).toBeGreaterThan(spread('near'));
		expect(rows[0]!.assumption).toBe('baseline');
	});

	it('gives margins and "placed lower" figures close to the shipped ones at a quarter of the size', () => {
		const margins = cutoffMargins(rows, boot);
		for (const k of ['useDeep', 'controlHigh', 'controlLow'] as const)
			expect(Math.abs(margins[k] - BORDERLINE_MARGINS[k]), k).toBeLessThanOrEqual(2);
		const below = modelledBelow(rows, boot);
		for (const t of TIER_IDS) expect(Math.abs(below[t].share - MODELLED_BELOW[t].share), t).toBeLessThanOrEqual(2);
	});
});
