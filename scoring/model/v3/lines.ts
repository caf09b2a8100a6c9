/**
 * Evidence lines of model 3.0: each answer beside the survey figure it can be compared with, and self-rated
 * confidence beside the practice evidence.
 */
import { answerOf, round1 } from '../../answers';
import { sourceLabel, type Benchmark } from '../../content/survey';
import { DIMENSION_IDS, RESERVED_ANSWERS, type Answers, type QuestionBank } from '../../schema';
import type { BenchmarkLine, ConfidenceGap, DimensionResult } from './result';

/** Self-rated confidence this many points or more above the practice evidence counts as overconfident. */
export const OVERCONFIDENCE_GAP = 20;

/**
 * One line per question answered with an option and tied to a figure the benchmark holds, unless the practice is not
 * in use. Of a question's figures, the line uses the first whose options include the answer, else the last, broadest.
 */
export function benchmarkLines(bank: QuestionBank, answers: Answers, benchmark: Benchmark): BenchmarkLine[] {
	const lines: BenchmarkLine[] = [];
	for (const q of bank.questions) {
		const optionId = answerOf(answers, q.id);
		if (!q.benchmarks?.length || optionId === undefined || RESERVED_ANSWERS.includes(optionId)) continue;
		// A practice the organisation does not use (no AI-written code to review) is not compared.
		const rule = q.inUseUnless;
		const use = rule ? answerOf(answers, rule.question) : undefined;
		if (rule && use !== undefined && rule.answers.includes(use)) continue;
		const usable = q.benchmarks.filter((link) => benchmark.figures.some((f) => f.id === link.figure));
		const link = usable.find((l) => l.matches.includes(optionId)) ?? usable[usable.length - 1];
		const figure = link && benchmark.figures.find((f) => f.id === link.figure);
		if (!link || !figure) continue;
		const matches = link.matches.includes(optionId);
		const group = figure.base === 'all' ? null : benchmark.tiers.find((t) => t.id === figure.base)?.label;
		const who = group ? `surveyed ${group} organisations` : 'surveyed organisations';
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

/** The dimension that measures how much AI is used: context beside the group, with no practice to compare with. */
export const ADOPTION_DIMENSION = 'ai_integration';

/**
 * Self-rated confidence per dimension against the dimension's practice evidence (higher = better); for
 * {@link ADOPTION_DIMENSION} the confidence alone, with no practice and no gap.
 */
export function confidenceGaps(bank: QuestionBank, answers: Answers, dimensions: DimensionResult[]): ConfidenceGap[] {
	return DIMENSION_IDS.map((dimension) => {
		const scores = bank.questions
			.filter((q) => q.kind === 'confidence' && q.dimension === dimension)
			.map((q) => q.options.find((o) => o.id === answerOf(answers, q.id))?.score)
			.filter((s): s is number => s !== undefined);
		const confidence = scores.length ? round1(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
		// Adoption is context, not practice: confidence that AI is used well is never measured against how much AI
		// is used, or a gap would read as advice to use more.
		const practice =
			dimension === ADOPTION_DIMENSION
				? null
				: (dimensions.find((d) => d.dimension === dimension)?.contribution ?? null);
		const gap = confidence !== null && practice !== null ? round1(confidence - practice) : null;
		return { dimension, confidence, practice, gap, overconfident: gap !== null && gap >= OVERCONFIDENCE_GAP };
	});
}
