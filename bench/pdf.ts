/**
 * PDF build time and size: renders the report of a mixed answer set 20 times in Node (after one warm-up that
 * loads the fonts) and prints the median, the slowest run, the file size and its pages; then the same for the team
 * report of six people with three agreed answers. Budget: < 500 ms, < 300 KB.
 *
 * Then the browser half, on the built app in Chromium (skipped, saying so, without a build or Chromium): what the
 * results page's Download PDF click fetches (scripts in KB gzip -9, as bench:bundle counts them, and the fonts) and
 * how long from the click to the download, the first click (which fetches them) and the median of later ones.
 *
 * Before the move to pdfkit (pdfmake 0.3, untagged PDF 1.3) the report was 60 KB, 6 pages, 132 ms median on the
 * server, and the click fetched 386 KB gzip of JavaScript and 307 KB of TTF fonts.
 */
import fc from 'fast-check';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CURRENT_BANK } from '$scoring/content/banks';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { presentResult } from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import type { Answers } from '$scoring/schema';
import { score } from '$scoring/model';
import { mostSplit, teamStats } from '$scoring/model/team-stats';
import { buildReportPdf } from '$lib/report/pdf-node';
import { renderTeamReport } from '$lib/server/team-report';
import { launchBrowser, newPage, waitForPageScript } from '../tests/e2e/browser';
import { chromiumPath } from '../tests/e2e/chromium-path.js';
import { startServer } from '../tests/e2e/server';
import { answersArb } from '../tests/fixtures/answers';
import { CLIENT_DIR, gzipKB, hasBuild } from './bundle';

/** Timed runs (`BENCH_PDF_RUNS`, default 20). */
const RUNS = Math.max(1, Number(process.env.BENCH_PDF_RUNS ?? 20));

/** The figures `npm run bench:pdf` prints (milliseconds and bytes). */
export interface PdfFigures {
	tier: string | null;
	recommendations: number;
	runs: number;
	medianMs: number;
	slowestMs: number;
	firstCallMs: number;
	bytes: number;
	pages: number;
	team: { medianMs: number; bytes: number; pages: number };
	/** The browser half, or why it was not measured. */
	browser: BrowserPdfFigures | { skipped: string };
}

/** The results page's Download PDF click on the built app in Chromium. */
export interface BrowserPdfFigures {
	/** Scripts the first click fetches (pdfkit, the report's document and layout code) and their KB gzip -9. */
	scripts: number;
	scriptKb: number;
	/** The report's fonts it fetches, KB as built (WOFF, compressed already). */
	fonts: number;
	fontKb: number;
	/** Click to download: the first click fetches the scripts and fonts, later clicks only build. */
	firstClickMs: number;
	laterClicks: number;
	laterClickMs: number;
	bytes: number;
}

async function pageCount(bytes: Uint8Array): Promise<number> {
	const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
	const pages = doc.numPages;
	await doc.destroy();
	return pages;
}

/** Median time of `runs` calls of `build`. */
async function median(runs: number, build: () => Promise<unknown>): Promise<{ times: number[]; medianMs: number }> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await build();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const mid = Math.floor(runs / 2);
	return { times, medianMs: runs % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2 };
}

/** The team report of six people (a fixed sample) with their three most split questions agreed. */
async function benchTeamPdf(runs: number): Promise<PdfFigures['team']> {
	const bank = CURRENT_BANK;
	const sets = fc.sample(answersArb(bank), { numRuns: 6, seed: 11 });
	const agreed: Answers = {};
	for (const q of mostSplit(teamStats(bank, sets, { minGroupSize: 3 })!, 3))
		agreed[q.questionId] = bank.questions.find((x) => x.id === q.questionId)!.options.at(-1)!.id;
	const stats = teamStats(bank, sets, { minGroupSize: 3, agreed })!;
	const context = {
		agreements: Object.keys(agreed).map((questionId) => ({
			questionId,
			agreedAnswer: agreed[questionId]!,
			note: 'Discussed in the room.',
			action: 'Owner to follow up.',
			actionOwner: 'Platform lead',
			actionDue: '2027-03-31',
			actionStatus: 'open' as const,
			carriedFrom: null
		})),
		generatedAt: new Date(),
		methodologyUrl: 'https://readiness.example/methodology'
	};
	const workshop = { title: 'Platform team review', organisation: 'Example plc', mode: 'facilitated' } as const;
	const build = () => renderTeamReport(workshop, bank, stats, context);
	const bytes = await build();
	const { medianMs } = await median(runs, build);
	return { medianMs, bytes: bytes.length, pages: await pageCount(bytes) };
}

/**
 * Opens the built app's results page for `answers` in Chromium and clicks Download PDF once cold and `laterClicks`
 * times more, recording what the first click fetches.
 */
