/**
 * PDF build time and size: renders the report of a mixed answer set 20 times in Node (after one warm-up that
 * loads the fonts) and prints the median, the slowest run, the file size and its pages; then the same for the team
 * report of six people with three agreed answers. Budget: < 500 ms, < 300 KB.
 */
import fc from 'fast-check';
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CURRENT_BANK as BANK_V1 } from '../scoring/content/banks';
import { presentResult } from '../scoring/present/result';
import type { Answers } from '../scoring/schema';
import { score } from '../scoring/model/v2/score';
import { mostSplit, teamStats } from '../scoring/model/team-stats';
import { buildReportPdf } from '../src/lib/report/pdf-node';
import { renderTeamReport } from '../src/lib/server/team-report';
import { answersArb } from '../tests/fixtures/answers';

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
}

async function pageCount(bytes: Uint8Array): Promise<number> {
	const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
	const pages = doc.numPages;
	await doc.destroy();
	return pages;
}

/** Median build time of `runs` calls of `build`. */
async function median(runs: number, build: () => Promise<Uint8Array>): Promise<{ times: number[]; medianMs: number }> {
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
	const bank = BANK_V1;
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
			action: 'Owner to follow up.'
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

/** Renders the report `runs` times after one cold call and returns the median, the slowest and the size. */
export async function benchPdf(runs = RUNS): Promise<PdfFigures> {
	// Every question answered, walking through the options, so every section of the report is filled in.
	const answers: Answers = {};
	BANK_V1.questions.forEach((q, i) => {
		if (q.kind !== 'profile') answers[q.id] = q.options[(i * 3) % q.options.length]!.id;
	});
	const result = score(BANK_V1, answers);
	const input = {
		view: presentResult({ bank: BANK_V1, answers, result }),
		generatedAt: new Date(),
		methodologyUrl: 'https://readiness.example/methodology'
	};

	const first = performance.now();
	let bytes = await buildReportPdf(input);
	const firstCallMs = performance.now() - first;

	const { times, medianMs } = await median(runs, async () => (bytes = await buildReportPdf(input)));
	return {
		tier: result.tier,
		recommendations: result.recommendations.length,
		runs,
		medianMs,
		slowestMs: times.at(-1) ?? 0,
		firstCallMs,
		bytes: bytes.length,
		pages: await pageCount(bytes),
		team: await benchTeamPdf(runs)
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
	// Timings on a shared machine mean little without the load they were taken under.
	console.log(`  load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
}
