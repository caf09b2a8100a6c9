/**
 * Model 3.0's mechanics, one at a time, on the real bank: exposure, prerequisites, detection, the reserved answers,
 * root causes, the weak-control bar, provisional results, the survey share and the benchmark lines.
 */
import { describe, expect, it } from 'vitest';
import { BANK_V1, BANK_V2, BANK_V3 } from '$scoring/content/banks';
import { wilson } from '$scoring/content/survey';
import { AnswersError } from '$scoring/answers';
import { score as scoreAny } from '$scoring/model';
import { ResultSchema } from '$scoring/model/v3/result';
import { score } from '$scoring/model/v3/score';
import { CUTOFFS, OUTCOME_WEIGHT, exposureOf } from '$scoring/model/v3/tiers';
import { DONT_KNOW, NOT_APPLICABLE, NOT_TRACKED, VARIES, type Answers } from '$scoring/schema';
import { allAt } from '../fixtures/answers';
import counterexamples from '../fixtures/plan-counterexamples.json';

const bank = BANK_V3;
const best = allAt(bank, 'best');

describe('score on bank 3.0.0', () => {
	it('returns a result that satisfies the 3.0.0 result schema', () => {
		const r = score(bank, best);
		expect(ResultSchema.parse(r)).toEqual(r);
		expect([r.model, r.tier, r.rule]).toEqual([3, 'pioneer', 'pioneer']);
	});

	it('computes exposure as AI-driven change meeting weak guards, raised by outcomes, as documented', () => {
		expect(exposureOf(0, 0, 0)).toBe(0);
		expect(exposureOf(100, 0, 0)).toBe(100);
		expect(exposureOf(60, 50, 0)).toBe(30);
		expect(exposureOf(0, 100, 100)).toBe(OUTCOME_WEIGHT * 100);
		const r = score(bank, best);
		expect(r.exposure).toBe(exposureOf(r.exposureParts.aiChange, r.exposureParts.guards, r.exposureParts.outcomes));
		expect(r.dimensions.find((d) => d.dimension === 'risk_exposure')!.score).toBe(r.exposure);
	});

	it('counts an answer its prerequisites do not allow at the highest level below it that they do, and lists it', () => {
		// Claiming more never beats claiming less: an equal-score option that needs nothing is not a way round.
		const honest = score(bank, {
			...best,
			risk_ai_credentials: 'service_broad',
			risk_agent_guardrails: 'approval_gated'
		});
		const overclaim = score(bank, {
			...best,
			risk_ai_credentials: 'service_broad',
			risk_agent_guardrails: 'full_guardrails'
		});
		expect(overclaim.inconsistencies[0]).toMatchObject({ questionId: 'risk_agent_guardrails', countedAs: 'watched' });
		expect(overclaim.control).toBe(honest.control);
		const r = score(bank, { ...best, gov_formal_policy: 'draft' });
		expect(r.inconsistencies).toEqual([
			{
				kind: 'prerequisite',
				questionId: 'gov_policy_enforcement',
				given: 'automated_attested',
				countedAs: 'spot_checks',
				requires: [{ question: 'gov_formal_policy', atLeast: 'app_code' }],
				with: null
			}
		]);
	});

	it('lists an answer that contradicts another, and counts it as given: no use answer changes the score', () => {
		const consistent = score(bank, { ...best, ai_agents: 'none', risk_ai_credentials: 'none_needed' });
		const contradicted = score(bank, { ...best, ai_agents: 'prod_broad', risk_ai_credentials: 'none_needed' });
		expect(consistent.inconsistencies).toEqual([]);
		expect(contradicted.inconsistencies).toEqual([
			{
				kind: 'contradiction',
				questionId: 'risk_ai_credentials',
				given: 'none_needed',
				countedAs: null,
				requires: [],
				with: { question: 'ai_agents', answer: 'prod_broad' }
			}
		]);
		expect(contradicted.control).toBe(consistent.control);
		expect(contradicted.tier === 'pioneer').toBe(consistent.tier === 'pioneer');
	});

	it('scores “none that we know of” without the detecting practice as the mildest reported finding, listed as not ruled out', () => {
		const looking = score(bank, best);
		const notLooking = score(bank, { ...best, auto_config_scanning: 'none' });
		expect(looking.unknownOutcomes).toEqual([]);
		expect(notLooking.unknownOutcomes).toEqual([
			{ questionId: 'out_misconfig_prod', reason: 'weak_detection', detectedBy: 'auto_config_scanning' }
		]);
		expect(notLooking.exposureParts.outcomes).toBeGreaterThan(looking.exposureParts.outcomes);
		const reported = score(bank, { ...best, auto_config_scanning: 'none', out_misconfig_prod: 'found_by_automation' });
		expect(reported.exposureParts.outcomes).toBe(notLooking.exposureParts.outcomes);
		expect(score(bank, { ...best, out_misconfig_prod: NOT_TRACKED }).unknownOutcomes[0]).toMatchObject({
			reason: 'not_tracked'
		});
	});

	it('keeps a severe finding from Pioneer until its root cause is fixed and verified, naming what would have caught it', () => {
		const open = score(bank, { ...best, out_compliance: 'found_outside', out_root_cause: 'fixed' });
		expect([open.tier, open.rule]).toEqual(['outpacing', 'severe_finding']);
		expect(open.criticalFindings).toEqual([
			{ questionId: 'out_compliance', optionId: 'found_outside', caughtBy: 'gov_control_monitoring', fixed: false }
		]);
		const verified = score(bank, { ...best, out_compliance: 'found_outside', out_root_cause: 'verified' });
		expect([verified.tier, verified.criticalFindings[0]!.fixed]).toEqual(['pioneer', true]);
		// "Nothing serious happened" beside a severe finding contradicts it: counted as not fixed, and listed.
		const contradiction = score(bank, { ...best, out_compliance: 'found_outside', out_root_cause: 'nothing_serious' });
		expect(contradiction.tier).toBe('outpacing');
		expect(contradiction.inconsistencies.map((i) => i.questionId)).toEqual(['out_root_cause']);
	});

	it('reads “don’t know”, “varies by team” and no answer on a critical question as not ruled out; only an unanswered one makes the result provisional', () => {
		for (const value of [DONT_KNOW, VARIES, undefined]) {
			const answers: Answers = { ...best };
			if (value === undefined) delete answers.risk_ai_credentials;
			else answers.risk_ai_credentials = value;
			const r = score(bank, answers);
			expect(r.criticalGaps).toEqual([]);
			expect(r.criticalOpen).toEqual([{ questionId: 'risk_ai_credentials', optionId: null, inUse: true }]);
			expect(r.rule).toBe('critical_unknown');
			expect(r.provisionalBecause.includes('unanswered_critical')).toBe(value === undefined);
		}
	});

	it('raises the weak-control bar for each open critical gap on a practice in use, up to three', () => {
		const weak = allAt(bank, 'worst');
		const one = score(bank, { ...best, risk_ai_credentials: 'shared_admin' });
		const bar = (r: ReturnType<typeof score>) => r.conditions.find((c) => c.id === 'control_weak')!.cutoff;
		expect(bar(one)).toBe(CUTOFFS.controlLow + CUTOFFS.criticalWeight);
		expect(bar(score(bank, weak))).toBe(CUTOFFS.controlLow + 3 * CUTOFFS.criticalWeight);
		// Not in use: no AI-generated infrastructure code means its review gap does not raise the bar.
		const notInUse = score(bank, { ...best, ai_iac_generation: 'none', risk_ai_iac_review: 'direct_no_review' });
		expect(notInUse.criticalOpen).toEqual([
			{ questionId: 'risk_ai_iac_review', optionId: 'direct_no_review', inUse: false }
		]);
		expect(bar(notInUse)).toBe(CUTOFFS.controlLow);
	});

	describe('the plan keeps a step after the steps it needs (counterexamples the plan property found)', () => {
		const steps = (answers: Answers) =>
			score(bank, answers).liftPlan!.changes.map((c) => `${c.questionId} ${c.reason}`);
		const [weakGuardTwice, notRuledOutFirst, fiveGaps] = Object.values(counterexamples);

		it('plans the credentials an agent guardrail needs before the guardrail, once, even when they are also a weak guard', () => {
			expect(steps(weakGuardTwice!)).toEqual([
				'risk_ai_iac_review critical_gap',
				'risk_app_code_review critical_gap',
				'risk_ai_credentials prerequisite',
				'risk_agent_guardrails critical_gap',
				'risk_agent_separation critical_gap'
			]);
		});

		it('closes a critical gap not ruled out before a stated gap that needs it, and names it a critical gap', () => {
			expect(steps(notRuledOutFirst!).slice(0, 3)).toEqual([
				'risk_app_code_review critical_gap',
				'risk_ai_credentials critical_gap',
				'risk_agent_guardrails critical_gap'
			]);
		});

		it('leaves out the last open gap when its step and its prerequisite no longer fit in five', () => {
			const r = score(bank, fiveGaps!);
			expect(r.criticalOpen).toHaveLength(5);
			expect(steps(fiveGaps!)).toEqual([
				'risk_app_code_review critical_gap',
				'risk_ai_credentials prerequisite',
				'risk_agent_guardrails critical_gap',
				'risk_agent_separation critical_gap',
				'risk_control_plane critical_gap'
			]);
		});
	});

	it('steps from a short-lived sign-in session to short-lived scoped credentials, never to a long-lived secret', () => {
		const answers = { ...best, risk_ai_credentials: 'sso_session', risk_agent_guardrails: 'unrestricted' };
		const r = score(bank, answers);
		// As the prerequisite of the agent guardrails' critical step, and as the roadmap's own step.
		expect(r.liftPlan!.changes.find((c) => c.questionId === 'risk_ai_credentials')).toMatchObject({
			from: 'sso_session',
			to: 'short_lived_scoped',
			reason: 'prerequisite'
		});
		expect(r.recommendations.find((x) => x.questionId === 'risk_ai_credentials')?.to).toBe('short_lived_scoped');
		// Agents already scoped but on long-lived secrets: the guardrail needs nothing more of the credentials.
		const scoped = score(bank, { ...answers, risk_ai_credentials: 'own_scoped' });
		expect(scoped.liftPlan!.changes.some((c) => c.questionId === 'risk_ai_credentials')).toBe(false);
	});

	it('places no group below half the practice and outcome questions, and says which are unanswered', () => {
		const practice = Object.fromEntries(
			bank.questions
				.filter((q) => q.kind === 'practice')
				.slice(0, 10)
				.map((q) => [q.id, best[q.id]!])
		);
		const r = score(bank, practice);
		expect([r.tier, r.rule]).toEqual([null, 'coverage']);
		expect(r.unanswered).toContain('out_impact');
		expect(r.unanswered).not.toContain(Object.keys(practice)[0]);
		expect(r.liftPlan).toBeNull();
		expect(r.surveyShare).toBeNull();
	});

	it('gives the survey’s share of the group with its sampling interval at n = 406', () => {
		const r = score(bank, best);
		expect(r.surveyShare).toEqual({
			group: 'pioneer',
			share: 19,
			interval: { ...wilson(0.19, 406), level: 0.95 },
			sample: 406
		});
		expect(r.surveyShare!.interval.low).toBeLessThan(19);
		expect(r.surveyShare!.interval.high).toBeGreaterThan(19);
	});

	it('compares each answer with the figure that fits it: 33 % no review, 43 % a quick look, 78 % otherwise', () => {
		const line = (answer: string) =>
			score(bank, { ...best, risk_ai_iac_review: answer }).benchmarkLines.find(
				(l) => l.questionId === 'risk_ai_iac_review'
			)!;
		expect([line('direct_no_review').figure, line('direct_no_review').share]).toEqual(['hcl_no_review', 33]);
		expect([line('author_glance').figure, line('author_glance').share]).toEqual(['hcl_minimal_review', 43]);
		expect([line('governed_pipeline').figure, line('governed_pipeline').matches]).toEqual(['iac_unreviewed', false]);
	});

	it('refuses an answer the question does not take, naming it', () => {
		expect(() => score(bank, { gov_formal_policy: NOT_APPLICABLE })).toThrow(AnswersError);
		expect(() => score(bank, { out_rework: VARIES })).toThrow(/not accepted for outcome question "out_rework"/);
		expect(() => score(bank, { gov_formal_policy: NOT_TRACKED })).toThrow(/not accepted for practice question/);
		expect(() => score(bank, { out_root_cause: NOT_TRACKED })).toThrow(AnswersError);
		expect(() => score(bank, { nope: 'x' })).toThrow(/unknown question "nope"/);
	});

	it('scores older banks by their own frozen models', () => {
		expect(scoreAny(BANK_V1, allAt(BANK_V1, 'best')).model).toBe(1);
		expect(scoreAny(BANK_V2, allAt(BANK_V2, 'best')).model).toBe(2);
		expect(scoreAny(bank, best).model).toBe(3);
	});
});
