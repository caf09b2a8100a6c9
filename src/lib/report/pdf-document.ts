/**
 * The PDF report as a {@link ReportDocument}, rendered from the same presentation model the results page shows
 * (`scoring/present`): it words nothing itself. Pure data: no pdfkit here, so the same code runs in Node (tests,
 * the server's download) and in the browser (after pdfkit is loaded on demand). Every string is printed as text,
 * never interpreted as markup.
 *
 * Layout for a CTO: a cover (organisation, date, group), a one-page executive summary (the verdict, why, the
 * verdict picture, the first gaps and what is not ruled out, the first three actions), for a workspace milestone what
 * changed since the milestone before, the 30/60/90-day plan, the
 * gaps in detail, where you stand (survey comparison with verdicts, the radar against modelled group profiles,
 * scores, confidence), the custom benchmark when one is loaded, a lens's findings when the answers went through one,
 * and an appendix.
 */
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
	subheading as sub,
	table,
	text
} from './pdf-parts';
import { isoDate, pageLabel, percent, resultFileName } from '$scoring/present/format';
import {
	comparedWith,
	moreInDetail,
	organisationsCount,
	radarAlternative,
	type PlanItem,
	type ResultView,
	type SinceView
} from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import type { AnyResult } from '$scoring/model';
import type { EvidenceReport } from '$scoring/present/workspace';
import type { LensItemView, LensView } from '$scoring/present/lens';
import { LENS_LABELS } from '$scoring/present/lens-labels';
import { DIMENSION_IDS } from '$scoring/schema';
import { OVERLAY_COLOURS, radarDrawing } from './radar-drawing';
import { verdictDrawing } from './verdict-drawing';

/** Everything the report needs: the view of the result, when, and where the public methodology is. */
export interface ReportInput {
	view: ResultView;
	generatedAt: Date;
	/** Absolute address of the methodology page, printed as a link (never a repository path). */
	methodologyUrl: string;
	/** A heading for the report in place of the organisation's name. User text: printed verbatim. */
	title?: string;
	/** A workspace milestone's evidence per answer, printed before the appendix. User text: printed verbatim. */
	evidence?: EvidenceReport | null;
	/** The findings of the lens the answers went through, printed after where you stand. */
	lens?: LensView | null;
	/** A workspace milestone's change from the milestone before, printed after the executive summary. */
	since?: SinceView | null;
}

/** The product's name as printed on the cover and in the PDF metadata. */
export const REPORT_PRODUCT = 'AI Infrastructure Readiness Check';

const VERDICT_COLOURS = { ahead: '#15803d', in_line: '#4b5563', behind: '#b91c1c', context: '#4b5563' } as const;

/** Length of the longest bar in the survey distribution, in pt. */
const BAR_WIDTH = 200;

/** The download's file name: `ai-readiness-<tier>-<YYYY-MM-DD>.pdf` (`unplaced` when no tier was placed). */
export function reportFileName(result: AnyResult, generatedAt: Date): string {
	return resultFileName(result.tier, generatedAt, 'pdf');
}

function notes(view: ResultView): Block[] {
	return [
		view.retired?.note,
		view.verdict.contradictions,
		view.verdict.context,
		view.verdict.borderline,
		view.verdict.provisional,
		...view.verdict.caveats
	]
		.filter((n): n is string => Boolean(n))
		.map((note) => text(note, { colour: COLOURS.note, after: 6 }));
}

const link = (url: string): Inline => ({ text: url, link: url, colour: COLOURS.accent });

function cover(input: ReportInput): Block[] {
	const { view, title, generatedAt } = input;
	return [
		text(REPORT_PRODUCT, { ...STYLES.kicker, before: 110, after: 8 }),
		{ kind: 'heading', level: 1, text: title ?? view.organisation ?? RESULT_LABELS.coverTitle },
		text(isoDate(generatedAt), { ...STYLES.muted, after: 40 }),
		text(RESULT_LABELS.eyebrow, STYLES.muted),
		text(view.verdict.label, { ...STYLES.tier, after: 6 }),
		text(view.verdict.summary, { size: 13, after: 16 }),
		...notes(view),
		text(view.meta.bank, { ...STYLES.muted, before: 40 }),
		text(view.meta.benchmark, STYLES.muted),
		text([{ text: `${RESULT_LABELS.methodology}: `, colour: COLOURS.muted }, link(input.methodologyUrl)]),
		{ kind: 'pageBreak' }
	];
}

