/**
 * The PDF report as a pdfmake document definition, rendered from the same presentation model the results page
 * shows (`scoring/present`): it words nothing itself. Pure data: no pdfmake at runtime, so the same code runs in
 * Node (tests, the server's download) and in the browser (after pdfmake is loaded on demand). Every string goes in
 * as pdfmake text, never as markup.
 *
 * Layout for a CTO: a cover (organisation, date, group), a one-page executive summary (the verdict, why, the
 * verdict picture, the first gaps and what is not ruled out, the first three actions), the 30/60/90-day plan, the
 * gaps in detail, where you stand (survey comparison with verdicts, the radar against modelled group profiles,
 * scores, confidence), the custom benchmark when one is loaded, and an appendix.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { appendixList, COLOURS, heading, REPORT_FONT, subheading as sub, table } from './pdf-parts';
import { isoDate, percent, resultFileName } from '$scoring/present/format';
import {
	RESULT_LABELS,
	comparedWith,
	moreInDetail,
	organisationsCount,
	type PlanItem,
	type ResultView
} from '$scoring/present/result';
import type { AnyResult } from '$scoring/model';
import type { EvidenceReport } from '$scoring/present/workspace';
import { DIMENSION_IDS } from '$scoring/schema';
import { OVERLAY_COLOURS, radarSvg } from './radar-svg';
import { verdictSvg } from './verdict-svg';

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
}

/** The product's name as printed on the cover and in the PDF metadata. */
export const REPORT_PRODUCT = 'AI Infrastructure Readiness Check';

export { REPORT_FONT };

const VERDICT_COLOURS = { ahead: '#15803d', in_line: '#4b5563', behind: '#b91c1c', context: '#4b5563' } as const;

/** Length of the longest bar in the survey distribution, in pt. */
const BAR_WIDTH = 200;

/** The download's file name: `ai-readiness-<tier>-<YYYY-MM-DD>.pdf` (`unplaced` when no tier was placed). */
export function reportFileName(result: AnyResult, generatedAt: Date): string {
	return resultFileName(result.tier, generatedAt, 'pdf');
}

function notes(view: ResultView): Content[] {
	return [
		view.retired?.note,
		view.verdict.contradictions,
		view.verdict.context,
		view.verdict.borderline,
		view.verdict.provisional,
		...view.verdict.caveats
	]
		.filter((n): n is string => Boolean(n))
		.map((text) => ({ text, style: 'note' }));
}

function cover(input: ReportInput): Content[] {
	const { view, title, generatedAt } = input;
	return [
		{ text: REPORT_PRODUCT, style: 'kicker', margin: [0, 110, 0, 8] },
		{ text: title ?? view.organisation ?? RESULT_LABELS.coverTitle, style: 'title' },
		{ text: isoDate(generatedAt), style: 'muted', margin: [0, 0, 0, 40] },
		{ text: RESULT_LABELS.eyebrow, style: 'muted' },
		{ text: view.verdict.label, style: 'tier' },
		{ text: view.verdict.summary, fontSize: 13, margin: [0, 0, 0, 16] },
		...notes(view),
		{ text: view.meta.bank, style: 'muted', margin: [0, 40, 0, 0] },
		{ text: view.meta.benchmark, style: 'muted' },
		{
			text: [
				{ text: `${RESULT_LABELS.methodology}: `, style: 'muted' },
				{ text: input.methodologyUrl, link: input.methodologyUrl, color: COLOURS.accent }
			]
		},
		{ text: '', pageBreak: 'after' }
	];
}

/** At most this many framework references are printed beside a step (the page and the CSV list them all). */
const STEP_REFERENCES = 3;

function stepBlock(step: PlanItem['steps'][number], withReferences: boolean): Content {
	const refs = withReferences ? step.references.slice(0, STEP_REFERENCES).map((r) => r.code) : [];
	return {
		stack: [
			{
				text: [
					step.critical ? { text: `${RESULT_LABELS.critical} · `, color: COLOURS.critical, bold: true } : '',
					{ text: step.title, bold: true }
				]
			},
			{ text: step.action },
			{
				text: [
					{ text: `${step.effort} · ${withReferences ? step.next : step.fromTo}`, style: 'muted' },
					refs.length ? { text: `  ${RESULT_LABELS.frameworks}: ${refs.join(' · ')}`, style: 'source' } : ''
				]
			}
		],
		unbreakable: true,
		margin: [0, 0, 0, 5]
	};
}

