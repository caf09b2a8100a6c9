/**
 * Files as LibreOffice writes them in a European locale (tests/fixtures/csv-spreadsheet/), imported through the
 * built app in Chromium: the landing page's "Import earlier CSV" and the results page's custom benchmark. Also
 * checks that Chromium's own Windows-1252 decoder agrees with the table the import uses in Node and the browser.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { decodeWindows1252 } from '$scoring/export/csv-table';
import { BANK_V3 } from '$scoring/content/banks';
import { launchBrowser, newPage, waitForPageScript } from './browser';
import { typicalAnswers } from '../fixtures/profiles';

const baseURL = () => inject('baseURL');
const fixture = (name: string) => readFile(new URL(`../fixtures/csv-spreadsheet/${name}`, import.meta.url));
const code = encodeAnswerCode(BANK_V3, typicalAnswers());

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function choose(page: Page, label: string, name: string, buffer: Buffer) {
	await page.getByLabel(label).setInputFiles({ name, mimeType: 'text/csv', buffer });
}

test("Chromium's TextDecoder('windows-1252') gives the same text as the import's table, byte for byte", async () => {
	const page = await newPage(browser);
	await page.goto(baseURL());
	const all = Array.from({ length: 256 }, (_, i) => i);
	const chromium = await page.evaluate(
		(bytes) => [...new TextDecoder('windows-1252').decode(Uint8Array.from(bytes))].map((c) => c.charCodeAt(0)),
		all
	);
	const ours = [...decodeWindows1252(Uint8Array.from(all))].map((c) => c.charCodeAt(0));
	expect(ours).toEqual(chromium);
	await page.context().close();
});

describe('the landing page opens a result CSV saved again by LibreOffice', () => {
	test.each([['result-de-windows-1252.csv'], ['result-fr-all-quoted.csv'], ['result-bom-read-as-latin1.csv']])(
		'%s opens the same result page as the original export',
		async (name) => {
			const page = await newPage(browser);
			await page.goto(baseURL());
			await choose(page, 'Import earlier CSV', name, await fixture(name));
			await page.waitForURL(`${baseURL()}/results/${code}`);
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
			await page.context().close();
		}
	);

	test('a workbook chosen instead of its CSV is refused with what to do', async () => {
		const page = await newPage(browser);
		await page.goto(baseURL());
		const workbook = await readFile(new URL('../fixtures/csv-hostile/xlsx-workbook.csv', import.meta.url));
		await choose(page, 'Import earlier CSV', 'result.xlsx', workbook);
		await expect
			.poll(() => page.getByRole('alert').textContent())
			.toContain('This is a spreadsheet workbook (such as .xlsx, .xls or .ods), not a CSV file. In the spreadsheet');
		expect(new URL(page.url()).pathname).toBe('/');
		await page.context().close();
	});
});

test('a German Windows-1252 custom benchmark with decimal commas is shown with its name intact', async () => {
	const page = await newPage(browser);
	await page.goto(`${baseURL()}/results/${code}`);
	await waitForPageScript(page);
	await page.locator('summary:has(#own-benchmark)').click();
	await choose(page, 'Custom benchmark CSV', 'benchmark.csv', await fixture('custom-benchmark-de-windows-1252.csv'));
	const region = page.getByRole('region', { name: 'Compared with Kundenportfolio – Müller & Dupré (2026) (n = 48)' });
	await region.waitFor();
	expect(await region.textContent()).toContain('38.5 % of Kundenportfolio – Müller & Dupré (2026)');
	await page.context().close();
});
