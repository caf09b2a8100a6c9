/**
 * The team aggregate of a workshop: from N participants' answer sets to one consensus answer set scored with the
 * same model as an individual ({@link score}), the spread of answers per question (for a disagreement heatmap),
 * and the confidence gap across the team. Pure; nothing in it names or orders participants.
 */
import { SURVEY_2026, type Benchmark } from './benchmark';
import {
	DIMENSION_IDS,
	DONT_KNOW,
	NOT_APPLICABLE,
	TIER_IDS,
	type Answers,
	type DimensionId,
	type QuestionBank,
	type Result,
	type TierId
} from './schema';
import { confidenceGaps } from './lines';
import { placement, round1, score, validateAnswers } from './score';

/** No team result is computed for fewer participants than this unless the workshop says otherwise. */
export const MIN_GROUP_SIZE_DEFAULT = 3;

/** The largest population standard deviation of scores on a 0–100 scale (half at 0, half at 100). */
const MAX_STD_DEV = 50;

/** How one option of a question was chosen across the team. */
export interface OptionCount {
	optionId: string;
	count: number;
	/** count ÷ participants who answered the question (not N/A, not skipped), 0–1. */
	share: number;
}

/** How much the team agreed on one practice or confidence question. */
export interface QuestionSpread {
	questionId: string;
	/** Participants who chose an option (not N/A, not skipped). */
	answered: number;
	notApplicable: number;
	skipped: number;
	/** Every option of the question in bank order, with how often it was chosen. */
	counts: OptionCount[];
	/** The consensus option (see {@link consensusOption}), `na`, or null when everyone skipped. */
	consensus: string | null;
	/** Mean option score of the answers, 0–100; null when nobody answered. */
	mean: number | null;
	/** Population standard deviation of the answers' option scores, 0–50. */
	stdDev: number | null;
	/** stdDev ÷ 50: 0 = everyone gave the same answer, 1 = the team split between the two extremes. */
	disagreement: number | null;
	/** Share of the answers that picked the most common option, 0–1. */
	modalShare: number | null;
}

/** Self-rated confidence against practice for one dimension, across the team's individual results. */
export interface TeamConfidenceGap {
	dimension: DimensionId;
	/** Participants with both a confidence answer and a practice score in this dimension. */
	respondents: number;
	/** Mean self-rated confidence, 0–100 (null when nobody had both). */
	meanConfidence: number | null;
	/** Mean practice contribution, 0–100. */
	meanPractice: number | null;
	/** Mean of confidence − practice; positive = the team is more confident than its practice supports. */
	meanGap: number | null;
	/** Share of respondents whose own gap counts as overconfident, 0–1. */
	overconfidentShare: number | null;
}

/** Everything a workshop dashboard shows about the team once the group is large enough. */
export interface TeamAggregate {
	bank: string;
	version: string;
	/** Number of answer sets aggregated. */
	size: number;
	/** The consensus answer set the team result is scored from. */
	consensus: Answers;
	/** The team result: {@link score} of the consensus answers. */
	result: Result;
	/** Practice and confidence questions in bank order. */
	spread: QuestionSpread[];
	confidenceGaps: TeamConfidenceGap[];
	/** How many participants' own answers place them in each tier (`unplaced` = too little answered). */
	tierCounts: Record<TierId | 'unplaced', number>;
}

