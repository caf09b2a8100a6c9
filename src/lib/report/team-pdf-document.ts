/**
 * The team report for the client, as a {@link ReportDocument}: cover, executive summary (with the team's critical
 * gaps and severe findings), the team result and how it was formed (agreed in discussion or the median), the spread
 * of individual tiers, the most split questions with their option labels, the discussion notes and agreed actions,
 * the 30 / 60 / 90-day plan and the method. Renders a {@link TeamReportView} (`scoring/present/team`): every
 * sentence, label and number comes from there, so the PDF cannot disagree with the dashboard or the team CSV.
 * Pure data; user text is printed as text.
 */
import { pageLabel, percent } from '$scoring/present/format';
import { radarAlternative } from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import type { TeamReportView } from '$scoring/present/team';
import type { Block, Inline, ReportDocument, TableCell } from './pdf-layout';
import {
	appendixList,
	bullets,
	cell,
	COLOURS,
	gapColour,
	gapKindPrefix,
	heading,
	headingStyles,
	MARGINS,
	STYLES,
	subheading,
	table,
	text
} from './pdf-parts';
import { radarDrawing } from './radar-drawing';
import { lensBlocks } from './pdf-document';
import { lensCoverFact, type TeamLensSection } from '$scoring/present/lens';

/** Everything the document needs: the view and when it was made. */
export interface TeamReportInput {
	view: TeamReportView;
	generatedAt: Date;
	/** The workshop's lenses (printed after the plan): their findings, or why there are none. */
	lenses?: readonly TeamLensSection[];
}

/** A bar of `share` (0–1) of `width` pt in a light frame. */
const bar = (share: number, width: number, colour: string = COLOURS.bar): TableCell => ({
	bar: { share, width, colour, frame: true }
});

function cover(view: TeamReportView, lenses: readonly TeamLensSection[]): Block[] {
	return [
		text(view.kicker, { ...STYLES.kicker, before: 110, after: 8 }),
		{ kind: 'heading', level: 1, text: view.title },
		...(view.organisation ? [text(view.organisation, { size: 14, colour: COLOURS.muted })] : []),
		text(view.labels.cover, { ...STYLES.muted, before: 28 }),
		text(view.cover.tierLabel, { ...STYLES.tier, after: 6 }),
		text(view.cover.tierSummary, { after: 8 }),
		// The facts as a table whose first column heads each row.
		{
			kind: 'table',
			widths: [130, '*'],
			header: null,
			rows: [...view.cover.facts, ...lenses.map(lensCoverFact)].map(([k, v]) => [cell(k, STYLES.muted), cell(v)]),
			before: 22
		},
		{ kind: 'pageBreak' }
	];
}

function summary(view: TeamReportView): Block[] {
	const { gaps } = view;
	return [
		heading(view.labels.summary),
		bullets(
			view.summary.map((s) => [s]),
			{ after: 8 }
		),
		subheading(gaps.heading),
		...(gaps.empty
			? [text(gaps.empty)]
			: [
					text(gaps.lead, STYLES.muted),
					bullets(
						gaps.items.map((g): Inline[] => [
							// What each line is, as on a person's result ("Weak guard: …").
							{ text: gapKindPrefix(g), ...gapColour(g) },
							{ text: g.sentence, bold: true, ...gapColour(g) },
							{ text: ` ${g.basis}`, colour: COLOURS.muted }
						]),
						{ before: 2, after: 6 }
					)
				])
	];
}

