/**
 * "Since last time": compares an earlier result (typically re-imported from a CSV) with the current one.
 */
import { answerText } from './answer-labels';
import {
	TIER_IDS,
	type Answers,
	type DimensionId,
	type Question,
	type QuestionBank,
	type Result,
	type TierId
} from '../schema';

/** A result with what produced it: the bank it answers and the answers. */
export interface ResultSnapshot {
	bank: QuestionBank;
	answers: Answers;
	result: Result;
}

/** How one dimension's reported score moved. */
export interface DimensionChange {
	dimension: DimensionId;
	label: string;
	before: number | null;
	after: number | null;
	/** after − before, one decimal; null when either side has no score. */
	change: number | null;
	/** Whether the move is an improvement (a fall in risk exposure is); null when unchanged or unknown. */
	improved: boolean | null;
}

/** A question whose answer changed; labels come from the bank each answer was given against. */
export interface AnswerChangeLine {
	questionId: string;
	questionText: string;
	from: { optionId: string | null; label: string };
	to: { optionId: string | null; label: string };
}

/** Everything the "since last time" panel shows. */
export interface ResultComparison {
	tier: { before: TierId | null; after: TierId | null; direction: 'up' | 'down' | 'same' };
	index: { before: number | null; after: number | null; change: number | null };
	dimensions: DimensionChange[];
	answers: AnswerChangeLine[];
	/** True when tier, index, every dimension and every answer are the same. */
	unchanged: boolean;
}

function difference(before: number | null, after: number | null): number | null {
	return before === null || after === null ? null : Math.round((after - before) * 10) / 10;
}

function answerOf(answers: Answers, questionId: string): string | undefined {
	return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/**
 * Compares two results: tier then and now, the index, each dimension's change (with whether it improved, so a
 * fall in risk exposure counts as better), and every question whose answer changed, in bank order (questions
 * only the earlier bank asked come last).
 */
export function compareResults(before: ResultSnapshot, after: ResultSnapshot): ResultComparison {
	const rank = (tier: TierId | null) => (tier === null ? -1 : TIER_IDS.indexOf(tier));
	const tierDelta = rank(after.result.tier) - rank(before.result.tier);
	const beforeDimensions = new Map(before.result.dimensions.map((d) => [d.dimension, d]));
	const labels = new Map(after.bank.dimensions.map((d) => [d.id, d]));

	const dimensions = after.result.dimensions.map((d): DimensionChange => {
		const was = beforeDimensions.get(d.dimension)?.score ?? null;
		const change = difference(was, d.score);
		const dimension = labels.get(d.dimension);
		const sign = dimension?.orientation === 'higher-is-worse' ? -1 : 1;
		return {
			dimension: d.dimension,
			label: dimension?.label ?? d.dimension,
			before: was,
			after: d.score,
			change,
			improved: change === null || change === 0 ? null : change * sign > 0
		};
	});

	const beforeQuestions = new Map(before.bank.questions.map((q) => [q.id, q]));
	const afterIds = new Set(after.bank.questions.map((q) => q.id));
	const questions: { id: string; was?: Question; now?: Question }[] = [
		...after.bank.questions.map((q) => ({ id: q.id, was: beforeQuestions.get(q.id), now: q })),
		...before.bank.questions.filter((q) => !afterIds.has(q.id)).map((q) => ({ id: q.id, was: q }))
	];
	const answers = questions.flatMap(({ id, was, now }): AnswerChangeLine[] => {
		const from = answerOf(before.answers, id);
		const to = answerOf(after.answers, id);
		if (from === to) return [];
		const question = (now ?? was)!;
		return [
			{
				questionId: id,
				questionText: question.text,
				from: { optionId: from ?? null, label: answerText(was ?? question, from) },
				to: { optionId: to ?? null, label: answerText(question, to) }
			}
		];
	});

	const index = {
		before: before.result.index,
		after: after.result.index,
		change: difference(before.result.index, after.result.index)
	};
	return {
		tier: {
			before: before.result.tier,
			after: after.result.tier,
			direction: tierDelta > 0 ? 'up' : tierDelta < 0 ? 'down' : 'same'
		},
		index,
		dimensions,
		answers,
		unchanged:
			tierDelta === 0 &&
			index.before === index.after &&
			dimensions.every((d) => d.before === d.after) &&
			answers.length === 0
	};
}
