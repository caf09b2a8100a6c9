/**
 * The PDF report, rendered from the presentation model for the five profiles every surface is checked on, read
 * back with pdf.js the way a viewer would: what a CTO receives must say what the page says.
 */
import { describe, expect, it } from 'vitest';
import { BANK_V1, BANK_V2, CURRENT_BANK } from '$scoring/content/banks';
import { presentResult } from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import { score } from '$scoring/model';
import { buildReportDocument } from '$lib/report/pdf-document';
import { buildReportPdf } from '$lib/report/pdf-node';
import { CUSTOM_SAMPLE, PROFILES } from '../../fixtures/profiles';
import { allAt } from '../../fixtures/answers';
import { pdfText } from './pdf-text';

const GENERATED = new Date('2026-07-01T09:30:00Z');
const METHODOLOGY = 'https://readiness.example/methodology';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function render(
	answers: Record<string, string>,
	options: { custom?: boolean; organisation?: string } = {},
	bank = CURRENT_BANK
) {
	const result = score(bank, answers);
	const view = presentResult({
		bank,
		answers,
		result,
		current: CURRENT_BANK,
		custom: options.custom ? CUSTOM_SAMPLE() : null,
		organisation: options.organisation ?? null,
		date: GENERATED
	});
	const bytes = await buildReportPdf({ view, generatedAt: GENERATED, methodologyUrl: METHODOLOGY });
	return { view, bytes, ...(await pdfText(bytes)) };
}

