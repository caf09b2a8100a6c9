/**
 * The PDF report as a pdfmake document definition, built from the same `Result` the results page shows.
 * Pure data: no pdfmake at runtime, so the same code runs in Node (tests, the workshop report) and in the
 * browser (after pdfmake has been loaded on demand). Every string goes in as pdfmake text, never as markup.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { NOT_APPLICABLE_LABEL } from '../../../scoring/answer-labels';
import { tierShares, type Benchmark } from '../../../scoring/benchmark';
import { answerLabel, dimensionLabel, questionText, surveyPosition } from '../../../scoring/explain';
import { isoDate, percent, points, resultFileName, signedPoints } from '../../../scoring/format';
import { TIER_IDS, type QuestionBank, type Result } from '../../../scoring/schema';
import { TIER_LABELS } from '../../../scoring/tiers';
import { radarSvg, resultRadarAxes } from './radar-svg';

/** The team block of a workshop report: how many took part and where they disagreed most. */
export interface ReportTeam {
	/** Participants whose answers are in the aggregate. */
	participants: number;
	/** Sentences printed under the heading (how the team answers were formed, the tier spread). */
	lines?: string[];
	/** Questions with the widest spread of answers, each with a one-line summary of the spread. */
	spread: { questionId: string; summary: string }[];
}

/** Everything the report needs. `title` and `team` are optional (a workshop report sets both). */
export interface ReportInput {
	bank: QuestionBank;
	result: Result;
	benchmark: Benchmark;
	generatedAt: Date;
	/** A heading for the report, e.g. the workshop's title. User text: printed verbatim. */
	title?: string;
	team?: ReportTeam;
}

/** The product's name as printed on the cover and in the PDF metadata. */
export const REPORT_PRODUCT = 'AI Infrastructure Readiness Check';

/** The pdfmake font family the document uses (registered by pdf-node and pdf-browser). */
export const REPORT_FONT = 'Roboto';

const COLOURS = { accent: '#1d4ed8', muted: '#4b5563', bar: '#93c5fd', you: '#1d4ed8' } as const;

/** Length of the longest bar in the survey distribution, in pt. */
const BAR_WIDTH = 220;

const EFFORT_LABELS = { low: 'Low effort', medium: 'Medium effort', high: 'High effort' } as const;

/** The download's file name: `ai-readiness-<tier>-<YYYY-MM-DD>.pdf` (`unplaced` when no tier was placed). */
export function reportFileName(result: Result, generatedAt: Date): string {
	return resultFileName(result.tier, generatedAt, 'pdf');
}

const heading = (text: string): Content => ({ text, style: 'h2', headlineLevel: 1 });

function table(widths: (number | string)[], header: string[], rows: TableCell[][]): Content {
	return {
		table: {
			headerRows: 1,
			dontBreakRows: true,
			widths,
			body: [header.map((h) => ({ text: h, style: 'th' })), ...rows]
		},
		layout: 'lightHorizontalLines',
		margin: [0, 4, 0, 8]
	};
}

function cover(input: ReportInput): Content[] {
	const { bank, result, benchmark, generatedAt, title, team } = input;
	const profile = result.tier ? benchmark.tiers.find((t) => t.id === result.tier) : undefined;
	return [
		{ text: REPORT_PRODUCT, style: 'kicker', margin: [0, 120, 0, 8] },
		...(title ? [{ text: title, style: 'title' } satisfies Content] : []),
		{ text: team ? 'Your team’s tier' : 'Your tier', style: 'muted', margin: [0, 24, 0, 0] },
		{ text: result.tier ? TIER_LABELS[result.tier] : 'Not placed', style: 'tier' },
		{
			text: profile
				? profile.summary
				: 'Too few questions were answered to place a tier. Answer more of the practice questions to see one.',
			margin: [0, 0, 0, 8]
		},
		...(result.borderline
			? [
					{
						text: 'Borderline: your scores sit within a few points of a tier cut-off, so a small change in practice could move you.',
						style: 'note'
					} satisfies Content
				]
			: []),
		{
			table: {
				widths: [150, '*'],
				body: [
					['Overall index', { text: points(result.index), bold: true }],
					['Coverage', `${percent(result.coverage * 100)} of practice questions answered`],
					['Answers', `${result.answered} answered, ${result.notApplicable} not applicable, ${result.skipped} skipped`],
					['Date', isoDate(generatedAt)],
					['Question bank', `${bank.title} (${bank.id}, version ${bank.version})`],
					['Compared with', `${benchmark.name}, ${benchmark.sample} respondents`]
				]
			},
			layout: 'noBorders',
			margin: [0, 24, 0, 0]
		},
		{ text: '', pageBreak: 'after' }
	];
}

