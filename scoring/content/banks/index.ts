/**
 * The question banks the app knows, and small helpers to look questions up. Every bank version ever published
 * stays in {@link BANKS} so that old answer codes and exports can still be decoded and scored by their own model.
 */
import { DIMENSION_IDS, type DimensionId, type Question, type QuestionBank } from '../../schema';
import { BANK_V1 } from './v1';
import { BANK_V2 } from './v2';

export { BANK_V1, BANK_V2 };

/** The bank new assessments use. */
export const CURRENT_BANK: QuestionBank = BANK_V2;

/** Every published bank version, oldest first. */
export const BANKS: readonly QuestionBank[] = [BANK_V1, BANK_V2];

/** The bank with this id and exact version, or `undefined` when no such version was published. */
export function findBank(
	id: string,
	version: string,
	banks: readonly QuestionBank[] = BANKS
): QuestionBank | undefined {
	return banks.find((bank) => bank.id === id && bank.version === version);
}

/** True when `bank` is an older version than the one new assessments use (its results say so and offer a retake). */
export function isRetired(bank: QuestionBank): boolean {
	return bank.id === CURRENT_BANK.id && bank.version !== CURRENT_BANK.version;
}

/** The bank's questions of one kind, in bank order. */
export function questionsOf(bank: QuestionBank, kind: Question['kind']): Question[] {
	return bank.questions.filter((q) => q.kind === kind);
}

/** The bank's scored questions (use, practice, outcome) grouped by dimension, each group in bank order. */
export function practiceQuestionsByDimension(bank: QuestionBank): Record<DimensionId, Question[]> {
	const groups = Object.fromEntries(DIMENSION_IDS.map((d) => [d, [] as Question[]])) as Record<DimensionId, Question[]>;
	for (const q of bank.questions)
		if (q.dimension && (q.kind === 'practice' || q.kind === 'use' || q.kind === 'outcome')) groups[q.dimension].push(q);
	return groups;
}

/** The confidence question of a dimension, or `undefined` when the bank has none. */
export function confidenceQuestionFor(bank: QuestionBank, dimension: DimensionId): Question | undefined {
	return bank.questions.find((q) => q.kind === 'confidence' && q.dimension === dimension);
}
