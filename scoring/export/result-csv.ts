/**
 * The result CSV: what "Download CSV" writes and "Import earlier CSV" reads back. Layout in docs/formats.md:
 * one table, one row per question of the bank (section `question`), then summary rows (section `summary`);
 * every row carries the bank id, bank version and export time. Cells are formula-safe (see `safeCell`).
 */
import { answerText, DONT_KNOW_LABEL } from '../present/answer-labels';
import { BANKS } from '../content/banks';
import type { Benchmark } from '../content/survey';
import { CsvImportError, IssueList, readCsvTable, writeCsv, type TableSpec } from './csv-table';
import { AnswersError, reservedAnswersOf, validateAnswers } from '../answers';
import { surveyShareOf } from '../content/survey';
import { isCurrent, type AnyResult } from '../model';
import type { Answers, QuestionBank } from '../schema';
import { METRIC_LABELS, TIER_LABELS } from '../present/labels';
import { lensQuestions, type LensResult } from '../lens/findings';
import type { Lens } from '../lens/schema';
import { lensAnswerLabel } from '../present/lens';

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
	'framework_references',
	'metric',
	'metric_label',
	'value'
] as const;

/**
 * The columns a CSV downloaded from a workspace milestone adds after {@link RESULT_CSV_COLUMNS}: each answer's
 * evidence note and its links (separated by spaces). A result CSV of a result that was never saved has neither.
 */
export const RESULT_CSV_EVIDENCE_COLUMNS = ['evidence_note', 'evidence_links'] as const;
type Column = (typeof RESULT_CSV_COLUMNS)[number] | (typeof RESULT_CSV_EVIDENCE_COLUMNS)[number];

// Files exported before bank 2.0.0 have no framework_references column; only a workspace milestone's have evidence.
const SPEC: TableSpec = {
	what: 'a result CSV exported by this site',
	remedy: 'Choose a file saved by "Download CSV" on a results page.',
	columns: [...RESULT_CSV_COLUMNS, ...RESULT_CSV_EVIDENCE_COLUMNS],
	optional: ['framework_references', ...RESULT_CSV_EVIDENCE_COLUMNS]
};

