import { describe, expect, test } from 'vitest';
import { BANK_V2, BANK_V3 } from '$scoring/content/banks';
import { DONT_KNOW, NOT_APPLICABLE, NOT_TRACKED, VARIES } from '$scoring/schema';
import {
	DONT_KNOW_LABEL,
	NOT_TRACKED_LABEL,
	PREFER_NOT_TO_SAY_LABEL,
	VARIES_LABEL
} from '$scoring/present/answer-labels';
import { reviewOf } from '$lib/assess/review';
import { assessmentSteps, isStepQuestionSkipped, stepGate, stepIndexFromParam } from '$lib/assess/steps';

describe('assessmentSteps', () => {
	const steps = assessmentSteps(BANK_V3);

	test('one step per dimension in bank order, then the optional "About you" step', () => {
		expect(steps.map((s) => s.id)).toEqual([...BANK_V3.dimensions.map((d) => d.id), 'about']);
		expect(steps.map((s) => s.optional)).toEqual([false, false, false, false, false, true]);
		expect(steps.at(-1)?.title).toBe('About you');
	});

	test('every question of the bank appears exactly once', () => {
		const shown = steps.flatMap((s) => s.questions.map((q) => q.id));
		expect(shown.toSorted()).toEqual(BANK_V3.questions.map((q) => q.id).toSorted());
	});

	test('a dimension step lists its use, practice and outcome questions, then its confidence question last', () => {
		for (const step of steps.filter((s) => !s.optional)) {
			const kinds = step.questions.map((q) => q.kind);
			expect(kinds.at(-1)).toBe('confidence');
			expect(kinds.slice(0, -1).every((k) => k !== 'confidence' && k !== 'profile')).toBe(true);
			for (const q of step.questions) expect(BANK_V3.questions.find((b) => b.id === q.id)?.dimension).toBe(step.id);
		}
	});

	test('bank 2.0.0 still skips the agent questions when no agents act, and hides them while that is unknown', () => {
		const risk = assessmentSteps(BANK_V2).find((s) => s.id === 'risk_exposure')!;
		const agent = risk.questions.find((q) => q.id === 'risk_agent_guardrails')!;
		expect(stepGate(agent, { ai_agents: 'none' })).toBe('skipped');
		expect(stepGate(agent, { ai_agents: DONT_KNOW })).toBe('unknown');
		expect(stepGate(agent, {})).toBe('unknown');
		expect(stepGate(agent, { ai_agents: 'prod_scoped' })).toBe('applies');
		expect(isStepQuestionSkipped(agent, { ai_agents: 'planned' })).toBe(true);
		expect(isStepQuestionSkipped(risk.questions[0]!, { ai_agents: 'none' })).toBe(false);
	});

	test('bank 3.0.0 asks every question of everyone', () => {
		for (const step of steps)
			for (const q of step.questions) expect(stepGate(q, { ai_agents: 'none' })).toBe('applies');
	});

	test('each question keeps its options in order and ends with the reserved answers it takes', () => {
		const reserved = (id: string, label: string) => ({
			id,
			label,
			reserved: true,
			level: 0,
			requires: [],
			contradicts: []
		});
		for (const step of steps)
			for (const q of step.questions) {
				const source = BANK_V3.questions.find((b) => b.id === q.id)!;
				const own = q.options.filter((o) => !o.reserved);
				expect(own.map((o) => ({ id: o.id, label: o.label }))).toEqual(
					source.options.map((o) => ({ id: o.id, label: o.label }))
				);
				expect(q.options.filter((o) => o.reserved)).toEqual(
					q.kind === 'profile'
						? [reserved(NOT_APPLICABLE, PREFER_NOT_TO_SAY_LABEL)]
						: q.kind === 'practice'
							? [reserved(DONT_KNOW, DONT_KNOW_LABEL), reserved(VARIES, VARIES_LABEL)]
							: q.kind === 'outcome' && !source.rootCause
								? [reserved(DONT_KNOW, DONT_KNOW_LABEL), reserved(NOT_TRACKED, NOT_TRACKED_LABEL)]
								: [reserved(DONT_KNOW, DONT_KNOW_LABEL)]
				);
				expect(q.text).toBe(source.text);
				expect(q.why).toBe(source.why ?? null);
			}
	});
});

describe('reviewOf: what the respondent sees before the result', () => {
	const steps = assessmentSteps(BANK_V3);
	const required = steps.filter((s) => !s.optional).flatMap((s) => s.questions);

	test('lists every unanswered question of the required steps, with its step, and none of the optional one', () => {
		const review = reviewOf(steps, { gov_formal_policy: 'full' });
		expect(review.unanswered).toHaveLength(required.length - 1);
		expect(review.unanswered.some((u) => u.questionId.startsWith('profile_'))).toBe(false);
		const drift = review.unanswered.find((u) => u.questionId === 'auto_drift_detection')!;
		expect(steps[drift.step]!.id).toBe('automation');
	});

	test('names an answer its prerequisites do not allow, what it needs and how it would be counted', () => {
		// The strongest option that contradicts nothing ("no AI acts here" beside agents in production would).
		const answers = Object.fromEntries(
			required.map((q) => [q.id, q.options.filter((o) => !o.reserved && !o.contradicts.length).at(-1)!.id])
		);
		expect(reviewOf(steps, answers)).toEqual({ unanswered: [], breaks: [], contradictions: [] });
		const review = reviewOf(steps, { ...answers, gov_formal_policy: 'none' });
		expect(review.breaks.map((b) => b.questionId)).toEqual(['gov_policy_enforcement']);
		expect(review.breaks[0]).toMatchObject({
			given: 'Checkable rules block; the rest attested; exceptions logged',
			countedAs: 'Spot checks or audits after changes ship',
			needs: [
				{
					text: BANK_V3.questions.find((q) => q.id === 'gov_formal_policy')!.text,
					atLeast: 'Approved; covers application code only'
				}
			]
		});
	});
});

describe('reviewOf: contradictions', () => {
	const steps = assessmentSteps(BANK_V3);
	test('names an answer that cannot be true beside another, with both questions and where they are', () => {
		const review = reviewOf(steps, { ai_agents: 'prod_broad', risk_ai_credentials: 'none_needed' });
		expect(review.contradictions).toHaveLength(1);
		const c = review.contradictions[0]!;
		expect([c.questionId, c.with.questionId]).toEqual(['risk_ai_credentials', 'ai_agents']);
		expect(steps[c.step]!.id).toBe('risk_exposure');
		expect(steps[c.with.step]!.id).toBe('ai_integration');
		const label = (q: string, o: string) =>
			BANK_V3.questions.find((x) => x.id === q)!.options.find((x) => x.id === o)!.label;
		expect([c.given, c.with.given]).toEqual([
			label('risk_ai_credentials', 'none_needed'),
			label('ai_agents', 'prod_broad')
		]);
		expect(reviewOf(steps, { ai_agents: 'none', risk_ai_credentials: 'none_needed' }).contradictions).toEqual([]);
	});
});

describe('stepIndexFromParam', () => {
	test.each([
		[null, 0],
		['', 0],
		['1', 0],
		['3', 2],
		['6', 5],
		['99', 5],
		['0', 0],
		['-2', 0],
		['abc', 0]
	])('?step=%s → index %i of 6 steps', (param, index) => {
		expect(stepIndexFromParam(param, 6)).toBe(index);
	});
});
