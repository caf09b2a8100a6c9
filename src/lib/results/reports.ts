/**
 * The browser side of the results page's reports: the CSV download, "Import earlier CSV" and custom benchmarks.
 * Loaded on demand (the first time the user downloads, imports or has a stored custom benchmark), so the
 * question bank, the scorer and papaparse stay out of the results page's first load. Everything here runs in the
 * browser only; nothing is sent to the server.
 */
import { decodeAnswerCode, encodeAnswerCode } from '$scoring/answer-code';
import { SURVEY_2026 } from '$scoring/benchmark';
import { compareResults, type ResultComparison } from '$scoring/compare';
import { parseResultCsv, resultToCsv } from '$scoring/csv';
import { CsvImportError, formatIssue, MAX_CSV_BYTES } from '$scoring/csv-table';
import { customBenchmarkLines, parseCustomBenchmark, type CustomBenchmark } from '$scoring/custom-benchmark';
import { customPosition, questionText, type SurveyPosition } from '$scoring/explain';
import { resultFileName } from '$scoring/format';
import { TIER_IDS, type Answers, type QuestionBank, type Result, type TierId } from '$scoring/schema';
import { score } from '$scoring/score';
import { TIER_LABELS } from '$scoring/tiers';

/** A result as the browser rebuilds it from its code (the same decode and score the server ran). */
export interface ScoredResult {
	bank: QuestionBank;
	answers: Answers;
	result: Result;
}

/** Decodes and scores a result code in the browser. */
export function scoreCode(code: string): ScoredResult {
	const { bank, answers } = decodeAnswerCode(code);
	return { bank, answers, result: score(bank, answers) };
}

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

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	// Give the browser a moment to start the download before the URL is revoked.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The problems of a failed import, one line each, naming row and column where there is one. */
export function importProblems(error: unknown): string[] {
	if (error instanceof CsvImportError) {
		const lines = error.issues.map(formatIssue);
		// The message ends "(and N more problems)" counting every problem, including those past the list's cap.
		const total = 1 + Number(/\(and (\d+) more problems?\)$/.exec(error.message)?.[1] ?? 0);
		if (total > lines.length) lines.push(`… and ${total - lines.length} more.`);
		return lines;
	}
	return [`This file could not be read: ${error instanceof Error ? error.message : String(error)}`];
}

/**
 * Reads an uploaded CSV as text, refusing a file over the 2 MB cap before reading any of it (a CSV export is a
 * few KB; a huge file is a mistake or an attack).
 */
export async function readCsvFile(file: File, maxBytes = MAX_CSV_BYTES): Promise<string> {
	if (file.size > maxBytes)
		throw new CsvImportError([
			{
				message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB. Choose a CSV exported by this site.`
			}
		]);
	if (file.size === 0) throw new CsvImportError([{ message: `${file.name} is empty.` }]);
	return file.text();
}

/** "Since last time": an imported earlier result compared with the current one. */
export interface SinceLastTime {
	comparison: ResultComparison;
	/** When the imported file was exported. */
	exportedAt: string;
	from: { bank: string; version: string };
	/** The tiers then and now as labels ("Not placed" when too few answers placed none). */
	tierLabels: { before: string; after: string };
}

const tierLabel = (tier: TierId | null) => (tier ? TIER_LABELS[tier] : 'Not placed');

/** Reads an exported result CSV and compares it with `current`. Throws `CsvImportError` for a bad file. */
export function compareWithCsv(text: string, current: ScoredResult): SinceLastTime {
	const imported = parseResultCsv(text);
	const before = { bank: imported.bank, answers: imported.answers, result: score(imported.bank, imported.answers) };
	return {
		comparison: compareResults(before, current),
		exportedAt: imported.exportedAt,
		from: { bank: imported.bank.id, version: imported.bank.version },
		tierLabels: { before: tierLabel(before.result.tier), after: tierLabel(current.result.tier) }
	};
}

/** An exported result CSV as a result code to open (the landing page's import), on the file's own bank version. */
export function codeFromCsv(text: string): string {
	const imported = parseResultCsv(text);
	return encodeAnswerCode(imported.bank, imported.answers);
}

/** Where to keep the custom benchmark in this browser (the CSV text itself, validated again on every load). */
export const CUSTOM_BENCHMARK_KEY = 'ai-readiness:custom-benchmark';

/** A custom benchmark set against a result: its position sentence and the per-question lines. */
export interface CustomComparison {
	benchmark: CustomBenchmark;
	position: SurveyPosition | null;
	/** The benchmark's tier shares, highest group first, marking the result's tier. */
	tiers: { tier: TierId; label: string; share: number; you: boolean }[];
	lines: { questionId: string; question: string; peers: string; matches: boolean | null }[];
}

/** Parses a custom benchmark CSV for the result's bank and compares the result with it. */
export function compareWithCustom(text: string, scored: ScoredResult): CustomComparison {
	const benchmark = parseCustomBenchmark(text, scored.bank);
	return {
		benchmark,
		position: scored.result.tier ? customPosition(benchmark, scored.result.tier) : null,
		tiers: TIER_IDS.toReversed().map((tier) => ({
			tier,
			label: TIER_LABELS[tier],
			share: benchmark.tiers[tier],
			you: tier === scored.result.tier
		})),
		lines: customBenchmarkLines(benchmark, scored.bank, scored.answers).map((line) => ({
			...line,
			question: questionText(scored.bank, line.questionId)
		}))
	};
}
