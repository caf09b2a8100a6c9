/**
 * A workshop's lens in the team documents: the team CSV's `lens`, `lens_question` and `lens_next_step` rows
 * (docs/formats.md) and the team PDF's lens section carry the findings of the team answers; a lens without findings
 * says why in both.
 */
import { describe, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { readCsvTable } from '$scoring/export/csv-table';
import { TEAM_CSV_COLUMNS, teamStatsToCsv } from '$scoring/export/team-csv';
import { lensAnswerKey } from '$scoring/lens/answer-key';
import { parseLens } from '$scoring/lens/parse';
import { teamStats } from '$scoring/model/team-stats';
import { lensCatalog } from '$lib/server/lenses/service';
import { renderTeamReport } from '$lib/server/team-report';
import { workshopLensSections } from '$lib/server/workshops/lenses';
import { allAt } from '../../fixtures/answers';
import { SMALL_LENS } from '../../fixtures/lens';
import { pdfText } from '../report/pdf-text';

const lens = parseLens(SMALL_LENS);
const catalog = lensCatalog([lens]);
const pins = [{ id: lens.id, version: lens.version }];
const key = (q: string) => lensAnswerKey(lens.id, q);
const survey = allAt(CURRENT_BANK, 'best');
const released = [
	{ ...survey, [key('register')]: 'no_register', [key('review')]: 'yearly' },
	{ ...survey, [key('register')]: 'partial', [key('review')]: 'yearly' },
	{ ...survey, [key('register')]: 'no_register', [key('review')]: 'yearly' }
];
const stats = teamStats(CURRENT_BANK, [survey, survey, survey], { minGroupSize: 3 })!;

function csvRows(lenses: ReturnType<typeof workshopLensSections>) {
	const csv = readCsvTable(teamStatsToCsv(CURRENT_BANK, stats, { lenses }), {
		what: 'a team CSV',
		columns: TEAM_CSV_COLUMNS
	});
	return csv.rows.map((r) => Object.fromEntries(TEAM_CSV_COLUMNS.map((c) => [c, csv.get(r, c)])));
}

describe('a workshop lens in the team CSV and PDF', () => {
	const lenses = workshopLensSections(pins, catalog, released, 3);

	test('the CSV names the lens, each question’s team answer and risk, and the next steps', () => {
		const rows = csvRows(lenses);
		expect(rows.find((r) => r.section === 'lens')).toMatchObject({
			question_id: 'small-lens',
			question_text: 'A small lens',
			metric: 'lens',
			value: 'small-lens@1.0'
		});
		expect(rows.filter((r) => r.section === 'lens_question').map((r) => [r.question_id, r.answer_id, r.value])).toEqual(
			[
				['small-lens:register', 'no_register', 'high'],
				['small-lens:review', 'yearly', '']
			]
		);
		expect(rows.find((r) => r.section === 'lens_question' && r.value === 'high')?.metric_label).toBe(
			'Nothing is registered.'
		);
		expect(rows.filter((r) => r.section === 'lens_next_step').map((r) => [r.question_id, r.metric_label])).toEqual([
			['small-lens:register', 'Register everything']
		]);
	});

	test('below the minimum group size the CSV has the lens and why, and no question row', () => {
		const rows = csvRows(workshopLensSections(pins, catalog, null, 3));
		expect(rows.filter((r) => r.section?.startsWith('lens_'))).toEqual([]);
		expect(rows.find((r) => r.metric === 'lens_no_findings')?.value).toMatch(/at least 3 people are released/);
	});

	test('the PDF prints the lens section with the team answer and the next step', async () => {
		const context = {
			agreements: [],
			generatedAt: new Date('2026-07-01T10:00:00Z'),
			methodologyUrl: 'https://x.example/m',
			lenses
		};
		const workshop = { title: 'Lens team', organisation: null, mode: 'self_paced' } as const;
		const { text } = await pdfText(Buffer.from(await renderTeamReport(workshop, CURRENT_BANK, stats, context)));
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('Lens: A small lens');
		expect(flat).toContain('High risk (1)');
		expect(flat).toContain('Team answer: No register.');
		expect(flat).toContain('Next step: Register everything.');
		expect(flat).toContain('From the released answers of 3 people.');
	});
});