function radar(view: ResultView): Content[] {
	const labels = view.scores.dimensions.map((d) =>
		d.higherIsWorse ? `${d.label} (${RESULT_LABELS.lowerIsBetter})` : d.label
	);
	const [you, ...overlays] = view.radar;
	if (!you) return [];
	const values = (s: typeof you) => DIMENSION_IDS.map((d) => s.values[d]);
	return [
		{
			svg: radarSvg(
				labels.map((label, i) => ({ label, value: values(you)[i] ?? null })),
				{
					fontFamily: REPORT_FONT,
					title: RESULT_LABELS.scores,
					overlays: overlays.map((o) => ({ label: o.label, values: values(o) }))
				}
			),
			width: 230,
			alignment: 'center',
			margin: [0, 4, 0, 2]
		},
		{
			text: [
				{ text: '■ ', color: COLOURS.you },
				you.label,
				...overlays.flatMap((o, k) => [
					{ text: '   - - ', color: OVERLAY_COLOURS[k % OVERLAY_COLOURS.length], bold: true },
					o.label
				])
			],
			alignment: 'center',
			fontSize: 8,
			margin: [0, 0, 0, 8]
		}
	];
}

function executiveSummary(input: ReportInput): Content[] {
	const { view } = input;
	return [
		heading(RESULT_LABELS.executiveSummary),
		{ text: view.verdict.headline, bold: true, fontSize: 12, margin: [0, 0, 0, 4] },
		// pdfmake rewrites the arrays it is given: hand it copies, never the view's own.
		{ ul: view.verdict.why.map((w) => w.text), margin: [0, 0, 0, 6] },
		...(view.picture
			? [
					{
						svg: verdictSvg(view.picture, REPORT_FONT),
						width: 260,
						alignment: 'center',
						margin: [0, 2, 0, 2]
					} satisfies Content,
					...(view.picture.override
						? [{ text: view.picture.override, bold: true, alignment: 'center' } satisfies Content]
						: [])
				]
			: []),
		...(view.survey.sentence
			? [{ text: view.survey.sentence, style: 'muted', margin: [0, 2, 0, 6] } satisfies Content]
			: []),
		...(view.gaps.length
			? [
					sub(RESULT_LABELS.criticalGaps),
					{ text: RESULT_LABELS.criticalGapsLead, style: 'muted' } satisfies Content,
					briefList(
						view.gaps.map((g) => ({
							text: g.sentence,
							bold: true,
							color: g.kind === 'weak_guard' ? COLOURS.muted : COLOURS.critical
						}))
					)
				]
			: []),
		...(view.notRuledOut.length || view.unanswered.count
			? [
					sub(RESULT_LABELS.notRuledOut),
					...(view.unanswered.sentence ? [{ text: view.unanswered.sentence } satisfies Content] : []),
					...(view.notRuledOut.length ? [briefList(view.notRuledOut.map((g) => ({ text: g.sentence })))] : [])
				]
			: []),
		...(view.topActions.length
			? [sub(RESULT_LABELS.topActions), { ol: view.topActions.map((s) => stepBlock(s, false)) } satisfies Content]
			: [])
	];
}

/** At most this many gaps (and as many things not ruled out) are listed on the one-page executive summary. */
const BRIEF_GAPS = 4;

/** The first few lines of a list, and how many more the detail section holds. */
function briefList(lines: Content[]): Content {
	const shown = lines.slice(0, BRIEF_GAPS);
	return {
		stack: [
			{ ul: shown },
			...(lines.length > shown.length
				? [{ text: moreInDetail(lines.length - shown.length), style: 'muted' } satisfies Content]
				: [])
		],
		margin: [0, 2, 0, 6]
	};
}

/** Every gap, finding and question not ruled out, with the answer behind it or what would tell you. */
function gapsInDetail(view: ResultView): Content[] {
	if (!view.gaps.length && !view.notRuledOut.length) return [];
	const item = (g: ResultView['gaps'][number], colour: string | undefined): Content => ({
		text: [
			{ text: g.sentence, bold: true, ...(colour ? { color: colour } : {}) },
			{ text: ` ${g.detail}`, style: 'muted' }
		]
	});
	return [
		heading(RESULT_LABELS.gapsInDetail),
		...(view.gaps.length
			? [
					sub(RESULT_LABELS.criticalGaps),
					{
						ul: view.gaps.map((g) => item(g, g.kind === 'weak_guard' ? COLOURS.muted : COLOURS.critical)),
						margin: [0, 2, 0, 6]
					} satisfies Content
				]
			: []),
		...(view.notRuledOut.length
			? [
					sub(RESULT_LABELS.notRuledOut),
					{ ul: view.notRuledOut.map((g) => item(g, undefined)), margin: [0, 2, 0, 6] } satisfies Content
				]
			: [])
	];
}