/** Options for {@link resultToCsv}. */
export interface ResultCsvOptions {
	/** When the export was made, ISO 8601 (the caller supplies the clock, keeping this function pure). */
	exportedAt: string;
	/** The benchmark the result was scored against (its name, sample and your tier's share are written). */
	benchmark: Benchmark;
	/** A workspace milestone's evidence per answer: adds the {@link RESULT_CSV_EVIDENCE_COLUMNS}. */
	evidence?: readonly { questionId: string; note: string | null; links: readonly string[] }[];
	/** A lens the answers went through, and its findings: adds the lens rows after the summary rows. */
	lens?: { lens: Lens; result: LensResult } | null;
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
	result: AnyResult,
	{ exportedAt, benchmark, evidence, lens }: ResultCsvOptions
): string {
	const dimensions = new Map(bank.dimensions.map((d) => [d.id, d]));
	const lines = new Map(result.benchmarkLines.map((l) => [l.questionId, l]));
	const columns: readonly Column[] = evidence
		? [...RESULT_CSV_COLUMNS, ...RESULT_CSV_EVIDENCE_COLUMNS]
		: RESULT_CSV_COLUMNS;
	const evidenceOf = new Map((evidence ?? []).map((e) => [e.questionId, e]));
	const row = (cells: Partial<Record<Column, string | number>>) =>
		columns.map((c) =>
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
			survey_source: line?.source ?? '',
			framework_references: (q.references ?? []).join(' '),
			evidence_note: evidenceOf.get(q.id)?.note ?? '',
			evidence_links: evidenceOf.get(q.id)?.links.join(' ') ?? ''
		});
	});

	const summary = (metric: string, label: string, value: string | number, dimension = '') =>
		row({ section: 'summary', dimension, metric, metric_label: label, value });
	const tierShare = result.tier ? benchmark.tiers.find((t) => t.id === result.tier)?.share : undefined;
	const dimensionRows = result.dimensions.map((d) => {
		const dimension = dimensions.get(d.dimension);
		const scale = dimension?.orientation === 'higher-is-worse' ? `0–100, ${METRIC_LABELS.exposureScale}` : '0–100';
		return summary('dimension_score', `${dimension?.label ?? d.dimension} (${scale})`, number(d.score), d.dimension);
	});
	const tierRow = summary(
		'tier',
		METRIC_LABELS.tier,
		result.tier ? TIER_LABELS[result.tier] : METRIC_LABELS.notPlacedTooFew
	);
	const benchmarkRows = [
		summary('benchmark', 'Benchmark', benchmark.name),
		summary('benchmark_sample', 'Benchmark sample (organisations)', benchmark.sample),
		summary('benchmark_tier_share', 'Benchmark organisations in your group (%)', number(tierShare ?? null))
	];
	let summaryRows: (string | number)[][];
	if (isCurrent(result)) {
		const interval = result.tier ? surveyShareOf(benchmark, result.tier).interval : null;
		summaryRows = [
			...dimensionRows,
			summary(
				'use',
				`${METRIC_LABELS.use} (0–100, context: never moves a result into or out of Pioneer)`,
				number(result.use)
			),
			summary('control', `${METRIC_LABELS.control} (0–100)`, number(result.control)),
			summary('exposure', `${METRIC_LABELS.exposure} (0–100, ${METRIC_LABELS.exposureScale})`, number(result.exposure)),
			summary(
				'coverage',
				`${METRIC_LABELS.coverage} (% of practice and outcome questions answered)`,
				number(result.coverage * 100)
			),
			summary('answered', 'Questions answered', result.answered),
			summary('dont_know', `Questions answered “${DONT_KNOW_LABEL}”`, result.dontKnow),
			summary('unanswered', 'Questions unanswered (question ids)', result.unanswered.join(' ')),
			tierRow,
			summary('rule', 'Deciding rule (see the methodology page)', result.rule),
			summary('provisional', 'Provisional', result.provisional ? 'yes' : 'no'),
			summary('critical_gaps', 'Critical gaps (question ids)', result.criticalGaps.join(' ')),
			summary(
				'not_ruled_out',
				'Critical questions not ruled out (question ids)',
				result.criticalOpen
					.filter((g) => !g.optionId)
					.map((g) => g.questionId)
					.join(' ')
			),
			summary('weak_guards', 'Weak guards (question ids)', result.weakGuards.map((g) => g.questionId).join(' ')),
			summary(
				'severe_findings',
				'Severe findings (question ids; fixed and verified marked *)',
				result.criticalFindings.map((f) => `${f.questionId}${f.fixed ? '*' : ''}`).join(' ')
			),
			summary(
				'unknown_outcomes',
				'Outcomes not ruled out (question ids)',
				result.unknownOutcomes.map((u) => u.questionId).join(' ')
			),
			summary(
				'inconsistencies',
				'Inconsistent answers: counted lower for a prerequisite, or contradicting another (question ids)',
				result.inconsistencies.map((i) => i.questionId).join(' ')
			),
			summary(
				'lifts',
				'The plan reaches the next group',
				result.liftPlan ? (result.liftPlan.lifts ? 'yes' : 'no') : ''
			),
			...benchmarkRows,
			summary(
				'benchmark_tier_interval',
				'Survey share of your group, 95 % interval (%)',
				interval ? `${interval.low}–${interval.high}` : ''
			)
		];
	} else
		summaryRows = [
			...dimensionRows,
			summary('use', 'AI use (0–100)', number(result.use)),
			summary('control', 'Control (0–100)', number(result.control)),
			summary('index', `${METRIC_LABELS.index} (0–100)`, number(result.index)),
			summary(
				'coverage',
				`${METRIC_LABELS.coverage} (% of the questions that apply, answered)`,
				number(result.coverage * 100)
			),
			summary('answered', 'Questions answered with an option', result.answered),
			summary('not_applicable', 'Questions not applicable (skipped by a gating answer)', result.notApplicable),
			summary('dont_know', `Questions answered “${DONT_KNOW_LABEL}”`, result.dontKnow),
			summary('skipped', 'Questions skipped', result.skipped),
			tierRow,
			summary('provisional', 'Provisional (thin coverage in a dimension)', result.provisional ? 'yes' : 'no'),
			summary('critical_gaps', 'Critical gaps (question ids)', result.criticalGaps.join(' ')),
			...benchmarkRows
		];
	return writeCsv([columns, ...questionRows, ...summaryRows, ...(lens ? lensRows(lens.lens, lens.result, row) : [])]);
}

