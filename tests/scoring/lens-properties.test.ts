/**
 * The promise of docs/lenses.md, over the real bank 3.0.0 and the shipped example lens (fast-check): whatever the
 * lens answers, the survey result of a code — group, deciding rule, every number — is the one the same survey
 * answers give without the lens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANK_V3 } from '$scoring/content/banks';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { lensQuestions, reservedLensAnswers, type LensAnswers } from '$scoring/lens/findings';
import { parseLens } from '$scoring/lens/parse';
import type { Lens } from '$scoring/lens/schema';
import { scoreCode } from '$scoring/model/result-code';
import { answersArb } from '../fixtures/answers';
import { EXAMPLE_LENS_TEXT } from '../fixtures/lens';

const lens = parseLens(EXAMPLE_LENS_TEXT);

/** Any lens answers: each question answered with an option, a reserved answer it takes, or left unanswered. */
function lensAnswersArb(lens: Lens): fc.Arbitrary<LensAnswers> {
	const questions = lensQuestions(lens).map((q) => q.question);
	return fc
		.tuple(
			...questions.map((q) =>
				fc.constantFrom<string | null>(null, ...q.options.map((o) => o.id), ...reservedLensAnswers(q))
			)
		)
		.map((values) => {
			const answers: LensAnswers = {};
			values.forEach((v, i) => {
				if (v !== null) answers[questions[i]!.id] = v;
			});
			return answers;
		});
}

describe('a lens never changes the survey result', () => {
	it('the same survey answers give the same group and result with any lens answers, and without the lens', () => {
		fc.assert(
			fc.property(answersArb(BANK_V3), lensAnswersArb(lens), lensAnswersArb(lens), (core, one, other) => {
				const without = scoreCode(encodeAnswerCode(BANK_V3, core)).result;
				const withOne = scoreCode(encodeAnswerCode(BANK_V3, core, { lens, answers: one })).result;
				const withOther = scoreCode(encodeAnswerCode(BANK_V3, core, { lens, answers: other })).result;
				expect(withOne.tier).toBe(without.tier);
				expect(withOne).toEqual(without);
				expect(withOther).toEqual(without);
			}),
			{ numRuns: 40 }
		);
	}, 60_000);
});