function result(view: TeamReportView): Block[] {
	const { columns, lowerIsBetter } = view.words;
	const labelOf = (d: TeamReportView['dimensions'][number]) =>
		d.higherIsWorse ? `${d.label} (${lowerIsBetter})` : d.label;
	const rows: TableCell[][] = view.dimensions.map((d) => [
		cell([d.label, ...(d.higherIsWorse ? [{ text: ` (${lowerIsBetter})`, colour: COLOURS.muted }] : [])]),
		cell(d.scoreText, { bold: true, align: 'right' }),
		cell(d.spread, { align: 'right' }),
		cell(String(d.respondents), { align: 'right' })
	]);
	const widest = Math.max(...view.survey.distribution.map((x) => x.share), 1);
	const survey: TableCell[][] = [...view.survey.distribution]
		.reverse()
		.map((r) => [
			cell(r.label, { bold: r.you }),
			cell(percent(r.share), { align: 'right', bold: r.you }),
			bar(r.share / widest, 200, r.you ? COLOURS.you : COLOURS.bar),
			cell(r.you ? view.words.theTeam : '', { bold: true, colour: COLOURS.accent })
		]);
	const axes = view.dimensions.map(labelOf);
	const values = view.dimensions.map((d) => d.score);
	return [
		heading(view.labels.result),
		subheading(view.labels.scores),
		text(view.scoresNote, STYLES.muted),
		table(['*', 52, 74, 60], [columns.dimension, columns.team, columns.spread, columns.people], rows),
		{
			kind: 'figure',
			// A dimension the team result does not cover sits at the centre, saying so, never at a score of 0.
			drawing: radarDrawing(
				view.dimensions.map((d, i) => ({
					label: axes[i]!,
					value: values[i] ?? null,
					...(d.covered === false ? { missing: d.scoreText.toLowerCase() } : {})
				}))
			),
			alt: radarAlternative(axes, [{ label: view.words.radarSeries, values }]),
			width: 400,
			after: 6
		},
		subheading(view.labels.formed),
		text(view.formed.sentence, { after: 4 }),
		table(
			['*', 70, 70, 70],
			[columns.dimension, columns.agreed, columns.median, columns.none],
			view.formed.rows.map((r) => [
				cell(r.dimension),
				cell(String(r.agreed), { align: 'right' }),
				cell(String(r.median), { align: 'right' }),
				cell(String(r.none), { align: 'right' })
			])
		),
		subheading(view.labels.confidence),
		...view.confidence.map((c) => text(c.sentence, { after: 3 })),
		table(
			['*', 72, 62, 52],
			[columns.dimension, columns.confidence, columns.practice, columns.gap],
			view.confidence.map((c) => [
				cell(c.label, { bold: c.overconfident }),
				cell(c.confidence, { align: 'right' }),
				cell(c.practice, { align: 'right' }),
				cell(c.gap, { align: 'right', bold: c.overconfident })
			])
		),
		subheading(view.labels.survey),
		table([88, 48, 213, '*'], [columns.group, columns.share, '', ''], survey),
		...(view.survey.sentence ? [text(view.survey.sentence)] : []),
		text(view.survey.source, { ...STYLES.source, size: 8, before: 2, after: 8 })
	];
}

function tierSpread(view: TeamReportView): Block[] {
	const { columns } = view.words;
	const widest = Math.max(...view.tierSpread.rows.map((r) => r.count), 1);
	return [
		heading(view.labels.tierSpread),
		text(view.tierSpread.sentence, { after: 4 }),
		...(view.tierSpread.rows.length
			? [
					table(
						[150, 52, '*'],
						[columns.group, columns.people, ''],
						view.tierSpread.rows.map((r) => [
							cell(r.label),
							cell(String(r.count), { align: 'right' }),
							bar(r.count / widest, 220)
						])
					)
				]
			: []),
		text(view.tierSpread.note, STYLES.muted)
	];
}

