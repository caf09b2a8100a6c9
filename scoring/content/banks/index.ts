/**
 * The question banks the app knows, and small helpers to look questions up. Every bank version ever published
 * stays in {@link BANKS} so that old answer codes and exports can still be decoded and scored by their own model.
 */
import type { QuestionBank } from '../../schema';
import { BANK_V1 } from './v1';
import { BANK_V2 } from './v2';
import { BANK_V3 } from './v3';

export { BANK_V1, BANK_V2, BANK_V3 };

/** The bank new assessments use. */
export const CURRENT_BANK: QuestionBank = BANK_V3;

/** Every published bank version, oldest first. */
export const BANKS: readonly QuestionBank[] = [BANK_V1, BANK_V2, BANK_V3];

/** The bank with this id and exact version, or `undefined` when no such version was published. */
export function findBank(
	id: string,
	version: string,
	banks: readonly QuestionBank[] = BANKS
): QuestionBank | undefined {
	return banks.find((bank) => bank.id === id && bank.version === version);
}