function teamBlock(bank: QuestionBank, team: ReportTeam): Content[] {
	return [
		heading('The team'),
		{
			text: `${team.participants} participant${team.participants === 1 ? '' : 's'} answered; the scores below are the team's aggregate.`
		},
		...(team.lines ?? []).map((line): Content => ({ text: line, margin: [0, 4, 0, 0] })),
		...(team.spread.length
			? [
					table(
						['*', 180],
						['Where answers differed most', 'Spread'],
						team.spread.map((s) => [questionText(bank, s.questionId), s.summary])
					)
				]
			: [])
	];
}

function why(input: ReportInput): Content[] {
	const { result } = input;
	if (!result.reasons.length) return [heading('Why this tier'), { text: 'No tier rule applied.' }];
	return [heading('Why this tier'), { ul: result.reasons.map((r) => r.text), margin: [0, 0, 0, 8] }];
}

function dimensions(input: ReportInput): Content[] {
	const { bank, result } = input;
	const rows: TableCell[][] = bank.dimensions.map((d) => {
		const r = result.dimensions.find((x) => x.dimension === d.id);
		return [
			{
				text: [d.label, d.orientation === 'higher-is-worse' ? { text: ' (lower is better)', style: 'muted' } : '']
			},
			{ text: points(r?.score ?? null), bold: true, alignment: 'right' },
			{ text: r ? `${r.answered} of ${r.total}` : '–', alignment: 'right' }
		];
	});
	return [
		heading('Dimension scores'),
		{ text: 'Each score runs from 0 to 100.', style: 'muted' },
		table(['*', 50, 90], ['Dimension', 'Score', 'Answered'], rows),
		{
			columns: [
				{
					text: [
						{ text: 'Overall index ', style: 'muted' },
						{ text: points(result.index), bold: true }
					]
				},
				{
					text: [
						{ text: 'AI use ', style: 'muted' },
						{ text: points(result.use), bold: true }
					]
				},
				{
					text: [
						{ text: 'AI control ', style: 'muted' },
						{ text: points(result.control), bold: true }
					]
				}
			],
			margin: [0, 0, 0, 8]
		},
		{
			svg: radarSvg(resultRadarAxes(bank, result), {
				fontFamily: REPORT_FONT,
				title: 'Dimension scores radar chart'
			}),
			width: 420,
			alignment: 'center',
			margin: [0, 4, 0, 8]
		}
	];
}

function distribution(input: ReportInput): Content[] {
	const { result, benchmark } = input;
	const shares = tierShares(benchmark);
	const widest = Math.max(...Object.values(shares), 1);
	// Highest group first, like a ladder.
	const rows: TableCell[][] = [...TIER_IDS].reverse().map((t) => {
		const you = t === result.tier;
		return [
			{ text: TIER_LABELS[t], bold: you },
			{ text: percent(shares[t]), alignment: 'right', bold: you },
			{
				canvas: [
					{
						type: 'rect',
						x: 0,
						y: 2,
						w: (shares[t] / widest) * BAR_WIDTH,
						h: 10,
						color: you ? COLOURS.you : COLOURS.bar
					}
				]
			},
			{ text: you ? 'you are here' : '', bold: true, color: COLOURS.accent }
		];
	});
	return [
		heading('You against the survey'),
		{
			text: `How the ${benchmark.sample} surveyed organisations split across the four groups.`,
			style: 'muted'
		},
		table([80, 40, BAR_WIDTH + 5, '*'], ['Group', 'Share', '', ''], rows),
		{
			text: result.tier
				? surveyPosition(benchmark, result.tier).sentence
				: 'Answer more questions to see where you sit in the survey.',
			margin: [0, 0, 0, 8]
		}
	];
}