/** A step with, where asked, every framework reference it has, as the page lists them (the page links each). */
function stepBlock(step: PlanItem['steps'][number], withReferences: boolean): Block {
	const refs = withReferences ? step.references.map((r) => r.label) : [];
	return {
		kind: 'group',
		keepTogether: true,
		after: 5,
		blocks: [
			text([
				...(step.critical
					? [{ text: `${RESULT_LABELS.critical} · `, colour: COLOURS.critical, bold: true } satisfies Inline]
					: []),
				{ text: step.title, bold: true }
			]),
			text(step.action),
			text([
				// Where the step starts as well as where it leads: "Next" alone hid the level answered.
				{ text: `${step.effort} · ${step.fromTo}`, colour: COLOURS.muted },
				...(refs.length
					? [{ text: `  ${RESULT_LABELS.frameworks}: ${refs.join(' · ')}`, ...STYLES.source } satisfies Inline]
					: [])
			])
		]
	};
}

function radar(view: ResultView): Block[] {
	const labels = view.scores.dimensions.map((d) =>
		d.higherIsWorse ? `${d.label} (${RESULT_LABELS.lowerIsBetter})` : d.label
	);
	const [you, ...overlays] = view.radar;
	if (!you) return [];
	const values = (s: typeof you) => DIMENSION_IDS.map((d) => s.values[d]);
	const series = view.radar.map((s) => ({ label: s.label, values: values(s) }));
	return [
		{
			kind: 'figure',
			drawing: radarDrawing(
				labels.map((label, i) => ({ label, value: values(you)[i] ?? null })),
				{ overlays: series.slice(1) }
			),
			alt: radarAlternative(labels, series),
			width: 230,
			before: 4,
			after: 2
		},
		text(
			[
				{ text: '• ', colour: COLOURS.you, bold: true, size: 12 },
				you.label,
				...overlays.flatMap((o, k): Inline[] => [
					{ text: '   - - ', colour: OVERLAY_COLOURS[k % OVERLAY_COLOURS.length], bold: true },
					o.label
				])
			],
			{ align: 'center', size: 8, after: 8 }
		)
	];
}

function executiveSummary(input: ReportInput): Block[] {
	const { view } = input;
	return [
		heading(RESULT_LABELS.executiveSummary),
		text(view.verdict.headline, { bold: true, size: 12, after: 4 }),
		bullets(
			view.verdict.why.map((w) => [w.text]),
			{ after: 6 }
		),
		...(view.picture
			? [
					{
						kind: 'figure',
						drawing: verdictDrawing(view.picture),
						alt: `${view.picture.title}: ${view.picture.alt}`,
						width: 260,
						before: 2,
						after: 2
					} satisfies Block,
					...(view.picture.override ? [text(view.picture.override, { bold: true, align: 'center' })] : [])
				]
			: []),
		...(view.survey.sentence ? [text(view.survey.sentence, { ...STYLES.muted, before: 2, after: 6 })] : []),
		...(view.gaps.length
			? [
					sub(RESULT_LABELS.criticalGaps),
					text(RESULT_LABELS.criticalGapsLead, STYLES.muted),
					...briefList(
						view.gaps.map((g) => [
							{ text: gapKindPrefix(g), ...gapColour(g) },
							{ text: g.sentence, bold: true, ...gapColour(g) }
						])
					)
				]
			: []),
		...(view.notRuledOut.length || view.unanswered.count
			? [
					sub(RESULT_LABELS.notRuledOut),
					...(view.unanswered.sentence ? [text(view.unanswered.sentence)] : []),
					...(view.notRuledOut.length ? briefList(view.notRuledOut.map((g) => [g.sentence])) : [])
				]
			: []),
		...(view.topActions.length
			? [
					sub(RESULT_LABELS.topActions),
					{
						kind: 'list',
						ordered: true,
						items: view.topActions.map((s) => [stepBlock(s, false)])
					} satisfies Block
				]
			: [])
	];
}

/** At most this many gaps (and as many things not ruled out) are listed on the one-page executive summary. */
const BRIEF_GAPS = 4;

/** The first few lines of a list, and how many more the detail section holds. */
function briefList(lines: Inline[][]): Block[] {
	const shown = lines.slice(0, BRIEF_GAPS);
	return [
		bullets(shown, { before: 2, after: lines.length > shown.length ? 0 : 6 }),
		...(lines.length > shown.length
			? [text(moreInDetail(lines.length - shown.length), { ...STYLES.muted, after: 6 })]
			: [])
	];
}