function mean(values: number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The consensus option for a question: the option whose score is nearest the median score of the team's answers;
 * on a tie between two options, the lower-scoring one (a team is only as mature as it can show). N/A answers are
 * left out while anyone chose an option; the consensus is `na` only when nobody did and someone said N/A.
 */
export function consensusOption(
	options: readonly { id: string; score: number }[],
	chosenScores: number[],
	notApplicable: number
): string | null {
	if (chosenScores.length === 0) return notApplicable > 0 ? NOT_APPLICABLE : null;
	const target = median(chosenScores);
	let best: { id: string; score: number } | undefined;
	for (const option of options) {
		const distance = Math.abs(option.score - target);
		const bestDistance = best ? Math.abs(best.score - target) : Infinity;
		if (distance < bestDistance || (distance === bestDistance && best && option.score < best.score)) best = option;
	}
	return best!.id;
}

/**
 * Aggregates the answer sets of a team. Returns null below `minGroupSize` (default {@link MIN_GROUP_SIZE_DEFAULT}):
 * no team figure is ever computed from fewer people, so nobody's answers can be read back from it.
 * @throws AnswersError when an answer set does not fit the bank.
 */
export function aggregate(
	bank: QuestionBank,
	answerSets: readonly Answers[],
	options: { minGroupSize?: number; benchmark?: Benchmark } = {}
): TeamAggregate | null {
	const minGroupSize = Math.max(1, options.minGroupSize ?? MIN_GROUP_SIZE_DEFAULT);
	if (answerSets.length < minGroupSize) return null;
	for (const answers of answerSets) validateAnswers(bank, answers);

	const consensus: Answers = {};
	const spread: QuestionSpread[] = [];
	// Profile questions (role, size, industry) are never scored and would only help identify people: left out.
	for (const question of bank.questions.filter((q) => q.kind !== 'profile')) {
		const counts = new Map(question.options.map((o) => [o.id, 0]));
		const scores: number[] = [];
		let notApplicable = 0;
		let skipped = 0;
		for (const answers of answerSets) {
			const optionId = answers[question.id];
			if (optionId === undefined) skipped++;
			else if (optionId === NOT_APPLICABLE || optionId === DONT_KNOW) notApplicable++;
			else {
				counts.set(optionId, (counts.get(optionId) ?? 0) + 1);
				scores.push(question.options.find((o) => o.id === optionId)!.score);
			}
		}
		const answered = scores.length;
		const choice = consensusOption(question.options, scores, notApplicable);
		if (choice !== null) consensus[question.id] = choice;
		const m = answered ? mean(scores) : null;
		const stdDev = m === null ? null : Math.sqrt(mean(scores.map((s) => (s - m) ** 2)));
		spread.push({
			questionId: question.id,
			answered,
			notApplicable,
			skipped,
			counts: question.options.map((o) => ({
				optionId: o.id,
				count: counts.get(o.id) ?? 0,
				share: answered ? (counts.get(o.id) ?? 0) / answered : 0
			})),
			consensus: choice,
			mean: m === null ? null : round1(m),
			stdDev: stdDev === null ? null : round1(stdDev),
			disagreement: stdDev === null ? null : Math.round((stdDev / MAX_STD_DEV) * 1000) / 1000,
			modalShare: answered ? Math.max(...counts.values()) / answered : null
		});
	}

	const tierCounts = Object.fromEntries([...TIER_IDS, 'unplaced'].map((t) => [t, 0])) as TeamAggregate['tierCounts'];
	const gaps = new Map(
		DIMENSION_IDS.map((d) => [d, { confidence: [] as number[], practice: [] as number[], over: 0 }])
	);
	for (const answers of answerSets) {
		const m = placement(bank, answers);
		tierCounts[m.tier ?? 'unplaced']++;
		for (const gap of confidenceGaps(bank, answers, m.dimensions)) {
			if (gap.confidence === null || gap.practice === null) continue;
			const acc = gaps.get(gap.dimension)!;
			acc.confidence.push(gap.confidence);
			acc.practice.push(gap.practice);
			if (gap.overconfident) acc.over++;
		}
	}

	return {
		bank: bank.id,
		version: bank.version,
		size: answerSets.length,
		consensus,
		result: score(bank, consensus, options.benchmark ?? SURVEY_2026),
		spread,
		confidenceGaps: DIMENSION_IDS.map((dimension) => {
			const { confidence, practice, over } = gaps.get(dimension)!;
			const n = confidence.length;
			return {
				dimension,
				respondents: n,
				meanConfidence: n ? round1(mean(confidence)) : null,
				meanPractice: n ? round1(mean(practice)) : null,
				meanGap: n ? round1(mean(confidence) - mean(practice)) : null,
				overconfidentShare: n ? over / n : null
			};
		}),
		tierCounts
	};
}