/**
 * The rows of a lens's findings (docs/formats.md): a `lens_question` row per lens question — the answer, the
 * level it counts at, the risk and its reason — then `lens_summary` rows: the lens and version, the questions at
 * high and medium risk, those counted as their weakest answer, and one `lens_next_step` row per next step.
 */
function lensRows(
	lens: Lens,
	result: LensResult,
	row: (cells: Partial<Record<Column, string | number>>) => (string | number)[]
): (string | number)[][] {
	const questions = new Map(lensQuestions(lens).map((q) => [q.question.id, q.question]));
	const summary = (metric: string, label: string, value: string, questionId = '') =>
		row({ section: 'lens_summary', question_id: questionId, metric, metric_label: label, value });
	const ids = (filter: (f: LensResult['findings'][number]) => boolean) =>
		result.findings
			.filter(filter)
			.map((f) => f.questionId)
			.join(' ');
	return [
		...result.findings.map((f) => {
			const question = questions.get(f.questionId)!;
			return row({
				section: 'lens_question',
				dimension: f.sectionId,
				question_id: f.questionId,
				question_text: question.text,
				option_id: f.given ?? '',
				option_label: lensAnswerLabel(question, f.given),
				level_score: f.level ?? '',
				framework_references: (question.references ?? []).join(' '),
				metric: 'lens_risk',
				metric_label: f.because ?? '',
				value: f.risk ?? 'none'
			});
		}),
		summary('lens', `Lens: ${lens.title}`, `${lens.id}@${lens.version}`),
		summary('lens_high_risk', 'High-risk findings (question ids)', result.high.join(' ')),
		summary('lens_medium_risk', 'Medium-risk findings (question ids)', result.medium.join(' ')),
		summary(
			'lens_counted_weakest',
			'Counted as the weakest answer: unanswered, don’t know, or not applicable where it does not hold (question ids)',
			ids((f) => f.status === 'unanswered' || f.status === 'dont_know' || f.notApplicableRefused)
		),
		...result.findings.flatMap((f) =>
			f.nextStep ? [summary('lens_next_step', f.nextStep.title, f.nextStep.action, f.questionId)] : []
		)
	];
}

/** A result CSV read back: the answers against the bank version the file was exported with. */
export interface ImportedResult {
	/** The bank (and version) the file was exported with; `answers` answer it. */
	bank: QuestionBank;
	answers: Answers;
	exportedAt: string;
}

/**
 * Reads a result CSV exported by {@link resultToCsv}, from this or an older bank version. Throws
 * `CsvImportError` naming row and column for anything else: not a CSV, wrong columns, unknown bank or version,
 * unknown question or option ids, an answer the question does not accept, a question given twice, formulas, binary
 * data, files over 2 MB. The answers stay on the file's own bank version, so an old result is scored by its own
 * model; `carryAnswers` (scoring/migrate) says what would carry into a retake on the current version.
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
		// Summary rows are recomputed from the answers, never trusted; a lens's rows are not imported (its answers
		// live in the result's address, docs/lenses.md).
		if (section === 'summary' || section === 'lens_question' || section === 'lens_summary') continue;
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
		if (!question.options.some((o) => o.id === optionId) && !reservedAnswersOf(source, question).includes(optionId)) {
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

	const answers: Answers = {};
	for (const c of chosen) answers[c.questionId] = c.optionId;
	try {
		validateAnswers(source, answers);
	} catch (error) {
		const row = chosen.find((c) => c.questionId === (error as AnswersError).questionId)?.row;
		throw new CsvImportError([{ row, column: 'option_id', message: (error as Error).message }]);
	}
	return { bank: source, answers, exportedAt };
}
