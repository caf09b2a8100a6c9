import { describe, expect, it } from 'vitest';
import { BANK_V1 } from '../../../scoring/bank';
import { SURVEY_2026, tierShares } from '../../../scoring/benchmark';
import { NOT_APPLICABLE, ResultSchema, type Result } from '../../../scoring/schema';
import { score } from '../../../scoring/score';
import { TIER_LABELS } from '../../../scoring/tiers';
import { NOT_APPLICABLE_LABEL, SKIPPED_LABEL } from '../../../scoring/answer-labels';
import { surveyPosition } from '../../../scoring/explain';
import { percent, points } from '../../../scoring/format';
import { reportFileName, type ReportInput } from '../../../src/lib/report/pdf-document';
import { buildReportPdf } from '../../../src/lib/report/pdf-node';
import { resultRadarAxes } from '../../../src/lib/report/radar-svg';
import { pdfText } from './pdf-text';
import { CASES } from './results';

const GENERATED = new Date('2026-07-01T09:30:00Z');
const MAX_BYTES = 300 * 1024;

async function render(result: Result, extra: Partial<ReportInput> = {}) {
	const bytes = await buildReportPdf({
		bank: BANK_V1,
		result,
		benchmark: SURVEY_2026,
		generatedAt: GENERATED,
		...extra
	});
	return { bytes, ...(await pdfText(bytes)) };
}

const questionText = (id: string) => BANK_V1.questions.find((q) => q.id === id)?.text ?? id;
const optionLabel = (questionId: string, optionId: string | null) =>
	BANK_V1.questions.find((q) => q.id === questionId)?.options.find((o) => o.id === optionId)?.label;