describe.each(PROFILES)('the PDF of the $name profile', (profile) => {
	const rendered = render(profile.answers, profile);

	it('is a PDF of at most 7 pages under 300 KB', async () => {
		const { bytes, pages } = await rendered;
		expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		expect(bytes.length).toBeLessThan(300 * 1024);
		// Every plan step says where it starts and every survey figure comes as its sentence: 7 pages, not 6.
		expect(pages.length).toBeLessThanOrEqual(7);
	});

	it('has a cover with the organisation (when given), the date and the group', async () => {
		const { pages, view } = await rendered;
		if (profile.organisation) expect(pages[0]).toContain(profile.organisation);
		expect(pages[0]).toContain('2026-07-01');
		expect(pages[0]).toContain(view.verdict.label);
		expect(pages[0]).toContain(squash(view.verdict.summary));
	});

	it('carries the tier sentence, every critical gap and every recommendation title the page shows', async () => {
		// Read across page breaks, as a reader does: a title may run on to the next page.
		const { flow: text, view } = await rendered;
		expect(text).toContain(squash(view.verdict.headline));
		for (const line of view.verdict.why) expect(text).toContain(squash(line.text));
		for (const gap of [...view.gaps, ...view.notRuledOut]) expect(text).toContain(squash(gap.sentence));
		const titles = [...view.plan.horizons.flatMap((h) => h.items), ...view.plan.appendix].flatMap((i) =>
			i.steps.map((s) => s.title)
		);
		expect(titles.length).toBeGreaterThan(0);
		for (const title of titles) expect(text).toContain(squash(title));
		// Each plan step says where it starts, as the page does ("Next" alone hid the level answered).
		for (const step of view.plan.horizons.flatMap((h) => h.items).flatMap((i) => i.steps)) {
			expect(text).toContain(squash(step.fromTo));
			// Every framework reference of the step, as the page lists them (the first three only hid NIS2, listed last).
			if (step.references.length)
				expect(text).toContain(
					squash(`${RESULT_LABELS.frameworks}: ${step.references.map((r) => r.label).join(' · ')}`)
				);
		}
		// Each survey figure as its sentence: a bare share beside the practice read as the share that do it.
		for (const line of view.benchmark.lines) expect(text).toContain(squash(line.peers));
	});

	it('lists the lift plan’s changes under its note, as the page does, and says what each gap is', async () => {
		const { text, view } = await rendered;
		if (view.lift) {
			expect(text).toContain(squash(view.lift.note));
			for (const step of view.lift.steps)
				expect(text).toContain(
					squash(`${step.question} ${RESULT_LABELS.liftFrom} “${step.from}” ${RESULT_LABELS.liftTo} “${step.to}”.`)
				);
		}
		for (const gap of view.gaps) expect(text).toContain(squash(`${RESULT_LABELS.gapKinds[gap.kind]}: ${gap.sentence}`));
		// A source with an address prints it, so a reader of the paper copy can check the figure.
		for (const f of view.benchmark.footnotes) if (f.url) expect(text).toContain(f.url);
	});

	it('has a one-page executive summary with the first gaps, what is not ruled out and the first three actions', async () => {
		const { pages, view } = await rendered;
		expect(pages[1]).toContain(RESULT_LABELS.executiveSummary);
		for (const step of view.topActions) expect(pages[1]).toContain(squash(step.title));
		if (view.gaps.length) expect(pages[1]).toContain(squash(view.gaps[0]!.sentence));
		else expect(pages[1]).not.toContain(RESULT_LABELS.criticalGaps);
		if (view.notRuledOut.length) expect(pages[1]).toContain(RESULT_LABELS.notRuledOut);
		expect(pages[2]).not.toContain(RESULT_LABELS.executiveSummary);
	});

	it('has the radar against modelled group profiles, its legend saying they are modelled', async () => {
		const { text, view } = await rendered;
		if (view.verdict.tier) expect(text).toContain(RESULT_LABELS.modelled);
	});

	it('prints only characters its font has: none reads back as U+0000, the empty box of a missing glyph', async () => {
		const { text } = await rendered;
		expect(text).not.toContain('\u0000');
	});

	it('has no Markdown artefacts and no repository paths, and links the public methodology page', async () => {
		const { text } = await rendered;
		expect(text).not.toMatch(/`|\*\*|docs\/|\.md\b|\(†\)/);
		expect(text).toContain(METHODOLOGY);
	});

	it('names the framework of every reference it prints beside a step (ISO 27001 and ISO 42001 share codes)', async () => {
		const { view, text } = await rendered;
		const printed = view.plan.horizons
			.flatMap((h) => h.items)
			.flatMap((i) => i.steps)
			.flatMap((s) => s.references.slice(0, 3));
		expect(printed.length).toBeGreaterThan(0);
		for (const r of printed) expect(r.label.endsWith(` ${r.code}`) && r.label !== r.code).toBe(true);
		expect(text).toContain(squash(printed[0]!.label));
	});

	it('prints the custom benchmark when one is loaded', async () => {
		const { text } = await rendered;
		const name = CUSTOM_SAMPLE().name;
		if (profile.custom) expect(text).toContain(`Compared with ${name}`);
		else expect(text).not.toContain(name);
	});
});

describe('the PDF', () => {
	it('prints user text verbatim, never interpreted', async () => {
		const { pages } = await render(allAt(CURRENT_BANK, 'best'), { organisation: '<b>Acme</b> & {@html x} ${y}' });
		expect(pages[0]).toContain('<b>Acme</b> & {@html x} ${y}');
	});

	it('renders a 1.0.0 result labelled retired, without the old lift plan', async () => {
		const { text, view } = await render(allAt(BANK_V1, 'worst'), {}, BANK_V1);
		expect(view.retired).not.toBeNull();
		expect(text).toContain(squash(view.retired!.note));
		expect(text).not.toContain('What would lift you');
	});

	it('renders a 2.0.0 result on its own model, labelled retired', async () => {
		const { text, view } = await render(allAt(BANK_V2, 'worst'), {}, BANK_V2);
		expect(view.retired).not.toBeNull();
		expect(text).toContain(squash(view.retired!.note));
		expect(text).toContain(view.verdict.label);
	});

	it('puts the plan in 30 / 60 / 90 days with at most 8 themes, the rest in the appendix', () => {
		const answers = allAt(CURRENT_BANK, 'worst');
		const view = presentResult({ bank: CURRENT_BANK, answers, result: score(CURRENT_BANK, answers) });
		const planned = view.plan.horizons.flatMap((h) => h.items);
		expect(planned.length).toBe(8);
		expect(view.plan.appendix.length).toBeGreaterThan(0);
		const doc = JSON.stringify(
			buildReportDocument({ view, generatedAt: GENERATED, methodologyUrl: METHODOLOGY }).blocks
		);
		for (const h of view.plan.horizons) expect(doc).toContain(h.label);
	});
});
