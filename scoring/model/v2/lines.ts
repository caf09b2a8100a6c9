/**
 * Evidence lines both scoring models share: each answer beside the survey figure it can be compared with, and
 * self-rated confidence beside the practice evidence.
 */
import { answerOf } from './answers';
import { sourceLabel, type Benchmark } from '../../content/survey';
import {
	DIMENSION_IDS,
	RESERVED_ANSWERS,
	type Answers,
	type BenchmarkLine,
	type ConfidenceGap,
	type DimensionResult,
	type QuestionBank
} from '../../schema';
import { TIER_LABELS } from './tiers';

/** Self-rated confidence this many points or more above the practice evidence counts as overconfident. */
export const OVERCONFIDENCE_GAP = 20;

/**
 * One line per question answered with an option and tied to a figure the benchmark holds: what you do, what
 * share of surveyed organisations do it, and the source. Of a question's figures, the line uses the first whose
 * options include the answer (so "minimal review" is compared with the 43 % who would apply with minimal review),
 * else the last, broadest one. Figures about one group say so ("of surveyed Pioneer organisations").
 */
export function benchmarkLines(bank: QuestionBank, answers: Answers, benchmark: Benchmark): BenchmarkLine[] {
	const lines: BenchmarkLine[] = [];
	for (const q of bank.questions) {
		const optionId = answerOf(answers, q.id);
		if (!q.benchmarks?.length || optionId === undefined || RESERVED_ANSWERS.includes(optionId)) continue;
		const usable = q.benchmarks.filter((link) => benchmark.figures.some((f) => f.id === link.figure));
		const link = usable.find((l) => l.matches.includes(optionId)) ?? usable[usable.length - 1];
		const figure = link && benchmark.figures.find((f) => f.id === link.figure);
		if (!link || !figure) continue;
		const matches = link.matches.includes(optionId);
		const who = figure.base === 'all' ? 'surveyed organisations' : `surveyed ${TIER_LABELS[figure.base]} organisations`;
		lines.push({
			questionId: q.id,
			figure: figure.id,
			share: figure.share,
			matches,
			direction: link.direction,
			you: matches ? link.youDo : link.youDoNot,
			peers: `${figure.share} % of ${who} ${figure.statement}.`,
			source: sourceLabel(benchmark, figure)
		});
	}
	return lines;
}

/**
 * Self-rated confidence per dimension (mean of its confidence questions answered with an option) against the
 * dimension's contribution, the practice evidence (higher = better; 100 − exposure for risk exposure).
 */
export function confidenceGaps(bank: QuestionBank, answers: Answers, dimensions: DimensionResult[]): ConfidenceGap[] {
	return DIMENSION_IDS.map((dimension) => {
		const scores = bank.questions
			.filter((q) => q.kind === 'confidence' && q.dimension === dimension)
			.map((q) => q.options.find((o) => o.id === answerOf(answers, q.id))?.score)
			.filter((s): s is number => s !== undefined);
		const confidence = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
		const practice = dimensions.find((d) => d.dimension === dimension)?.contribution ?? null;
		const gap = confidence !== null && practice !== null ? Math.round((confidence - practice) * 10) / 10 : null;
		return { dimension, confidence, practice, gap, overconfident: gap !== null && gap >= OVERCONFIDENCE_GAP };
	});
}
