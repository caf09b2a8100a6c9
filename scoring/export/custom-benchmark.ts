/**
 * Custom benchmarks for consultants: a CSV of tier shares (and optionally per-question shares) for their own
 * portfolio, with a name and sample size, shown beside the survey. Format: docs/formats.md, sample:
 * static/custom-benchmark-sample.csv.
 */
import { z } from 'zod';
import { SURVEY_2026, type Benchmark } from '../content/survey';
import { readCsvTable, IssueList, parsePercent, type TableSpec } from './csv-table';
import {
	RESERVED_ANSWERS,
	SemVer,
	Slug,
	TIER_IDS,
	TierId,
	type Answers,
	type Question,
	type QuestionBank
} from '../schema';

/** Columns of a custom-benchmark CSV (`option_ids` may be left out). */
export const CUSTOM_BENCHMARK_COLUMNS = ['record', 'id', 'value', 'option_ids'] as const;

/** How far the four tier shares may stray from 100 (rounding). */
export const TIER_SHARE_TOLERANCE = 1;

const Share = z.number().min(0).max(100);

/** A per-question share: `share` % of the benchmark's organisations chose one of `optionIds`. */
export const CustomQuestionShareSchema = z.strictObject({
	questionId: Slug,
	optionIds: z.array(Slug).min(1),
	share: Share,
	/** The survey figure the row was keyed by, when it was a `figure` row. */
	figure: Slug.nullable()
});
export type CustomQuestionShare = z.infer<typeof CustomQuestionShareSchema>;

/** A consultant's benchmark, validated against the question bank it was loaded for. */
export const CustomBenchmarkSchema = z.strictObject({
	name: z.string().min(1).max(120),
	sample: z.number().int().positive(),
	bank: Slug,
	version: SemVer,
	tiers: z.record(TierId, Share),
	questions: z.array(CustomQuestionShareSchema)
});
export type CustomBenchmark = z.infer<typeof CustomBenchmarkSchema>;

const SPEC: TableSpec = {
	what: 'a custom benchmark CSV (columns record, id, value, option_ids)',
	remedy: 'Start from the sample file ("Download the sample file") and save it as CSV.',
	columns: CUSTOM_BENCHMARK_COLUMNS,
	optional: ['option_ids']
};

const MAX_SAMPLE = 10_000_000;

/**
 * Parses and validates a custom-benchmark CSV for `bank`. Throws `CsvImportError` listing every problem by row
 * and column: missing or repeated name / sample / tier rows, shares outside 0–100 or tier shares not adding up
 * to 100 ± 1, a sample that is not a positive whole number, unknown record types, question, option or figure ids,
 * and questions given twice.
 */
