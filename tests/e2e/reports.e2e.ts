/**
 * Reports through the built app in Chromium: Download PDF and Download CSV (real downloads), re-importing the CSV
 * ("Since last time"), hostile imports, the custom benchmark, the landing page's import, the GET endpoints that
 * serve the same files without JavaScript, and axe on the results page with the new sections open.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { parseResultCsv } from '$scoring/export/result-csv';
import { parseCustomBenchmark } from '$scoring/export/custom-benchmark';
import { presentResult } from '$scoring/present/result';
import { isoDate } from '$scoring/present/format';
import { score } from '$scoring/model';
import { TIER_LABELS } from '$scoring/present/labels';
import { pdfText } from '../lib/report/pdf-text';
import { violations } from './axe';
import { launchBrowser, newPage, waitForPageScript } from './browser';
import { BANK, collectErrors, labelFor, variedAnswers } from './flow';

const baseURL = () => inject('baseURL');
const answers = variedAnswers();
const code = encodeAnswerCode(BANK, answers);
const result = score(BANK, answers);
const tier = result.tier!;
const SAMPLE = new URL('../../static/custom-benchmark-sample.csv', import.meta.url);

let browser: Browser;
/** The CSV downloaded in the first test, re-imported by the later ones. */
let exported = '';

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Opens the results page; fails the test if any dialog opens (an XSS payload would). */
async function resultsPage(options: Parameters<typeof newPage>[1] = {}): Promise<{ page: Page; dialogs: string[] }> {
	const page = await newPage(browser, { acceptDownloads: true, ...options });
	const dialogs: string[] = [];
	page.on('dialog', (d) => dialogs.push(d.message()));
	await page.goto(`${baseURL()}/results/${code}`);
	await waitForPageScript(page);
	// The consultant's section and the comparisons are folded: open them as a reader would.
	for (const section of await page.locator('details.fold').all())
		await section.evaluate((e) => ((e as HTMLDetailsElement).open = true));
	return { page, dialogs };
}

async function download(page: Page, name: string): Promise<{ file: Download; bytes: Buffer }> {
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout: 30_000 }),
		page.getByRole(name === 'Download PDF' ? 'button' : 'link', { name }).click()
	]);
	return { file, bytes: await readFile(await file.path()) };
}