/** Every gap, finding and question not ruled out, with the answer behind it or what would tell you. */
function gapsInDetail(view: ResultView): Block[] {
	if (!view.gaps.length && !view.notRuledOut.length) return [];
	const item = (g: ResultView['gaps'][number], colour: string | undefined): Inline[] => [
		{ text: gapKindPrefix(g), ...(colour ? { colour } : {}) },
		{ text: g.sentence, bold: true, ...(colour ? { colour } : {}) },
		{ text: ` ${g.detail}`, colour: COLOURS.muted }
	];
	return [
		heading(RESULT_LABELS.gapsInDetail),
		...(view.gaps.length
			? [
					sub(RESULT_LABELS.criticalGaps),
					bullets(
						view.gaps.map((g) => item(g, gapColour(g).colour)),
						{ before: 2, after: 6 }
					)
				]
			: []),
		...(view.notRuledOut.length
			? [
					sub(RESULT_LABELS.notRuledOut),
					bullets(
						view.notRuledOut.map((g) => item(g, undefined)),
						{ before: 2, after: 6 }
					)
				]
			: [])
	];
}

function plan(view: ResultView): Block[] {
	if (view.plan.empty) return [heading(RESULT_LABELS.plan), text(view.plan.empty)];
	return [
		heading(RESULT_LABELS.plan),
		...view.plan.horizons.flatMap((h): Block[] =>
			h.items.length
				? [
						sub(h.label),
						...h.items.map((item): Block => ({
							kind: 'group',
							indent: 8,
							after: 4,
							blocks: [
								text(
									[
										{ text: item.label, bold: true, size: 11 },
										...(item.why ? [{ text: `  ${item.why}`, colour: COLOURS.muted }] : [])
									],
									{ before: 2, after: 2, keepWithNext: true }
								),
								...item.steps.map((s) => stepBlock(s, true))
							]
						}))
					]
				: []
		),
		// What the lift plan reaches, then its changes in order (their steps are in the plan above), as on the page.
		...(view.lift
			? [
					sub(view.lift.heading),
					text(view.lift.note),
					...(view.lift.steps.length
						? [
								bullets(
									view.lift.steps.map((s) => [
										{ text: s.question, bold: true },
										{
											text: ` ${RESULT_LABELS.liftFrom} “${s.from}” ${RESULT_LABELS.liftTo} “${s.to}”.`,
											colour: COLOURS.muted
										}
									]),
									// Small: each change's steps are in the plan above; this is the list to check them against.
									{ size: 8.5, before: 2, after: 4 }
								)
							]
						: [])
				]
			: [])
	];
}

