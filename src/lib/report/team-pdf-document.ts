/**
 * The team report for the client, as a pdfmake document definition: cover, executive summary, the team result and
 * how it was formed (agreed in discussion or the median), the spread of individual tiers, the most split questions
 * with their option labels, the discussion notes and agreed actions, the 30 / 60 / 90-day plan and the method.
 * Renders a {@link TeamReportView} (`scoring/present-team`): every sentence and number comes from there, so the
 * PDF cannot disagree with the dashboard or the team CSV. Pure data; user text goes in as pdfmake text.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { percent } from '$scoring/present/format';
import { RESULT_LABELS } from '$scoring/present/result';
import type { TeamReportView } from '$scoring/present/team';
import { appendixList, COLOURS, heading, REPORT_FONT, subheading, table } from './pdf-parts';

/** Everything the document needs: the view, and the radar drawing of the team scores (an SVG string). */
export interface TeamReportInput {
	view: TeamReportView;
	radarSvg: string;
	generatedAt: Date;
}

/** A horizontal bar `share` (0–1) of `width` pt long. */
function bar(share: number, width: number, colour: string = COLOURS.bar): Content {
	return {
		canvas: [
			{ type: 'rect', x: 0, y: 2, w: width, h: 9, lineColor: COLOURS.line, lineWidth: 0.5 },
			...(share > 0 ? [{ type: 'rect' as const, x: 0, y: 2, w: Math.max(1, share * width), h: 9, color: colour }] : [])
		]
	};
}

function cover(view: TeamReportView): Content[] {
	return [
		{ text: view.kicker, style: 'kicker', margin: [0, 110, 0, 8] },
		{ text: view.title, style: 'title' },
		...(view.organisation ? [{ text: view.organisation, style: 'subtitle' } satisfies Content] : []),
		{ text: view.labels.cover, style: 'muted', margin: [0, 28, 0, 0] },
		{ text: view.cover.tierLabel, style: 'tier' },
		{ text: view.cover.tierSummary, margin: [0, 0, 0, 8] },
		{
			table: { widths: [130, '*'], body: view.cover.facts.map(([k, v]) => [{ text: k, style: 'muted' }, v]) },
			layout: 'noBorders',
			margin: [0, 22, 0, 0]
		},
		{ text: '', pageBreak: 'after' }
	];
}

function summary(view: TeamReportView): Content[] {
	// pdfmake writes layout data into the arrays it is given: always hand it copies.
	return [heading(view.labels.summary), { ul: [...view.summary], margin: [0, 0, 0, 8] }];
}

function result(view: TeamReportView, radar: string): Content[] {
	const rows: TableCell[][] = view.dimensions.map((d) => [
		{ text: [d.label, d.higherIsWorse ? { text: ' (lower is better)', style: 'muted' } : ''] },
		{ text: d.scoreText, bold: true, alignment: 'right' },
		{ text: d.spread, alignment: 'right' },
		{ text: String(d.respondents), alignment: 'right' }
	]);
	const survey: TableCell[][] = [...view.survey.distribution]
		.reverse()
		.map((r) => [
			{ text: r.label, bold: r.you },
			{ text: percent(r.share), alignment: 'right', bold: r.you },
			bar(
				r.share / 100 / Math.max(...view.survey.distribution.map((x) => x.share / 100), 0.01),
				200,
				r.you ? COLOURS.you : COLOURS.bar
			),
			{ text: r.you ? 'the team' : '', bold: true, color: COLOURS.accent }
		]);
	return [
		heading(view.labels.result),
		subheading(view.labels.scores),
		{
			text: `Team index ${view.index} of 100. Scores run from 0 to 100; spread is how far individuals’ own scores lie from each other (standard deviation).`,
			style: 'muted'
		},
		table(['*', 45, 70, 70], ['Dimension', 'Team', 'Spread (±)', 'People'], rows),
		{ svg: radar, width: 400, alignment: 'center', margin: [0, 0, 0, 6] },
		subheading(view.labels.formed),
		{ text: view.formed.sentence, margin: [0, 0, 0, 4] },
		table(
			['*', 70, 70, 70],
			['Dimension', 'Agreed', 'Median', 'No answer'],
			view.formed.rows.map((r) => [
				r.dimension,
				{ text: String(r.agreed), alignment: 'right' },
				{ text: String(r.median), alignment: 'right' },
				{ text: String(r.none), alignment: 'right' }
			])
		),
		subheading(view.labels.confidence),
		...view.confidence.map((c): Content => ({ text: c.sentence, margin: [0, 0, 0, 3] })),
		table(
			['*', 65, 55, 45],
			['Dimension', 'Confidence', 'Practice', 'Gap'],
			view.confidence.map((c) => [
				{ text: c.label, bold: c.overconfident },
				{ text: c.confidence, alignment: 'right' },
				{ text: c.practice, alignment: 'right' },
				{ text: c.gap, alignment: 'right', bold: c.overconfident }
			])
		),
		subheading(view.labels.survey),
		table([80, 40, 205, '*'], ['Group', 'Share', '', ''], survey),
		...(view.survey.sentence ? [{ text: view.survey.sentence } satisfies Content] : []),
		{ text: view.survey.source, style: 'source', margin: [0, 2, 0, 8] }
	];
}

function tierSpread(view: TeamReportView): Content[] {
	const widest = Math.max(...view.tierSpread.rows.map((r) => r.count), 1);
	return [
		heading(view.labels.tierSpread),
		{ text: view.tierSpread.sentence, margin: [0, 0, 0, 4] },
		table(
			[150, 40, '*'],
			['Group', 'People', ''],
			view.tierSpread.rows.map((r) => [
				r.label,
				{ text: String(r.count), alignment: 'right' },
				bar(r.count / widest, 220)
			])
		),
		{ text: view.tierSpread.note, style: 'muted' }
	];
}