async function importCsv(page: Page, label: string, name: string, text: string | Buffer) {
	await page.getByLabel(label).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** A practice question answered with a real option, and another option of it. */
function changedAnswer() {
	const q = BANK.questions.find((q) => q.kind === 'practice' && answers[q.id] && answers[q.id] !== 'na')!;
	const from = answers[q.id]!;
	const to = q.options.find((o) => o.id !== from)!.id;
	return { question: q, from, to };
}

describe('from a results page', () => {
	test('Download PDF and Download CSV save the report and the answers; pdfkit loads only on the click', async () => {
		const { page, dialogs } = await resultsPage();
		const errors = collectErrors(page);
		const requested: string[] = [];
		page.on('request', (r) => requested.push(r.url()));

		const pdf = await download(page, 'Download PDF');
		expect(pdf.file.suggestedFilename()).toBe(`ai-readiness-${tier}-${isoDate(new Date())}.pdf`);
		await page.getByText('Your PDF report has been downloaded').waitFor();
		expect(requested.some((u) => u.endsWith('.woff'))).toBe(true);
		expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const { pages, text } = await pdfText(new Uint8Array(pdf.bytes));
		expect(pages[0]).toContain(`Your result ${TIER_LABELS[tier]}`);
		expect(text).toContain(`Question bank ${BANK.id} version ${BANK.version}`);

		const csv = await download(page, 'Download CSV');
		expect(csv.file.suggestedFilename()).toBe(`ai-readiness-${tier}-${isoDate(new Date())}.csv`);
		expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		exported = csv.bytes.toString('utf8');
		expect(exported).toContain(`${BANK.id},${BANK.version},`);
		expect(parseResultCsv(exported).answers).toEqual(answers);
		expect(errors).toEqual([]);
		expect(dialogs).toEqual([]);
		await page.context().close();
	});

	test('re-importing the downloaded CSV shows "Since last time" with zero changes', async () => {
		expect(exported).not.toBe('');
		const { page } = await resultsPage();
		await importCsv(page, 'Import earlier CSV', 'earlier.csv', exported);
		const since = page.getByTestId('since');
		await since.waitFor();
		await expect.poll(() => since.textContent()).toContain('Nothing changed since then.');
		const text = (await since.textContent()) ?? '';
		// The group is the same as before, in the presentation model's words.
		const same = presentResult({ bank: BANK, answers, result, earlier: { bank: BANK, answers, result, date: '' } });
		expect(same.since!.tier).toContain(TIER_LABELS[tier]);
		expect(text).toContain(same.since!.tier);
		// Every dimension row shows no change.
		const changes = await since.locator('tbody tr td:last-child').allTextContents();
		expect(changes.length).toBe(BANK.dimensions.length);
		expect(new Set(changes.map((m) => m.trim()))).toEqual(new Set(['0']));
		await page.context().close();
	});

	test('a CSV with one answer changed shows that change, from → to', async () => {
		const { question, from, to } = changedAnswer();
		const lines = exported.split('\r\n');
		const i = lines.findIndex((l) => l.includes(`,${question.id},`));
		lines[i] = lines[i]!.replace(`,${from},`, `,${to},`);
		const { page } = await resultsPage();
		await importCsv(page, 'Import earlier CSV', 'older.csv', lines.join('\r\n'));
		const since = page.getByTestId('since');
		await since.waitFor();
		const text = (await since.textContent()) ?? '';
		expect(text).toContain('1 answer changed.');
		expect(text).not.toContain('Nothing changed');
		const change = since.locator('li', { hasText: question.text });
		// The file is the earlier result: its answer is "from", this page's answer is "to"... reversed here.
		expect(await change.textContent()).toContain(`${labelFor(question.id, to)} → ${labelFor(question.id, from)}`);
		const dimension = BANK.dimensions.find((d) => d.id === question.dimension)!;
		const row = since.getByRole('row', { name: new RegExp(`^${dimension.label}`) });
		expect(await row.locator('td').last().textContent()).toMatch(/^[+−]\d/);
		await page.context().close();
	});

	test('hostile files get an alert naming row and column, run no script, and the page keeps working', async () => {
		const { page, dialogs } = await resultsPage();
		const payload = '<img src=x onerror=alert(1)>';
		const { question, from } = changedAnswer();
		const lines = exported.split('\r\n');
		const row = lines.findIndex((l) => l.includes(`,${question.id},`)) + 1;
		const cases: { name: string; text: string; expected: RegExp }[] = [
			{
				name: 'formula.csv',
				text: await readFile(new URL('../fixtures/csv-hostile/formula-equals.csv', import.meta.url), 'utf8'),
				expected: /Row \d+, column/
			},
			{
				name: `${payload}.csv`,
				text: lines.map((l, i) => (i === row - 1 ? l.replace(`,${from},`, `,"${payload}",`) : l)).join('\r\n'),
				expected: new RegExp(`Row ${row}, column option_id: "<img src=x onerror=alert\\(1\\)>" is not an option`)
			},
			{
				name: 'wrong-columns.csv',
				text: `name,score\r\nAcme,12\r\n`,
				expected: /Row 1, column A: "name" is not a column/
			},
			{ name: 'huge.csv', text: 'a'.repeat(2 * 1024 * 1024 + 10), expected: /the limit is 2 MB/ }
		];
		const alert = page.getByRole('alert').filter({ hasText: 'could not be imported' });
		for (const c of cases) {
			await importCsv(page, 'Import earlier CSV', c.name, c.text);
			await expect
				.poll(() => alert.textContent({ timeout: 5000 }), { message: c.name, timeout: 10_000 })
				.toMatch(c.expected);
			expect(await page.locator('[role=alert] img').count(), c.name).toBe(0);
			expect(await page.getByTestId('since').count()).toBe(0);
		}
		expect(await alert.textContent()).toContain('huge.csv');
		// The page still works: a good file imports after the bad ones, and the alert clears.
		await importCsv(page, 'Import earlier CSV', 'earlier.csv', exported);
		await page.getByTestId('since').waitFor();
		expect(await alert.count()).toBe(0);
		expect(dialogs).toEqual([]);
		await page.context().close();
	});

	test('custom benchmark: the sample compares the result beside the survey, persists, and can be removed', async () => {
		const sample = await readFile(SAMPLE, 'utf8');
		const custom = parseCustomBenchmark(sample, BANK);
		const heading = `Compared with ${custom.name} (n = ${custom.sample})`;
		const { page } = await resultsPage();

		// The sample is linked for download.
		const [sampleFile] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download the sample file' }).click()
		]);
		expect(await readFile(await sampleFile.path(), 'utf8')).toBe(sample);

		// A bad file: tier shares that do not add up, an unknown question.
		const bad = sample
			.replace('tier,pioneer,21,', 'tier,pioneer,11,')
			.replace('plat_platform_team', 'no_such_question');
		await importCsv(page, 'Custom benchmark CSV', 'bad.csv', bad);
		const alert = page.getByRole('alert').filter({ hasText: 'is not a valid custom benchmark' });
		await expect.poll(() => alert.textContent()).toContain('add up to 90');
		expect(await alert.textContent()).toMatch(/Row 13, column id: "no_such_question" is not a question/);

		await importCsv(page, 'Custom benchmark CSV', 'sample.csv', sample);
		const region = page.getByRole('region', { name: heading });
		await region.waitFor();
		expect(await alert.count()).toBe(0);
		const text = (await region.textContent()) ?? '';
		const position = presentResult({ bank: BANK, answers, result, custom }).custom!.position!;
		// Percentages carry a no-break space ("21 %"): compare both with their spaces made alike.
		const spaced = (t: string) => t.replace(/\s+/g, ' ');
		expect(spaced(text)).toContain(spaced(position));
		expect(text).toContain(`${custom.questions[0]!.share} % of ${custom.name}`);

		// Kept in this browser: still there after a reload, never sent to the server.
		const sent: string[] = [];
		page.on('request', (r) => {
			if (r.postData()?.includes('consultancy')) sent.push(r.url());
		});
		await page.reload();
		await page.locator('summary:has(#own-benchmark)').click();
		await region.waitFor();
		expect(sent).toEqual([]);
		await page.getByRole('button', { name: 'Remove custom benchmark' }).click();
		await expect.poll(() => region.count()).toBe(0);
		await page.reload();
		await page.locator('summary:has(#own-benchmark)').click();
		await page.getByLabel('Custom benchmark CSV').waitFor();
		expect(await page.getByRole('region', { name: heading }).count()).toBe(0);
		await page.context().close();
	});

	test('axe: 0 violations with Since last time, the custom benchmark and an import error open (light and dark)', async () => {
		const sample = await readFile(SAMPLE, 'utf8');
		for (const colorScheme of ['light', 'dark'] as const) {
			const { page } = await resultsPage({ colorScheme, bypassCSP: true });
			await importCsv(
				page,
				'Import earlier CSV',
				'earlier.csv',
				exported.replace(`,${changedAnswer().from},`, `,${changedAnswer().to},`)
			);
			await page.getByTestId('since').waitFor();
			await importCsv(page, 'Custom benchmark CSV', 'sample.csv', sample);
			await page.getByRole('region', { name: /^Compared with/ }).waitFor();
			await page.getByRole('link', { name: 'Download CSV' }).click();
			await page.getByText('Your CSV file has been downloaded').waitFor();
			expect(JSON.stringify(await violations(page)), colorScheme).toBe('[]');
			await importCsv(page, 'Custom benchmark CSV', 'bad.csv', 'record,id\r\nname,x\r\n');
			await page.getByRole('alert').filter({ hasText: 'is not a valid custom benchmark' }).waitFor();
			expect(await violations(page), `${colorScheme}, with an error`).toEqual([]);
			await page.context().close();
		}
	});
});

