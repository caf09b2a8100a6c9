import { render, screen } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import StepProgress from '../../src/lib/components/assess/StepProgress.svelte';

test('says which step of how many, and how many questions are answered', () => {
	render(StepProgress, { current: 2, steps: 7, answered: 9, total: 31 });
	expect(screen.getByText('Step 2 of 7')).toBeTruthy();
	expect(screen.getByText(/9 of 31 questions answered/)).toBeTruthy();
});

test('the bar fills as far as the step reached, and is hidden from screen readers (the text says it)', async () => {
	const { container, rerender } = render(StepProgress, { current: 1, steps: 4, answered: 0, total: 20 });
	const bar = container.querySelector<HTMLElement>('.bar')!;
	// The fill's length out of 100 (an SVG attribute: the CSP allows no style attributes).
	const fill = () => Number(bar.querySelector('rect')!.getAttribute('width'));
	expect(bar.getAttribute('aria-hidden')).toBe('true');
	expect(fill()).toBe(25);
	await rerender({ current: 4, steps: 4, answered: 20, total: 20 });
	expect(fill()).toBe(100);
	expect(screen.getByText('Step 4 of 4')).toBeTruthy();
});
