/**
 * Scoring, whatever the bank: each bank is scored by the model it names — the frozen 1.x model, the frozen 2.0 model,
 * or model 3.0 — so an old result reads exactly as it did and a new one by the current rules.
 */
import type { Benchmark } from '../content/survey';
import type { Answers, DimensionId, QuestionBank, TierId } from '../schema';
import { score as scoreV2, placement as placementV2 } from './v2/score';
import type { LegacyResult } from './v2/result';
import { measure as measureV3 } from './v3/measure';
import type { Result } from './v3/result';
import { score as scoreV3 } from './v3/score';

export type { LegacyResult, Result };

/** A result of any model: model 3.0's, or a frozen model's (bank 1.x, 2.0.0). */
export type AnyResult = Result | LegacyResult;

/** True for a result of the current model (3.0). */
export function isCurrent(result: AnyResult): result is Result {
	return result.model === 3;
}

/** Scores answers by the model of their bank (see {@link AnyResult}). */
export function score(bank: QuestionBank, answers: Answers, benchmark?: Benchmark): AnyResult {
	return bank.model === 3 ? scoreV3(bank, answers, benchmark) : scoreV2(bank, answers, benchmark);
}

/** The group and dimension scores of validated answers, by the bank's own model: the cheap part of {@link score}. */
export function placement(
	bank: QuestionBank,
	answers: Answers
): { tier: TierId | null; dimensions: { dimension: DimensionId; score: number | null }[] } {
	if (bank.model !== 3) return placementV2(bank, answers);
	const m = measureV3(bank, answers);
	return { tier: m.tier, dimensions: m.dimensions };
}
