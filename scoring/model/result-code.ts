/**
 * A result from its answer code alone: decode, validate, score — the one way every surface (results page,
 * downloads, the browser's reports, the CLI) turns a code into a result. Pure; nothing is stored.
 */
import { AnswerCodeError, decodeAnswerCode, type LensCodePart } from '../export/answer-code';
import { AnswersError } from '../answers';
import { BANKS } from '../content/banks';
import { SURVEY_2026, type Benchmark } from '../content/survey';
import type { Answers, QuestionBank } from '../schema';
import { score, type AnyResult } from './index';

/** A code and what it holds, scored. */
export interface ScoredCode {
	code: string;
	bank: QuestionBank;
	answers: Answers;
	result: AnyResult;
	/** The lens part of the code, as written (read it with `decodeLensAnswers` against its lens); null without one. */
	lens: LensCodePart | null;
}

/** Why a code is not a usable result; `reason` says which (data, not text to parse), `message` is for the person. */
export class ResultCodeError extends Error {
	constructor(
		message: string,
		readonly reason: 'not_a_code' | 'cannot_score'
	) {
		super(message);
		this.name = 'ResultCodeError';
	}
}

/** Decodes and scores an answer code; throws {@link ResultCodeError} (only) for a bad, tampered or unknown code. */
export function scoreCode(
	code: string,
	benchmark: Benchmark = SURVEY_2026,
	banks: readonly QuestionBank[] = BANKS
): ScoredCode {
	let decoded: ReturnType<typeof decodeAnswerCode>;
	try {
		decoded = decodeAnswerCode(code, banks);
	} catch (e) {
		if (e instanceof AnswerCodeError) throw new ResultCodeError(`${e.message}.`, 'not_a_code');
		throw e;
	}
	try {
		return { code, ...decoded, result: score(decoded.bank, decoded.answers, benchmark) };
	} catch (e) {
		if (e instanceof AnswersError)
			throw new ResultCodeError(`This result code holds answers that cannot be scored: ${e.message}.`, 'cannot_score');
		throw e;
	}
}
