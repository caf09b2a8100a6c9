import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SURVEY_2026 } from '$scoring/content/survey';
import { NOT_APPLICABLE, type Answers, type QuestionBank } from '$scoring/schema';
import { LegacyResultSchema as ResultSchema } from '$scoring/model/v2/result';
import { AnswersError } from '$scoring/answers-error';
import { OVERCONFIDENCE_GAP } from '$scoring/model/v2/lines';
import { RECOMMEND_BELOW, measure, score } from '$scoring/model/v1/score';
import { BORDERLINE_MARGIN, MIN_COVERAGE, TIER_CUTOFFS, tierRank } from '$scoring/model/v1/tiers';
import { FIXTURE_BANK } from '../../fixtures/bank';
import { V1_BANKS_UNDER_TEST, allAt, answersArb, byScore } from '../../fixtures/answers';

const practice = (bank: QuestionBank) => bank.questions.filter((q) => q.kind === 'practice');
const dim = (
	r: { dimensions: { dimension: string; contribution: number | null; score: number | null }[] },
	d: string
) => r.dimensions.find((x) => x.dimension === d)!;

describe.each(V1_BANKS_UNDER_TEST)('score on the %s', (_name, bank) => {
	const best = allAt(bank, 'best');
	const worst = allAt(bank, 'worst');

	it('places all-best answers in Pioneer and all-worst answers in Exposed', () => {
		const top = score(bank, best);
		expect(top.tier).toBe('pioneer');
		expect(top.index).toBe(100);
		expect(dim(top, 'risk_exposure').score).toBe(0);
		expect(top.liftPlan).toBeNull();
		const bottom = score(bank, worst);
		expect(bottom.tier).toBe('exposed');
		expect(bottom.index).toBe(0);
		expect(dim(bottom, 'risk_exposure').score).toBe(100);
	});

	it('returns a result that matches ResultSchema for any answer set', () => {
		fc.assert(
			fc.property(answersArb(bank), (answers) => {
				expect(() => ResultSchema.parse(score(bank, answers))).not.toThrow();
			}),
			{ numRuns: 60 }
		);
	}, 60_000);

	it('moves every option of every question the way its level says', () => {
		const middle: Answers = {};
		for (const q of practice(bank)) middle[q.id] = byScore(q)[Math.floor(q.options.length / 2)]!.id;
		for (const q of practice(bank)) {
			const contributions = byScore(q).map(
				(o) => dim(measure(bank, { ...middle, [q.id]: o.id }), q.dimension!).contribution!
			);
			const scores = byScore(q).map((o) => o.score);
			for (let i = 1; i < contributions.length; i++) {
				if (scores[i]! > scores[i - 1]!) expect(contributions[i]!, q.id).toBeGreaterThan(contributions[i - 1]!);
				else expect(contributions[i], q.id).toBe(contributions[i - 1]);
			}
		}
	});

	it('never lowers a dimension, the index or the tier when one answer improves (property)', () => {
		const arb = answersArb(bank).chain((answers) => {
			const improvable = practice(bank).filter((q) => {
				const current = q.options.find((o) => o.id === answers[q.id]);
				return current && q.options.some((o) => o.score > current.score);
			});
			if (improvable.length === 0) return fc.constant(null);
			return fc.constantFrom(...improvable).chain((q) => {
				const current = q.options.find((o) => o.id === answers[q.id])!;
				return fc
					.constantFrom(...q.options.filter((o) => o.score > current.score))
					.map((o) => ({ answers, q, better: o.id }));
			});
		});
		fc.assert(
			fc.property(arb, (c) => {
				if (!c) return;
				const before = measure(bank, c.answers);
				const after = measure(bank, { ...c.answers, [c.q.id]: c.better });
				const d = c.q.dimension!;
				expect(dim(after, d).contribution!).toBeGreaterThanOrEqual(dim(before, d).contribution!);
				if (before.index !== null) expect(after.index!).toBeGreaterThanOrEqual(before.index);
				if (before.control !== null) expect(after.control!).toBeGreaterThanOrEqual(before.control);
				if (before.tier !== null) expect(tierRank(after.tier!)).toBeGreaterThanOrEqual(tierRank(before.tier));
			}),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('excludes N/A: it lowers coverage and leaves every other dimension unchanged (property)', () => {
		const arb = answersArb(bank, 1).chain((answers) => {
			const answered = practice(bank).filter((q) => answers[q.id] !== undefined && answers[q.id] !== NOT_APPLICABLE);
			return answered.length ? fc.constantFrom(...answered).map((q) => ({ answers, q })) : fc.constant(null);
		});
		fc.assert(
			fc.property(arb, (c) => {
				if (!c) return;
				const before = score(bank, c.answers);
				const after = score(bank, { ...c.answers, [c.q.id]: NOT_APPLICABLE });
				expect(after.coverage).toBeCloseTo(before.coverage - 1 / practice(bank).length, 10);
				expect(after.notApplicable).toBe(before.notApplicable + 1);
				expect(after.answered).toBe(before.answered - 1);
				for (const d of before.dimensions)
					if (d.dimension !== c.q.dimension) expect(dim(after, d.dimension)).toEqual(d);
			}),
			{ numRuns: 200 }
		);
	}, 60_000);

	it('applying the lift plan lifts the tier to at least the next one, with changes that only improve (property)', () => {
		fc.assert(
			fc.property(answersArb(bank, 1), (answers) => {
				const result = score(bank, answers);
				if (result.tier === null || result.tier === 'pioneer') {
					expect(result.liftPlan).toBeNull();
					return;
				}
				const plan = result.liftPlan!;
				expect(tierRank(plan.target)).toBe(tierRank(result.tier) + 1);
				expect(plan.changes.length).toBeGreaterThan(0);
				const lifted: Answers = { ...answers };
				for (const change of plan.changes) {
					expect(change.from).toBe(answers[change.questionId] ?? null);
					const q = bank.questions.find((x) => x.id === change.questionId)!;
					const from = q.options.find((o) => o.id === change.from);
					const to = q.options.find((o) => o.id === change.to)!;
					if (from) expect(to.score).toBeGreaterThan(from.score);
					lifted[change.questionId] = change.to;
				}
				expect(tierRank(score(bank, lifted).tier!)).toBeGreaterThanOrEqual(tierRank(plan.target));
				// Fewest changes: when the plan needs several, no single improvement would do.
				if (plan.changes.length > 1)
					for (const q of practice(bank))
						for (const o of q.options) {
							const tier = measure(bank, { ...answers, [q.id]: o.id }).tier;
							if (tier) expect(tierRank(tier)).toBeLessThan(tierRank(plan.target));
						}
			}),
			{ numRuns: 150 }
		);
	}, 60_000);

	it('places no tier when coverage is below the minimum', () => {
		const answers: Answers = { ...best };
		const qs = practice(bank);
		const drop = Math.floor(qs.length * (1 - MIN_COVERAGE)) + 1;
		for (const q of qs.slice(0, drop)) answers[q.id] = NOT_APPLICABLE;
		const result = score(bank, answers);
		expect(result.coverage).toBeLessThan(MIN_COVERAGE);
		expect(result.tier).toBeNull();
		expect(result.liftPlan).toBeNull();
		expect(result.reasons[0]).toMatchObject({ rule: 'coverage', passed: false });
	});

	it('places no tier when a dimension has no answered question, and has no index then', () => {
		const answers: Answers = { ...best };
		for (const q of practice(bank).filter((x) => x.dimension === 'platform')) delete answers[q.id];
		const result = score(bank, answers);
		expect(dim(result, 'platform').score).toBeNull();
		expect(result.tier).toBeNull();
		expect(result.index).toBeNull();
		expect(result.reasons.find((r) => r.rule === 'dimensions_answered')).toMatchObject({ passed: false, value: 4 });
	});

	it('rejects an unknown question with a one-line AnswersError naming it', () => {
		expect(() => score(bank, { ...best, no_such_question: 'x' })).toThrow(AnswersError);
		expect(() => score(bank, { no_such_question: 'x' })).toThrow(/^unknown question "no_such_question"/);
	});

	it('rejects an option the question does not have, naming question, option and the valid ones', () => {
		const q = practice(bank)[0]!;
		let error: unknown;
		try {
			score(bank, { [q.id]: 'not_an_option' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(AnswersError);
		const message = (error as Error).message;
		expect(message).not.toContain('\n');
		expect(message).toContain('"not_an_option"');
		expect(message).toContain(q.id);
		expect(message).toContain(q.options[0]!.id);
	});
});

describe('score details on the fixture bank', () => {
	const bank = FIXTURE_BANK;

	it('computes dimension scores as weight-weighted means and reports risk as exposure', () => {
		// ai_code (w2) 75, ai_agentic (w1) 33, ai_iac (w1.5) N/A → (2·75 + 33) / 3 = 61
		const answers: Answers = { ...allAt(bank, 'best'), ai_code: 'code_3', ai_agentic: 'agent_some', ai_iac: 'na' };
		// risk_errors (w2) 33, risk_incidents (w1) 100 → contribution 55.3, exposure 44.7
		Object.assign(answers, { risk_errors: 'errors_some', risk_incidents: 'incidents_all' });
		const result = score(bank, answers);
		expect(result.use).toBe(61);
		expect(dim(result, 'risk_exposure')).toMatchObject({ contribution: 55.3, score: 44.7 });
		// control = 0.4·100 + 0.2·100 + 0.2·55.3 + 0.2·100
		expect(result.control).toBe(91.1);
		expect(result.index).toBe(Math.round(((61 + 100 + 100 + 55.3 + 100) / 5) * 10) / 10);
		expect(result.notApplicable).toBe(1);
	});

	it('lists benchmark lines only for answered questions tied to a figure, with share, sentence and source', () => {
		const answers: Answers = { ...allAt(bank, 'worst'), ai_agentic: 'na' };
		const lines = score(bank, answers).benchmarkLines;
		expect(lines.map((l) => l.questionId)).toEqual([
			'gov_policy',
			'gov_review',
			'risk_errors',
			'risk_incidents',
			'conf_gov'
		]);
		const review = lines.find((l) => l.questionId === 'gov_review')!;
		expect(review).toMatchObject({
			figure: 'hcl_no_review',
			share: 33,
			matches: true,
			you: 'You would apply AI-generated HCL with no review',
			peers: '33 % of surveyed organisations would apply AI-generated HCL directly to production with no review.'
		});
		expect(review.source).toContain('SecurityBrief US');
		const policy = lines.find((l) => l.questionId === 'gov_policy')!;
		expect(policy).toMatchObject({ matches: false, you: 'You have no formal AI governance policy', share: 30 });
	});

	it('skips benchmark lines whose figure the chosen benchmark lacks', () => {
		const custom = { ...SURVEY_2026, figures: SURVEY_2026.figures.filter((f) => f.id !== 'formal_policy') };
		const lines = score(bank, allAt(bank, 'best'), custom).benchmarkLines;
		expect(lines.some((l) => l.figure === 'formal_policy')).toBe(false);
		expect(lines.length).toBeGreaterThan(0);
	});

	it('flags overconfidence when self-rating exceeds the practice evidence by the gap or more', () => {
		const answers: Answers = {
			...allAt(bank, 'best'),
			gov_policy: 'policy_none',
			gov_review: 'review_some',
			gov_audit: 'audit_2',
			conf_gov: 'very',
			conf_auto: 'not'
		};
		const gaps = score(bank, answers).confidenceGaps;
		const gov = gaps.find((g) => g.dimension === 'governance')!;
		// practice = (3·0 + 2·33 + 1·50) / 6 = 19.3
		expect(gov).toEqual({ dimension: 'governance', confidence: 100, practice: 19.3, gap: 80.7, overconfident: true });
		expect(gaps.find((g) => g.dimension === 'automation')).toMatchObject({ gap: -100, overconfident: false });
		expect(OVERCONFIDENCE_GAP).toBe(20);
	});

	it('recommends on low answers only, by weight × (100 − score), boosted where a dimension blocks the next tier', () => {
		const answers: Answers = {
			...allAt(bank, 'best'),
			ai_code: 'code_0',
			ai_iac: 'iac_some',
			gov_review: 'review_some',
			plat_team: 'team_most',
			auto_pac: 'pac_most'
		};
		const result = score(bank, answers);
		expect(result.tier).not.toBe('pioneer');
		const recs = result.recommendations;
		for (const r of recs) {
			const q = bank.questions.find((x) => x.id === r.questionId)!;
			const chosen = q.options.find((o) => o.id === answers[q.id])!;
			expect(chosen.score).toBeLessThan(RECOMMEND_BELOW);
			expect(r.because).toEqual([{ questionId: q.id, optionId: chosen.id }]);
			expect([1, 1.5].map((b) => Math.round(q.weight! * (100 - chosen.score) * b * 10) / 10)).toContain(r.priority);
		}
		expect(recs.map((r) => r.priority)).toEqual([...recs.map((r) => r.priority)].sort((a, b) => b - a));
		expect(recs.map((r) => r.questionId).sort()).toEqual(['ai_code', 'auto_pac', 'gov_review', 'plat_team']);
		// use = (2·0 + 1·100 + 1.5·33) / 4.5 = 33.2, below the use cut-off: AI integration blocks the next tier.
		expect(result.use).toBe(33.2);
		expect(result.tier).toBe('fragmented');
		expect(recs[0]).toMatchObject({ questionId: 'ai_code', priority: 2 * 100 * 1.5 });
		// Control is robust, so the control dimensions do not block Outpacing: no boost.
		expect(recs.find((r) => r.questionId === 'gov_review')!.priority).toBe(2 * 67);
	});

	it('gives reasons with the numbers that placed the tier', () => {
		const result = score(bank, allAt(bank, 'best'));
		const use = result.reasons.find((r) => r.rule === 'use_high')!;
		expect(use).toMatchObject({ value: 100, cutoff: TIER_CUTOFFS.use, passed: true });
		expect(use.text).toBe(`AI use 100 ≥ ${TIER_CUTOFFS.use}: you use AI deeply (needed for Pioneer and Outpacing).`);
	});

	it('marks a result borderline only when a deciding axis sits within the margin of its cut-off (property)', () => {
		expect(score(bank, allAt(bank, 'best')).borderline).toBe(false);
		let seen = 0;
		fc.assert(
			fc.property(answersArb(bank, 0), (answers) => {
				const result = score(bank, answers);
				if (!result.borderline) return;
				seen++;
				const near = result.reasons
					.filter((r) => ['use_high', 'control_high', 'control_low', 'exposure_high'].includes(r.rule))
					.some((r) => Math.abs(r.value - r.cutoff) <= BORDERLINE_MARGIN);
				expect(near).toBe(true);
			}),
			{ numRuns: 300 }
		);
		expect(seen).toBeGreaterThan(0);
	}, 60_000);
});
