/**
 * XSS corpus: every payload through every text input (workshop title, organisation, display name, imported CSV
 * labels, custom benchmark names, URL parameters, answer codes) into every output (dashboard, participant page,
 * error pages, results page, team PDF, CSV). Chromium runs with CSP bypassed, so only escaping stands between a
 * payload and execution: no dialog may open, the `window.__xss` canary stays unset, and the payload shows as text.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { CURRENT_BANK as BANK_V1 } from '$scoring/content/banks';
import { SURVEY_2026 } from '$scoring/content/survey';
import { RESULT_CSV_COLUMNS, parseResultCsv, resultToCsv } from '$scoring/export/result-csv';
import { CsvImportError } from '$scoring/export/csv-table';
import { customBenchmarkLines, parseCustomBenchmark } from '$scoring/export/custom-benchmark';
import { score } from '$scoring/model';
import { buildReportPdf } from '$lib/report/pdf-node';
import { presentResult } from '$scoring/present/result';
import { pdfText } from '../lib/report/pdf-text';
import { cookieOf, createWorkshop, joinWorkshop, post, submitJson } from './attack';
import { launchBrowser } from './browser';
import { variedAnswers } from './flow';
import { LONG_PAYLOAD, XSS_PAYLOADS } from './payloads';
import { countStatus, recordSecurity } from './security-summary';
import { startServer, type RunningServer } from './server';

const PAYLOADS = [...XSS_PAYLOADS, LONG_PAYLOAD];
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const dialogs: string[] = [];
const tally = { payloads: 0, status4xx: 0, status5xx: 0 };

beforeAll(async () => {
	// Creates a workshop per payload: raise the creation limit for this server only.
	[server, browser] = await Promise.all([startServer({ RATE_LIMIT_SCALE: '20' }), launchBrowser()]);
	// CSP off: the test must prove escaping alone stops every payload, not the CSP behind it.
	context = await browser.newContext({ bypassCSP: true });
	context.on('page', (page) =>
		page.on('dialog', async (dialog) => {
			dialogs.push(dialog.message());
			await dialog.dismiss();
		})
	);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	recordSecurity(tally);
});

/** Loads `url` and checks nothing ran; returns the page (the caller closes it) and the response status. */
async function visit(url: string, reuse?: Page): Promise<{ page: Page; status: number }> {
	const page = reuse ?? (await context.newPage());
	const response = await page.goto(url, { waitUntil: 'load' });
	const status = response?.status() ?? 0;
	expect(status, url).toBeLessThan(500);
	expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), url).toBeUndefined();
	expect(dialogs, url).toEqual([]);
	// Nothing an injection would add: no handler attributes, no javascript: links, no frames, no <base>.
	const injected = await page.evaluate(
		() =>
			document.querySelectorAll(
				'[onerror],[onload],[onfocus],[onmouseover],[ontoggle],iframe,object,base,a[href^="javascript:" i],img[src="x"],meta[http-equiv]'
			).length
	);
	expect(injected, url).toBe(0);
	return { page, status };
}

/** The page's visible text with runs of whitespace collapsed. */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');

describe('workshop title, organisation and display name', () => {
	test.each(PAYLOADS.map((payload, i) => ({ payload, i })))(
		'payload $i shows as text on the dashboard and the participant page',
		async ({ payload, i }) => {
			const organisation = PAYLOADS[(i + 1) % PAYLOADS.length]!;
			const displayName = payload.slice(0, 60);
			const workshop = await createWorkshop(server.url, { title: payload, organisation });
			const participant = await joinWorkshop(server.url, workshop.code, displayName);
			tally.payloads += 3;
			const asCookie = (pair: string) => {
				const [name, ...rest] = pair.split('=');
				return { name: name!, value: rest.join('='), url: server.url };
			};
			// The facilitator's browser cannot be a participant: the dashboard first, then the participant's page.
			await context.clearCookies();
			await context.addCookies([asCookie(workshop.facilitator)]);
			const dashboard = await visit(server.url + workshop.dashboard);
			expect(await dashboard.page.locator('h1').innerText()).toBe(collapse(payload));
			expect(await dashboard.page.title()).toContain(collapse(payload));
			expect(await visibleText(dashboard.page)).toContain(collapse(organisation));
			await dashboard.page.close();
			await context.clearCookies();
			await context.addCookies([asCookie(participant)]);
			const own = await visit(`${server.url}/w/${workshop.code}`);
			const text = await visibleText(own.page);
			expect(text).toContain(collapse(payload));
			expect(text).toContain(`Welcome, ${collapse(displayName)}.`);
			await own.page.close();
		}
	);
});

describe('URL parameters and answer codes', () => {
	const urls = (p: string) => {
		const e = encodeURIComponent(p);
		return [`/assess?step=${e}`, `/assess?code=${e}`, `/results/${e}`, `/w/${e}`, `/workshops/${e}`, `/join?code=${e}`];
	};
	test.each(PAYLOADS.map((payload, i) => ({ payload, i })))(
		'payload $i in ?step=, ?code=, /results/…, /w/…, /workshops/… runs nothing',
		async ({ payload }) => {
			const page = await context.newPage();
			for (const path of urls(payload)) {
				const { status } = await visit(server.url + path, page);
				tally.payloads++;
				countStatus(tally, status);
			}
			await page.close();
		}
	);
});

