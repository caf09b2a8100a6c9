/**
 * docs/operations.md and docs/formats.md against what the built server serves, so the documents cannot drift: the
 * metric families and their labels (a scrape after traffic), the result and team CSV columns (the header the server
 * sends; the result CSV's also against the code's own column list), the team CSV's sections and metrics, every
 * endpoint (each `+server.ts` route and method is documented, each documented one exists), and the fields of the
 * summary and room JSON.
 *
 * Reading convention (stated in the documents where it matters): in a table cell, the names are the `code` words
 * outside parentheses.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { CURRENT_BANK } from '$scoring/content/banks';
import { JIRA_CSV_COLUMNS } from '$scoring/export/plan-jira';
import { RESULT_CSV_COLUMNS, RESULT_CSV_EVIDENCE_COLUMNS } from '$scoring/export/result-csv';
import type { Answers } from '$scoring/schema';
import { allAt } from '../fixtures/answers';
import { freePort, startServer, type RunningServer } from './server';
import { saveToNewWorkspace } from './workspace-api';
import { createWorkshop, joinWorkshop, submitAnswers, type TestWorkshop } from './workshop-api';

const FORMATS = readFileSync('docs/formats.md', 'utf8');
const OPERATIONS = readFileSync('docs/operations.md', 'utf8');

/**
 * The text under a heading (`## Title`, or `## Title (`where`)`), up to the next heading of that level or above.
 */
function section(markdown: string, heading: string): string {
	const found = new RegExp(`\\n${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\(.*\\))?\\n`).exec(markdown);
	if (!found) throw new Error(`no heading "${heading}"`);
	const level = heading.split(' ')[0]!.length;
	const rest = markdown.slice(found.index + found[0].length);
	const next = rest.search(new RegExp(`\\n#{1,${level}} `));
	return next < 0 ? rest : rest.slice(0, next);
}

/** The cells of each body row of the first table in `text` (header and separator rows left out). */
function tableRows(text: string): string[][] {
	const lines = text.split('\n').map((l) => l.trim());
	const first = lines.findIndex((l) => l.startsWith('|'));
	const rows: string[][] = [];
	for (const line of lines.slice(first + 2)) {
		if (!line.startsWith('|')) break;
		rows.push(
			line
				.slice(1, -1)
				.split(' | ')
				.map((c) => c.trim())
		);
	}
	return rows;
}

