/**
 * "Since last time": compares an earlier result (re-imported from a CSV, or this browser's last one) with the current
 * one — of any bank, each scored by its own model. Groups move in the partial order: up, down, the same, or a
 * different shape (Outpacing and Fragmented are neither above the other).
 */
import type { AnyResult } from '../model';
import { ADOPTION_DIMENSION } from '../model/v3/lines';
import { compareGroups } from '../model/v3/tiers';
import type { Answers, DimensionId, Question, QuestionBank, TierId } from '../schema';
import { answerText } from './answer-labels';

/** A result with what produced it: the bank it answers and the answers. */
export interface ResultSnapshot {
	bank: QuestionBank;
	answers: Answers;
	result: AnyResult;
}

/** How one dimension's reported score moved. */
export interface DimensionChange {
	dimension: DimensionId;
	label: string;
	before: number | null;
	after: number | null;
	change: number | null;
	/**
	 * Whether the move is an improvement (a fall in risk exposure is); null when unchanged or unknown, and always for
	 * AI integration depth: adoption is context, so using more or less AI is neither better nor worse.
	 */
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
	tier: { before: TierId | null; after: TierId | null; direction: 'up' | 'down' | 'same' | 'changed_shape' };
	/** Foundations (control), the readiness axis every model has. */
	control: { before: number | null; after: number | null; change: number | null };
	dimensions: DimensionChange[];
	answers: AnswerChangeLine[];
	unchanged: boolean;
}

function difference(before: number | null, after: number | null): number | null {
	return before === null || after === null ? null : Math.round((after - before) * 10) / 10;
}

const answerOf = (answers: Answers, id: string) => (Object.hasOwn(answers, id) ? answers[id] : undefined);

/** How the group moved: placed from unplaced is up, the reverse down; otherwise the partial order decides. */
function direction(before: TierId | null, after: TierId | null): ResultComparison['tier']['direction'] {
	if (before === after) return 'same';
	if (before === null) return 'up';
	if (after === null) return 'down';
	const c = compareGroups(after, before);
	return c === null ? 'changed_shape' : c > 0 ? 'up' : 'down';
}

/**
 * Compares two results: the group then and now, foundations, each dimension's change (a fall in risk exposure
 * counts as better), and every question whose answer changed, in bank order (questions only the earlier bank asked
 * come last).
 */
export function compareResults(before: ResultSnapshot, after: ResultSnapshot): ResultComparison {
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
			improved: change === null || change === 0 || d.dimension === ADOPTION_DIMENSION ? null : change * sign > 0
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
	const control = {
		before: before.result.control,
		after: after.result.control,
		change: difference(before.result.control, after.result.control)
	};
	const moved = direction(before.result.tier, after.result.tier);
	return {
		tier: { before: before.result.tier, after: after.result.tier, direction: moved },
		control,
		dimensions,
		answers,
		unchanged:
			moved === 'same' &&
			control.before === control.after &&
			dimensions.every((d) => d.before === d.after) &&
			answers.length === 0
	};
}