describe('imported CSV labels', () => {
	const answers = variedAnswers();
	const exported = resultToCsv(BANK_V1, answers, score(BANK_V1, answers), {
		exportedAt: '2026-06-01T12:00:00Z',
		benchmark: SURVEY_2026
	});
	const rows = Papa.parse<Record<string, string>>(exported, { header: true, skipEmptyLines: true }).data;

	test.each(PAYLOADS.map((payload, i) => ({ payload, i })))(
		'payload $i in the label columns is refused or ignored, never carried to an output',
		({ payload }) => {
			const hostile = rows.map((row) => ({ ...row, question_text: payload, option_label: payload }));
			const csv = Papa.unparse(hostile, { columns: [...RESULT_CSV_COLUMNS] });
			tally.payloads++;
			let imported;
			try {
				imported = parseResultCsv(csv);
			} catch (e) {
				// Formula-like cells are refused with a message naming the row and column.
				expect(e).toBeInstanceOf(CsvImportError);
				expect((e as Error).message).toMatch(/row \d+/i);
				tally.status4xx++;
				return;
			}
			expect(imported.answers).toEqual(answers);
			// Re-exported: the labels come from the bank, not the file.
			const again = resultToCsv(imported.bank, imported.answers, score(imported.bank, imported.answers), {
				exportedAt: '2026-06-02T12:00:00Z',
				benchmark: SURVEY_2026
			});
			const cells = Papa.parse<string[]>(again).data.flat();
			expect(cells).not.toContain(payload);
			for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
		}
	);

	test('the results page of imported answers shows the bank labels and runs nothing', async () => {
		const { page } = await visit(`${server.url}/results/${encodeAnswerCode(BANK_V1, answers)}`);
		const text = await visibleText(page);
		for (const payload of PAYLOADS) expect(text).not.toContain(collapse(payload));
		await page.close();
	});
});

describe('PDF and custom benchmark names', () => {
	// The PDF prints text, never markup: a third of the corpus (every kind of payload) keeps the suite quick.
	test('payloads as the report title are printed verbatim as text (pdf.js)', { timeout: 120_000 }, async () => {
		const answers = variedAnswers();
		const result = score(BANK_V1, answers);
		for (const payload of PAYLOADS.filter((_, i) => i % 3 === 0 || i === PAYLOADS.length - 1)) {
			const pdf = await buildReportPdf({
				view: presentResult({ bank: BANK_V1, answers, result }),
				generatedAt: new Date('2026-06-01T12:00:00Z'),
				methodologyUrl: 'https://readiness.example/methodology',
				title: payload
			});
			tally.payloads++;
			const { text } = await pdfText(pdf);
			// Long titles wrap (a line end reads as a space), and the font has no glyph for the invisible direction
			// override: compare without whitespace, control and format characters.
			const bare = (s: string) => s.replace(/[\s\p{C}]+/gu, '');
			expect(bare(text)).toContain(bare(payload));
		}
	});

	test('the team PDF over HTTP prints a payload title as text', async () => {
		const payload = XSS_PAYLOADS[2]!;
		const workshop = await createWorkshop(server.url, { title: payload, minGroupSize: '2' });
		for (const name of ['a', 'b']) {
			const cookie = await joinWorkshop(server.url, workshop.code, name);
			const res = await submitJson(server.url, workshop.code, cookie, {
				answers: variedAnswers(),
				idempotencyKey: `xss-pdf-${name}-0001`
			});
			expect(res.status).toBe(201);
		}
		const res = await fetch(`${server.url}${workshop.dashboard}/team.pdf`, {
			headers: { cookie: workshop.facilitator }
		});
		expect(res.status).toBe(200);
		expect((await pdfText(new Uint8Array(await res.arrayBuffer()))).text).toContain(payload);
	});

	test.each(PAYLOADS.map((payload, i) => ({ payload, i })))(
		'payload $i as a custom benchmark name is refused as a formula or kept as plain text',
		({ payload }) => {
			const csv = Papa.unparse([
				{ record: 'name', id: '', value: payload, option_ids: '' },
				{ record: 'sample', id: '', value: '48', option_ids: '' },
				{ record: 'tier', id: 'exposed', value: '25', option_ids: '' },
				{ record: 'tier', id: 'fragmented', value: '25', option_ids: '' },
				{ record: 'tier', id: 'outpacing', value: '25', option_ids: '' },
				{ record: 'tier', id: 'pioneer', value: '25', option_ids: '' },
				{
					record: 'question',
					id: BANK_V1.questions[0]!.id,
					value: '40',
					option_ids: BANK_V1.questions[0]!.options[0]!.id
				}
			]);
			tally.payloads++;
			let custom;
			try {
				custom = parseCustomBenchmark(csv, BANK_V1);
			} catch (e) {
				expect(e).toBeInstanceOf(CsvImportError);
				tally.status4xx++;
				return;
			}
			// A leading apostrophe is the formula-escape marker of the CSV convention and is removed on import.
			expect([payload.trim(), payload.trim().replace(/^'/, '')]).toContain(custom.name);
			const [line] = customBenchmarkLines(custom, BANK_V1, variedAnswers());
			expect(line!.peers).toContain(custom.name);
		}
	);
});

test('no dialog opened anywhere in this file', () => {
	expect(dialogs).toEqual([]);
	void post;
	void cookieOf;
});