/** The `code` words of a cell that are outside parentheses. */
function names(cell: string): string[] {
	let text = cell;
	for (let before = ''; before !== text;) {
		before = text;
		text = text.replace(/\([^()]*\)/g, '');
	}
	return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** Parses a CSV the server sent (UTF-8 with BOM). */
function csvRows(text: string): string[][] {
	return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

let server: RunningServer;
let metricsPort: number;
let selfPaced: TestWorkshop;
let facilitated: TestWorkshop;
let phone: string;

/** Two people's answers that make every kind of team CSV row appear: a skipped question, "don't know" by both
 * (too few chose an option: suppressed), options elsewhere. */
function teamAnswers(): [Answers, Answers] {
	const best = allAt(CURRENT_BANK, 'best');
	const worst = allAt(CURRENT_BANK, 'worst');
	const [skipped, unknown] = Object.keys(best).filter((id) =>
		CURRENT_BANK.questions.some((q) => q.id === id && q.kind === 'practice' && !q.skipWhen)
	);
	delete best[skipped!];
	best[unknown!] = 'dk';
	worst[unknown!] = 'dk';
	return [best, worst];
}

beforeAll(async () => {
	metricsPort = await freePort();
	server = await startServer({ METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' });
	const base = server.url;
	selfPaced = await createWorkshop(base, 'Docs check', 2);
	for (const [i, answers] of teamAnswers().entries()) {
		const participant = await joinWorkshop(base, selfPaced.code);
		expect((await submitAnswers(base, selfPaced.code, participant, answers, `docs-check-${i}`)).status).toBe(201);
	}
	facilitated = await createWorkshop(base, 'Docs check, facilitated', 2, 20, 'facilitated');
	phone = await joinWorkshop(base, facilitated.code);
});
afterAll(async () => {
	await server?.stop();
});

describe('docs/operations.md', () => {
	test('the metrics table names every metric family the server exposes after traffic, with its labels', async () => {
		const base = server.url;
		// Traffic that gives every labelled family a sample: a page, an unknown path, submissions accepted (above)
		// and refused, a 429, a PDF, statements.
		expect((await fetch(`${base}/`)).status).toBe(200);
		expect((await fetch(`${base}/no-such-page`)).status).toBe(404);
		const code = encodeAnswerCode(CURRENT_BANK, allAt(CURRENT_BANK, 'best'));
		expect((await fetch(`${base}/results/${code}/report.pdf`)).status).toBe(200);
		for (let i = 0; i < 21; i++)
			await fetch(`${base}/w/ZZZZZZ/response`, {
				method: 'POST',
				headers: { origin: base, 'content-type': 'application/json' },
				body: '{}'
			});
		const scrape = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();

		const families = new Map<string, Set<string>>();
		for (const [, name] of scrape.matchAll(/^# TYPE (\S+) \S+$/gm)) families.set(name!, new Set());
		for (const line of scrape.split('\n').filter((l) => /^[a-z_]+\{/.test(l))) {
			const sample = line.slice(0, line.indexOf('{'));
			const histogram = sample.replace(/_(bucket|sum|count)$/, '');
			const labels = families.get(sample) ?? families.get(histogram)!;
			for (const [, label] of line.matchAll(/([a-z_]+)="/g))
				if (label !== 'le' && label !== 'quantile') labels.add(label!);
		}

		const rows = tableRows(section(OPERATIONS, '## Health, metrics and logs'));
		const documented = rows.map(([metric, labels]) => ({ names: names(metric!), labels: names(labels!) }));
		const patterns = documented.flatMap((d) => d.names).filter((n) => n.endsWith('*'));
		const exact = documented.flatMap((d) => d.names).filter((n) => !n.endsWith('*'));
		const served = [...families.keys()];
		const byPattern = (name: string) => patterns.some((p) => name.startsWith(p.slice(0, -1)));

		expect(
			exact.filter((name) => !families.has(name)),
			'documented but not served'
		).toEqual([]);
		expect(
			served.filter((name) => !exact.includes(name) && !byPattern(name)),
			'served but not documented'
		).toEqual([]);
		for (const pattern of patterns) expect(served.some((name) => name.startsWith(pattern.slice(0, -1)))).toBe(true);
		for (const { names: metrics, labels } of documented)
			for (const metric of metrics.filter((n) => !n.endsWith('*')))
				expect([...families.get(metric)!].sort(), metric).toEqual([...labels].sort());
		expect(OPERATIONS).toContain('`(none)` for a path no route matches');
		expect(scrape).toContain('route="(none)"');
	});
});

describe('docs/formats.md', () => {
	test('the result CSV columns: the table, the code’s list and the header served are the same, in order', async () => {
		const text = section(FORMATS, '## Result CSV');
		const table = tableRows(text).map(([column]) => names(column!)[0]);
		expect(table).toEqual([...RESULT_CSV_COLUMNS]);
		expect(Number(/these (\d+) columns/.exec(text)?.[1])).toBe(RESULT_CSV_COLUMNS.length);
		const code = encodeAnswerCode(CURRENT_BANK, allAt(CURRENT_BANK, 'best'));
		const csv = await (await fetch(`${server.url}/results/${code}/answers.csv`)).text();
		expect(csvRows(csv)[0]).toEqual([...RESULT_CSV_COLUMNS]);
	});

	test('the Jira CSV and a workspace milestone’s CSV served have the columns documented, in order', async () => {
		const workspace = await saveToNewWorkspace(server.url, allAt(CURRENT_BANK, 'worst'), 'Docs');
		const get = async (path: string) => {
			const response = await fetch(`${server.url}${workspace.path}${path}`, { headers: { cookie: workspace.cookie } });
			expect(response.status, path).toBe(200);
			return csvRows(await response.text());
		};
		const jira = section(FORMATS, '## Plan for Jira');
		const documented = tableRows(jira).map(([column]) => names(column!)[0]);
		expect(documented).toEqual([...JIRA_CSV_COLUMNS]);
		const [header, ...items] = await get('/plan.csv');
		expect(header).toEqual(documented);
		expect(items.length).toBeGreaterThan(0);
		const result = section(FORMATS, '## Result CSV');
		const evidence = tableRows(result.slice(result.indexOf('**From a workspace milestone**'))).map(
			([column]) => names(column!)[0]
		);
		expect((await get('/milestones/1/answers.csv'))[0]).toEqual([...RESULT_CSV_COLUMNS, ...evidence]);
		expect(evidence).toEqual([...RESULT_CSV_EVIDENCE_COLUMNS]);
	});

	test('the team CSV: its columns, and every section and metric it holds, are the ones documented', async () => {
		const text = section(FORMATS, '## Team CSV');
		const columnsLine = text.slice(text.indexOf('Columns, in order:'), text.indexOf('In the table'));
		const documentedColumns = names(columnsLine);
		const documentedMetrics = new Set(
			tableRows(text).flatMap(([sectionCell, , metrics]) =>
				names(metrics!).map((metric) => `${names(sectionCell!)[0]} ${metric}`)
			)
		);

		const response = await fetch(`${server.url}${selfPaced.dashboard}/team.csv`, {
			headers: { cookie: selfPaced.cookie }
		});
		expect(response.status).toBe(200);
		const [header, ...rows] = csvRows(await response.text());
		expect(header).toEqual(documentedColumns);
		const at = (row: string[], column: string) => row[header!.indexOf(column)]!;
		const served = new Set(rows.map((row) => `${at(row, 'section')} ${at(row, 'metric')}`));
		expect([...served].sort()).toEqual([...documentedMetrics].sort());

		// team_answer's value says how the answer was formed: `agreed` or `median` (empty: no team answer).
		const formed = new Set(rows.filter((row) => at(row, 'metric') === 'team_answer').map((r) => at(r, 'value')));
		expect([...formed].filter((v) => !['agreed', 'median', ''].includes(v))).toEqual([]);
		expect(formed.has('median')).toBe(true);
		// Skipped answers are counted in a `count` row with an empty answer_id.
		expect(rows.some((row) => at(row, 'metric') === 'count' && at(row, 'answer_id') === '')).toBe(true);
		// Every kind of question but profile, in bank order.
		const asked = [...new Set(rows.filter((r) => at(r, 'section') === 'question').map((r) => at(r, 'question_id')))];
		expect(asked).toEqual(CURRENT_BANK.questions.filter((q) => q.kind !== 'profile').map((q) => q.id));
		for (const kind of ['use', 'practice', 'outcome', 'confidence'])
			expect(section(FORMATS, '## Team CSV')).toContain(`\`${kind}\``);
	});

	test('the summary and room JSON carry exactly the fields documented', async () => {
		const rows = tableRows(section(FORMATS, '## Workshop JSON endpoints'));
		const fields = (endpoint: string) => names(rows.find(([e]) => e === `\`${endpoint}\``)![2]!).sort();
		const get = async (path: string, cookie: string) => {
			const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
			expect(response.status, path).toBe(200);
			return Object.keys((await response.json()) as object).sort();
		};
		expect(await get(`${selfPaced.dashboard}/summary`, selfPaced.cookie)).toEqual(
			fields('GET /workshops/<id>/summary')
		);
		const room = fields('GET /workshops/<id>/room');
		expect(await get(`${facilitated.dashboard}/room`, facilitated.cookie)).toEqual(room);
		expect(await get(`/w/${facilitated.code}/room`, phone)).toEqual(room);
	});
});

/** Every `+server.ts` route as `METHOD /path/<param>`, and the page routes' paths. */
function routes(): { endpoints: string[]; pages: string[] } {
	const endpoints: string[] = [];
	const pages: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name === '+server.ts' || entry.name === '+page.svelte') {
				const route = `/${relative('src/routes', dir).split(sep).join('/')}`
					.replace(/\/\([^)]+\)/g, '')
					.replace(/\[(\w+)\]/g, '<$1>')
					.replace(/\/$/, '');
				if (entry.name === '+page.svelte') pages.push(route || '/');
				else
					for (const [, method] of readFileSync(path, 'utf8').matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm))
						endpoints.push(`${method} ${route}`);
			}
		}
	};
	walk('src/routes');
	return { endpoints, pages };
}

test('every endpoint the app serves is documented, and every documented endpoint is served', () => {
	const documented = new Set(
		[FORMATS, OPERATIONS].flatMap((doc) =>
			[...doc.matchAll(/`((?:GET|POST|PUT|PATCH|DELETE) \/[^`]*)`/g)].map((m) => m[1]!)
		)
	);
	const { endpoints, pages } = routes();
	expect(endpoints.length).toBeGreaterThan(10);
	expect(
		endpoints.filter((e) => !documented.has(e)),
		'served but not documented'
	).toEqual([]);
	// Answered by the first handle, before any route (src/lib/server/observability/handle.ts).
	const probes = ['GET /healthz', 'GET /readyz', 'GET /metrics'];
	const known = (e: string) =>
		endpoints.includes(e) || probes.includes(e) || (e.startsWith('GET ') && pages.includes(e.slice(4)));
	expect(
		[...documented].filter((e) => !known(e)),
		'documented but not served'
	).toEqual([]);
});
