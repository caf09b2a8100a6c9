/**
 * The norming of model 3.0 at small sizes: the simulation reproduces the survey's published figures and respects the
 * bank's prerequisites, the shipped cut-offs still reproduce what they were fitted to, the bootstrap and the
 * sensitivity table run, and the cheapest path to Pioneer is found by the search.
 */
import { describe, expect, it } from 'vitest';
import { BANK_V3 } from '$scoring/content/banks';
import { SURVEY_2026, tierShares } from '$scoring/content/survey';
import { measure } from '$scoring/model/v3/measure';
import { CUTOFFS, MARGINS } from '$scoring/model/v3/tiers';
import { cheapestPathToPioneer } from '$scoring/norm/cheapest';
import {
	candidateShare,
	fitCutoffs,
	fittedMargins,
	groupProfileCheck,
	measurePopulation,
	parametricBootstrap,
	sensitivityTable,
	sharesOf,
	typicalProfiles
} from '$scoring/norm/fit';
import { SIMULATION, questionTargets, simulatePopulation } from '$scoring/norm/simulate';
import { MODELLED_PROFILES } from '$scoring/present/modelled';

const bank = BANK_V3;
const SIZE = 4000;
const population = simulatePopulation(bank, SURVEY_2026, { ...SIMULATION, size: SIZE });
const measured = measurePopulation(bank, population);
const axes = measured.map((x) => x.axes);

