/**
 * Both PDFs read back with a third-party reader (pdf.js `getStructTree()` and `getTextContent({ includeMarkedContent:
 * true })`) and checked with `qpdf --check`: headings and bookmarks, lists, tables with header cells, the charts as
 * figures whose text alternatives give their data, footers and chart ticks as artifacts, the language, the displayed
 * title. Structure checked with pdf.js — not a PDF/UA conformance claim (no PDF/UA validator runs here).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { score } from '$scoring/model';
import { mostSplit, teamStats } from '$scoring/model/team-stats';
import { pageLabel } from '$scoring/present/format';
import { presentResult } from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import { TEAM_LABELS, TEAM_REPORT_WORDS } from '$scoring/present/team';
import { evidenceReport, presentMilestone } from '$scoring/present/workspace';
import type { Answers } from '$scoring/schema';
import { buildReportPdf } from '$lib/report/pdf-node';
import { renderTeamReport, teamReportView } from '$lib/server/team-report';
import { answersArb } from '../../fixtures/answers';
import { CUSTOM_SAMPLE, PROFILES } from '../../fixtures/profiles';
import { elements, pdfStructure, qpdfCheck, type Element, type PdfStructure } from './pdf-structure';

const GENERATED = new Date('2026-07-01T09:30:00Z');
const METHODOLOGY = 'https://readiness.example/methodology';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The checks every report shares: tagged, language, title shown, no text outside the structure or artifacts, no
 * character the font lacks.
 */
function expectTaggedDocument(pdf: PdfStructure, bytes: Uint8Array, title: string) {
	expect(pdf.marked).toBe(true);
	expect(pdf.language).toBe('en-GB');
	expect(pdf.displayDocTitle).toBe(true);
	expect(pdf.title).toBe(title);
	expect(pdf.unmarked.flat()).toEqual([]);
	// A character the report font lacks is painted as an empty box and reads back as U+0000.
	const painted = [...pdf.roots.flat().map((e) => e.text), ...pdf.artifacts.flat()].join(' ');
	expect(painted).not.toContain('\u0000');
	const qpdf = qpdfCheck(bytes);
	expect(qpdf.output).toContain('No syntax or stream encoding errors');
	expect(qpdf.status).toBe(0);
}

/** Footers are artifacts on every page but the cover, and never part of the structure. */
function expectFooterArtifacts(pdf: PdfStructure, footer: string) {
	const pages = pdf.roots.length;
	expect(pdf.artifacts[0]).not.toContain(pageLabel(1, pages));
	for (let n = 2; n <= pages; n++) {
		expect(pdf.artifacts[n - 1]).toContain(pageLabel(n, pages));
		expect(pdf.artifacts[n - 1]!.join(' ')).toContain(footer);
	}
	const content = pdf.roots
		.flat()
		.map((e) => e.text)
		.join(' ');
	expect(content).not.toContain(pageLabel(2, pages));
}

/** Every table has a header row of TH cells (or TH heading each row) and rows of one width. */
function expectTablesWithHeaders(pdf: PdfStructure) {
	const tables = elements(pdf, 'Table');
	expect(tables.length).toBeGreaterThan(0);
	for (const t of tables) {
		const rows = t.children.flatMap((section) => (section.role === 'TR' ? [section] : section.children));
		expect(rows.every((r) => r.role === 'TR')).toBe(true);
		const widths = new Set(rows.map((r) => r.children.length));
		expect(widths.size).toBe(1);
		const head = t.children.find((s) => s.role === 'THead');
		if (head) expect(head.children[0]!.children.every((c) => c.role === 'TH')).toBe(true);
		else expect(rows.every((r) => r.children[0]!.role === 'TH')).toBe(true);
	}
}

