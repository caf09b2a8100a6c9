import { describe, expect, it } from 'vitest';
import { BANK_V1, BANK_V2 } from '$scoring/content/banks';
import { SURVEY_2026 } from '$scoring/content/survey';
import { DONT_KNOW, NOT_APPLICABLE, ResultSchema, type Answers } from '$scoring/schema';
import { AnswersError, measure, score } from '$scoring/model/v2/score';
import { OUTCOME_WEIGHT, TIER_CUTOFFS, exposureOf } from '$scoring/model/v2/tiers';
import { allAt } from '../fixtures/answers';

const bank = BANK_V2;
const best = allAt(bank, 'best');
const worst = allAt(bank, 'worst');
const withUse = (answers: Answers, level: 'lowest' | 'highest'): Answers => {
	const out = { ...answers };
	for (const q of bank.questions.filter((x) => x.kind === 'use'))
		out[q.id] = (level === 'lowest' ? q.options[0] : q.options[q.options.length - 1])!.id;
	return out;
};
const question = (id: string) => bank.questions.find((q) => q.id === id)!;

describe('score on bank 2.0.0', () => {
	it('returns a result that satisfies the result schema, on model 2', () => {
		const r = score(bank, best);
		expect(ResultSchema.parse(r)).toEqual(r);
		expect(r.model).toBe(2);
	});

	it('places best practice with deep use in Pioneer, and weakest practice and worst outcomes with AI in use in Exposed', () => {
		expect(score(bank, best).tier).toBe('pioneer');
		const r = score(bank, worst);
		expect(r.tier).toBe('exposed');
		expect(r.inUse).toBe(true);
	});

	it('never calls an organisation that barely uses AI Exposed, and says the only way up is deeper use', () => {
		const noAiNoControl = withUse(worst, 'lowest');
		const r = score(bank, noAiNoControl);
		expect(r.inUse).toBe(false);
		expect(r.tier).toBe('fragmented');
		expect(r.liftPlan).toBeNull();
		expect(r.liftContext).toBe('deeper_use');
		const perfect = score(bank, withUse(best, 'lowest'));
		expect(perfect.tier).toBe('fragmented');
		expect(perfect.liftContext).toBe('deeper_use');
		expect(perfect.readiness).toEqual({ ready: true, changes: [], reachable: true });
	});

	it('is not Pioneer at maximum risk exposure: all best except every risk answer worst is Exposed', () => {
		const answers = { ...best };
		for (const q of bank.questions.filter((x) => x.dimension === 'risk_exposure' && x.kind !== 'confidence'))
			answers[q.id] = q.options[0]!.id;
		const r = score(bank, answers);
		expect(r.dimensions.find((d) => d.dimension === 'risk_exposure')!.score).toBe(100);
		expect(r.tier).toBe('exposed');
	});

	it('computes exposure as AI-driven change meeting weak guards, raised by outcomes, as documented', () => {
		const r = score(bank, best);
		expect(r.exposure).toEqual({ aiChange: 100, guards: 100, outcomes: 0 });
		const m = measure(bank, { ...best, out_ai_incidents: 'several_customer' });
		const o = measure(bank, { ...best, out_ai_incidents: 'several_customer' }).exposure.outcomes;
		expect(m.axes.exposure).toBe(exposureOf(100, 100, o));
		expect(exposureOf(100, 100, 100)).toBe(100 * OUTCOME_WEIGHT);
		expect(exposureOf(0, 0, 0)).toBe(0);
		expect(exposureOf(50, 40, 0)).toBe(30);
	});

	it('scores "don’t know" as the weakest answer, and as the deepest use when exposure reads AI-driven change', () => {
		const dkPractice = measure(bank, { ...best, gov_formal_policy: DONT_KNOW });
		const worstPractice = measure(bank, { ...best, gov_formal_policy: 'none' });
		expect(dkPractice.control).toBe(worstPractice.control);
		expect(dkPractice.dontKnow).toBe(1);
		expect(dkPractice.coverage).toBeLessThan(worstPractice.coverage);
		const lowUse = withUse(best, 'lowest');
		const dkUse = measure(bank, { ...lowUse, ai_code_share: DONT_KNOW });
		expect(dkUse.use).toBe(measure(bank, lowUse).use);
		expect(dkUse.exposure.aiChange).toBeGreaterThan(measure(bank, lowUse).exposure.aiChange);
	});

	it('treats "don’t know" or no answer on a question with a critical option as a gap it cannot rule out', () => {
		expect(score(bank, { ...best, risk_ai_iac_review: DONT_KNOW }).criticalGaps).toEqual(['risk_ai_iac_review']);
		const skipped = { ...best };
		delete skipped.risk_app_code_review;
		expect(score(bank, skipped).criticalGaps).toEqual(['risk_app_code_review']);
	});

	it('lists critical gaps first on the roadmap, with the next step from the level answered', () => {
		const r = score(bank, { ...best, risk_ai_credentials: 'shared_admin', gov_ai_literacy: 'none' });
		expect(r.tier).toBe('outpacing');
		expect(r.criticalGaps).toEqual(['risk_ai_credentials']);
		expect(r.recommendations[0]).toMatchObject({
			questionId: 'risk_ai_credentials',
			critical: true,
			from: 'shared_admin',
			to: 'personal_admin',
			title: question('risk_ai_credentials').options[0]!.next!.title
		});
	});

	it('ignores answers to questions a gating answer skips, and accepts N/A only there', () => {
		const noAgents = {
			...best,
			ai_agents: 'none',
			risk_agent_guardrails: 'unrestricted',
			risk_agent_separation: 'self_merge'
		};
		const r = score(bank, noAgents);
		expect(r.criticalGaps).toEqual([]);
		expect(r.notApplicable).toBe(4);
		expect(score(bank, { ...noAgents, risk_agent_guardrails: NOT_APPLICABLE }).criticalGaps).toEqual([]);
		expect(() => score(bank, { ...best, risk_agent_guardrails: NOT_APPLICABLE })).toThrow(AnswersError);
		expect(() => score(bank, { ...best, gov_formal_policy: NOT_APPLICABLE })).toThrow(/not accepted/);
		expect(() => score(bank, { ...best, profile_role: DONT_KNOW })).toThrow(AnswersError);
	});

	it('places no tier below half coverage and marks a thin dimension provisional, naming it', () => {
		const thin = { ...best };
		for (const q of bank.questions.filter((x) => x.dimension === 'platform' && x.kind === 'practice'))
			thin[q.id] = DONT_KNOW;
		const r = score(bank, thin);
		expect(r.tier).not.toBeNull();
		expect(r.provisional).toBe(true);
		expect(r.thinDimensions).toEqual(['platform']);
		expect(score(bank, {}).tier).toBeNull();
		expect(score(bank, best).provisional).toBe(false);
	});

	it('compares each answer with the figure that fits it: 33 % no review, 43 % minimal review, 78 % otherwise', () => {
		const line = (option: string) =>
			score(bank, { ...best, risk_ai_iac_review: option }).benchmarkLines.find(
				(l) => l.questionId === 'risk_ai_iac_review'
			)!;
		expect(line('direct_no_review')).toMatchObject({
			figure: 'hcl_no_review',
			share: 33,
			matches: true,
			direction: 'worse'
		});
		expect(line('minimal_review')).toMatchObject({ figure: 'hcl_minimal_review', share: 43, matches: true });
		expect(line('minimal_review').you).toBe(
			'You would apply AI-generated infrastructure code with only minimal review'
		);
		expect(line('governed_pipeline')).toMatchObject({ figure: 'iac_unreviewed', share: 78, matches: false });
		expect(line('governed_pipeline').peers).toContain(
			SURVEY_2026.figures.find((f) => f.id === 'iac_unreviewed')!.statement
		);
	});

	it('flags a result within the norming’s margin of a cut-off that decides its tier, naming the cut-off and the group across', () => {
		const r = score(bank, best);
		expect(r.borderline).toBe(false);
		// Walk practice down from the top until control sits just above the Pioneer bar.
		const answers = { ...best };
		let near = score(bank, answers);
		for (const q of bank.questions.filter((x) => x.kind === 'practice' && !x.options.some((o) => o.critical))) {
			const trial = { ...answers, [q.id]: q.options[0]!.id };
			const t = score(bank, trial);
			if (t.tier !== 'pioneer') continue;
			Object.assign(answers, trial);
			near = t;
			if (near.control! < TIER_CUTOFFS.controlHigh + 8) break;
		}
		expect(near.tier).toBe('pioneer');
		expect(near.borderline).toBe(true);
		expect(near.nearestCutoff).toMatchObject({ rule: 'controlHigh', across: 'outpacing', margin: 8 });
	});
});

describe('bank 1.0.0 results', () => {
	it('are still scored by the frozen model of bank 1.x', () => {
		const r = score(BANK_V1, allAt(BANK_V1, 'best'));
		expect(r.model).toBe(1);
		expect(r.version).toBe('1.0.0');
		expect(r.tier).toBe('pioneer');
		expect(r.criticalGaps).toEqual([]);
	});
});