function benchmarkLines(input: ReportInput): Content[] {
	const { bank, result } = input;
	if (!result.benchmarkLines.length) return [];
	return [
		heading('Question by question against the survey'),
		...result.benchmarkLines.map((line): Content => ({
			stack: [
				{ text: questionText(bank, line.questionId), bold: true },
				{ text: [{ text: 'You: ', style: 'muted' }, line.you] },
				{ text: [{ text: 'Survey: ', style: 'muted' }, line.peers] },
				{ text: `Source: ${line.source}`, style: 'source' }
			],
			unbreakable: true,
			margin: [0, 0, 0, 8]
		}))
	];
}

function confidenceGap(input: ReportInput): Content[] {
	const { bank, result } = input;
	const rows: TableCell[][] = result.confidenceGaps.map((g) => [
		dimensionLabel(bank, g.dimension),
		{ text: points(g.confidence), alignment: 'right' },
		{ text: points(g.practice), alignment: 'right' },
		{ text: signedPoints(g.gap), alignment: 'right' },
		g.overconfident ? { text: 'Confidence exceeds the evidence', bold: true } : ''
	]);
	const over = result.confidenceGaps.filter((g) => g.overconfident).length;
	return [
		heading('Confidence against practice'),
		{
			text: over
				? `In ${over} dimension${over === 1 ? '' : 's'}, your self-rated confidence is higher than your answers about practice support.`
				: 'Your self-rated confidence does not exceed what your answers about practice support.',
			margin: [0, 0, 0, 4]
		},
		table(['*', 65, 55, 40, 120], ['Dimension', 'Confidence', 'Practice', 'Gap', ''], rows),
		{
			text: 'Practice is the evidence from your answers, higher meaning better; for risk exposure it is 100 minus exposure.',
			style: 'muted'
		}
	];
}

function liftPlan(input: ReportInput): Content[] {
	const { bank, result } = input;
	const plan = result.liftPlan;
	if (!plan) {
		return [
			heading('What would lift you'),
			{
				text:
					result.tier === 'pioneer'
						? 'You are in the highest group. Keep the practices that put you there; the roadmap lists what is left to improve.'
						: 'No lift plan: too few questions were answered to place a tier.'
			}
		];
	}
	return [
		heading(`What would lift you to ${TIER_LABELS[plan.target]}`),
		{ text: 'The smallest set of changes in practice that would move you up a group:', margin: [0, 0, 0, 4] },
		...plan.changes.map((c): Content => {
			return {
				stack: [
					{ text: questionText(bank, c.questionId), bold: true },
					{ text: [{ text: 'From: ', style: 'muted' }, answerLabel(bank, c.questionId, c.from)] },
					{
						text: [
							{ text: 'To: ', style: 'muted' },
							{ text: answerLabel(bank, c.questionId, c.to), bold: true }
						]
					}
				],
				unbreakable: true,
				margin: [0, 0, 0, 8]
			};
		})
	];
}

function roadmap(input: ReportInput): Content[] {
	const { bank, result } = input;
	if (!result.recommendations.length)
		return [heading('Roadmap'), { text: 'No recommendations: your answers already show the practices we look for.' }];
	return [
		heading('Roadmap'),
		{ text: 'Recommendations in order of priority.', style: 'muted', margin: [0, 0, 0, 4] },
		{
			ol: result.recommendations.map((r): Content => ({
				stack: [
					{ text: r.title, bold: true },
					{ text: r.action },
					{ text: `${dimensionLabel(bank, r.dimension)} · ${EFFORT_LABELS[r.effort]}`, style: 'muted' }
				],
				unbreakable: true,
				margin: [0, 0, 0, 6]
			}))
		}
	];
}