function standing(input: ReportInput): Block[] {
	const { view } = input;
	const widest = Math.max(...view.survey.distribution.map((d) => d.share), 1);
	const rows: TableCell[][] = [...view.survey.distribution]
		.reverse()
		.map((d) => [
			cell(d.label, { bold: d.you }),
			cell(percent(d.share), { align: 'right', bold: d.you }),
			{ bar: { share: d.share / widest, width: BAR_WIDTH, colour: d.you ? COLOURS.you : COLOURS.bar } },
			cell(d.you ? RESULT_LABELS.youAreHere : '', { bold: true, colour: COLOURS.accent })
		]);
	const lines = view.benchmark.lines;
	return [
		heading(RESULT_LABELS.survey),
		...radar(view),
		table([80, 48, BAR_WIDTH + 13, '*'], [RESULT_LABELS.columns.group, RESULT_LABELS.columns.share, '', ''], rows),
		// The survey sentence is on the executive summary, under the picture.
		text(view.survey.source, { ...STYLES.source, after: 8 }),
		...(lines.length
			? [
					sub(RESULT_LABELS.practices),
					// The survey's sentence, as the page gives it: a bare "78 %" beside "thoroughly reviewed" read as
					// the share that review, when it is the share that do not.
					table(
						['*', 70, '*'],
						[RESULT_LABELS.columns.practice, RESULT_LABELS.columns.verdict, RESULT_LABELS.columns.survey],
						lines.map((l) => [
							cell(l.you),
							cell(l.verdictLabel, { colour: VERDICT_COLOURS[l.verdict], bold: l.verdict !== 'context' }),
							cell([l.peers, { text: ` ${l.footnote}`, size: 7, colour: COLOURS.muted }])
						]),
						{ size: 8.5 }
					),
					{
						kind: 'group',
						after: 8,
						blocks: view.benchmark.footnotes.map((f, i) =>
							text(
								[
									{ text: `${i + 1} ` },
									{ text: f.label, ...(f.url ? { link: f.url } : {}) },
									...(f.url ? [{ text: ` ${f.url}`, link: f.url }] : [])
								],
								STYLES.source
							)
						)
					} satisfies Block
				]
			: [text(view.benchmark.empty ?? '')]),
		sub(RESULT_LABELS.scores),
		table(
			['*', 44, 56, 62, 50, 40],
			[
				RESULT_LABELS.columns.dimension,
				RESULT_LABELS.columns.score,
				RESULT_LABELS.columns.answered,
				RESULT_LABELS.columns.confidence,
				RESULT_LABELS.columns.evidence,
				RESULT_LABELS.columns.gap
			],
			view.scores.dimensions.map((d, i) => {
				const c = view.confidence[i];
				return [
					cell([
						d.label,
						...(d.higherIsWorse ? [{ text: ` (${RESULT_LABELS.lowerIsBetter})`, colour: COLOURS.muted }] : [])
					]),
					cell(d.score === null ? '—' : String(d.score), { align: 'right', bold: true }),
					cell(`${d.answered} of ${d.total}`, { align: 'right' }),
					cell(c?.confidence ?? '—', { align: 'right' }),
					// The gap is confidence minus practice, so the practice it is taken from is printed beside it.
					cell(c?.practice ?? '—', { align: 'right' }),
					cell(c?.gap ?? '—', { align: 'right', bold: c?.overconfident ?? false })
				];
			})
		),
		text(RESULT_LABELS.practiceNote, { ...STYLES.source, after: 2 }),
		text([view.scores.cards.map((c) => `${c.label} ${c.value}`).join(' · '), ' — ', view.scores.coverage], {
			...STYLES.muted,
			after: 4
		})
	];
}

function custom(view: ResultView): Block[] {
	const c = view.custom;
	if (!c) return [];
	return [
		heading(comparedWith(c.name)),
		text(`${organisationsCount(c.sample)}${c.position ? ` ${c.position}` : ''}`, { after: 2 }),
		table(
			[126, 52],
			[RESULT_LABELS.columns.group, RESULT_LABELS.columns.share],
			c.tiers.map((t) => [cell(t.label, { bold: t.you }), cell(percent(t.share), { align: 'right', bold: t.you })])
		),
		...(c.lines.length
			? [
					bullets(
						c.lines.map((l) => [{ text: `${l.question} `, bold: true }, l.peers]),
						{ size: 8.5 }
					)
				]
			: [])
	];
}

/** One lens finding: the question, the answer (and what it counts as), why it is a risk, the next step, references. */
function lensItem(item: LensItemView, answerLabel: string): Block {
	return {
		kind: 'group',
		keepTogether: true,
		after: 6,
		blocks: [
			text([
				{ text: item.question, bold: true },
				{ text: `  ${item.section}`, colour: COLOURS.muted }
			]),
			text([{ text: `${answerLabel}: `, colour: COLOURS.muted }, item.answer]),
			...(item.note ? [text(item.note, STYLES.muted)] : []),
			...(item.because ? [text(item.because)] : []),
			...(item.step
				? [text([{ text: `${LENS_LABELS.nextStep}: ${item.step.title}. `, bold: true }, item.step.action])]
				: []),
			...(item.references.length
				? [text(`${LENS_LABELS.references}: ${item.references.map((r) => r.code).join(' · ')}`, STYLES.source)]
				: [])
		]
	};
}

function lens(input: ReportInput): Block[] {
	return input.lens ? lensBlocks(input.lens) : [];
}

/**
 * A lens's findings: the summary, the high- and medium-risk answers in full, the rest named, and its sources. The
 * team PDF prints a workshop's lens with these too.
 */
export function lensBlocks(l: LensView): Block[] {
	const item = (i: LensItemView) => lensItem(i, l.answerLabel);
	return [
		heading(l.heading),
		text(l.summary, { after: 2 }),
		text(l.never, { ...STYLES.muted, after: 4 }),
		...(l.high.length ? [sub(`${LENS_LABELS.high} (${l.high.length})`), ...l.high.map(item)] : []),
		...(l.medium.length ? [sub(`${LENS_LABELS.medium} (${l.medium.length})`), ...l.medium.map(item)] : []),
		...(l.clear.length
			? [
					sub(`${LENS_LABELS.clear} (${l.clear.length})`),
					bullets(
						l.clear.map((i) => [{ text: `${i.question} `, bold: true }, `${l.answerLabel}: ${i.answer}`]),
						{ size: 8.5 }
					)
				]
			: []),
		text(l.versionLine, { ...STYLES.source, before: 6 }),
		text(
			[
				`${LENS_LABELS.sources}: `,
				...l.sources.flatMap((s, i): Inline[] => [
					...(i ? [' · '] : []),
					{ text: s.title, link: s.url, colour: COLOURS.accent }
				])
			],
			STYLES.source
		)
	];
}

