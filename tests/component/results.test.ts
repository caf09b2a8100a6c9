/**
 * The result components whose props are stable: each shows its numbers in a table (the chart is a picture of the
 * table), says what a reader needs in words, and marks the respondent's group. Props are the plain data the
 * server sends.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import type { DimensionRow, DistributionRow } from '$scoring/present/result';
import ConfidenceGaps from '$lib/components/results/ConfidenceGaps.svelte';
import DimensionScores from '$lib/components/results/DimensionScores.svelte';
import LiftPlan from '$lib/components/results/LiftPlan.svelte';
import TierDistribution from '$lib/components/results/TierDistribution.svelte';
import { text } from './text';

// chart.js cannot draw in jsdom; the radar module is replaced, and each test says whether it loads.
const drawRadar = vi.hoisted(() => vi.fn());
vi.mock('$lib/components/results/radar', () => ({ drawRadar }));

/** The rows of a table as the cells' text. */
function cells(table: HTMLElement): string[][] {
	return within(table)
		.getAllByRole('row')
		.map((row) => [...row.querySelectorAll('th, td')].map(text));
}

const DIMENSIONS: DimensionRow[] = [
	{
		dimension: 'ai_integration',
		label: 'AI integration depth',
		score: 62.5,
		contribution: 62.5,
		higherIsWorse: false,
		answered: 6,
		total: 7
	},
	{
		dimension: 'risk_exposure',
		label: 'Risk exposure',
		score: 40,
		contribution: 60,
		higherIsWorse: true,
		answered: 13,
		total: 13
	},
	{
		dimension: 'platform',
		label: 'Platform',
		score: null,
		contribution: null,
		higherIsWorse: false,
		answered: 0,
		total: 6
	}
];

describe('DimensionScores', () => {
	test('a table of every dimension: score to one decimal, a dash for none, and how many were answered', () => {
		drawRadar.mockReturnValue({ setPoints: () => {}, recolour: () => {}, destroy: () => {} });
		render(DimensionScores, { rows: DIMENSIONS });
		const table = screen.getByRole('table', { name: 'Dimension scores, 0–100' });
		expect(cells(table)).toEqual([
			['Dimension', 'Score', 'Answered'],
			['AI integration depth', '62.5', '6 of 7'],
			['Risk exposure Higher means more exposed; it enters the index as 100 − score.', '40', '13 of 13'],
			['Platform', '—', '0 of 6']
		]);
	});

	test('draws the radar from the same numbers, marking the dimension where lower is better', async () => {
		drawRadar.mockReset().mockReturnValue({ setPoints: () => {}, recolour: () => {}, destroy: () => {} });
		const { container } = render(DimensionScores, { rows: DIMENSIONS, seriesLabel: 'Team score (0–100)' });
		await waitFor(() => expect(drawRadar).toHaveBeenCalledOnce());
		const [canvas, points, label] = drawRadar.mock.calls[0]!;
		expect(canvas).toBe(container.querySelector('canvas'));
		expect(points).toEqual([
			{ label: 'AI integration depth', value: 62.5 },
			{ label: 'Risk exposure (lower is better)', value: 40 },
			{ label: 'Platform', value: null }
		]);
		expect(label).toBe('Team score (0–100)');
		// The chart is a picture of the table: hidden from screen readers.
		expect(container.querySelector('canvas')!.closest('[aria-hidden=true]')).not.toBeNull();
	});

	test('when the chart cannot load, it says so and points to the table', async () => {
		drawRadar.mockReset().mockImplementation(() => {
			throw new Error('no canvas');
		});
		render(DimensionScores, { rows: DIMENSIONS });
		expect(await screen.findByText('The chart could not be loaded; the table has the same numbers.')).toBeTruthy();
		expect(screen.getByRole('table')).toBeTruthy();
	});
});

// As the presentation model formats them (scoring/present.ts): the component prints them unchanged.
const GAP = { confidence: '80', practice: '45.3', gap: '+34.8', overconfident: true };

