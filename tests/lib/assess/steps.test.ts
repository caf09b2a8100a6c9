import { describe, expect, test } from 'vitest';
import { BANK_V2 as BANK_V1 } from '$scoring/content/banks';
import { DONT_KNOW, NOT_APPLICABLE } from '$scoring/schema';
import { DONT_KNOW_LABEL, PREFER_NOT_TO_SAY_LABEL } from '$scoring/present/answer-labels';
import { assessmentSteps, isStepQuestionSkipped, stepGate, stepIndexFromParam } from '../../../src/lib/assess/steps';

describe('assessmentSteps', () => {
	const steps = assessmentSteps(BANK_V1);

	test('one step per dimension in bank order, then the optional "About you" step', () => {
		expect(steps.map((s) => s.id)).toEqual([...BANK_V1.dimensions.map((d) => d.id), 'about']);
		expect(steps.map((s) => s.optional)).toEqual([false, false, false, false, false, true]);
		expect(steps.at(-1)?.title).toBe('About you');
	});

	test('every question of the bank appears exactly once', () => {
		const shown = steps.flatMap((s) => s.questions.map((q) => q.id));
		expect(shown.toSorted()).toEqual(BANK_V1.questions.map((q) => q.id).toSorted());
	});

	test('a dimension step lists its use, practice and outcome questions, then its confidence question last', () => {
		for (const step of steps.filter((s) => !s.optional)) {
			const kinds = step.questions.map((q) => q.kind);
			expect(kinds.at(-1)).toBe('confidence');
			expect(kinds.slice(0, -1).every((k) => k !== 'confidence' && k !== 'profile')).toBe(true);
			for (const q of step.questions) expect(BANK_V1.questions.find((b) => b.id === q.id)?.dimension).toBe(step.id);
		}
	});

	test('skips the agent questions when no agents act, and hides them while that is unknown', () => {
		const risk = steps.find((s) => s.id === 'risk_exposure')!;
		const agent = risk.questions.find((q) => q.id === 'risk_agent_guardrails')!;
		expect(stepGate(agent, { ai_agents: 'none' })).toBe('skipped');
		expect(stepGate(agent, { ai_agents: DONT_KNOW })).toBe('unknown');
		expect(stepGate(agent, {})).toBe('unknown');
		expect(stepGate(agent, { ai_agents: 'prod_scoped' })).toBe('applies');
		expect(isStepQuestionSkipped(agent, { ai_agents: 'planned' })).toBe(true);
		expect(isStepQuestionSkipped(risk.questions[0]!, { ai_agents: 'none' })).toBe(false);
	});

	test('each question keeps its options in order and ends with its reserved answer', () => {
		for (const step of steps)
			for (const q of step.questions) {
				const source = BANK_V1.questions.find((b) => b.id === q.id)!;
				expect(q.options.slice(0, -1)).toEqual(source.options.map((o) => ({ id: o.id, label: o.label })));
				expect(q.options.at(-1)).toEqual(
					q.kind === 'profile'
						? { id: NOT_APPLICABLE, label: PREFER_NOT_TO_SAY_LABEL }
						: { id: DONT_KNOW, label: DONT_KNOW_LABEL }
				);
				expect(q.text).toBe(source.text);
				expect(q.why).toBe(source.why ?? null);
			}
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
