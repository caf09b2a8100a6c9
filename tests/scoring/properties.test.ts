/**
 * The judgement's properties over the real bank 2.0.0 (fast-check): the ones docs/methodology.md promises.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSkipped, levelOf } from '$scoring/answers';
import { BANK_V2 } from '$scoring/content/banks';
import { DONT_KNOW, NOT_APPLICABLE, TIER_IDS, type Answers, type TierId } from '$scoring/schema';
import { score } from '$scoring/model/v2/score';
import { TIER_CUTOFFS, tierFor } from '$scoring/model/v2/tiers';
import { allAt, answersArb } from '../fixtures/answers';

const bank = BANK_V2;
const practice = bank.questions.filter((q) => q.kind === 'practice');
const rank = (tier: TierId | null) => (tier === null ? -1 : TIER_IDS.indexOf(tier));
const best = allAt(bank, 'best');
const RUNS = { numRuns: 150 };

const withChange = (answers: Answers, changes: { questionId: string; to: string }[]) => {
	const out = { ...answers };
	for (const c of changes) out[c.questionId] = c.to;
	return out;
};

describe('properties of the 2.0.0 judgement', () => {
	it('a better practice answer never lowers the tier', () => {
		fc.assert(
			fc.property(answersArb(bank), fc.constantFrom(...practice), (answers, q) => {
				const current = q.options.find((o) => o.id === answers[q.id]);
				const before = rank(score(bank, answers).tier);
				for (const o of q.options)
					if (!current || o.score > current.score)
						expect(rank(score(bank, { ...answers, [q.id]: o.id }).tier)).toBeGreaterThanOrEqual(before);
			}),
			RUNS
		);
	});

	it('a worse outcome never raises the tier', () => {
		const outcomes = bank.questions.filter((q) => q.kind === 'outcome');
		fc.assert(
			fc.property(answersArb(bank, 0), fc.constantFrom(...outcomes), (answers, q) => {
				const current = q.options.find((o) => o.id === answers[q.id])!;
				const before = rank(score(bank, answers).tier);
				for (const o of q.options.filter((x) => x.score < current.score))
					expect(rank(score(bank, { ...answers, [q.id]: o.id }).tier)).toBeLessThanOrEqual(before);
			}),
			RUNS
		);
	});

	it('turning any answer into “don’t know” — or into N/A where a gate allows it — never raises the tier', () => {
		const scored = bank.questions.filter((q) => q.kind !== 'profile' && q.kind !== 'confidence');
		fc.assert(
			fc.property(answersArb(bank), fc.constantFrom(...scored), (answers, q) => {
				const before = rank(score(bank, answers).tier);
				expect(rank(score(bank, { ...answers, [q.id]: DONT_KNOW }).tier)).toBeLessThanOrEqual(before);
				if (q.skipWhen && isSkipped(q, answers))
					expect(rank(score(bank, { ...answers, [q.id]: NOT_APPLICABLE }).tier)).toBeLessThanOrEqual(before);
			}),
			RUNS
		);
	});

	it('every critical option, alone, keeps an otherwise all-best organisation below Pioneer', () => {
		let checked = 0;
		for (const q of practice)
			for (const o of q.options.filter((x) => x.critical)) {
				const r = score(bank, { ...best, [q.id]: o.id });
				expect(r.tier, `${q.id}.${o.id}`).not.toBe('pioneer');
				expect(r.criticalGaps, `${q.id}.${o.id}`).toEqual([q.id]);
				expect(r.recommendations[0]?.questionId, `${q.id}.${o.id}`).toBe(q.id);
				checked++;
			}
		expect(checked).toBe(6);
	});

	it('an organisation with minimal AI use is never Exposed, whatever its controls and outcomes', () => {
		fc.assert(
			fc.property(answersArb(bank), (answers) => {
				const minimal = { ...answers };
				for (const q of bank.questions.filter((x) => x.kind === 'use')) minimal[q.id] = q.options[0]!.id;
				const r = score(bank, minimal);
				expect(r.inUse).toBe(false);
				expect(r.tier).not.toBe('exposed');
			}),
			RUNS
		);
	});

	it('the lift plan changes only practice answers, by at most two levels each, and applying it lifts the tier', () => {
		let plans = 0;
		fc.assert(
			fc.property(answersArb(bank, 1), (answers) => {
				const r = score(bank, answers);
				if (!r.liftPlan) return;
				plans++;
				for (const c of r.liftPlan.changes) {
					const q = bank.questions.find((x) => x.id === c.questionId)!;
					expect(q.kind).toBe('practice');
					expect(levelOf(q, c.to) - levelOf(q, answers[q.id])).toBeGreaterThanOrEqual(1);
					expect(levelOf(q, c.to) - levelOf(q, answers[q.id])).toBeLessThanOrEqual(2);
				}
				const lifted = score(bank, withChange(answers, r.liftPlan.changes));
				expect(rank(lifted.tier)).toBeGreaterThan(rank(r.tier));
				expect(lifted.tier).toBe(r.liftPlan.target);
			}),
			RUNS
		);
		expect(plans).toBeGreaterThan(10);
	});

	it('the lift plan puts prerequisites first', () => {
		fc.assert(
			fc.property(answersArb(bank, 1), (answers) => {
				const plan = score(bank, answers).liftPlan;
				if (!plan) return;
				plan.changes.forEach((c, i) => {
					const option = bank.questions.find((q) => q.id === c.questionId)!.options.find((o) => o.id === c.to)!;
					for (const req of option.requires ?? []) {
						const at = plan.changes.findIndex((x) => x.questionId === req.question);
						if (at >= 0) expect(at).toBeLessThan(i);
					}
				});
			}),
			RUNS
		);
	});

	it('the readiness plan, applied, makes practice hold at the Pioneer bar once use is deep', () => {
		fc.assert(
			fc.property(answersArb(bank, 1), (answers) => {
				const r = score(bank, answers);
				if (!r.readiness || r.readiness.ready || !r.readiness.reachable) return;
				const after = score(bank, withChange(answers, r.readiness.changes));
				expect(after.readiness?.ready).toBe(true);
			}),
			{ numRuns: 60 }
		);
	});

	it('no recommendation repeats a step the answer already reached', () => {
		fc.assert(
			fc.property(answersArb(bank), (answers) => {
				for (const rec of score(bank, answers).recommendations) {
					const q = bank.questions.find((x) => x.id === rec.questionId)!;
					expect(q.kind).toBe('practice');
					const level = levelOf(q, answers[q.id]);
					expect(levelOf(q, rec.to!)).toBeGreaterThan(q.options.some((o) => o.id === answers[q.id]) ? level : -1);
					const from = q.options.find((o) => o.id === answers[q.id]) ?? q.options[0]!;
					expect(rec.title).toBe(from.next!.title);
				}
			}),
			RUNS
		);
	});

	it('all-best → Pioneer, weakest practice with AI in use → Exposed', () => {
		expect(score(bank, best).tier).toBe('pioneer');
		expect(score(bank, allAt(bank, 'worst')).tier).toBe('exposed');
	});

	it('the tier rules are monotone on their axes', () => {
		const point = fc.integer({ min: 0, max: 1000 }).map((t) => t / 10);
		fc.assert(
			fc.property(
				point,
				point,
				point,
				point,
				fc.integer({ min: 0, max: 3 }),
				point,
				(use, aiChange, control, exposure, gaps, up) => {
					const axes = { use, aiChange, control, exposure, criticalGaps: gaps };
					const base = rank(tierFor(axes, TIER_CUTOFFS));
					expect(rank(tierFor({ ...axes, control: Math.min(100, control + up) }))).toBeGreaterThanOrEqual(base);
					expect(rank(tierFor({ ...axes, exposure: Math.max(0, exposure - up) }))).toBeGreaterThanOrEqual(base);
					expect(rank(tierFor({ ...axes, criticalGaps: 0 }))).toBeGreaterThanOrEqual(base);
				}
			),
			{ numRuns: 500 }
		);
	});
});
