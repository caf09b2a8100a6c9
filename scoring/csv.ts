/**
 * The result CSV: what "Download CSV" writes and "Import earlier CSV" reads back. Layout in docs/formats.md:
 * one table, one row per question of the bank (section `question`), then summary rows (section `summary`);
 * every row carries the bank id, bank version and export time. Cells are formula-safe (see `safeCell`).
 */
import { answerText, NOT_APPLICABLE_LABEL } from './answer-labels';
import { BANKS } from './bank';
import type { Benchmark } from './benchmark';
import { CsvImportError, IssueList, readCsvTable, writeCsv, type TableSpec } from './csv-table';
import { NOT_APPLICABLE, type Answers, type QuestionBank, type Result } from './schema';
import { TIER_LABELS } from './tiers';

/** The columns of a result CSV, in the order they are written. */
export const RESULT_CSV_COLUMNS = [
	'section',
	'bank_id',
	'bank_version',
	'exported_at',
	'dimension',
	'question_id',
	'question_text',
	'option_id',
	'option_label',
	'level_score',
	'survey_figure',
	'survey_share',
	'survey_statement',
	'survey_source',
	'metric',
	'metric_label',
	'value'
] as const;
type Column = (typeof RESULT_CSV_COLUMNS)[number];

const SPEC: TableSpec = { what: 'a result CSV exported by this site', columns: RESULT_CSV_COLUMNS };

/** Options for {@link resultToCsv}. */
export interface ResultCsvOptions {
	/** When the export was made, ISO 8601 (the caller supplies the clock, keeping this function pure). */
	exportedAt: string;
	/** The benchmark the result was scored against (its name, sample and your tier's share are written). */
	benchmark: Benchmark;
}

/** Rounds to one decimal for display; scores are never negative, so no cell starts with `-`. */
function number(value: number | null): string {
	return value === null ? '' : String(Math.round(value * 10) / 10);
}

/**
 * Writes a result as a spreadsheet-safe CSV (UTF-8 with BOM, CRLF): one row per question in bank order, then
 * summary rows for dimension scores, use, control, index, coverage, counts, tier and the benchmark.
 */
export function resultToCsv(
	bank: QuestionBank,
	answers: Answers,
	result: Result,
	{ exportedAt, benchmark }: ResultCsvOptions
): string {
	const dimensions = new Map(bank.dimensions.map((d) => [d.id, d]));
	const lines = new Map(result.benchmarkLines.map((l) => [l.questionId, l]));
	const row = (cells: Partial<Record<Column, string | number>>) =>
		RESULT_CSV_COLUMNS.map((c) =>
			c === 'bank_id'
				? bank.id
				: c === 'bank_version'
					? bank.version
					: c === 'exported_at'
						? exportedAt
						: (cells[c] ?? '')
		);

	const questionRows = bank.questions.map((q) => {
		const answer = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
		const option = q.options.find((o) => o.id === answer);
		const line = lines.get(q.id);
		return row({
			section: 'question',
			dimension: q.dimension ?? '',
			question_id: q.id,
			question_text: q.text,
			option_id: answer ?? '',
			option_label: answerText(q, answer),
			level_score: option && q.kind !== 'profile' ? number(option.score) : '',
			survey_figure: line?.figure ?? '',
			survey_share: line ? number(line.share) : '',
			survey_statement: line?.peers ?? '',
			survey_source: line?.source ?? ''
		});
	});

	const summary = (metric: string, label: string, value: string | number, dimension = '') =>
		row({ section: 'summary', dimension, metric, metric_label: label, value });
	const tierShare = result.tier ? benchmark.tiers.find((t) => t.id === result.tier)?.share : undefined;
	const summaryRows = [
		...result.dimensions.map((d) => {
			const dimension = dimensions.get(d.dimension);
			const scale = dimension?.orientation === 'higher-is-worse' ? '0–100, higher = more exposed' : '0–100';
			return summary('dimension_score', `${dimension?.label ?? d.dimension} (${scale})`, number(d.score), d.dimension);
		}),
		summary('use', 'Use of AI (0–100)', number(result.use)),
		summary('control', 'Control of AI (0–100)', number(result.control)),
		summary('index', 'Overall index (0–100)', number(result.index)),
		summary('coverage', 'Coverage (% of practice questions answered)', number(result.coverage * 100)),
		summary('answered', 'Practice questions answered', result.answered),
		summary('not_applicable', `Practice questions answered “${NOT_APPLICABLE_LABEL}”`, result.notApplicable),
		summary('skipped', 'Practice questions skipped', result.skipped),
		summary('tier', 'Tier', result.tier ? TIER_LABELS[result.tier] : 'Not placed (too few answers)'),
		summary('benchmark', 'Benchmark', benchmark.name),
		summary('benchmark_sample', 'Benchmark sample (organisations)', benchmark.sample),
		summary('benchmark_tier_share', 'Benchmark organisations in your tier (%)', number(tierShare ?? null))
	];
	return writeCsv([RESULT_CSV_COLUMNS, ...questionRows, ...summaryRows]);
}

/** An answer from an older bank version that the current version cannot take. */
export interface UnmappedAnswer {
	/** Spreadsheet row of the answer in the imported file. */
	row: number;
	questionId: string;
	optionId: string;
	/** Why it did not map, e.g. `question retired_question is not asked in version 1.0.0`. */
	reason: string;
}