function split(view: TeamReportView): Block[] {
	const { columns } = view.words;
	return [
		heading(view.labels.split),
		text(view.split.note, { ...STYLES.muted, after: 6 }),
		...(view.split.empty ? [text(view.split.empty)] : []),
		...view.split.questions.map((q, i): Block => ({
			kind: 'group',
			keepTogether: true,
			after: 10,
			blocks: [
				text(`${i + 1}. ${q.question}`, { bold: true }),
				text([
					{ text: `${q.dimension} · `, colour: COLOURS.muted },
					{ text: q.bandLine, bold: true }
				]),
				{
					kind: 'table',
					widths: [46, 118, '*'],
					header: [columns.people, '', columns.answer],
					rows: q.options.map((o) => [
						cell(String(o.count), { align: 'right', bold: true }),
						bar(o.share, 105),
						cell(o.label)
					]),
					size: 9.5,
					before: 3,
					after: 2
				},
				text(q.others, STYLES.muted),
				text([
					{ text: `${view.words.teamAnswer}: `, colour: COLOURS.muted },
					{ text: q.team, bold: true },
					...(q.source ? [{ text: ` (${q.source})`, colour: COLOURS.muted }] : [])
				])
			]
		}))
	];
}

function discussion(view: TeamReportView): Block[] {
	const { words } = view;
	return [
		heading(view.labels.discussion),
		...(view.discussion.empty ? [text(view.discussion.empty)] : []),
		...view.discussion.items.map((d): Block => ({
			kind: 'group',
			keepTogether: true,
			after: 8,
			blocks: [
				text(d.question, { bold: true }),
				text([{ text: `${d.dimension} · `, colour: COLOURS.muted }, d.answer]),
				...(d.note ? [text([{ text: `${words.discussionNote}: `, colour: COLOURS.muted }, d.note])] : []),
				...(d.action
					? [
							text([
								{ text: `${words.agreedAction}: `, colour: COLOURS.muted },
								{ text: d.action, bold: true }
							])
						]
					: [])
			]
		}))
	];
}

function planItems(view: TeamReportView, items: TeamReportView['plan']['appendix']): Block[] {
	return items.map((item): Block => ({
		kind: 'group',
		keepTogether: true,
		after: 8,
		blocks: [
			text([
				{ text: item.label, bold: true },
				...(item.critical ? [{ text: `  ${view.words.criticalGap}`, bold: true, colour: COLOURS.critical }] : [])
			]),
			...(item.why ? [text(item.why, STYLES.muted)] : []),
			{
				kind: 'list',
				before: 2,
				items: item.steps.map((s) => [
					text([{ text: s.title, bold: true }, ` — ${s.action}`]),
					text(`${s.fromTo} ${s.effort}.`, STYLES.muted)
				])
			}
		]
	}));
}

function plan(view: TeamReportView): Block[] {
	const { plan } = view;
	if (plan.empty) return [heading(view.labels.plan), text(plan.empty)];
	return [
		heading(view.labels.plan),
		...plan.horizons.flatMap((h) => (h.items.length ? [subheading(h.label), ...planItems(view, h.items)] : [])),
		// Past the 90 days, one line per theme: the plan stays the report's focus.
		...(plan.appendix.length ? [subheading(RESULT_LABELS.appendix), appendixList(plan.appendix)] : [])
	];
}

/** Builds the team report's document. */
export function buildTeamReportDocument(input: TeamReportInput): ReportDocument {
	const { view } = input;
	return {
		info: {
			title: `${view.title}: team report`,
			subject: `AI readiness of the team: ${view.cover.tierLabel}`,
			creator: view.kicker,
			creationDate: input.generatedAt
		},
		lang: 'en-GB',
		margins: MARGINS,
		text: { size: 10, colour: COLOURS.text, lineHeight: 1.2 },
		headings: {
			...headingStyles(16, 12),
			2: { size: 16, before: 16, after: 6 },
			3: { size: 12, before: 10, after: 4 }
		},
		footer: { text: view.footer, page: pageLabel, colour: COLOURS.muted, size: 8 },
		blocks: [
			...cover(view, input.lenses ?? []),
			...summary(view),
			...result(view),
			...tierSpread(view),
			...split(view),
			...discussion(view),
			...plan(view),
			...(input.lenses ?? []).flatMap((l) => (l.view ? lensBlocks(l.view) : [heading(l.heading), text(l.note ?? '')])),
			heading(view.labels.method),
			bullets(view.method.map((m) => [m]))
		]
	};
}
