/**
 * docs/formats.md against what the exporters write, for the workspace files: the Jira CSV's columns and status
 * mapping, the evidence columns of a milestone's result CSV, and the checklist's item line. (tests/e2e/docs.e2e.ts
 * reads the same tables against the files the built server serves.)
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { SURVEY_2026 } from '$scoring/content/survey';
import { planToChecklist } from '$scoring/export/plan-checklist';
import { JIRA_CSV_COLUMNS, JIRA_STATUS, planToJiraCsv } from '$scoring/export/plan-jira';
import { RESULT_CSV_COLUMNS, RESULT_CSV_EVIDENCE_COLUMNS, resultToCsv } from '$scoring/export/result-csv';
import { score } from '$scoring/model';
import { PLAN_ITEM_STATUSES, type PlanItem } from '$scoring/model/workspace';
import { allAt } from '../fixtures/answers';

const FORMATS = readFileSync('docs/formats.md', 'utf8');

/** The text under a `## ` heading (the heading may go on with `(`…`)`), up to the next `## `. */
function section(heading: string): string {
	const at = FORMATS.indexOf(`\n${heading}`);
	if (at < 0) throw new Error(`no heading "${heading}"`);
	const rest = FORMATS.slice(at + heading.length + 1);
	const next = rest.indexOf('\n## ');
	return next < 0 ? rest : rest.slice(0, next);
}

/** The body rows of every table in `text`, table by table. */
function tables(text: string): string[][][] {
	const out: string[][][] = [];
	let current: string[][] | null = null;
	let seen = 0;
	for (const line of text.split('\n').map((l) => l.trim())) {
		if (!line.startsWith('|')) {
			if (current) out.push(current);
			current = null;
			seen = 0;
			continue;
		}
		seen++;
		current ??= [];
		if (seen > 2)
			current.push(
				line
					.slice(1, -1)
					.split(' | ')
					.map((c) => c.trim())
			);
	}
	if (current) out.push(current);
	return out;
}

/** The first `code` word of a cell. */
const code = (cell: string) => /`([^`]+)`/.exec(cell)?.[1] ?? '';

const item = (status: PlanItem['status'], extra: Partial<PlanItem> = {}): PlanItem => ({
	id: `00000000-0000-4000-8000-00000000000${PLAN_ITEM_STATUSES.indexOf(status)}`,
	key: 'gov_formal_policy:approved',
	questionId: 'gov_formal_policy',
	title: 'Approve an AI policy',
	action: 'Write it down and have it approved.',
	fromTo: 'Now: No written guidance. Next: Approved.',
	horizon: 'd30',
	critical: false,
	references: [],
	owner: 'Platform lead',
	due: '2027-03-31',
	status,
	notes: null,
	fromMilestone: 1,
	doneAt: null,
	updatedAt: '2026-11-02T09:30:00.000Z',
	...extra
});
const source = { workspace: 'Acme', milestone: { seq: 2, date: '2026-12-01', bankVersion: CURRENT_BANK.version } };

describe('docs/formats.md, "Plan for Jira"', () => {
	const [columns, statuses] = tables(section('## Plan for Jira'));

	test('the columns documented are the ones written, in order, and as many as it says', () => {
		const written = Papa.parse<string[]>(planToJiraCsv([item('todo')], source)).data[0];
		expect(columns!.map(([c]) => code(c!))).toEqual([...JIRA_CSV_COLUMNS]);
		expect(written).toEqual([...JIRA_CSV_COLUMNS]);
		expect(Number(/these (\d+) columns/.exec(section('## Plan for Jira'))?.[1])).toBe(JIRA_CSV_COLUMNS.length);
	});

	test('each status is written as its row of the status table says', () => {
		expect(statuses!.map(([s]) => code(s!))).toEqual([...PLAN_ITEM_STATUSES]);
		for (const [status, jiraStatus, resolution] of statuses!) {
			const id = code(status!) as PlanItem['status'];
			const [, row] = Papa.parse<string[]>(planToJiraCsv([item(id)], source)).data;
			const at = (name: string) => row![JIRA_CSV_COLUMNS.indexOf(name as (typeof JIRA_CSV_COLUMNS)[number])];
			expect({ status: at('Status'), resolution: at('Resolution') }, id).toEqual({
				status: code(jiraStatus!),
				resolution: code(resolution!)
			});
			expect(JIRA_STATUS[id]).toEqual({ status: code(jiraStatus!), resolution: code(resolution!) });
		}
	});

	test('the date format the wizard is told is the one the due dates are written in', () => {
		expect(section('## Plan for Jira')).toContain('**Date format** `yyyy-MM-dd`');
		const [, row] = Papa.parse<string[]>(planToJiraCsv([item('doing')], source)).data;
		expect(row![JIRA_CSV_COLUMNS.indexOf('Due date')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(planToJiraCsv([item('doing')], source).charCodeAt(0)).not.toBe(0xfeff);
	});
});

test('docs/formats.md: a milestone’s result CSV adds the evidence columns documented, after the 18', () => {
	const text = section('## Result CSV');
	const evidenceTable = tables(text.slice(text.indexOf('**From a workspace milestone**')))[0]!;
	expect(evidenceTable.map(([c]) => code(c!))).toEqual([...RESULT_CSV_EVIDENCE_COLUMNS]);
	const answers = allAt(CURRENT_BANK, 'worst');
	const csv = resultToCsv(CURRENT_BANK, answers, score(CURRENT_BANK, answers), {
		exportedAt: '2026-12-01T00:00:00.000Z',
		benchmark: SURVEY_2026,
		evidence: [{ questionId: 'gov_formal_policy', note: 'Approved', links: ['https://example.org/a'] }]
	});
	expect(Papa.parse<string[]>(csv.slice(1)).data[0]).toEqual([...RESULT_CSV_COLUMNS, ...RESULT_CSV_EVIDENCE_COLUMNS]);
});

test('docs/formats.md: the checklist’s item line has the shape documented', () => {
	const documented = /```markdown\n(- \[x\] .*)\n/.exec(section('## Plan as a Markdown checklist'))![1]!;
	const written = planToChecklist([item('done')], source, '2026-12-02')
		.split('\n')
		.find((l) => l.startsWith('- ['))!;
	const shape = (line: string) => line.replace(/\*\*[^*]+\*\*/, '**T**').replace(/owner: [^·]+·/, 'owner: O ·');
	expect(shape(written)).toBe(shape(documented));
	expect(written).toBe('- [x] **Approve an AI policy** — done · owner: Platform lead · due 2027-03-31');
});
