import { render, screen, within } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import type { QuestionView } from '../../src/lib/workshop/types';
import DisagreementHeatmap from '../../src/lib/components/workshop/DisagreementHeatmap.svelte';
import { text } from './text';

const SPLIT: QuestionView = {
	questionId: 'gov_formal_policy',
	question: 'Is there a written policy for AI-generated change?',
	dimension: 'Governance',
	answered: 6,
	reserved: [{ label: 'Don’t know', count: 2 }],
	skipped: 1,
	disagreement: 0.62,
	band: 'Split',
	teamAnswer: 'Drafted, not approved',
	source: 'median',
	options: [
		{ label: 'None', count: 3, share: 0.5 },
		{ label: 'Drafted, not approved', count: 1, share: 1 / 6 },
		{ label: 'Approved and enforced', count: 2, share: 1 / 3 }
	]
};

const SUPPRESSED: QuestionView = {
	...SPLIT,
	questionId: 'plat_platform_team',
	question: 'Is there a platform team?',
	dimension: '',
	answered: 2,
	reserved: [],
	skipped: 0,
	disagreement: null,
	band: 'Too few answers to show',
	teamAnswer: null,
	options: null
};

test('each question: its dimension, the disagreement in words and as a percentage, and every option with its count', () => {
	render(DisagreementHeatmap, { questions: [SPLIT, SUPPRESSED], minGroupSize: 3 });
	const [split, suppressed] = screen.getAllByTestId('question-spread');
	expect(text(split!.querySelector('.text'))).toBe('Governance Is there a written policy for AI-generated change?');
	expect(text(split!.querySelector('.band'))).toBe('Split: disagreement 62 %');
	const options = within(split!).getByRole('list', { name: 'Answers, least to most mature:' });
	expect(within(options).getAllByRole('listitem').map(text)).toEqual([
		'3 None',
		'1 Drafted, not approved',
		'2 Approved and enforced'
	]);
	expect(text(split!.lastElementChild)).toBe('Don’t know: 2 · Skipped: 1 · Team answer: Drafted, not approved');

	// Below the minimum group size no option counts are shown, and the reason is given.
	expect(within(suppressed!).queryByRole('list')).toBeNull();
	expect(text(suppressed!)).toContain('Fewer than 3 people chose an option here, so their answers are not shown.');
	expect(text(suppressed!.querySelector('.band'))).toBe('Too few answers to show');
	expect(text(suppressed!.lastElementChild)).toBe('Skipped: 0 · Team answer: none');
});

test('the bars are hidden from screen readers (the counts are in the text) and as long as their share', () => {
	const { container } = render(DisagreementHeatmap, { questions: [SPLIT], minGroupSize: 3 });
	const bars = [...container.querySelectorAll<HTMLElement>('.options .bar')];
	expect(bars.every((b) => b.getAttribute('aria-hidden') === 'true')).toBe(true);
	const length = (el: Element) => Math.round(Number(el.querySelector('rect')!.getAttribute('width')));
	expect(bars.map(length)).toEqual([50, 17, 33]);
	const meter = container.querySelector<HTMLElement>('.meter')!;
	expect(meter.getAttribute('aria-hidden')).toBe('true');
	expect(length(meter)).toBe(62);
});

test('questions stay in the order given (most split first, as the dashboard sorts them)', () => {
	render(DisagreementHeatmap, { questions: [SUPPRESSED, SPLIT], minGroupSize: 3 });
	expect(screen.getAllByTestId('question-spread').map((q) => text(q.querySelector('.text')))).toEqual([
		'Is there a platform team?',
		'Governance Is there a written policy for AI-generated change?'
	]);
});
