/**
 * PDF build time and size: renders the report of a mixed answer set 20 times in Node (after one warm-up that
 * loads the fonts) and prints the median, the slowest run and the file size. Budget: < 500 ms, < 300 KB.
 */
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { CURRENT_BANK as BANK_V1 } from '../scoring/content/banks';
import { presentResult } from '../scoring/present/result';
import type { Answers } from '../scoring/schema';
import { score } from '../scoring/model/v2/score';
import { buildReportPdf } from '../src/lib/report/pdf-node';

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

	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		bytes = await buildReportPdf(input);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const mid = Math.floor(runs / 2);
	const medianMs = runs % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
	return {
		tier: result.tier,
		recommendations: result.recommendations.length,
		runs,
		medianMs,
		slowestMs: times.at(-1) ?? 0,
		firstCallMs,
		bytes: bytes.length
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const r = await benchPdf();
	console.log(`PDF report (tier ${r.tier}, ${r.recommendations} recommendations)`);
	console.log(
		`  build time, median of ${r.runs}: ${r.medianMs.toFixed(0)} ms (target < 500 ms; slowest ${r.slowestMs.toFixed(0)} ms, first call ${r.firstCallMs.toFixed(0)} ms)`
	);
	console.log(`  file size: ${(r.bytes / 1024).toFixed(1)} KB (target < 300 KB)`);
	// Timings on a shared machine mean little without the load they were taken under.
	console.log(`  load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
}
