/**
 * The anonymised workshop export: one row per response with its answers only — no names, no participant ids, no
 * timestamps — numbered in an order unrelated to who submitted when. Formula-safe cells (see `safeCell`).
 */
import { writeCsv } from './csv-table';
import type { Answers, QuestionBank } from './schema';

/** Fixed leading columns; one column per question of the bank (its id) follows, holding the option id. */
export const TEAM_CSV_COLUMNS = ['response', 'bank_id', 'bank_version'] as const;

/**
 * Writes the anonymised CSV (UTF-8 with BOM, CRLF via `writeCsv`): a header row, then one row per answer set.
 * A skipped question is an empty cell; "not applicable" is `na`.
 */
export function teamAnswersToCsv(bank: QuestionBank, answerSets: readonly Answers[]): string {
	const questionIds = bank.questions.map((q) => q.id);
	return writeCsv([
		[...TEAM_CSV_COLUMNS, ...questionIds],
		...answerSets.map((answers, i) => [i + 1, bank.id, bank.version, ...questionIds.map((id) => answers[id] ?? '')])
	]);
}
