/**
 * The questionnaire. Bank 3.0.0 asks every question of everyone and, before the result, lists what is unanswered
 * and what contradicts itself. Editing a bank 2.0.0 result still shows that bank's gated agent questions: a "no AI
 * agents" answer skips them and a note says so; while the gate is unanswered or "don't know" the note says they count
 * as their weakest answers. The navigation is the static one (nothing navigates in jsdom): the step comes from the
 * `step` prop.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import { BANK_V2, CURRENT_BANK } from '$scoring/content/banks';
import { gatedQuestionsNote } from '$scoring/present/answer-labels';
import type { Answers } from '$scoring/schema';
import { assessmentSteps, type AssessStep } from '$lib/assess/steps';
import { STATIC_NAVIGATION } from '$lib/assess/step-navigation';
import Questionnaire from '$lib/components/assess/Questionnaire.svelte';
import { text } from './text';

const STEPS = assessmentSteps(BANK_V2);
const GATE = 'ai_agents';
const gatedStep = STEPS.findIndex((s) => s.questions.some((q) => q.skipWhen?.question === GATE));
const gated = STEPS[gatedStep]!.questions.filter((q) => q.skipWhen?.question === GATE);
const gate = STEPS.flatMap((s) => s.questions).find((q) => q.id === GATE)!;

function questionnaire(
	step: number,
	answers: Answers,
	steps: AssessStep[] = STEPS,
	{ bank = BANK_V2, reviewing = false } = {}
) {
	return render(Questionnaire, {
		bank: { id: bank.id, version: bank.version },
		steps,
		step,
		answers,
		reviewing,
		code: null,
		storageKey: 'component-test',
		path: '/assess',
		finish: { label: 'See results', value: 'results' },
		titleSuffix: 'test',
		navigation: STATIC_NAVIGATION
	});
}

/** The questions shown, by their group names. */
const shownQuestions = () =>
	screen
		.queryAllByRole('group')
		.filter((g) => g.tagName === 'FIELDSET')
		.map((g) => g.querySelector('legend')!.textContent!);
const notes = () => [...document.querySelectorAll('.notice.gated')].map(text);

beforeEach(() => localStorage.clear());

describe('gated agent questions (editing a bank 2.0.0 result)', () => {
	test('the bank has agent questions gated on another step (what these tests rely on)', () => {
		expect(gatedStep).toBeGreaterThan(STEPS.findIndex((s) => s.questions.includes(gate)));
		expect(gated.length).toBeGreaterThan(1);
	});

	test('"no AI agents" leaves them out and says they were not asked, and why', () => {
		questionnaire(gatedStep, { [GATE]: 'none' });
		for (const q of gated) expect(shownQuestions().some((s) => s.includes(q.text))).toBe(false);
		expect(notes()).toEqual([gatedQuestionsNote('skipped', gated.length)]);
		expect(notes()[0]).toMatch(/^\d+ questions about AI agents are not asked: you answered that no AI agents/);
	});

	test('an unanswered gate leaves them out and says they count as their weakest answers until answered', () => {
		questionnaire(gatedStep, {});
		for (const q of gated) expect(shownQuestions().some((s) => s.includes(q.text))).toBe(false);
		expect(notes()).toEqual([gatedQuestionsNote('unknown', gated.length)]);
		expect(notes()[0]).toContain('count as their weakest answers');
	});

	test('"don’t know" on the gate reads the same as unanswered', () => {
		questionnaire(gatedStep, { [GATE]: 'dk' });
		expect(notes()).toEqual([gatedQuestionsNote('unknown', gated.length)]);
	});

	test('agents in use: every agent question is asked, with no note', () => {
		questionnaire(gatedStep, { [GATE]: 'prod_scoped' });
		for (const q of gated) expect(shownQuestions().some((s) => s.includes(q.text))).toBe(true);
		expect(notes()).toEqual([]);
	});

	test('answers to questions no longer asked are not sent with the form', () => {
		const skippedAnswer = gated[0]!.options[0]!.id;
		const { container } = questionnaire(0, { [GATE]: 'none', [gated[0]!.id]: skippedAnswer });
		const fields = [...container.querySelectorAll<HTMLInputElement>('input[type=hidden]')].map((i) => i.name);
		expect(fields).not.toContain(`a.${gated[0]!.id}`);
	});

	test('changing the gate on the same step shows or hides the questions and the note at once', async () => {
		// One step holding the gate and what it gates, so the change is seen without moving between steps.
		const oneStep: AssessStep = { ...STEPS[gatedStep]!, questions: [gate, ...gated] };
		questionnaire(0, {}, [oneStep]);
		expect(shownQuestions()).toHaveLength(1);
		expect(notes()).toEqual([gatedQuestionsNote('unknown', gated.length)]);

		const agentsGroup = document.getElementById(`q-${GATE}`)!;
		const label = (id: string) => gate.options.find((o) => o.id === id)!.label;
		await userEvent.click(screen.getByLabelText(label('prod_scoped'), { selector: 'input' }));
		expect(shownQuestions()).toHaveLength(1 + gated.length);
		expect(notes()).toEqual([]);

		await userEvent.click(screen.getByLabelText(label('none'), { selector: 'input' }));
		expect(shownQuestions()).toHaveLength(1);
		expect(notes()).toEqual([gatedQuestionsNote('skipped', gated.length)]);
		expect(agentsGroup.isConnected).toBe(true);
	});
});