function plan(view: ResultView): Content[] {
	if (view.plan.empty) return [heading(RESULT_LABELS.plan), { text: view.plan.empty }];
	return [
		heading(RESULT_LABELS.plan),
		...view.plan.horizons.flatMap((h): Content[] =>
			h.items.length
				? [
						sub(h.label),
						...h.items.map((item): Content => ({
							stack: [
								{
									text: [
										{ text: item.label, bold: true, fontSize: 11 },
										item.why ? { text: `  ${item.why}`, style: 'muted' } : ''
									],
									margin: [0, 2, 0, 2]
								},
								...item.steps.map((s) => stepBlock(s, true))
							],
							margin: [8, 0, 0, 4]
						}))
					]
				: []
		),
		// The lift plan's steps are in the plan above (marked there); here what it reaches.
		...(view.lift ? [sub(view.lift.heading), { text: view.lift.note } satisfies Content] : [])
	];
}

function standing(input: ReportInput): Content[] {
	const { view } = input;
	const widest = Math.max(...view.survey.distribution.map((d) => d.share), 1);
	const rows: TableCell[][] = [...view.survey.distribution].reverse().map((d) => [
		{ text: d.label, bold: d.you },
		{ text: percent(d.share), alignment: 'right', bold: d.you },
		{
			canvas: [
				{
					type: 'rect',
					x: 0,
					y: 2,
					w: (d.share / widest) * BAR_WIDTH,
					h: 10,
					color: d.you ? COLOURS.you : COLOURS.bar
				}
			]
		},
		{ text: d.you ? RESULT_LABELS.youAreHere : '', bold: true, color: COLOURS.accent }
	]);
	const lines = view.benchmark.lines;
	return [
		heading(RESULT_LABELS.survey),
		...radar(view),
		table([72, 40, BAR_WIDTH + 5, '*'], [RESULT_LABELS.columns.group, RESULT_LABELS.columns.share, '', ''], rows),
		// The survey sentence is on the executive summary, under the picture.
		{ text: view.survey.source, style: 'source', margin: [0, 0, 0, 8] },
		...(lines.length
			? [
					sub(RESULT_LABELS.practices),
					table(
						['*', 70, 36],
						[RESULT_LABELS.columns.practice, RESULT_LABELS.columns.verdict, RESULT_LABELS.columns.survey],
						lines.map((l) => [
							{ text: [{ text: l.you }, { text: ` ${l.footnote}`, fontSize: 7, color: COLOURS.muted }] },
							{ text: l.verdictLabel, color: VERDICT_COLOURS[l.verdict], bold: l.verdict !== 'context' },
							{ text: percent(l.share), alignment: 'right' }
						]),
						{ fontSize: 8.5 }
					),
					{
						stack: view.benchmark.footnotes.map((f, i) => ({ text: `${i + 1} ${f}`, style: 'source' })),
						margin: [0, 0, 0, 8]
					} satisfies Content
				]
			: [{ text: view.benchmark.empty ?? '' } satisfies Content]),
		sub(RESULT_LABELS.scores),
		table(
			['*', 42, 52, 58, 40],
			[
				RESULT_LABELS.columns.dimension,
				RESULT_LABELS.columns.score,
				RESULT_LABELS.columns.answered,
				RESULT_LABELS.columns.confidence,
				RESULT_LABELS.columns.gap
			],
			view.scores.dimensions.map((d, i) => {
				const c = view.confidence[i];
				return [
					{ text: [d.label, d.higherIsWorse ? { text: ` (${RESULT_LABELS.lowerIsBetter})`, style: 'muted' } : ''] },
					{ text: d.score === null ? '—' : String(d.score), alignment: 'right', bold: true },
					{ text: `${d.answered} of ${d.total}`, alignment: 'right' },
					{ text: c?.confidence ?? '—', alignment: 'right' },
					{ text: c?.gap ?? '—', alignment: 'right', bold: c?.overconfident ?? false }
				];
			})
		),
		{
			text: [view.scores.cards.map((c) => `${c.label} ${c.value}`).join(' · '), ' — ', view.scores.coverage],
			style: 'muted',
			margin: [0, 0, 0, 4]
		}
	];
}