describe('norming model 3.0', () => {
	it('simulates the same population from the same seed, and another from another', () => {
		const again = simulatePopulation(bank, SURVEY_2026, { ...SIMULATION, size: 50 });
		expect(again.map((o) => o.answers)).toEqual(population.slice(0, 50).map((o) => o.answers));
		const other = simulatePopulation(bank, SURVEY_2026, { ...SIMULATION, size: 50, seed: 7 });
		expect(other.map((o) => o.answers)).not.toEqual(again.map((o) => o.answers));
	});

	it('reproduces every published all-respondent figure a question is tied to, within 4 points', () => {
		for (const q of bank.questions)
			for (const t of questionTargets(q)) {
				if (t.basis === 'confidence') continue;
				const share = (population.filter((o) => t.matches.includes(o.answers[q.id] ?? '')).length / SIZE) * 100;
				expect(Math.abs(share - t.share), `${q.id} ${t.basis}: ${share.toFixed(1)} vs ${t.share}`).toBeLessThanOrEqual(
					4
				);
			}
	});

	it('draws answers that respect the bank’s prerequisites, and uneven organisations', () => {
		for (const o of population.slice(0, 500))
			expect(measure(bank, o.answers).inconsistencies.filter((i) => i.kind === 'prerequisite')).toEqual([]);
		// Per-dimension factors: some organisations are strong in one control dimension and weak in another.
		const uneven = measured.filter((x) => {
			const f = x.axes.floors;
			return Math.max(f.governance, f.automation, f.platform) - Math.min(f.governance, f.automation, f.platform) >= 40;
		});
		expect(uneven.length / SIZE).toBeGreaterThan(0.05);
	});

	it('still reproduces what the shipped cut-offs were fitted to (within 3 points at this size)', () => {
		const shares = sharesOf(axes, CUTOFFS);
		const survey = tierShares(SURVEY_2026);
		expect(Math.abs(shares.exposed - survey.exposed)).toBeLessThanOrEqual(3);
		// Outpacing and Fragmented share what is left in the survey's proportion.
		const ratio = shares.outpacing / (shares.outpacing + shares.fragmented);
		expect(Math.abs(ratio - survey.outpacing / (survey.outpacing + survey.fragmented))).toBeLessThanOrEqual(0.04);
		// Robust foundations: the survey's 19 % with "the governance foundations needed for AI readiness".
		const robust = (axes.filter((a) => a.control >= CUTOFFS.controlHigh).length / SIZE) * 100;
		expect(Math.abs(robust - 19)).toBeLessThanOrEqual(3);
		// The rules admit fewer Pioneers than the survey reports: no more than the candidates, and reported as a miss.
		expect(shares.pioneer).toBeLessThanOrEqual(candidateShare(axes));
		expect(shares.pioneer).toBeLessThan(survey.pioneer);
	});

	it('refits close to the shipped cut-offs, and keeps robust far outside the weak cut-off’s margin', () => {
		const fit = fitCutoffs(axes);
		expect(Math.abs(fit.controlHigh - CUTOFFS.controlHigh)).toBeLessThanOrEqual(MARGINS.controlHigh + 1);
		expect(Math.abs(fit.controlLow - CUTOFFS.controlLow)).toBeLessThanOrEqual(MARGINS.controlLow + 1);
		expect(Math.abs(fit.useDeep - CUTOFFS.useDeep)).toBeLessThanOrEqual(MARGINS.useDeep + 1);
		expect(CUTOFFS.controlHigh - CUTOFFS.controlLow).toBeGreaterThan(MARGINS.controlLow);
	});

	it('reports the survey’s group profiles as checks, and the modelled profiles the radar shows', () => {
		const checks = groupProfileCheck(measured, CUTOFFS);
		expect(checks.map((c) => c.figure)).toEqual([
			'exposed_formal_policy',
			'exposed_confident',
			'exposed_ai_iac',
			'pioneer_enforce_policy',
			'pioneer_ai_iac'
		]);
		for (const c of checks) expect(c.simulated).not.toBeNull();
		const profiles = typicalProfiles(measured, CUTOFFS);
		// Close to the shipped (full-size) profiles: the picture does not change with the sample.
		for (const t of ['exposed', 'pioneer'] as const)
			for (const d of ['governance', 'automation', 'platform'] as const)
				expect(Math.abs(profiles[t][d] - MODELLED_PROFILES[t][d]), `${t} ${d}`).toBeLessThanOrEqual(6);
	});

	it(
		'propagates the survey’s sampling error through a parametric bootstrap into the fitted cut-offs',
		{ timeout: 120_000 },
		() => {
			const boot = parametricBootstrap(bank, 4, 400);
			expect(boot.samples).toBe(4);
			for (const r of Object.values(boot.cutoffs)) expect(r.high).toBeGreaterThanOrEqual(r.low);
			const m = fittedMargins(boot);
			for (const v of Object.values(m)) expect(v).toBeGreaterThanOrEqual(1);
		}
	);

	it(
		'varies the rubric (weights ±25 %, fixed cut-offs ±5) and the assumptions (severe share, correlations) in the sensitivity table',
		{ timeout: 120_000 },
		() => {
			const rows = sensitivityTable(bank, measured.slice(0, 800), 300);
			const what = rows.map((r) => `${r.group}: ${r.assumption} = ${r.value}`);
			for (const expected of [
				'assumption: baseline = as documented',
				'assumption: severe outcomes = twice as common',
				'assumption: dimension factors’ correlation with control = 0.5 (dimensions ≈ 0.25)',
				'rubric: weight of governance = +25 %',
				'rubric: Pioneer floors = 45',
				'rubric: severe exposure = 80'
			])
				expect(what).toContain(expected);
			const baseline = rows[0]!;
			const heavierFloors = rows.find((r) => r.assumption === 'Pioneer floors' && r.value === '45')!;
			expect(heavierFloors.candidates).toBeLessThanOrEqual(baseline.candidates);
		}
	);

	it('finds the cheapest path to Pioneer by search: every floor met, no weak guard, every practice answered', () => {
		const path = cheapestPathToPioneer(bank);
		const m = path.measurement;
		expect(m.tier).toBe('pioneer');
		expect(m.weakGuards).toEqual([]);
		expect(m.criticalOpen).toEqual([]);
		for (const d of ['governance', 'automation', 'platform'] as const)
			expect(m.axes.floors[d]).toBeGreaterThanOrEqual(CUTOFFS.floor);
		expect(m.practiceCoverage).toBeGreaterThanOrEqual(0.8);
		// Cheapest: lowering any raised answer one level leaves Pioneer.
		for (const r of path.raised) {
			const q = bank.questions.find((x) => x.id === r.questionId)!;
			const current = q.options.find((o) => o.id === r.optionId)!;
			const lower = [...q.options].reverse().find((o) => o.score < current.score && !o.critical && !o.weakGuard);
			if (!lower) continue;
			expect(measure(bank, { ...path.answers, [r.questionId]: lower.id }).tier, r.questionId).not.toBe('pioneer');
		}
	});
});
