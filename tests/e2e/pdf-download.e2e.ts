/**
 * The browser half of the PDF report: src/lib/report/pdf-browser.ts bundled by Vite exactly as the app bundles
 * it, served statically and clicked in Chromium. Checks that pdfmake and the fonts load only on the click, that
 * a real download with the right name arrives under the app's Content-Security-Policy, and that the downloaded
 * file is the report.
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { score } from '$scoring/model';
import { presentResult } from '$scoring/present/result';
import { CSP_DIRECTIVES, serializeCsp } from '../../src/lib/server/csp.js';
import { TIER_LABELS } from '$scoring/present/labels';
import { pdfText } from '../lib/report/pdf-text';
import { allBest } from '../lib/report/results';
import { points } from '$scoring/present/format';
import { resultRadarAxes } from '../../src/lib/report/radar-svg';
import { launchBrowser, newPage } from './browser';
import type { SerialisedReportInput } from './pdf-harness/main';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.ttf': 'font/ttf'
};

let outDir: string;
let server: Server;
let baseURL: string;
let browser: Browser;

beforeAll(async () => {
	outDir = mkdtempSync(join(tmpdir(), 'pdf-harness-'));
	await build({
		configFile: false,
		root: join(import.meta.dirname, 'pdf-harness'),
		logLevel: 'warn',
		build: { outDir, emptyOutDir: true }
	});
	server = createServer(async (req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		const file = join(outDir, path === '/' ? 'index.html' : path);
		try {
			if (!file.startsWith(outDir)) throw new Error('outside');
			const body = await readFile(file);
			res
				.writeHead(200, {
					'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
					// The app's own policy, so anything pdfmake needs that it forbids (eval, other origins) fails here.
					'content-security-policy': serializeCsp(CSP_DIRECTIVES)
				})
				.end(body);
		} catch {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => server?.close(resolve));
	if (outDir) await rm(outDir, { recursive: true, force: true });
});

test('a click downloads the report PDF; pdfmake and the fonts load only then', async () => {
	const page = await newPage(browser, { acceptDownloads: true });
	const requested: string[] = [];
	const errors: string[] = [];
	page.on('request', (request) => requested.push(new URL(request.url()).pathname));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(String(error)));

	await page.goto(baseURL);
	await page.waitForLoadState('networkidle');
	const firstLoad = [...requested];
	expect(firstLoad.some((p) => p.endsWith('.ttf'))).toBe(false);
	// The first load is the page and one small entry chunk; pdfmake (~1 MB) is not in it.
	const firstLoadScripts = firstLoad.filter((p) => p.endsWith('.js'));
	expect(firstLoadScripts).toHaveLength(1);
	const entrySize = (await stat(join(outDir, firstLoadScripts[0] ?? ''))).size;
	expect(entrySize).toBeLessThan(10 * 1024);

	const answers = allBest(CURRENT_BANK);
	const result = score(CURRENT_BANK, answers);
	expect(result.tier).toBe('pioneer');
	const input: SerialisedReportInput = {
		view: presentResult({ bank: CURRENT_BANK, answers, result }),
		methodologyUrl: 'https://readiness.example/methodology',
		generatedAt: '2026-07-01T09:30:00.000Z',
		title: '<img src=x onerror=alert(1)> board pack'
	};
	await page.evaluate((value) => (window.reportInput = value), input);
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 30_000 }),
		page.getByRole('button', { name: 'Download PDF' }).click()
	]);
	expect(download.suggestedFilename()).toBe(`ai-readiness-${result.tier}-2026-07-01.pdf`);
	await expect.poll(() => page.getByRole('status').textContent()).toBe('Done');

	const lazy = requested.slice(firstLoad.length);
	expect(lazy.filter((p) => p.endsWith('.ttf'))).toHaveLength(2);
	expect(lazy.filter((p) => p.endsWith('.js')).length).toBeGreaterThanOrEqual(1);

	const path = await download.path();
	const bytes = new Uint8Array(await readFile(path));
	expect(bytes.length).toBeLessThan(300 * 1024);
	const { pages, text } = await pdfText(bytes);
	expect(pages[0]).toContain(input.title!);
	expect(pages[0]).toContain(`Your result ${TIER_LABELS.pioneer}`);
	expect(text).toContain(`Question bank ${CURRENT_BANK.id} version ${CURRENT_BANK.version}`);
	expect(text).toContain('you are here');
	// The radar chart's SVG labels are real text too (axis order, label then score, nothing between).
	expect(text).toContain(
		resultRadarAxes(CURRENT_BANK, result)
			.map((a) => `${a.label} ${points(a.value)}`)
			.join(' ')
			.slice(0, 40)
	);
	expect(errors).toEqual([]);
	const built = await readdir(join(outDir, 'assets'));
	expect(built.some((f) => f.endsWith('.ttf'))).toBe(true);
});