/** Lists are L > LI > Lbl + LBody. */
function expectLists(pdf: PdfStructure) {
	const items = elements(pdf, 'LI');
	expect(items.length).toBeGreaterThan(0);
	for (const li of items) expect(li.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
}

const texts = (list: Element[]) => list.map((e) => e.text);

describe('the individual report’s structure', () => {
	const profile = PROFILES.find((p) => p.custom)!;
	const result = score(CURRENT_BANK, profile.answers);
	const view = presentResult({
		bank: CURRENT_BANK,
		answers: profile.answers,
		result,
		current: CURRENT_BANK,
		custom: CUSTOM_SAMPLE(),
		organisation: profile.organisation ?? null,
		date: GENERATED
	});
	const rendered = buildReportPdf({ view, generatedAt: GENERATED, methodologyUrl: METHODOLOGY }).then(
		async (bytes) => ({ bytes, pdf: await pdfStructure(bytes) })
	);

	it('is tagged, in British English, shows its title, and passes qpdf --check', async () => {
		const { pdf, bytes } = await rendered;
		expectTaggedDocument(pdf, bytes, `AI Infrastructure Readiness Check: ${view.verdict.label}`);
	});

	it('has the cover title as H1, the sections as H2 and their parts as H3, each a bookmark', async () => {
		const { pdf } = await rendered;
		expect(texts(elements(pdf, 'H1'))).toEqual([squash(view.organisation!)]);
		const sections = texts(elements(pdf, 'H2'));
		expect(sections.slice(0, 2)).toEqual([RESULT_LABELS.executiveSummary, RESULT_LABELS.plan]);
		expect(sections).toContain(RESULT_LABELS.survey);
		expect(sections).toContain(`Compared with ${view.custom!.name}`);
		expect(texts(elements(pdf, 'H3'))).toContain(RESULT_LABELS.criticalGaps);
		// Bookmarks: the cover title, then every section with its parts beneath it.
		expect(pdf.outline.map((o) => o.title)).toEqual([view.organisation, ...sections]);
		const summary = pdf.outline.find((o) => o.title === RESULT_LABELS.executiveSummary)!;
		expect(summary.items.map((i) => i.title)).toContain(RESULT_LABELS.criticalGaps);
	});

	it('has the reasons, gaps and first actions as lists', async () => {
		const { pdf } = await rendered;
		expectLists(pdf);
		const bodies = texts(elements(pdf, 'LBody'));
		for (const why of view.verdict.why) expect(bodies).toContain(squash(why.text));
		// Each gap says what it is first, as on the page.
		const gap = view.gaps[0]!;
		expect(bodies).toContain(squash(`${RESULT_LABELS.gapKinds[gap.kind]}: ${gap.sentence}`));
		expect(texts(elements(pdf, 'Lbl')).slice(0, 1)).toEqual(['•']);
		expect(texts(elements(pdf, 'Lbl'))).toContain('1.');
	});

	it('has tables with header cells: the survey groups, the practices, the scores', async () => {
		const { pdf } = await rendered;
		expectTablesWithHeaders(pdf);
		const headers = texts(elements(pdf, 'TH'));
		for (const column of [
			RESULT_LABELS.columns.group,
			RESULT_LABELS.columns.practice,
			RESULT_LABELS.columns.verdict,
			RESULT_LABELS.columns.dimension,
			RESULT_LABELS.columns.score,
			RESULT_LABELS.columns.confidence,
			RESULT_LABELS.columns.evidence
		])
			expect(headers).toContain(column);
		const scores = elements(pdf, 'Table').find((t) => t.text.startsWith(RESULT_LABELS.columns.dimension))!;
		const first = view.scores.dimensions[0]!;
		expect(scores.text).toContain(`${first.label} ${first.score} ${first.answered} of ${first.total}`);
	});

	it('has the verdict picture and the radar as figures whose text alternatives give their data', async () => {
		const { pdf } = await rendered;
		const figures = elements(pdf, 'Figure');
		expect(figures.map((f) => f.alt)).toEqual([
			`${view.picture!.title}: ${view.picture!.alt}`,
			expect.stringContaining('Radar chart of the dimension scores')
		]);
		const radar = figures[1]!.alt!;
		for (const d of view.scores.dimensions) expect(radar).toContain(`${d.label}`);
		for (const d of view.scores.dimensions.filter((x) => x.score !== null)) expect(radar).toContain(`${d.score}`);
		for (const series of view.radar) expect(radar).toContain(`${series.label}:`);
	});

	it('paints the footers, the chart ticks and the rules as artifacts, outside the structure', async () => {
		const { pdf } = await rendered;
		expectFooterArtifacts(pdf, view.meta.bank.replace(/\.$/, ''));
		const radarPage = elements(pdf, 'Figure')[1]!.page;
		expect(pdf.artifacts[radarPage - 1]).toEqual(expect.arrayContaining(['50', '100']));
		for (const figure of elements(pdf, 'Figure')) expect(figure.text.split(' ')).not.toContain('50');
	});

	it('links the methodology page from a Link element', async () => {
		const { pdf } = await rendered;
		expect(texts(elements(pdf, 'Link'))).toContain(METHODOLOGY);
	});
});

describe('a workspace milestone’s report: the same tagged report, with its evidence per answer', () => {
	const answers = PROFILES[0]!.answers;
	const milestone = {
		id: 'm2',
		seq: 2,
		createdAt: GENERATED,
		source: 'result' as const,
		bankId: CURRENT_BANK.id,
		bankVersion: CURRENT_BANK.version,
		answers,
		savedBy: 'Ada',
		workshop: null,
		doneReview: [],
		bank: CURRENT_BANK,
		result: score(CURRENT_BANK, answers)
	};
	const [first, second] = CURRENT_BANK.questions.filter((q) => q.kind === 'practice' && answers[q.id]);
	const links = ['https://wiki.example.org/ai-policy', 'https://tickets.example.org/SEC-42'];
	const backed = [
		{ questionId: first!.id, note: 'Approved by the CTO in March', links, carriedFrom: null },
		{ questionId: second!.id, note: null, links: [links[0]!], carriedFrom: 1 }
	];
	const view = presentResult({ ...milestone, current: CURRENT_BANK, organisation: 'Acme platform', date: GENERATED });
	const evidence = evidenceReport(
		presentMilestone({ workspaceName: 'Acme platform', milestone, previous: null, evidence: backed })
	);
	const rendered = buildReportPdf({ view, generatedAt: GENERATED, methodologyUrl: METHODOLOGY, evidence }).then(
		async (bytes) => ({ bytes, pdf: await pdfStructure(bytes) })
	);

	it('is tagged, in British English, shows its title, and passes qpdf --check', async () => {
		const { pdf, bytes } = await rendered;
		expectTaggedDocument(pdf, bytes, `AI Infrastructure Readiness Check: ${view.verdict.label}`);
		expectFooterArtifacts(pdf, view.meta.bank.replace(/\.$/, ''));
	});

	it('has the evidence as a section and a bookmark, and a table with header cells whose links are Link elements', async () => {
		const { pdf } = await rendered;
		expect(texts(elements(pdf, 'H2'))).toContain(evidence.heading);
		expect(pdf.outline.map((o) => o.title)).toContain(evidence.heading);
		expectTablesWithHeaders(pdf);
		const table = elements(pdf, 'Table').find((t) => t.text.startsWith(evidence.columns.question))!;
		expect(texts(table.children[0]!.children[0]!.children)).toEqual([
			evidence.columns.question,
			evidence.columns.answer,
			evidence.columns.evidence
		]);
		expect(evidence.rows).toHaveLength(2);
		expect(table.text).toContain(`${squash(evidence.rows[0]!.question)} ${evidence.rows[0]!.answer}`);
		expect(table.text).toContain(`Approved by the CTO in March ${links.join(' ')}`);
		expect(table.text).toContain(evidence.rows[1]!.carried!);
		expect(texts(elements(pdf, 'Link'))).toEqual(expect.arrayContaining([...links, METHODOLOGY]));
	});
});

describe('the team report’s structure', () => {
	const bank = CURRENT_BANK;
	const sets = fc.sample(answersArb(bank), { numRuns: 6, seed: 11 });
	const plain = teamStats(bank, sets, { minGroupSize: 3 })!;
	const agreed: Answers = {};
	for (const q of mostSplit(plain, 2))
		agreed[q.questionId] = bank.questions.find((x) => x.id === q.questionId)!.options[0]!.id;
	const stats = teamStats(bank, sets, { minGroupSize: 3, agreed })!;
	const context = {
		agreements: Object.entries(agreed).map(([questionId, agreedAnswer]) => ({
			questionId,
			agreedAnswer,
			note: 'Discussed.',
			action: 'Act on it.',
			actionOwner: 'Platform lead',
			actionDue: '2027-03-31',
			actionStatus: 'open' as const,
			carriedFrom: null
		})),
		generatedAt: GENERATED,
		methodologyUrl: METHODOLOGY
	};
	const workshop = { title: 'Platform review', organisation: 'Acme Bank plc', mode: 'facilitated' } as const;
	const view = teamReportView(workshop, bank, stats, context);
	const rendered = renderTeamReport(workshop, bank, stats, context).then(async (bytes) => ({
		bytes,
		pdf: await pdfStructure(bytes)
	}));

	it('is tagged, in British English, shows its title, and passes qpdf --check', async () => {
		const { pdf, bytes } = await rendered;
		expectTaggedDocument(pdf, bytes, 'Platform review: team report');
	});

	it('has the title as H1 and every section as H2 and a bookmark', async () => {
		const { pdf } = await rendered;
		expect(texts(elements(pdf, 'H1'))).toEqual(['Platform review']);
		const sections = [...new Set(texts(elements(pdf, 'H2')))];
		expect(sections).toEqual([
			TEAM_LABELS.summary,
			TEAM_LABELS.result,
			TEAM_LABELS.tierSpread,
			TEAM_LABELS.split,
			TEAM_LABELS.discussion,
			TEAM_LABELS.plan,
			TEAM_LABELS.method
		]);
		expect(pdf.outline.map((o) => o.title)).toEqual(['Platform review', ...sections]);
		expect(texts(elements(pdf, 'H3'))).toContain(view.gaps.heading);
	});

	it('has the cover facts as a table whose first column heads each row, and tables with header cells', async () => {
		const { pdf } = await rendered;
		expectTablesWithHeaders(pdf);
		const facts = elements(pdf, 'Table')[0]!;
		expect(facts.page).toBe(1);
		expect(texts(facts.children.flatMap((s) => s.children).map((r) => r.children[0]!))).toEqual(
			view.cover.facts.map(([k]) => k)
		);
		const headers = texts(elements(pdf, 'TH'));
		for (const column of Object.values(TEAM_REPORT_WORDS.columns)) expect(headers).toContain(column);
	});

	it('has the executive summary and the critical gaps as lists, each gap with the team answer it rests on', async () => {
		const { pdf } = await rendered;
		expectLists(pdf);
		const bodies = texts(elements(pdf, 'LBody'));
		for (const line of view.summary) expect(bodies).toContain(squash(line));
		expect(view.gaps.items.length).toBeGreaterThan(0);
		// Each gap says what it is first ("Weak guard: …"), as on a person's report.
		for (const gap of view.gaps.items)
			expect(bodies).toContain(squash(`${RESULT_LABELS.gapKinds[gap.kind]}: ${gap.sentence} ${gap.basis}`));
	});

	it('has the radar as a figure whose text alternative gives every dimension’s team score', async () => {
		const { pdf } = await rendered;
		const [radar] = elements(pdf, 'Figure');
		expect(radar!.alt).toContain('Radar chart of the dimension scores');
		for (const d of view.dimensions) expect(radar!.alt).toContain(`${d.label}`);
		for (const d of view.dimensions) expect(radar!.alt).toContain(` ${d.scoreText}`);
	});

	it('paints the footers as artifacts on every page but the cover', async () => {
		const { pdf } = await rendered;
		expectFooterArtifacts(pdf, view.footer);
	});
});
