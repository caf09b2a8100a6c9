/**
 * Answer sets and their real `score()` results for the report tests: the best answer everywhere, the worst
 * everywhere, and a deterministic mix with "not applicable" and skipped questions.
 */
import { BANK_V1 } from '$scoring/content/banks';
import { NOT_APPLICABLE, type Answers, type QuestionBank } from '$scoring/schema';
import { score, type AnyResult } from '$scoring/model';

function pick(bank: QuestionBank, choose: (scores: number[]) => number): Answers {
	const answers: Answers = {};
	for (const q of bank.questions) {
		if (q.kind === 'profile') continue;
		const scores = q.options.map((o) => o.score);
		const option = q.options[scores.indexOf(choose(scores))];
		if (option) answers[q.id] = option.id;
	}
	return answers;
}

export const allBest = (bank: QuestionBank = BANK_V1): Answers => pick(bank, (s) => Math.max(...s));

/** Walks the options of each question in turn; every 9th question is "not applicable", every 13th skipped. */
export function mixed(bank: QuestionBank = BANK_V1): Answers {
	const answers: Answers = {};
	bank.questions.forEach((q, i) => {
		if (q.kind === 'profile' || i % 13 === 12) return;
		answers[q.id] = i % 9 === 8 ? NOT_APPLICABLE : (q.options[(i * 3) % q.options.length]?.id ?? NOT_APPLICABLE);
	});
	return answers;
}

/** The mixed answers, scored: a result with every section filled in. */
export const exampleResult = (): AnyResult => score(BANK_V1, mixed());