async function benchBrowserPdf(answers: Answers, laterClicks: number): Promise<BrowserPdfFigures> {
	const server = await startServer();
	try {
		const browser = await launchBrowser();
		try {
			const page = await newPage(browser, { acceptDownloads: true });
			await page.goto(`${server.url}/results/${encodeAnswerCode(CURRENT_BANK, answers)}`);
			await waitForPageScript(page);
			const fetched: string[] = [];
			page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
			const click = async () => {
				const [download] = await Promise.all([
					page.waitForEvent('download', { timeout: 60_000 }),
					page.getByRole('button', { name: RESULT_LABELS.downloadPdf }).click()
				]);
				return download;
			};
			const start = performance.now();
			const first = await click();
			const firstClickMs = performance.now() - start;
			const bytes = (await readFile(await first.path())).length;
			// Without JavaScript, or when the browser build fails, the form asks the server: that is not this figure.
			if (fetched.some((p) => p.endsWith('/report.pdf')))
				throw new Error(`the click fetched the server's PDF, not one built in the browser: ${fetched.join(' ')}`);
			const scripts = fetched.filter((p) => p.endsWith('.js')).map((p) => join(CLIENT_DIR, p));
			const fonts = fetched.filter((p) => p.endsWith('.woff')).map((p) => join(CLIENT_DIR, p));
			if (!fonts.length) throw new Error(`the click fetched no fonts: ${fetched.join(' ')}`);
			const fontBytes = (await Promise.all(fonts.map((f) => stat(f)))).reduce((sum, f) => sum + f.size, 0);
			const { medianMs } = await median(laterClicks, click);
			return {
				scripts: scripts.length,
				scriptKb: gzipKB(scripts),
				fonts: fonts.length,
				fontKb: fontBytes / 1024,
				firstClickMs,
				laterClicks,
				laterClickMs: medianMs,
				bytes
			};
		} finally {
			await browser.close();
		}
	} finally {
		await server.stop();
	}
}

/** Why the browser half cannot be measured here, or null when it can. */
function browserSkipped(): string | null {
	if (!hasBuild()) return 'no build: run `npm run build` first';
	if (!chromiumPath()) return 'no Chromium: install it with `apt-get install -y chromium`';
	return null;
}

/** Renders the report `runs` times after one cold call and returns the median, the slowest and the size. */
export async function benchPdf(runs = RUNS): Promise<PdfFigures> {
	// Every question answered, walking through the options, so every section of the report is filled in.
	const answers: Answers = {};
	CURRENT_BANK.questions.forEach((q, i) => {
		if (q.kind !== 'profile') answers[q.id] = q.options[(i * 3) % q.options.length]!.id;
	});
	const result = score(CURRENT_BANK, answers);
	const input = {
		view: presentResult({ bank: CURRENT_BANK, answers, result }),
		generatedAt: new Date(),
		methodologyUrl: 'https://readiness.example/methodology'
	};

	const first = performance.now();
	let bytes = await buildReportPdf(input);
	const firstCallMs = performance.now() - first;

	const { times, medianMs } = await median(runs, async () => (bytes = await buildReportPdf(input)));
	const skipped = browserSkipped();
	return {
		tier: result.tier,
		recommendations: result.recommendations.length,
		runs,
		medianMs,
		slowestMs: times.at(-1) ?? 0,
		firstCallMs,
		bytes: bytes.length,
		pages: await pageCount(bytes),
		team: await benchTeamPdf(runs),
		browser: skipped ? { skipped } : await benchBrowserPdf(answers, Math.min(runs, 5))
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const r = await benchPdf();
	console.log(`PDF report (tier ${r.tier}, ${r.recommendations} recommendations)`);
	console.log(
		`  build time, median of ${r.runs}: ${r.medianMs.toFixed(0)} ms (target < 500 ms; slowest ${r.slowestMs.toFixed(0)} ms, first call ${r.firstCallMs.toFixed(0)} ms)`
	);
	console.log(`  file size: ${(r.bytes / 1024).toFixed(1)} KB (target < 300 KB), ${r.pages} pages`);
	console.log(
		`Team PDF report (6 people): median of ${r.runs} ${r.team.medianMs.toFixed(0)} ms, ${(r.team.bytes / 1024).toFixed(1)} KB, ${r.team.pages} pages`
	);
	if ('skipped' in r.browser) console.log(`Browser PDF not measured: ${r.browser.skipped}`);
	else {
		const b = r.browser;
		console.log('Browser PDF (the results page on the built app, in Chromium)');
		console.log(
			`  the Download PDF click fetches ${b.scripts} scripts, ${b.scriptKb.toFixed(1)} KB gzip, and ${b.fonts} fonts, ${b.fontKb.toFixed(1)} KB (WOFF)`
		);
		console.log(
			`  click to download: first ${b.firstClickMs.toFixed(0)} ms (fetching them), then median of ${b.laterClicks} ${b.laterClickMs.toFixed(0)} ms; ${(b.bytes / 1024).toFixed(1)} KB`
		);
	}
	// Timings on a shared machine mean little without the load they were taken under.
	console.log(`  load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
}
