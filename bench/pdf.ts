/**
 * PDF build time and size: renders the report of a mixed answer set 20 times in Node (after one warm-up that
 * loads the fonts) and prints the median, the slowest run and the file size. Budget: < 500 ms, < 300 KB.
 */
import { availableParallelism, loadavg } from 'node:os';
import { BANK_V1 } from '../scoring/bank';
import { SURVEY_2026 } from '../scoring/benchmark';
import { NOT_APPLICABLE, type Answers } from '../scoring/schema';
import { score } from '../scoring/score';
import { buildReportPdf } from '../src/lib/report/pdf-node';

const RUNS = 20;

// Every question answered, walking through the options, so every section of the report is filled in.
const answers: Answers = {};
BANK_V1.questions.forEach((q, i) => {
	if (q.kind !== 'profile') answers[q.id] = q.options[(i * 3) % q.options.length]?.id ?? NOT_APPLICABLE;
});
const input = { bank: BANK_V1, result: score(BANK_V1, answers), benchmark: SURVEY_2026, generatedAt: new Date() };

const first = performance.now();
let bytes = await buildReportPdf(input);
const cold = performance.now() - first;

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
	const start = performance.now();
	bytes = await buildReportPdf(input);
	times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;

console.log(`PDF report (tier ${input.result.tier}, ${input.result.recommendations.length} recommendations)`);
console.log(
	`  build time, median of ${RUNS}: ${median.toFixed(0)} ms (target < 500 ms; slowest ${times.at(-1)?.toFixed(0)} ms, first call ${cold.toFixed(0)} ms)`
);
console.log(`  file size: ${(bytes.length / 1024).toFixed(1)} KB (target < 300 KB)`);
// Timings on a shared machine mean little without the load they were taken under.
console.log(`  load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
