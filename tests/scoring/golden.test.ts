/**
 * The golden set of bank 3.0.0 (scoring/content/golden/v3.ts): every archetype gets exactly the group, deciding rule,
 * gaps, findings and first steps written down for it before model 3.0 was built.
 */
import { describe, expect, it } from 'vitest';
import { BANK_V3 } from '$scoring/content/banks';
import { GOLDEN_V3 } from '$scoring/content/golden/v3';
import { score } from '$scoring/model/v3/score';

describe('the golden set of bank 3.0.0', () => {
	it('holds at least 25 named archetypes, each with a group and a deciding rule', () => {
		expect(GOLDEN_V3.length).toBeGreaterThanOrEqual(25);
		expect(new Set(GOLDEN_V3.map((g) => g.name)).size).toBe(GOLDEN_V3.length);
	});

	it.each(GOLDEN_V3.map((g) => [g.name, g] as const))('%s', (_name, g) => {
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
	});

	it('records when and why an expectation changed after it was first committed', () => {
		for (const g of GOLDEN_V3)
			for (const h of g.history) {
				expect(h.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
				expect(h.reason.length).toBeGreaterThan(10);
			}
	});
});