function methodology(input: ReportInput): Content[] {
	const { bank, benchmark } = input;
	return [
		heading('Method'),
		{
			ul: [
				'Each practice question maps its options to a score from 0 to 100 (higher means safer, more mature practice) and carries a weight within its dimension. A dimension score is the weighted mean of its answered questions.',
				`“${NOT_APPLICABLE_LABEL}” and skipped questions are left out of the scores and lower the coverage figure.`,
				'Risk exposure is reported as exposure (higher means more exposed) and enters the overall index as 100 minus exposure.',
				'The tier is placed by rules over two axes the survey describes: how deeply AI is used (AI integration depth) against how well it is controlled (governance, automation, platform readiness and low exposure). The cut-offs are ours, normed so that a simulated population matching the survey’s published figures falls into the survey’s group shares; the survey did not publish its own method.',
				`Every weight, rule and cut-off is documented in docs/methodology.md of the project, for question bank ${bank.id} version ${bank.version}.`
			],
			margin: [0, 0, 0, 8]
		},
		heading('Sources'),
		{
			text: [
				{ text: benchmark.name, bold: true },
				`: ${benchmark.sample} respondents (${benchmark.population}), fielded ${benchmark.fielded}, published ${benchmark.published}.`
			],
			margin: [0, 0, 0, 4]
		},
		{ ul: benchmark.sources.map((s) => `${s.label}, ${s.date}`) }
	];
}

/**
 * Builds the report's pdfmake document definition: cover, (team), why this tier, dimension table and radar,
 * the survey distribution with "you are here", per-question benchmark lines, the confidence gap, the lift plan,
 * the roadmap, the method and sources; the question bank id and version in every page's footer.
 */
export function buildReportDocument(input: ReportInput): TDocumentDefinitions {
	const { bank, result, benchmark, generatedAt, title, team } = input;
	const tier = result.tier ? TIER_LABELS[result.tier] : 'Not placed';
	const footerText = `Question bank ${bank.id} version ${bank.version} · ${isoDate(generatedAt)}`;
	return {
		info: {
			title: title ? `${title}: ${REPORT_PRODUCT}` : `${REPORT_PRODUCT}: ${tier}`,
			subject: `AI readiness tier ${tier}, compared with ${benchmark.name}`,
			creator: REPORT_PRODUCT,
			creationDate: generatedAt
		},
		language: 'en-GB',
		pageSize: 'A4',
		pageMargins: [48, 48, 48, 56],
		defaultStyle: { font: REPORT_FONT, fontSize: 10, lineHeight: 1.2 },
		styles: {
			kicker: { fontSize: 12, color: COLOURS.accent, bold: true },
			title: { fontSize: 22, bold: true, margin: [0, 0, 0, 4] },
			tier: { fontSize: 40, bold: true, color: COLOURS.accent, margin: [0, 0, 0, 6] },
			h2: { fontSize: 15, bold: true, margin: [0, 14, 0, 6] },
			th: { bold: true, color: COLOURS.muted },
			muted: { color: COLOURS.muted },
			note: { color: '#92400e', margin: [0, 0, 0, 8] },
			source: { fontSize: 8, color: COLOURS.muted }
		},
		// A section heading never sits alone at the foot of a page.
		pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.85,
		footer: (currentPage, pageCount) => ({
			columns: [
				{ text: footerText, fontSize: 8, color: COLOURS.muted },
				{ text: `Page ${currentPage} of ${pageCount}`, fontSize: 8, color: COLOURS.muted, alignment: 'right' }
			],
			margin: [48, 20, 48, 0]
		}),
		content: [
			...cover(input),
			...(team ? teamBlock(bank, team) : []),
			...why(input),
			...dimensions(input),
			...distribution(input),
			...benchmarkLines(input),
			...confidenceGap(input),
			...liftPlan(input),
			...roadmap(input),
			...methodology(input)
		]
	};
}
