/**
 * Every benchmark in bench/ runs here at a small size, through its own command, so none can stop working unseen:
 * each must exit 0 and print its figures. (The figures themselves mean nothing at this size and on a shared
 * machine; `npm run bench`, `npm run bench:workshop` and `npm run bench:lighthouse` measure.) Needs the build the
 * e2e run makes.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const SMALL = {
	BENCH_PARTICIPANTS: '20',
	// The room at 20 phones, 3 presenter steps (a few seconds a database).
	BENCH_PHONES: '20',
	BENCH_CSV_ROWS: '20000',
	BENCH_RUNS: '1',
	BENCH_PDF_RUNS: '2',
	// Two pages of nine (about 25 s): the landing page (SEO held to 100) and a result (the heaviest page).
	BENCH_LIGHTHOUSE_PAGES: '/,results',
	// One run a page: the median of three (and its target of 100) is for a quiet machine.
	BENCH_LIGHTHOUSE_RUNS: '1'
};

async function bench(file: string): Promise<string> {
	try {
		const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
			env: { ...process.env, ...SMALL },
			maxBuffer: 16 * 1024 * 1024,
			timeout: 240_000
		});
		return stdout;
	} catch (error) {
		// A bench that misses a target exits 1 and says which on stdout.
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		throw new Error(`${file} failed:\n${stdout}\n${stderr}`, { cause: error });
	}
}

test.each([
	['bench/bundle.ts', /\/assess budget: [\d.]+ KB of \d+ KB/],
	// The browser half too: what the Download PDF click fetches and how long until the file arrives.
	[
		'bench/pdf.ts',
		/build time, median of 2: \d+ ms[\s\S]*click fetches \d+ scripts, [\d.]+ KB gzip, and 2 fonts[\s\S]*click to download: first \d+ ms/
	],
	['bench/csv-import.ts', /CSV import, 20,000 rows .* ms \(median of 1\)/],
	['bench/run.ts', /Summary[\s\S]*load average/],
	['bench/workshop.ts', /\| PGlite: submit, as fast as possible \|[^\n]*\| 0 \| 0 \|[\s\S]*All targets met\./],
	// Performance and blocking time are printed (not checked: they move with the machine's load); accessibility,
	// best practices and SEO must be 100 (SEO exempt on the noindex result).
	[
		'bench/lighthouse.ts',
		/\| \/ \| \d+ \| 100 \| 100 \| 100 \| \d+ \| \d+ \|\n\| results \| \d+ \| 100 \| 100 \| \d+ \(exempt: noindex[^|]*\| \d+ \| \d+ \|[\s\S]*All targets met\./
	]
])('%s runs at a small size and prints its figures', { timeout: 300_000 }, async (file, expected) => {
	const out = await bench(file);
	expect(out).toMatch(expected);
	if (file !== 'bench/workshop.ts') return;
	// The submit endpoint's profile: the profiled burst against the ceiling, and time found in the database.
	expect(out).toMatch(/Profiled: [\d.]+ requests\/s, [\d.]+ % of the bare node:http ceiling/);
	expect(out).toMatch(/\| database \(PGlite \/ postgres, drizzle\) \| [1-9]\d* \|/);
	// The room: every phone held its stream from its own address (no 429, none failed, 20 addresses), 3 steps.
	expect(out).toMatch(/\| PGlite, one instance \| 20 \(1\) \| 0 \| 0 \| 20 \| 3 \| \d+ \/ \d+ \/ \d+ \|/);
	if (process.env.TEST_DATABASE_URL) {
		expect(out).toMatch(/\| PostgreSQL: submit, as fast as possible \|[^\n]*\| 0 \| 0 \|/);
		expect(out).toMatch(/\| PostgreSQL, two instances \| 20 \(2\) \| 0 \| 0 \| 20 \| 3 \| \d+ \/ \d+ \/ \d+ \|/);
	}
});