test('the answered count follows the answers; skipped questions are not counted as questions (bank 2.0.0)', async () => {
	questionnaire(gatedStep, { [GATE]: 'none' });
	const skippedTotal = STEPS.flatMap((s) => s.questions).length - gated.length;
	expect(text(document.querySelector('.progress'))).toBe(
		`Step ${gatedStep + 1} of ${STEPS.length} · 1 of ${skippedTotal} questions answered`
	);
	const first = STEPS[gatedStep]!.questions.find((q) => !q.skipWhen)!;
	await userEvent.click(screen.getByLabelText(first.options[0]!.label, { selector: `input[name="a.${first.id}"]` }));
	expect(text(document.querySelector('.progress'))).toContain(`2 of ${skippedTotal} questions answered`);
	expect(text(screen.getByRole('status'))).toBe('✓ Saved in this browser');
});

describe('before the result (bank 3.0.0)', () => {
	const steps = assessmentSteps(CURRENT_BANK);
	const last = steps.length - 1;
	const required = steps.filter((s) => !s.optional).flatMap((s) => s.questions);
	// Every question at the strongest option that contradicts nothing.
	const complete: Answers = Object.fromEntries(
		required.map((q) => [q.id, q.options.filter((o) => !o.reserved && !o.contradicts.length).at(-1)!.id])
	);
	const review = () => screen.queryByRole('region', { name: 'Before your result' });

	test('with everything answered and consistent there is nothing to review', () => {
		questionnaire(last, complete, steps, { bank: CURRENT_BANK, reviewing: true });
		expect(review()).toBeNull();
		expect(screen.getByRole('button', { name: 'See results' })).toBeTruthy();
	});

	test('lists the unanswered question and the contradiction, each a link back, and offers to finish anyway', () => {
		const skipped = required.find((q) => q.kind === 'practice')!;
		const answers: Answers = { ...complete, ai_agents: 'prod_broad', risk_ai_credentials: 'none_needed' };
		delete answers[skipped.id];
		questionnaire(last, answers, steps, { bank: CURRENT_BANK, reviewing: true });
		const region = review()!;
		expect(text(region)).toContain('1 question is unanswered');
		const back = within(region).getByRole('link', { name: skipped.text });
		expect(back.getAttribute('href')).toMatch(new RegExp(`step=\\d+.*#q-${skipped.id}$`));
		expect(text(region)).toContain('1 answer cannot be true beside another');
		const credentials = CURRENT_BANK.questions.find((q) => q.id === 'risk_ai_credentials')!;
		expect(within(region).getByRole('link', { name: credentials.text })).toBeTruthy();
		expect(screen.getByRole('button', { name: 'See results anyway' })).toBeTruthy();
	});
});