function split(view: TeamReportView): Content[] {
	return [
		heading(view.labels.split),
		{ text: view.split.note, style: 'muted', margin: [0, 0, 0, 6] },
		...(view.split.empty ? [{ text: view.split.empty } satisfies Content] : []),
		...view.split.questions.map((q, i): Content => ({
			stack: [
				{ text: `${i + 1}. ${q.question}`, bold: true },
				{
					text: [
						{ text: `${q.dimension} · `, style: 'muted' },
						{ text: q.bandLine, bold: true }
					]
				},
				{
					table: {
						widths: [22, 110, '*'],
						body: q.options.map((o) => [
							{ text: String(o.count), alignment: 'right', bold: true },
							bar(o.share, 105),
							o.label
						])
					},
					layout: 'noBorders',
					margin: [0, 3, 0, 2]
				},
				{ text: q.others, style: 'muted' },
				{
					text: [
						{ text: 'Team answer: ', style: 'muted' },
						{ text: q.team, bold: true },
						...(q.source ? [{ text: ` (${q.source})`, style: 'muted' }] : [])
					]
				}
			],
			unbreakable: true,
			margin: [0, 0, 0, 10]
		}))
	];
}

function discussion(view: TeamReportView): Content[] {
	return [
		heading(view.labels.discussion),
		...(view.discussion.empty ? [{ text: view.discussion.empty } satisfies Content] : []),
		...view.discussion.items.map((d): Content => ({
			stack: [
				{ text: d.question, bold: true },
				{ text: [{ text: `${d.dimension} · `, style: 'muted' }, d.answer] },
				...(d.note ? [{ text: [{ text: 'Discussion: ', style: 'muted' }, d.note] } satisfies Content] : []),
				...(d.action
					? [
							{
								text: [
									{ text: 'Agreed action: ', style: 'muted' },
									{ text: d.action, bold: true }
								]
							} satisfies Content
						]
					: [])
			],
			unbreakable: true,
			margin: [0, 0, 0, 8]
		}))
	];
}

function planItems(items: TeamReportView['plan']['appendix']): Content[] {
	return items.map((item): Content => ({
		stack: [
			{
				text: [
					{ text: item.label, bold: true },
					...(item.critical ? [{ text: '  critical gap', bold: true, color: COLOURS.critical }] : [])
				]
			},
			...(item.why ? [{ text: item.why, style: 'muted' } satisfies Content] : []),
			{
				ul: item.steps.map((s) => ({
					stack: [
						{ text: [{ text: s.title, bold: true }, ` — ${s.action}`] },
						{ text: `${s.fromTo} ${s.effort}.`, style: 'muted' }
					]
				})),
				margin: [0, 2, 0, 0]
			}
		],
		unbreakable: true,
		margin: [0, 0, 0, 8]
	}));
}

function plan(view: TeamReportView): Content[] {
	const { plan } = view;
	if (plan.empty) return [heading(view.labels.plan), { text: plan.empty }];
	return [
		heading(view.labels.plan),
		...plan.horizons.flatMap((h) => (h.items.length ? [subheading(h.label), ...planItems(h.items)] : [])),
		// Past the 90 days, one line per theme: the plan stays the report's focus.
		...(plan.appendix.length ? [subheading(RESULT_LABELS.appendix), appendixList(plan.appendix)] : [])
	];
}

/** Builds the team report's document definition. */
export function buildTeamReportDocument(input: TeamReportInput): TDocumentDefinitions {
	const { view } = input;
	return {
		info: {
			title: `${view.title}: team report`,
			subject: `AI readiness of the team: ${view.cover.tierLabel}`,
			creator: view.kicker,
			creationDate: input.generatedAt
		},
		language: 'en-GB',
		pageSize: 'A4',
		pageMargins: [48, 48, 48, 56],
		defaultStyle: { font: REPORT_FONT, fontSize: 10, lineHeight: 1.2 },
		styles: {
			kicker: { fontSize: 12, color: COLOURS.accent, bold: true },
			title: { fontSize: 24, bold: true, margin: [0, 0, 0, 4] },
			subtitle: { fontSize: 14, color: COLOURS.muted },
			tier: { fontSize: 40, bold: true, color: COLOURS.accent, margin: [0, 0, 0, 6] },
			h2: { fontSize: 16, bold: true, margin: [0, 16, 0, 6] },
			h3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
			th: { bold: true, color: COLOURS.muted },
			muted: { color: COLOURS.muted },
			source: { fontSize: 8, color: COLOURS.muted }
		},
		// A section heading never sits alone at the foot of a page.
		pageBreakBefore: (node, nodes) =>
			!!node.headlineLevel &&
			(node.startPosition.verticalRatio > (node.headlineLevel === 1 ? 0.8 : 0.85) ||
				nodes.getFollowingNodesOnPage().length === 0),
		footer: (currentPage, pageCount) =>
			currentPage === 1
				? { text: '' }
				: {
						columns: [
							{ text: view.footer, fontSize: 8, color: COLOURS.muted },
							{ text: `Page ${currentPage} of ${pageCount}`, fontSize: 8, color: COLOURS.muted, alignment: 'right' }
						],
						margin: [48, 20, 48, 0]
					},
		content: [
			...cover(view),
			...summary(view),
			...result(view, input.radarSvg),
			...tierSpread(view),
			...split(view),
			...discussion(view),
			...plan(view),
			heading(view.labels.method),
			{ ul: [...view.method] }
		]
	};
}