/** A result CSV read back: answers against the newest bank version, plus what did not map onto it. */
export interface ImportedResult {
	/** The newest known version of the file's bank; `answers` answer it. */
	bank: QuestionBank;
	answers: Answers;
	unmapped: UnmappedAnswer[];
	/** The bank version the file was exported with. */
	from: { bank: string; version: string };
	exportedAt: string;
}

/** Compares two semantic versions. */
function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
	return 0;
}

/**
 * Reads a result CSV exported by {@link resultToCsv}, from this or an older bank version. Throws
 * `CsvImportError` naming row and column for anything else: not a CSV, wrong columns, unknown bank or version,
 * unknown question or option ids, a question given twice, formulas, binary data, files over 2 MB. Answers from an
 * older version are mapped onto the newest version of the same bank by question id and option id; what does not
 * map is listed in `unmapped`, never dropped silently.
 */
export function parseResultCsv(
	text: string,
	banks: readonly QuestionBank[] = BANKS,
	maxBytes?: number
): ImportedResult {
	const table = readCsvTable(text, { ...SPEC, maxBytes });
	const first = table.rows[0]!;
	const bankId = table.get(first, 'bank_id').trim();
	const version = table.get(first, 'bank_version').trim();
	const exportedAt = table.get(first, 'exported_at').trim();
	const versions = banks.filter((b) => b.id === bankId);
	const source = versions.find((b) => b.version === version);
	if (versions.length === 0)
		throw new CsvImportError([
			{
				row: first.row,
				column: 'bank_id',
				message: `"${bankId.slice(0, 64)}" is not a question bank this site knows (it knows ${[...new Set(banks.map((b) => b.id))].join(', ')})`
			}
		]);
	if (!source)
		throw new CsvImportError([
			{
				row: first.row,
				column: 'bank_version',
				message: `this file was exported with question bank ${bankId} version ${version.slice(0, 20)}, which this site does not know (it knows ${versions.map((b) => b.version).join(', ')})`
			}
		]);
	if (Number.isNaN(Date.parse(exportedAt)))
		throw new CsvImportError([
			{ row: first.row, column: 'exported_at', message: `"${exportedAt.slice(0, 40)}" is not a date and time` }
		]);

	const issues = new IssueList();
	const questions = new Map(source.questions.map((q) => [q.id, q]));
	const seen = new Map<string, number>();
	const chosen: { row: number; questionId: string; optionId: string }[] = [];
	for (const r of table.rows) {
		const section = table.get(r, 'section').trim();
		for (const [column, expected] of [
			['bank_id', bankId],
			['bank_version', version]
		] as const) {
			const value = table.get(r, column).trim();
			if (value !== expected)
				issues.add({
					row: r.row,
					column,
					message: `"${value.slice(0, 64)}" differs from row ${first.row} ("${expected}"); a file holds one result`
				});
		}
		if (section === 'summary') continue; // recomputed from the answers, never trusted
		if (section !== 'question') {
			issues.add({
				row: r.row,
				column: 'section',
				message: `"${section.slice(0, 40)}" is not a section (use question or summary)`
			});
			continue;
		}
		const questionId = table.get(r, 'question_id').trim();
		const question = questions.get(questionId);
		if (!question) {
			issues.add({
				row: r.row,
				column: 'question_id',
				message: `"${questionId.slice(0, 64)}" is not a question of bank ${bankId} version ${version}`
			});
			continue;
		}
		const firstRow = seen.get(questionId);
		if (firstRow !== undefined) {
			issues.add({
				row: r.row,
				column: 'question_id',
				message: `question ${questionId} appears twice (first in row ${firstRow})`
			});
			continue;
		}
		seen.set(questionId, r.row);
		const optionId = table.get(r, 'option_id').trim();
		if (optionId === '') continue; // skipped
		if (optionId !== NOT_APPLICABLE && !question.options.some((o) => o.id === optionId)) {
			issues.add({
				row: r.row,
				column: 'option_id',
				message: `"${optionId.slice(0, 64)}" is not an option of question ${questionId}`
			});
			continue;
		}
		chosen.push({ row: r.row, questionId, optionId });
	}
	if (seen.size === 0 && issues.size === 0)
		issues.add({ message: 'the file has no question rows (section "question"), so there are no answers to import' });
	issues.throwIfAny();

	const target = versions.reduce((newest, b) => (compareVersions(b.version, newest.version) > 0 ? b : newest));
	const targetQuestions = new Map(target.questions.map((q) => [q.id, q]));
	const answers: Answers = {};
	const unmapped: UnmappedAnswer[] = [];
	for (const c of chosen) {
		const question = targetQuestions.get(c.questionId);
		if (!question)
			unmapped.push({ ...c, reason: `question ${c.questionId} is not asked in version ${target.version}` });
		else if (c.optionId !== NOT_APPLICABLE && !question.options.some((o) => o.id === c.optionId))
			unmapped.push({
				...c,
				reason: `option ${c.optionId} of question ${c.questionId} is not offered in version ${target.version}`
			});
		else answers[c.questionId] = c.optionId;
	}
	return { bank: target, answers, unmapped, from: { bank: bankId, version }, exportedAt };
}