/** A milestone's change from the one before, as the workspace page shows it: group, foundations, scores, answers. */
function since(input: ReportInput): Block[] {
	const s = input.since;
	if (!s) return [];
	const l = RESULT_LABELS.sinceTable;
	return [
		heading(s.heading),
		text([{ text: `${s.tier} `, bold: true }, s.foundations]),
		text({ text: s.note, colour: COLOURS.muted }, { after: 4 }),
		table(
			['*', 50, 50, 50],
			[l.dimension, l.then, l.now, l.change],
			s.dimensions.map((d) => [
				cell(d.label),
				cell(d.before),
				cell(d.after),
				cell(d.change, { bold: d.improved !== null, colour: d.improved === false ? COLOURS.critical : undefined })
			]),
			{ size: 8.5 }
		),
		...(s.answers.length
			? [
					sub(RESULT_LABELS.sinceAnswers),
					// A table, not "then → now": the report's font has no arrow.
					table(
						['*', 120, 120],
						[RESULT_LABELS.sinceAnswersQuestion, l.then, l.now],
						s.answers.map((a) => [cell(a.question), cell(a.from), cell(a.to, { bold: true })]),
						{ size: 8.5 }
					)
				]
			: [])
	];
}

/** The evidence backing the answers of a workspace milestone: how many are backed, then each with its note and links. */
function evidence(input: ReportInput): Block[] {
	const e = input.evidence;
	if (!e) return [];
	// The note, each link and whether it was carried from an earlier milestone, one under another in the cell.
	const backing = (r: EvidenceReport['rows'][number]): Inline[] =>
		[
			...(r.note ? [[r.note]] : []),
			...r.links.map((url) => [link(url)]),
			...(r.carried ? [[{ text: r.carried, colour: COLOURS.muted }]] : [])
		].flatMap((part, i) => (i ? ['\n', ...part] : part));
	return [
		heading(e.heading),
		text(e.sentence, { after: 4 }),
		...(e.rows.length
			? [
					table(
						['*', 110, '*'],
						[e.columns.question, e.columns.answer, e.columns.evidence],
						e.rows.map((r) => [cell(r.question), cell(r.answer), cell(backing(r))]),
						{ size: 8.5 }
					)
				]
			: [])
	];
}

function appendix(input: ReportInput): Block[] {
	const { view } = input;
	return [
		...(view.plan.appendix.length ? [heading(RESULT_LABELS.appendix), appendixList(view.plan.appendix)] : []),
		text(
			[
				{ text: `${RESULT_LABELS.methodology}. `, bold: true },
				`${RESULT_LABELS.methodologyNote} `,
				link(input.methodologyUrl)
			],
			{ ...STYLES.source, before: 6 }
		)
	];
}

/** Builds the report's document (see the module comment for its layout). */
export function buildReportDocument(input: ReportInput): ReportDocument {
	const { view, generatedAt, title } = input;
	return {
		info: {
			title: title ? `${title}: ${REPORT_PRODUCT}` : `${REPORT_PRODUCT}: ${view.verdict.label}`,
			subject: `AI readiness group ${view.verdict.label}`,
			creator: REPORT_PRODUCT,
			creationDate: generatedAt
		},
		lang: 'en-GB',
		margins: MARGINS,
		text: { size: 9.5, colour: COLOURS.text, lineHeight: 1.2 },
		headings: headingStyles(15, 11.5),
		footer: {
			text: `${view.meta.bank.replace(/\.$/, '')} · ${isoDate(generatedAt)}`,
			page: pageLabel,
			colour: COLOURS.muted,
			size: 8
		},
		blocks: [
			...cover(input),
			...executiveSummary(input),
			...since(input),
			...plan(view),
			...gapsInDetail(view),
			...standing(input),
			...custom(view),
			...lens(input),
			...evidence(input),
			...appendix(input)
		]
	};
}
