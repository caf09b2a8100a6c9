/**
 * What a lens's findings look like where a user sees them: the presentation model's sentences, the result CSV's
 * lens rows (which the importer skips, so a lens CSV still opens as its survey result), and the PDF's lens section.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { parseResultCsv, resultToCsv } from '$scoring/export/result-csv';
import { readCsvTable } from '$scoring/export/csv-table';
import { SURVEY_2026 } from '$scoring/content/survey';
import { lensFindings } from '$scoring/lens/findings';
import { parseLens } from '$scoring/lens/parse';
import { score } from '$scoring/model';
import { presentLens } from '$scoring/present/lens';
import { presentResult } from '$scoring/present/result';
import { buildReportPdf } from '$lib/report/pdf-node';
import { pdfText } from '../lib/report/pdf-text';
import { EXAMPLE_LENS_TEXT, SMALL_LENS } from '../fixtures/lens';

const small = parseLens(SMALL_LENS);
const core = { gov_formal_policy: 'full', ai_code_share: 'dk' };

describe('the lens view', () => {
	it('counts high and medium findings and says what counts as the weakest answer', () => {
		const view = presentLens(small, lensFindings(small, { register: 'dk', review: 'na' }));
		expect(view.heading).toBe('Lens: A small lens');
		expect(view.summary).toBe(
			'1 high-risk finding and 1 medium-risk finding in 2 questions. 2 answers count as the weakest option (“Don’t know”, unanswered, or “not applicable” where it does not hold).'
		);
		expect(view.high[0]).toMatchObject({
			question: 'Do you keep a register?',
			answer: 'Don’t know',
			note: '“Don’t know” never helps: it counts as the weakest answer, “No register”.',
			because: 'Nothing is registered.',
			step: { title: 'Register everything', action: 'Put every item in the register.' },
			references: [{ code: 'Art. 1', title: 'The first article' }]
		});
		expect(view.medium[0]!.note).toBe(
			'“Not applicable” counts here only with the answer “We have nothing to register” to “Do you keep a register?”; it counts as the weakest answer, “Never”.'
		);
		expect(presentLens(small, lensFindings(small, { register: 'full', review: 'yearly' })).summary).toBe(
			'No high- or medium-risk findings in 2 questions.'
		);
	});
});

describe('the result CSV with a lens', () => {
	const result = score(CURRENT_BANK, core);
	const findings = lensFindings(small, { register: 'partial', review: 'dk' });
	const csv = resultToCsv(CURRENT_BANK, core, result, {
		exportedAt: '2026-07-01T09:30:00.000Z',
		benchmark: SURVEY_2026,
		lens: { lens: small, result: findings }
	});
	const table = readCsvTable(csv, {
		what: 'a result CSV',
		remedy: '',
		columns: [
			...csv
				.replace(/^\uFEFF/, '')
				.split('\r\n')[0]!
				.split(',')
		]
	});
	const rows = table.rows.map((r) =>
		Object.fromEntries(
			[
				'section',
				'dimension',
				'question_id',
				'option_id',
				'option_label',
				'level_score',
				'framework_references',
				'metric',
				'metric_label',
				'value'
			].map((c) => [c, table.get(r, c)])
		)
	);

	it('ends with a row per lens question and the lens summary rows', () => {
		expect(rows.filter((r) => r.section === 'lens_question')).toEqual([
			{
				section: 'lens_question',
				dimension: 'basics',
				question_id: 'register',
				option_id: 'partial',
				option_label: 'Part of it.',
				level_score: '1',
				framework_references: 'ref_one',
				metric: 'lens_risk',
				metric_label: 'Part is missing.',
				value: 'medium'
			},
			{
				section: 'lens_question',
				dimension: 'basics',
				question_id: 'review',
				option_id: 'dk',
				option_label: 'Don’t know',
				level_score: '0',
				framework_references: '',
				metric: 'lens_risk',
				metric_label: 'Nobody reviews it.',
				value: 'medium'
			}
		]);
		const summary = Object.fromEntries(
			rows.filter((r) => r.section === 'lens_summary' && r.metric !== 'lens_next_step').map((r) => [r.metric, r.value])
		);
		expect(summary).toEqual({
			lens: 'small-lens@1.0',
			lens_high_risk: '',
			lens_medium_risk: 'register review',
			lens_counted_weakest: 'review'
		});
		expect(rows.filter((r) => r.metric === 'lens_next_step').map((r) => [r.question_id, r.metric_label])).toEqual([
			['register', 'Register everything'],
			['review', 'Review yearly']
		]);
		expect(rows.at(-1)!.section).toBe('lens_summary');
	});

	it('imports back as its survey answers: the lens rows are skipped, not refused', () => {
		const imported = parseResultCsv(csv);
		expect(imported.answers).toEqual(core);
		expect(imported.bank).toBe(CURRENT_BANK);
	});
});

describe('the PDF with a lens', () => {
	it('has the lens section: its heading, summary, each finding with its next step, and its sources', async () => {
		const lens = parseLens(EXAMPLE_LENS_TEXT);
		const answers = { framework_covers_ai: 'informal', agent_access: 'na', ai_training: 'compulsory_management' };
		const view = presentLens(lens, lensFindings(lens, answers));
		const result = score(CURRENT_BANK, core);
		const bytes = await buildReportPdf({
			view: presentResult({ bank: CURRENT_BANK, answers: core, result, current: CURRENT_BANK }),
			generatedAt: new Date('2026-07-01T09:30:00Z'),
			methodologyUrl: 'https://readiness.example/methodology',
			lens: view
		});
		const { text } = await pdfText(bytes);
		const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
		expect(text).toContain(squash(view.heading));
		expect(text).toContain(squash(view.summary));
		for (const item of [...view.high, ...view.medium]) {
			expect(text).toContain(squash(item.question));
			expect(text).toContain(squash(item.step!.title));
		}
		expect(text).toContain('Regulation (EU) 2022/2554');
	}, 60_000);
});