test('the landing page opens an earlier CSV as its result page', async () => {
	const page = await newPage(browser);
	await page.goto(baseURL());
	await page.getByLabel('Import earlier CSV').setInputFiles({
		name: 'earlier.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(exported)
	});
	await page.waitForURL(`${baseURL()}/results/${code}`);
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(TIER_LABELS[tier]);

	await page.goto(baseURL());
	await page.getByLabel('Import earlier CSV').setInputFiles({
		name: 'notes.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('just some notes\r\n')
	});
	await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Row 1, column A/);
	expect(new URL(page.url()).pathname).toBe('/');
	await page.context().close();
});

describe('without JavaScript', () => {
	test('GET report.pdf and answers.csv return the files; a bad code is a 400 in plain text', async () => {
		const pdf = await fetch(`${baseURL()}/results/${code}/report.pdf`);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(pdf.headers.get('content-disposition')).toBe(
			`attachment; filename="ai-readiness-${tier}-${isoDate(new Date())}.pdf"`
		);
		const { pages } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
		expect(pages[0]).toContain(`Your result ${TIER_LABELS[tier]}`);

		const csv = await fetch(`${baseURL()}/results/${code}/answers.csv`);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = Buffer.from(await csv.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(parseResultCsv(bytes.toString('utf8')).answers).toEqual(answers);

		for (const file of ['report.pdf', 'answers.csv']) {
			const bad = await fetch(`${baseURL()}/results/${code.slice(0, -3)}zzz/${file}`);
			expect(bad.status, file).toBe(400);
			expect(bad.headers.get('content-type')).toBe('text/plain; charset=utf-8');
			expect((await bad.text()).length).toBeGreaterThan(10);
		}
	});

	test('the Download links work with JavaScript disabled', async () => {
		const page = await newPage(browser, { javaScriptEnabled: false, acceptDownloads: true });
		await page.goto(`${baseURL()}/results/${code}`);
		const csv = await download(page, 'Download CSV');
		expect(parseResultCsv(csv.bytes.toString('utf8')).answers).toEqual(answers);
		const pdf = await download(page, 'Download PDF');
		expect(pdf.file.suggestedFilename()).toMatch(new RegExp(`^ai-readiness-${tier}-.*\\.pdf$`));
		expect((await pdfText(new Uint8Array(pdf.bytes))).pages[0]).toContain(`Your result ${TIER_LABELS[tier]}`);
		await page.context().close();
	});
});
