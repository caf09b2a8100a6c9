/**
 * The golden set of bank 3.0.0 (scoring/content/golden/v3.ts): every archetype gets exactly the group, deciding rule,
 * gaps, findings and first steps written down for it before model 3.0 was built.
 */
import { describe, expect, it } from 'vitest';
import { BANK_V3 } from '$scoring/content/banks';
import { GOLDEN_V3, type GoldenArchetype } from '$scoring/content/golden/v3';
import { BLIND_REVIEW_V3 } from '$scoring/content/golden/v3-blind-review';
import { score } from '$scoring/model/v3/score';
import { compareGroups } from '$scoring/model/v3/tiers';

/** Holds model 3.0 to every field the archetype's expectation sets. */
function meets(g: GoldenArchetype): void {
	const r = score(BANK_V3, g.answers);
	const e = g.expect;
	expect({ group: r.tier, rule: r.rule }).toEqual({ group: e.group, rule: e.rule });
	if (e.floorsBelow) expect(r.floorsBelow).toEqual(e.floorsBelow);
	if (e.criticalGaps) expect(r.criticalGaps).toEqual(e.criticalGaps);
	if (e.weakGuards) expect(r.weakGuards.map((w) => w.questionId)).toEqual(e.weakGuards);
	if (e.criticalFindings)
		expect(r.criticalFindings.map((f) => ({ questionId: f.questionId, caughtBy: f.caughtBy }))).toEqual(
			e.criticalFindings
		);
	if (e.firstSteps)
		expect(
			r.liftPlan?.changes.slice(0, e.firstSteps.length).map((c) => ({ questionId: c.questionId, to: c.to }))
		).toEqual(e.firstSteps);
	if (e.lifts !== undefined) expect(r.liftPlan?.lifts).toBe(e.lifts);
	if (e.context !== undefined) expect(r.context).toBe(e.context);
	if (e.provisional !== undefined) expect(r.provisional).toBe(e.provisional);
	if (e.inconsistencies) expect(r.inconsistencies.map((i) => i.questionId)).toEqual(e.inconsistencies);
	if (e.unknownOutcomes !== undefined) expect(r.unknownOutcomes).toHaveLength(e.unknownOutcomes);
}

describe('the golden set of bank 3.0.0', () => {
	it('holds at least 25 named archetypes, each with a group and a deciding rule', () => {
		expect(GOLDEN_V3.length).toBeGreaterThanOrEqual(25);
		expect(new Set(GOLDEN_V3.map((g) => g.name)).size).toBe(GOLDEN_V3.length);
	});

	it.each(GOLDEN_V3.map((g) => [g.name, g] as const))('%s', (_name, g) => meets(g));

	it('records when and why an expectation changed after it was first committed', () => {
		for (const g of [...GOLDEN_V3, ...BLIND_REVIEW_V3])
			for (const h of g.history) {
				expect(h.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
				expect(h.reason.length).toBeGreaterThan(10);
			}
	});
});

describe('the blind reviewer’s archetypes of bank 3.0.0', () => {
	it('holds the twenty archetypes, each with the reviewer’s own expectation of group and plan', () => {
		expect(BLIND_REVIEW_V3).toHaveLength(20);
		for (const g of BLIND_REVIEW_V3) expect(g.reviewer.group.length * g.reviewer.plan.length).toBeGreaterThan(0);
	});

	it.each(BLIND_REVIEW_V3.map((g) => [g.name, g] as const))('%s', (_name, g) => meets(g));

	it('never places the organisation that does not look above its honest twin that reports', () => {
		const [blind, honest] = ['“No incidents”', 'The honest twin'].map((start) =>
			score(BANK_V3, BLIND_REVIEW_V3.find((g) => g.who.startsWith(start))!.answers)
		);
		expect(compareGroups(blind!.tier!, honest!.tier!)).not.toBe(1);
	});

	it('places none of the organisations the reviewer called “not Pioneer” in Pioneer', () => {
		for (const g of BLIND_REVIEW_V3.filter((x) => /not pioneer/i.test(x.reviewer.group)))
			expect(score(BANK_V3, g.answers).tier, g.name).not.toBe('pioneer');
	});
});