function custom(view: ResultView): Content[] {
	const c = view.custom;
	if (!c) return [];
	return [
		heading(comparedWith(c.name)),
		{
			columns: [
				{
					width: 170,
					stack: [
						table(
							['*', 44],
							[RESULT_LABELS.columns.group, RESULT_LABELS.columns.share],
							c.tiers.map((t) => [
								{ text: t.label, bold: t.you },
								{ text: percent(t.share), alignment: 'right', bold: t.you }
							])
						)
					]
				},
				{ text: `${organisationsCount(c.sample)}${c.position ? ` ${c.position}` : ''}`, margin: [12, 6, 0, 0] }
			],
			columnGap: 8
		},
		...(c.lines.length
			? [
					{
						ul: c.lines.map((l) => ({ text: [{ text: `${l.question} `, bold: true }, l.peers] })),
						fontSize: 8.5
					} satisfies Content
				]
			: [])
	];
}

/** The evidence backing the answers of a workspace milestone: how many are backed, then each with its note and links. */
function evidence(input: ReportInput): Content[] {
	const e = input.evidence;
	if (!e) return [];
	return [
		heading(e.heading),
		{ text: e.sentence, margin: [0, 0, 0, 4] },
		...(e.rows.length
			? [
					table(
						['*', 110, '*'],
						[e.columns.question, e.columns.answer, e.columns.evidence],
						e.rows.map((r) => [
							{ text: r.question },
							{ text: r.answer },
							{
								stack: [
									...(r.note ? [{ text: r.note }] : []),
									...r.links.map((link) => ({ text: link, link, color: COLOURS.accent })),
									...(r.carried ? [{ text: r.carried, style: 'muted' }] : [])
								]
							}
						]),
						{ fontSize: 8.5 }
					)
				]
			: [])
	];
}

function appendix(input: ReportInput): Content[] {
	const { view } = input;
	return [
		...(view.plan.appendix.length ? [heading(RESULT_LABELS.appendix), appendixList(view.plan.appendix)] : []),
		{
			text: [
				{ text: `${RESULT_LABELS.methodology}. `, bold: true },
				`${RESULT_LABELS.methodologyNote} `,
				{ text: input.methodologyUrl, link: input.methodologyUrl, color: COLOURS.accent }
			],
			style: 'source',
			margin: [0, 6, 0, 0]
		}
	];
}

/** Builds the report's pdfmake document definition (see the module comment for its layout). */
export function buildReportDocument(input: ReportInput): TDocumentDefinitions {
	const { view, generatedAt, title } = input;
	const footerText = `${view.meta.bank.replace(/\.$/, '')} · ${isoDate(generatedAt)}`;
	return {
		info: {
			title: title ? `${title}: ${REPORT_PRODUCT}` : `${REPORT_PRODUCT}: ${view.verdict.label}`,
			subject: `AI readiness group ${view.verdict.label}`,
			creator: REPORT_PRODUCT,
			creationDate: generatedAt
		},
		language: 'en-GB',
		pageSize: 'A4',
		pageMargins: [48, 48, 48, 56],
		defaultStyle: { font: REPORT_FONT, fontSize: 9.5, lineHeight: 1.2 },
		styles: {
			kicker: { fontSize: 12, color: COLOURS.accent, bold: true },
			title: { fontSize: 24, bold: true, margin: [0, 0, 0, 4] },
			tier: { fontSize: 40, bold: true, color: COLOURS.accent, margin: [0, 0, 0, 6] },
			h2: { fontSize: 15, bold: true, margin: [0, 10, 0, 6] },
			h3: { fontSize: 11.5, bold: true, margin: [0, 8, 0, 3] },
			th: { bold: true, color: COLOURS.muted },
			muted: { color: COLOURS.muted },
			note: { color: '#92400e', margin: [0, 0, 0, 6] },
			source: { fontSize: 7.5, color: COLOURS.muted }
		},
		// A section heading never sits alone at the foot of a page.
		pageBreakBefore: (node) =>
			(node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.86) ||
			(node.headlineLevel === 2 && node.startPosition.verticalRatio > 0.88),
		footer: (currentPage, pageCount) =>
			currentPage === 1
				? { text: '' }
				: {
						columns: [
							{ text: footerText, fontSize: 8, color: COLOURS.muted },
							{ text: `Page ${currentPage} of ${pageCount}`, fontSize: 8, color: COLOURS.muted, alignment: 'right' }
						],
						margin: [48, 20, 48, 0]
					},
		content: [
			...cover(input),
			...executiveSummary(input),
			...plan(view),
			...gapsInDetail(view),
			...standing(input),
			...custom(view),
			...evidence(input),
			...appendix(input)
		]
	};
}
