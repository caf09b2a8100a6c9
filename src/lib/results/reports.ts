/**
 * The browser side of the results page's reports: the CSV download, "Import earlier CSV" and custom benchmarks.
 * Loaded on demand (the first time the user downloads, imports or has a stored custom benchmark), so the
 * question bank, the scorer and papaparse stay out of the results page's first load. Everything here runs in the
 * browser only; nothing is sent to the server.
 */
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { scoreCode, type ScoredCode } from '$scoring/model/result-code';
import { SURVEY_2026 } from '$scoring/content/survey';
import { parseResultCsv, resultToCsv } from '$scoring/export/result-csv';
import { CsvImportError, decodeCsvBytes, formatIssue, MAX_CSV_BYTES } from '$scoring/export/csv-table';
import { parseCustomBenchmark, type CustomBenchmark } from '$scoring/export/custom-benchmark';
import { presentResult, type CustomView, type ResultView, type SinceView } from '$scoring/present/result';
import { CURRENT_BANK } from '$scoring/content/banks';
import { resultFileName } from '$scoring/present/format';
import type { QuestionBank } from '$scoring/schema';
import { score } from '$scoring/model';
import { CUSTOM_BENCHMARK_KEY } from './custom-benchmark-key';

/** A result as the browser rebuilds it from its code (the same decode and score the server ran). */
export type ScoredResult = Omit<ScoredCode, 'code'>;

export { scoreCode };

/** The result CSV as a file to save: `ai-readiness-<tier>-<date>.csv`. */
export function resultCsvFile(scored: ScoredResult, now: Date): { blob: Blob; fileName: string } {
	const csv = resultToCsv(scored.bank, scored.answers, scored.result, {
		exportedAt: now.toISOString(),
		benchmark: SURVEY_2026
	});
	return {
		blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }),
		fileName: resultFileName(scored.result.tier, now, 'csv')
	};
}

export { saveBlob } from './save-blob';

/** The problems of a failed import, one line each, naming row and column where there is one. */
export function importProblems(error: unknown): string[] {
	if (error instanceof CsvImportError) {
		const lines = error.issues.map(formatIssue);
		if (error.total > lines.length) lines.push(`… and ${error.total - lines.length} more.`);
		return lines;
	}
	return [`This file could not be read: ${error instanceof Error ? error.message : String(error)}`];
}

/**
 * Reads an uploaded CSV as text, refusing a file over the 2 MB cap before reading any of it (a CSV export is a
 * few KB; a huge file is a mistake or an attack). The bytes are decoded by `decodeCsvBytes` (UTF-8, else
 * Windows-1252 as a spreadsheet saves it), not `File.text()`, which turns Windows-1252 text into U+FFFD.
 */
export async function readCsvFile(file: File, maxBytes = MAX_CSV_BYTES): Promise<string> {
	if (file.size > maxBytes)
		throw new CsvImportError([
			{
				message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB. Choose a CSV exported by this site.`
			}
		]);
	if (file.size === 0) throw new CsvImportError([{ message: `${file.name} is empty.` }]);
	return decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
}

/** "Since last time" against an earlier result code (from this browser's history), dated `date` (YYYY-MM-DD). */
export function sinceFromCode(current: ScoredResult, earlierCode: string, date: string): SinceView {
	const earlier = scoreCode(earlierCode);
	return presentResult({ ...current, earlier: { ...earlier, date } }).since!;
}

/** "Since last time" against an exported result CSV (a new device). Throws `CsvImportError` for a bad file. */
export function sinceFromCsv(text: string, current: ScoredResult): SinceView {
	const imported = parseResultCsv(text);
	const earlier = { bank: imported.bank, answers: imported.answers, result: score(imported.bank, imported.answers) };
	return presentResult({ ...current, earlier: { ...earlier, date: imported.exportedAt.slice(0, 10) } }).since!;
}

/** An exported result CSV as a result code to open (the landing page's import), on the file's own bank version. */
export function codeFromCsv(text: string): string {
	const imported = parseResultCsv(text);
	return encodeAnswerCode(imported.bank, imported.answers);
}

/** The custom benchmark kept in this browser, parsed for `bank`; null when none is kept or it no longer parses. */
export function storedCustomBenchmark(bank: QuestionBank): CustomBenchmark | null {
	try {
		const text = localStorage.getItem(CUSTOM_BENCHMARK_KEY);
		return text === null ? null : parseCustomBenchmark(text, bank);
	} catch {
		return null;
	}
}

/** The view the PDF renders for a code: with the custom benchmark kept in this browser and the organisation given. */
export function reportView(code: string, organisation: string, date: Date): ResultView {
	const scored = scoreCode(code);
	return presentResult({
		...scored,
		current: CURRENT_BANK,
		custom: storedCustomBenchmark(scored.bank),
		organisation: organisation.trim().slice(0, 120) || null,
		date
	});
}

/** Parses a custom benchmark CSV for the result's bank and compares the result with it (the presentation model's view). */
export function compareWithCustom(text: string, scored: ScoredResult): CustomView {
	const custom = parseCustomBenchmark(text, scored.bank);
	return presentResult({ ...scored, custom }).custom!;
}