export function parseCustomBenchmark(
	text: string,
	bank: QuestionBank,
	survey: Benchmark = SURVEY_2026,
	maxBytes?: number
): CustomBenchmark {
	const table = readCsvTable(text, { ...SPEC, maxBytes });
	const issues = new IssueList();
	const questions = new Map(bank.questions.map((q) => [q.id, q]));
	const figureQuestions = new Map<string, { question: Question; matches: string[] }>();
	for (const q of bank.questions)
		for (const link of q.benchmarks ?? [])
			if (!figureQuestions.has(link.figure)) figureQuestions.set(link.figure, { question: q, matches: link.matches });
	const surveyFigures = new Set(survey.figures.map((f) => f.id));

	let name: string | undefined;
	let sample: number | undefined;
	const tiers = new Map<TierId, { share: number; row: number }>();
	const shares = new Map<string, CustomQuestionShare>();
	const seenRow = new Map<string, number>();

	const once = (key: string, row: number, what: string): boolean => {
		const first = seenRow.get(key);
		if (first !== undefined) {
			issues.add({ row, column: 'id', message: `${what} is given twice (first in row ${first})` });
			return false;
		}
		seenRow.set(key, row);
		return true;
	};
	const share = (row: number, cell: string): number | null => {
		const value = parsePercent(cell, table.separator);
		if (value === null)
			issues.add({ row, column: 'value', message: `"${cell.slice(0, 40)}" is not a share from 0 to 100` });
		return value;
	};
	const optionIdsFor = (row: number, question: Question, cell: string, matches: readonly string[] | undefined) => {
		const ids = cell.trim() === '' ? [...(matches ?? [])] : cell.trim().split(/\s+/);
		if (ids.length === 0) {
			issues.add({
				row,
				column: 'option_ids',
				message: `question ${question.id} has no survey figure, so list the option ids the share counts`
			});
			return null;
		}
		const known = new Set(question.options.map((o) => o.id));
		const bad = ids.find((id) => !known.has(id));
		if (bad !== undefined) {
			issues.add({
				row,
				column: 'option_ids',
				message: `"${bad.slice(0, 40)}" is not an option of question ${question.id} (options: ${[...known].join(', ')})`
			});
			return null;
		}
		if (new Set(ids).size !== ids.length)
			issues.add({ row, column: 'option_ids', message: 'an option id is listed twice' });
		return ids;
	};

	for (const r of table.rows) {
		const record = table.get(r, 'record').trim();
		const id = table.get(r, 'id').trim();
		const value = table.get(r, 'value').trim();
		switch (record) {
			case 'name':
				if (!once('name', r.row, 'the name')) break;
				if (value.length < 1 || value.length > 120)
					issues.add({ row: r.row, column: 'value', message: 'the name must be 1 to 120 characters' });
				else name = value;
				break;
			case 'sample':
				if (!once('sample', r.row, 'the sample size')) break;
				if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SAMPLE)
					issues.add({
						row: r.row,
						column: 'value',
						message: `the sample size must be a whole number from 1 to ${MAX_SAMPLE.toLocaleString('en')}, not "${value.slice(0, 40)}"`
					});
				else sample = Number(value);
				break;
			case 'tier': {
				const tier = TierId.safeParse(id);
				if (!tier.success) {
					issues.add({
						row: r.row,
						column: 'id',
						message: `"${id.slice(0, 40)}" is not a tier (tiers: ${TIER_IDS.join(', ')})`
					});
					break;
				}
				if (!once(`tier:${tier.data}`, r.row, `tier ${tier.data}`)) break;
				const s = share(r.row, value);
				if (s !== null) tiers.set(tier.data, { share: s, row: r.row });
				break;
			}
			case 'question': {
				const question = questions.get(id);
				if (!question) {
					issues.add({
						row: r.row,
						column: 'id',
						message: `"${id.slice(0, 40)}" is not a question of bank ${bank.id} ${bank.version}`
					});
					break;
				}
				if (!once(`question:${id}`, r.row, `question ${id}`)) break;
				const s = share(r.row, value);
				const link = question.benchmarks?.[0];
				const optionIds = optionIdsFor(r.row, question, table.get(r, 'option_ids'), link?.matches);
				if (s !== null && optionIds)
					shares.set(id, { questionId: id, optionIds, share: s, figure: link?.figure ?? null });
				break;
			}
			case 'figure': {
				const linked = figureQuestions.get(id);
				if (!linked) {
					issues.add({
						row: r.row,
						column: 'id',
						message: surveyFigures.has(id)
							? `survey figure "${id}" is not asked about by any question of bank ${bank.id} ${bank.version}`
							: `"${id.slice(0, 40)}" is not a survey figure`
					});
					break;
				}
				if (table.get(r, 'option_ids').trim() !== '')
					issues.add({
						row: r.row,
						column: 'option_ids',
						message: 'leave option_ids empty on a figure row (the question decides which options count)'
					});
				const { question, matches } = linked;
				if (!once(`question:${question.id}`, r.row, `question ${question.id} (figure ${id})`)) break;
				const s = share(r.row, value);
				if (s !== null)
					shares.set(question.id, {
						questionId: question.id,
						optionIds: [...matches],
						share: s,
						figure: id
					});
				break;
			}
			default:
				issues.add({
					row: r.row,
					column: 'record',
					message: `"${record.slice(0, 40)}" is not a record type (use name, sample, tier, question or figure)`
				});
		}
	}

	if (!seenRow.has('name')) issues.add({ message: 'the file has no name row (record "name")' });
	if (!seenRow.has('sample')) issues.add({ message: 'the file has no sample row (record "sample")' });
	for (const tier of TIER_IDS)
		if (!seenRow.has(`tier:${tier}`)) issues.add({ message: `the file has no share for tier ${tier}` });
	if (tiers.size === TIER_IDS.length) {
		const total = [...tiers.values()].reduce((sum, t) => sum + t.share, 0);
		if (Math.abs(total - 100) > TIER_SHARE_TOLERANCE) {
			const rows = [...tiers.values()].map((t) => t.row).sort((a, b) => a - b);
			issues.add({
				message: `Rows ${rows.join(', ')}, column value: the tier shares add up to ${Math.round(total * 10) / 10}, not 100 (± ${TIER_SHARE_TOLERANCE})`
			});
		}
	}
	issues.throwIfAny();

	return CustomBenchmarkSchema.parse({
		name,
		sample,
		bank: bank.id,
		version: bank.version,
		tiers: Object.fromEntries(TIER_IDS.map((t) => [t, tiers.get(t)?.share ?? 0])),
		questions: bank.questions.flatMap((q) => shares.get(q.id) ?? [])
	});
}

/** A per-question line comparing one answer with the custom benchmark. */
export interface CustomBenchmarkLine {
	questionId: string;
	share: number;
	/** Whether your answer is one of the counted options; null when skipped or not applicable. */
	matches: boolean | null;
	/** e.g. `41 % of Acme portfolio (48 organisations) chose: Enforced policy or Audited policy`. */
	peers: string;
}

/** The benchmark's per-question shares next to `answers` (questions the benchmark does not cover are left out). */
export function customBenchmarkLines(
	custom: CustomBenchmark,
	bank: QuestionBank,
	answers: Answers
): CustomBenchmarkLine[] {
	const questions = new Map(bank.questions.map((q) => [q.id, q]));
	return custom.questions.flatMap((s) => {
		const question = questions.get(s.questionId);
		if (!question) return [];
		const answer = Object.hasOwn(answers, s.questionId) ? answers[s.questionId] : undefined;
		const labels = s.optionIds.map((id) => question.options.find((o) => o.id === id)?.label ?? id);
		return [
			{
				questionId: s.questionId,
				share: s.share,
				// A reserved answer (don't know, varies, not tracked, not applicable) says nothing either way.
				matches: answer === undefined || RESERVED_ANSWERS.includes(answer) ? null : s.optionIds.includes(answer),
				peers: `${s.share} % of ${custom.name} (${custom.sample} organisations) chose: ${labels.join(' or ')}`
			}
		];
	});
}
