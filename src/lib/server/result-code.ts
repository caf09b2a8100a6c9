/**
 * A result from its answer code alone, for the results page and its downloads: decode, then score. Nothing is
 * stored; the code is the result.
 */
import { AnswerCodeError, decodeAnswerCode } from '$scoring/answer-code';
import { AnswersError, score } from '$scoring/score';
import type { Answers, QuestionBank, Result } from '$scoring/schema';

/** A result code that does not decode, or decodes to answers that cannot be scored; `message` says which. */
export class ResultCodeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ResultCodeError';
	}
}

/** What an answer code holds, scored. */
export interface ScoredCode {
	bank: QuestionBank;
	answers: Answers;
	result: Result;
}

/** Decodes and scores an answer code; throws {@link ResultCodeError} with a sentence for a bad or tampered code. */
export function scoreAnswerCode(code: string): ScoredCode {
	let decoded: ReturnType<typeof decodeAnswerCode>;
	try {
		decoded = decodeAnswerCode(code);
	} catch (e) {
		if (e instanceof AnswerCodeError) throw new ResultCodeError(`${e.message}.`);
		throw e;
	}
	try {
		return { ...decoded, result: score(decoded.bank, decoded.answers) };
	} catch (e) {
		if (e instanceof AnswersError)
			throw new ResultCodeError(`This result code holds answers that cannot be scored: ${e.message}.`);
		throw e;
	}
}

/** The plain-text 400 a download endpoint answers a bad code with. */
export function badCodeResponse(error: ResultCodeError): Response {
	return new Response(`${error.message}\n`, {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
}
