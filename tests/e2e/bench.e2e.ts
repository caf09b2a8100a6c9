/**
 * Every benchmark in bench/ runs here at a small size, through its own command, so none can stop working unseen:
 * each must exit 0 and print its figures. (The figures themselves mean nothing at this size and on a shared
 * machine; `npm run bench` and `npm run bench:workshop` measure.) Needs the build the e2e run makes.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const SMALL = { BENCH_PARTICIPANTS: '20', BENCH_CSV_ROWS: '20000', BENCH_RUNS: '1', BENCH_PDF_RUNS: '2' };

async function bench(file: string): Promise<string> {
	const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
		env: { ...process.env, ...SMALL },
		maxBuffer: 16 * 1024 * 1024,
		timeout: 240_000
	});
	return stdout;
}

test.each([
	['bench/bundle.ts', /\/assess budget: [\d.]+ KB of \d+ KB/],
	['bench/pdf.ts', /build time, median of 2: \d+ ms/],
	['bench/csv-import.ts', /CSV import, 20,000 rows .* ms \(median of 1\)/],
	['bench/run.ts', /Summary[\s\S]*load average/],
	['bench/workshop.ts', /\| PGlite: submit, as fast as possible \|[^\n]*\| 0 \| 0 \|[\s\S]*All targets met\./]
])('%s runs at a small size and prints its figures', { timeout: 300_000 }, async (file, expected) => {
	const out = await bench(file);
	expect(out).toMatch(expected);
	if (file === 'bench/workshop.ts' && process.env.TEST_DATABASE_URL)
		expect(out).toMatch(/\| PostgreSQL: submit, as fast as possible \|[^\n]*\| 0 \| 0 \|/);
});
