/**
 * `npm run bench`: every benchmark of the app but the workshop load test, then one summary table.
 *
 * - bundle: first-load JavaScript of /, /assess and a results page (bench/bundle.ts; builds first when there is
 *   no build — run `npm run build` yourself after changing code, or the figures are of the old build);
 * - PDF: report build time in Node, median of 20, and size; the Download PDF click in Chromium (bench/pdf.ts);
 * - CSV import: a real export and a 100,000-row file (bench/csv-import.ts).
 *
 * Each also runs alone: `npm run bench:bundle`, `npm run bench:pdf`, `npm run bench:csv`. The workshop load test
 * (1,000 participants against the built server) takes minutes and stays separate: `npm run bench:workshop`; so
 * does Lighthouse on every public page (about a minute in Chromium): `npm run bench:lighthouse`.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { benchBundle, hasBuild, printBundle } from './bundle';
import { benchCsvImport } from './csv-import';
import { benchPdf } from './pdf';

interface Row {
	bench: string;
	measure: string;
	value: string;
	target: string;
}

const rows: Row[] = [];

if (!hasBuild()) {
	console.log('No build found: building (npx vite build) for the bundle bench…');
	execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
const builtAt = statSync('build/index.js').mtime;
console.log(`\n— bundle (build of ${builtAt.toISOString()}) —`);
const bundle = await benchBundle();
printBundle(bundle);
for (const r of bundle.rows)
	rows.push({
		bench: 'bundle',
		measure: `${r.page} first-load JS`,
		value: `${r.kb.toFixed(1)} KB gzip`,
		target: r.page === '/assess' ? `≤ ${bundle.assessBudgetKb} KB; no chart.js` : 'no chart.js, no pdfkit'
	});
rows.push({
	bench: 'bundle',
	measure: 'chart.js / pdfkit in any first load',
	value: bundle.rows.some((r) => r.chart || r.pdf) ? 'YES' : 'no',
	target: 'no'
});

console.log('\n— PDF —');
const pdf = await benchPdf();
console.log(
	`median ${pdf.medianMs.toFixed(0)} ms of ${pdf.runs}, slowest ${pdf.slowestMs.toFixed(0)} ms, first ${pdf.firstCallMs.toFixed(0)} ms`
);
rows.push(
	{
		bench: 'pdf',
		measure: `build time, median of ${pdf.runs}`,
		value: `${pdf.medianMs.toFixed(0)} ms`,
		target: '< 500 ms'
	},
	{ bench: 'pdf', measure: 'file size', value: `${(pdf.bytes / 1024).toFixed(1)} KB`, target: '< 300 KB' }
);
if ('skipped' in pdf.browser) console.log(`browser PDF not measured: ${pdf.browser.skipped}`);
else
	rows.push(
		{
			bench: 'pdf',
			measure: 'Download PDF click fetches (JS, fonts)',
			value: `${pdf.browser.scriptKb.toFixed(1)} KB gzip, ${pdf.browser.fontKb.toFixed(1)} KB`,
			target: 'on the click only'
		},
		{
			bench: 'pdf',
			measure: 'click to download in Chromium (first, later)',
			value: `${pdf.browser.firstClickMs.toFixed(0)} ms, ${pdf.browser.laterClickMs.toFixed(0)} ms`,
			target: `median of ${pdf.browser.laterClicks} later`
		}
	);

console.log('\n— CSV import —');
const csv = benchCsvImport();
rows.push(
	{
		bench: 'csv',
		measure: `import a real export (${csv.realRows} rows)`,
		value: `${csv.realMs.toFixed(2)} ms`,
		target: `median of ${Math.min(200, csv.runs * 40)}`
	},
	{
		bench: 'csv',
		measure: `import ${csv.bigRows.toLocaleString('en')} rows (${csv.bigMegabytes.toFixed(1)} MB, cap lifted)`,
		value: `${csv.bigMs.toFixed(0)} ms`,
		target: `median of ${csv.runs}`
	},
	{
		bench: 'csv',
		measure: 'refuse the same file under the 2 MB cap',
		value: `${csv.capMs.toFixed(2)} ms`,
		target: `median of ${csv.runs}`
	}
);

console.log('\nSummary');
console.table(rows);
console.log(`load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
console.log('Not run here: the workshop load test (1,000 participants, minutes): `npm run bench:workshop`.');
