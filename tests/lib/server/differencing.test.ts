import fc from 'fast-check';
import { expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import type { Answers } from '$scoring/schema';
import { teamStats } from '$scoring/model/team-stats';
import { teamView } from '$lib/server/dashboard';
import type { DashboardState } from '$lib/workshop/types';
import { answersArb } from '../../fixtures/answers';
import { fromDashboard, leaks, type Observation } from '../../fixtures/differencing';

const state = (sets: Answers[]): DashboardState => {
	const stats = teamStats(CURRENT_BANK, sets, { minGroupSize: 3 });
	return { team: stats && teamView(CURRENT_BANK, stats) } as DashboardState;
};

test('the differencing check finds the leak in figures that follow every response (as they did before batching)', () => {
	const [a, b, c, d, e] = fc.sample(answersArb(CURRENT_BANK, 0), { numRuns: 5, seed: 3 });
	const steps: Answers[][] = [
		[a!, b!, c!],
		[a!, b!, c!, d!],
		[e!, b!, c!, d!]
	];
	const observations = steps.map((sets, i) => fromDashboard(`step ${i}`, state(sets))!);
	const found = leaks(observations);
	expect(found).toContain('step 1 differs from step 0 by exactly one response (added)');
	expect(found.some((l) => /step 2 differs from step 1 by exactly one response \(an edit/.test(l))).toBe(true);
});

test('figures that moved by two or more responses at once do not give one away', () => {
	const [a, b, c, d, e, f, g] = fc.sample(answersArb(CURRENT_BANK, 0), { numRuns: 7, seed: 4 });
	const observations: Observation[] = [
		fromDashboard('three', state([a!, b!, c!]))!,
		fromDashboard('five', state([a!, b!, c!, d!, e!]))!,
		fromDashboard('five, two edited', state([f!, g!, c!, d!, e!]))!
	];
	expect(leaks(observations)).toEqual([]);
});