/** Text as pdf.js extracts it: whitespace runs collapsed to one space. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(CASES)('the PDF report of $name answers', ({ answers }) => {
	const result = score(BANK_V1, answers);
	const rendered = render(result);

	it('is a PDF under 300 KB whose text extracts', async () => {
		const { bytes, pages } = await rendered;
		expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		expect(bytes.length).toBeLessThan(MAX_BYTES);
		expect(pages.length).toBeGreaterThanOrEqual(3);
	});

	it('names the tier on the cover and in the title', async () => {
		const { pages, info } = await rendered;
		expect(result.tier).not.toBeNull();
		const label = TIER_LABELS[result.tier ?? 'exposed'];
		expect(pages[0]).toContain(`Your tier ${label}`);
		expect(info.Title).toContain(label);
		expect(info.CreationDate).toBe('D:20260701093000Z');
	});

	it('prints each dimension score in the dimension table and on the radar chart', async () => {
		const { text } = await rendered;
		for (const d of BANK_V1.dimensions) {
			const r = result.dimensions.find((x) => x.dimension === d.id);
			expect(r).toBeDefined();
			const label = d.orientation === 'higher-is-worse' ? `${d.label} (lower is better)` : d.label;
			// Table row: label, score, answered count.
			expect(text).toContain(`${label} ${points(r?.score ?? null)} ${r?.answered} of ${r?.total}`);
		}
		expect(text).toContain(`Overall index ${points(result.index)}`);
		// The radar chart's labels are SVG text, drawn as real text in axis order: label, then score.
		const radar = resultRadarAxes(BANK_V1, result).map((a) => `${a.label} ${points(a.value)}`);
		expect(text).toContain(radar.join(' '));
	});

	it('shows the survey distribution with "you are here" on the right row and the computed sentence', async () => {
		const { text } = await rendered;
		const tier = result.tier ?? 'exposed';
		expect(text).toContain(squash(`${TIER_LABELS[tier]} ${percent(tierShares(SURVEY_2026)[tier])} you are here`));
		expect(text.match(/you are here/g)).toHaveLength(1);
		expect(text).toContain(squash(surveyPosition(SURVEY_2026, tier).sentence));
	});

	it('carries every benchmark line with its source, and the survey and its sources', async () => {
		const { text } = await rendered;
		expect(result.benchmarkLines.length).toBeGreaterThan(0);
		for (const line of result.benchmarkLines) {
			expect(text).toContain(squash(`You: ${line.you}`));
			expect(text).toContain(squash(`Survey: ${line.peers}`));
			expect(text).toContain(squash(`Source: ${line.source}`));
		}
		expect(text).toContain(`${SURVEY_2026.name}: ${SURVEY_2026.sample} respondents`);
		for (const s of SURVEY_2026.sources) expect(text).toContain(squash(`${s.label}, ${s.date}`));
	});

	it('has the question bank id and version in every page footer', async () => {
		const { pages } = await rendered;
		for (const page of pages)
			expect(page).toContain(`Question bank ${BANK_V1.id} version ${BANK_V1.version} · 2026-07-01`);
	});

	it('prints the why, the confidence gap, the lift plan and the roadmap from the result', async () => {
		const { text } = await rendered;
		for (const reason of result.reasons) expect(text).toContain(squash(reason.text));
		for (const gap of result.confidenceGaps.filter((g) => g.overconfident))
			expect(text).toMatch(
				new RegExp(`${BANK_V1.dimensions.find((d) => d.id === gap.dimension)?.label} [^A-Z]*Confidence exceeds`)
			);
		if (result.liftPlan) {
			expect(text).toContain(`What would lift you to ${TIER_LABELS[result.liftPlan.target]}`);
			for (const change of result.liftPlan.changes) {
				const from =
					change.from === null
						? SKIPPED_LABEL
						: change.from === NOT_APPLICABLE
							? NOT_APPLICABLE_LABEL
							: optionLabel(change.questionId, change.from);
				expect(text).toContain(
					squash(`${questionText(change.questionId)} From: ${from} To: ${optionLabel(change.questionId, change.to)}`)
				);
			}
		} else expect(result.tier).toBe('pioneer');
		for (const r of result.recommendations) expect(text).toContain(squash(r.title));
	});
});

describe('the PDF report', () => {
	it('differs between the best and the worst answers where the user would look', async () => {
		const [best, worst] = await Promise.all(CASES.slice(0, 2).map((c) => render(score(BANK_V1, c.answers))));
		expect(best?.pages[0]).toContain(`Your tier ${TIER_LABELS.pioneer}`);
		expect(worst?.pages[0]).toContain(`Your tier ${TIER_LABELS.exposed}`);
		expect(best?.text).toContain('You are in the highest group');
		expect(worst?.text).toContain(`What would lift you to ${TIER_LABELS.fragmented}`);
	});

	it('prints user-supplied strings verbatim as text, never interpreted', async () => {
		const hostile = [
			'<script>alert(1)</script>',
			'=HYPERLINK("http://evil.example","click")',
			'+SUM(1,2) @cmd -1',
			'Łódź & Zürich “workshop” <b>bold</b>'
		];
		const result = score(BANK_V1, CASES[2]?.answers ?? {});
		const { text, pages, info } = await render(result, {
			title: hostile[0],
			team: {
				participants: 7,
				spread: hostile.slice(1).map((summary, i) => ({ questionId: BANK_V1.questions[i]?.id ?? 'x', summary }))
			}
		});
		expect(pages[0]).toContain(`Readiness Check ${hostile[0]} Your team’s tier`);
		for (const s of hostile) expect(text).toContain(s);
		expect(text).toContain('7 participants answered');
		expect(info.Title).toBe(`${hostile[0]}: AI Infrastructure Readiness Check`);
	});

	it('still renders when too little was answered to place a tier', async () => {
		const result = score(BANK_V1, {});
		expect(result.tier).toBeNull();
		const { text, pages } = await render(result);
		expect(pages[0]).toContain('Your tier Not placed');
		expect(text).not.toContain('you are here');
		expect(text).toContain('Answer more questions to see where you sit');
	});

	it('renders a result built by hand that satisfies the Result schema', async () => {
		const result = ResultSchema.parse({ ...score(BANK_V1, CASES[2]?.answers ?? {}), borderline: true });
		expect((await render(result)).pages[0]).toContain('Borderline');
	});
});

describe('reportFileName', () => {
	it('names the file after the tier and the date', () => {
		const result = score(BANK_V1, CASES[0]?.answers ?? {});
		expect(reportFileName(result, GENERATED)).toBe(`ai-readiness-${result.tier}-2026-07-01.pdf`);
		expect(reportFileName({ ...result, tier: null }, GENERATED)).toBe('ai-readiness-unplaced-2026-07-01.pdf');
	});
});