describe('ConfidenceGaps', () => {
	test('each overconfident dimension gets its sentence; the table marks it', () => {
		render(ConfidenceGaps, {
			gaps: [
				{ label: 'Governance', ...GAP, sentence: 'Your confidence in governance runs ahead.' },
				{ label: 'Platform', confidence: '40', practice: '52', gap: '−12', overconfident: false, sentence: 'unused' },
				{ label: 'Automation', confidence: '—', practice: '30', gap: '—', overconfident: false, sentence: 'unused' }
			],
			none: null
		});
		expect(screen.getAllByRole('listitem').map(text)).toEqual(['Your confidence in governance runs ahead.']);
		expect(cells(screen.getByRole('table', { name: 'Confidence against practice, 0–100' }))).toEqual([
			['Dimension', 'Confidence', 'Practice', 'Gap'],
			['Governance', '80', '45.3', '+34.8 ⚠'],
			['Platform', '40', '52', '−12'],
			['Automation', '—', '30', '—']
		]);
	});

	test('no overconfidence: the view’s sentence, with the gap it flags, instead of the list', () => {
		const none = 'Your confidence is not 20 points or more above your practice in any dimension.';
		render(ConfidenceGaps, {
			gaps: [{ label: 'Governance', ...GAP, gap: '+10.8', overconfident: false, sentence: 'x' }],
			none
		});
		expect(screen.queryByRole('list')).toBeNull();
		expect(screen.getByText(none)).toBeTruthy();
	});
});

const DISTRIBUTION: DistributionRow[] = [
	{ tier: 'exposed', label: 'Exposed', share: 23, you: false },
	{ tier: 'fragmented', label: 'Fragmented', share: 41, you: true },
	{ tier: 'outpacing', label: 'Outpacing', share: 27, you: false },
	{ tier: 'pioneer', label: 'Pioneer', share: 9, you: false }
];

describe('TierDistribution', () => {
	test('the sentence, the source, and a table from the most mature group down with "You are here"', () => {
		render(TierDistribution, {
			rows: DISTRIBUTION,
			sentence: 'More organisations are ahead of you than behind.',
			source: '406 respondents (IT leaders), fielded 2026.'
		});
		expect(screen.getByText('More organisations are ahead of you than behind.')).toBeTruthy();
		expect(screen.getByText('406 respondents (IT leaders), fielded 2026.')).toBeTruthy();
		expect(cells(screen.getByRole('table', { name: 'Share of surveyed organisations in each group' }))).toEqual([
			['Group', 'Share of respondents', 'You'],
			['Pioneer', '9 %', ''],
			['Outpacing', '27 %', ''],
			['Fragmented', '41 %', 'You are here'],
			['Exposed', '23 %', '']
		]);
	});

	test('the bars are hidden from screen readers and as long as their share, the largest the full track', () => {
		const { container } = render(TierDistribution, { rows: DISTRIBUTION, sentence: null, source: 's' });
		const bars = container.querySelector('.bars')!;
		expect(bars.getAttribute('aria-hidden')).toBe('true');
		// Each bar fills its share of the largest share's length (an SVG length out of 100).
		const lengths = [...bars.querySelectorAll('.bar rect')].map((r) => Number(r.getAttribute('width')));
		expect(lengths.map((l) => Math.round((l / 100) * 41))).toEqual([9, 27, 41, 23]);
		expect(text(bars.querySelector('.you'))).toBe('Fragmented 41 % You are here');
	});

	test('unplaced (no tier): nobody is "here"', () => {
		render(TierDistribution, {
			rows: DISTRIBUTION.map((r) => ({ ...r, you: false })),
			sentence: null,
			source: 's'
		});
		expect(screen.queryAllByText('You are here')).toEqual([]);
	});
});

describe('LiftPlan', () => {
	test('lists each change, from → to, and makes no claim of its own about whether they are enough', () => {
		const { container } = render(LiftPlan, {
			steps: [
				{
					questionId: 'risk_agent_separation',
					question: 'Who approves the changes an AI agent authors?',
					dimension: 'Risk exposure',
					from: 'The agent can merge or apply them itself',
					to: 'Someone other than the prompter, by convention'
				}
			]
		});
		const shown = text(container);
		expect(shown).toContain('Who approves the changes an AI agent authors?');
		expect(shown).toContain(
			'From “The agent can merge or apply them itself” to “Someone other than the prompter, by convention”'
		);
		// Whether the changes are enough is the view's note beside the list (it knows; this component does not).
		expect(shown).not.toMatch(/enough|move you up/i);
	});
});
