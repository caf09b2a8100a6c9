/**
 * `npm run bench:csv`: how long importing result CSVs takes (median of several runs).
 *
 * - a real export (bank v1, every question answered) — what "Import earlier CSV" does in practice;
 * - a 100,000-row result CSV: a synthetic bank of 100,000 questions, rows constructed directly, read with the
 *   size cap lifted, so the whole import path (parse, header, formula checks, id checks, mapping) runs on every row;
 * - the same 100,000-row file under the normal 2 MB cap: how fast an oversized file is refused.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BANK_V1 } from '$scoring/content/banks';
import { SURVEY_2026 } from '$scoring/content/survey';
import { parseResultCsv, RESULT_CSV_COLUMNS, resultToCsv } from '$scoring/export/result-csv';
import { CsvImportError, writeCsv } from '$scoring/export/csv-table';
import type { Answers, Question, QuestionBank } from '$scoring/schema';
import { score } from '$scoring/model/v2/score';

/** Rows of the big file; `BENCH_CSV_ROWS` makes it smaller (at least 20,000, so it still exceeds the 2 MB cap). */
const ROWS = Math.max(20_000, Number(process.env.BENCH_CSV_ROWS ?? 100_000));
/** Timed runs of the big import (`BENCH_RUNS`, default 5). */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(runs: number, fn: () => void): number {
	fn(); // warm-up
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		fn();
		times.push(performance.now() - start);
	}
	return median(times);
}

/** A bank of `n` practice questions (not schema-validated: only the importer's lookups matter here). */
function syntheticBank(n: number): QuestionBank {
	const options = [0, 1, 2, 3].map((i) => ({ id: `level_${i}`, label: `Level ${i} practice`, score: i * 33 }));
	const questions: Question[] = Array.from({ length: n }, (_, i) => ({
		id: `q_${i}`,
		kind: 'practice',
		dimension: 'governance',
		text: `Synthetic question number ${i} about governance`,
		weight: 1,
		options
	}));
	return { ...BANK_V1, id: 'synthetic', version: '1.0.0', questions };
}

function syntheticCsv(bank: QuestionBank): string {
	const rows = bank.questions.map((q, i) =>
		RESULT_CSV_COLUMNS.map((c) => {
			switch (c) {
				case 'section':
					return 'question';
				case 'bank_id':
					return bank.id;
				case 'bank_version':
					return bank.version;
				case 'exported_at':
					return '2026-07-01T09:30:00.000Z';
				case 'dimension':
					return q.dimension ?? '';
				case 'question_id':
					return q.id;
				case 'question_text':
					return q.text;
				case 'option_id':
					return i % 7 === 0 ? 'na' : q.options[i % 4]!.id;
				case 'option_label':
					return q.options[i % 4]!.label;
				case 'level_score':
					return String(q.options[i % 4]!.score);
				default:
					return '';
			}
		})
	);
	return writeCsv([RESULT_CSV_COLUMNS, ...rows]);
}

/** Runs the CSV import benchmark and returns its figures (milliseconds unless named otherwise). */
export function benchCsvImport(runs = RUNS) {
	const full: Answers = Object.fromEntries(BANK_V1.questions.map((q) => [q.id, q.options.at(-1)!.id]));
	const realCsv = resultToCsv(BANK_V1, full, score(BANK_V1, full), {
		exportedAt: '2026-07-01T09:30:00.000Z',
		benchmark: SURVEY_2026
	});
	const realMs = time(Math.min(200, runs * 40), () => parseResultCsv(realCsv));

	const bank = syntheticBank(ROWS);
	const bigCsv = syntheticCsv(bank);
	const imported = parseResultCsv(bigCsv, [bank], Infinity);
	if (Object.keys(imported.answers).length !== ROWS) throw new Error(`the ${ROWS}-row import lost answers`);
	const bigMs = time(runs, () => parseResultCsv(bigCsv, [bank], Infinity));
	const capMs = time(runs, () => {
		try {
			parseResultCsv(bigCsv, [bank]);
			throw new Error('the 2 MB cap did not apply');
		} catch (error) {
			if (!(error instanceof CsvImportError)) throw error;
		}
	});
	return {
		realRows: realCsv.split('\r\n').length - 2,
		realBytes: Buffer.byteLength(realCsv),
		realMs,
		bigRows: ROWS,
		bigMegabytes: Buffer.byteLength(bigCsv) / 1024 / 1024,
		bigMs,
		capMs,
		runs
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const r = benchCsvImport();
	console.log(
		`CSV import, real export (bank v1, ${r.realRows} rows, ${(r.realBytes / 1024).toFixed(1)} KB): ${r.realMs.toFixed(2)} ms (median of ${Math.min(200, r.runs * 40)})`
	);
	console.log(
		`CSV import, ${r.bigRows.toLocaleString('en')} rows (${r.bigMegabytes.toFixed(1)} MB, size cap lifted): ${r.bigMs.toFixed(0)} ms (median of ${r.runs})`
	);
	console.log(`CSV import, same file under the 2 MB cap: refused in ${r.capMs.toFixed(2)} ms (median of ${r.runs})`);
}
