import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { assessmentSteps, type StepQuestion } from '$lib/assess/steps';
import QuestionField from '$lib/components/assess/QuestionField.svelte';

const steps = assessmentSteps(CURRENT_BANK);
/** A real practice question of the current bank, with its "why we ask" line. */
const question: StepQuestion = steps.flatMap((s) => s.questions).find((q) => q.kind === 'practice' && q.why)!;

test('is a group named by the question, with one labelled radio per option and the reserved answers last', () => {
	render(QuestionField, { question, value: undefined, number: 3, onchange: () => {} });
	const group = screen.getByRole('group', { name: new RegExp(question.text.slice(0, 40).replace(/[?()]/g, '.')) });
	const radios = [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')];
	expect(radios.map((r) => screen.getByLabelText(question.options[radios.indexOf(r)]!.label) === r)).toEqual(
		question.options.map(() => true)
	);
	const reserved = question.options.filter((o) => o.reserved).map((o) => o.label);
	expect(reserved).toEqual(['Don’t know', 'Varies by team']);
	expect(question.options.slice(-reserved.length).map((o) => o.label)).toEqual(reserved);
	expect(radios.every((r) => !r.checked)).toBe(true);
	// The number is a visual aid; the group's name is the question alone.
	expect(group.textContent).toContain('3.');
});

test('the "why we ask" line is folded inside the question, one click away', async () => {
	render(QuestionField, { question, value: undefined, number: 1, onchange: () => {} });
	const fieldset = document.getElementById(`q-${question.id}`)!;
	const why = screen.getByText('Why we ask');
	expect(fieldset.contains(why)).toBe(true);
	const text = screen.getByText(question.why!);
	expect(text.checkVisibility?.() ?? (text.closest('details') as HTMLDetailsElement).open).toBe(false);
	await userEvent.click(why);
	expect((text.closest('details') as HTMLDetailsElement).open).toBe(true);
});

test('a question without a "why" has no "why we ask" line', () => {
	render(QuestionField, { question: { ...question, why: null }, value: undefined, number: 1, onchange: () => {} });
	expect(screen.queryByText(/Why we ask/)).toBeNull();
});

test('shows the saved answer as checked', () => {
	const chosen = question.options[1]!;
	render(QuestionField, { question, value: chosen.id, number: 1, onchange: () => {} });
	expect((screen.getByLabelText(chosen.label) as HTMLInputElement).checked).toBe(true);
	expect((screen.getByLabelText(question.options[0]!.label) as HTMLInputElement).checked).toBe(false);
});

test('clicking an option’s label reports the question and the option chosen', async () => {
	const onchange = vi.fn();
	render(QuestionField, { question, value: undefined, number: 1, onchange });
	await userEvent.click(screen.getByText(question.options[2]!.label));
	expect(onchange).toHaveBeenCalledExactlyOnceWith(question.id, question.options[2]!.id);
	await userEvent.click(screen.getByText('Don’t know'));
	expect(onchange).toHaveBeenLastCalledWith(question.id, 'dk');
});

test('the radios post under the answer field name, so the form works without JavaScript', () => {
	render(QuestionField, { question, value: undefined, number: 1, onchange: () => {} });
	const names = new Set([...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.name));
	expect([...names]).toEqual([`a.${question.id}`]);
});
