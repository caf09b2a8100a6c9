/**
 * The team statistics of a workshop, defined once: the dashboard, the team PDF and the team CSV all render these
 * numbers and compute none of their own. Pure, and generic over any question bank — it reads question kinds,
 * dimensions and options from the bank and treats every answer that is not one of a question's options (today
 * `na`, later also `dk`) as a reserved answer counted by its code.
 *
 * - **Team scores**: the team answer to each question is the answer the team agreed in discussion, where a
 *   facilitated workshop recorded one, else the answer given nearest the median of the team's answers (an even split takes the lower)
 *   ({@link consensusOption}); each question says which (`teamAnswerSource`). The team result is {@link score} of
 *   those answers. Its dimension scores, index and tier are *the* team scores.
 * - **Confidence gap**: the team result's own gap per dimension — the team answer to the confidence question
 *   against the team's practice score in that dimension. Same answers, same scores: it can never contradict the
 *   dimension table beside it.
 * - **Disagreement** per question: how far apart the answers are along the question's options, 0 (everyone chose
 *   the same option) to 1 (an even split between the first and the last option); per dimension the spread of the
 *   individuals' scores; and how many individuals each tier holds.
 *
 * Nothing is shown about fewer people than the minimum group size: no statistics at all below it, and no
 * per-question or per-dimension figure computed from fewer people than it (those are `null`, "suppressed").
 * A dimension fewer than the minimum answered at all is *not covered* (a workshop closed part-way): its questions
 * get no team answer (not even an agreed one), and it has no score, gap or spread — every surface says so.
 */
import { SURVEY_2026, type Benchmark } from '../content/survey';
import { DIMENSION_IDS, TIER_IDS, type Answers, type DimensionId, type QuestionBank, type TierId } from '../schema';
import { AnswersError, reservedAnswersOf, round1, validateAnswers } from '../answers';
import { placement, score, type AnyResult } from './index';

/** No team figure is computed from fewer responses than this unless the workshop says otherwise. */
export const MIN_GROUP_SIZE_DEFAULT = 3;

/** How often one option of a question was chosen. */
export interface OptionTally {
	optionId: string;
	count: number;
	/** count ÷ the people who chose an option of this question, 0–1. */
	share: number;
}

/** How the team answered one scored or confidence question. */
export interface QuestionStats {
	questionId: string;
	kind: 'use' | 'practice' | 'outcome' | 'confidence';
	dimension: DimensionId | null;
	/** People who chose one of the question's options. */
	answered: number;
	/** Reserved answers (not an option: `na`, `dk`, …) by code, most frequent first. */
	reserved: { code: string; count: number }[];
	skipped: number;
	/**
	 * Every option, lowest score first, with its count; null (suppressed) when fewer than the minimum group size
	 * chose an option, so a question one or two people answered never shows their answers.
	 */
	options: OptionTally[] | null;
	/** The team answer: an option id, a reserved code, or null (no team answer: left out of the team result). */
	teamAnswer: string | null;
	/**
	 * How the team answer was formed: `agreed` in discussion (a facilitated workshop's agreed answer), `median` from
	 * the answers (the answer given nearest their median, or the reserved answer at least the minimum gave where fewer than the
	 * minimum chose an option), null when there is none.
	 */
	teamAnswerSource: 'agreed' | 'median' | null;
	/** The team answer the answers alone give (what `teamAnswer` is without an agreed answer). */
	medianAnswer: string | null;
	/** 0–1 (see the module comment); null when suppressed. */
	disagreement: number | null;
}

/** One dimension of the team: its team score and confidence gap (from the team result) and its spread. */
export interface DimensionStats {
	dimension: DimensionId;
	/** People who answered at least one of its questions (an option or a reserved answer). */
	answeredBy: number;
	/**
	 * Whether at least the minimum group size answered it. When not, every figure below is null (0 respondents) and
	 * its questions have no team answer: the team result says nothing about it.
	 */
	covered: boolean;
	/** The team score as reported (exposure for a higher-is-worse dimension), 0–100. */
	score: number | null;
	/** The team's practice in this dimension as it enters the gap (higher = better), 0–100. */
	practice: number | null;
	/** The team answer to the dimension's confidence question(s) as a score, 0–100. */
	confidence: number | null;
	/** confidence − practice; positive = the team's confidence runs ahead of its practice. */
	gap: number | null;
	overconfident: boolean;
	/** Individuals who answered this dimension (and so have a score in it). */
	respondents: number;
	/** Population standard deviation of those individuals' scores (as reported), in points; null below the minimum. */
	spread: number | null;
}

/** Everything a workshop shows about its team, once at least the minimum group size has responded. */
export interface TeamStats {
	bank: string;
	version: string;
	/** Responses the statistics are computed from. */
	size: number;
	minGroupSize: number;
	/** The team answers the team result is scored from. */
	teamAnswers: Answers;
	/** How many team answers were agreed in discussion, and how many come from the answers (the median). */
	formed: { agreed: number; median: number };
	/** The team result: {@link score} of {@link teamAnswers}. */
	result: AnyResult;
	dimensions: DimensionStats[];
	/** Practice and confidence questions in bank order. */
	questions: QuestionStats[];
	/**
	 * Individuals per tier by their own answers, most mature first; `unplaced` = too little answered. Null when any
	 * group someone is in holds fewer than `minGroupSize` people: "1 not placed" points at the one person the room
	 * saw answer "don't know", so the counts are withheld rather than shown.
	 */
	tiers: { tier: TierId | 'unplaced'; count: number }[] | null;
}

function mean(values: readonly number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Population standard deviation, summed in sorted order so the result never depends on the order of the people. */
function stdDev(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const m = mean(sorted);
	return Math.sqrt(mean(sorted.map((v) => (v - m) ** 2).sort((a, b) => a - b)));
}

/**
 * The chosen option nearest the median score of the chosen options — always one somebody chose, so an even split
 * between two far-apart options never lands on one in between that nobody picked; on a tie between two options the
 * lower-scoring one (a team is only as mature as it can show), and between options of the same score the one chosen
 * most (`counts`). Null when nothing was chosen.
 */
export function consensusOption(
	options: readonly { id: string; score: number }[],
	chosenScores: readonly number[],
	counts: ReadonlyMap<string, number> = new Map()
): string | null {
	if (chosenScores.length === 0) return null;
	const target = median(chosenScores);
	const chosen = new Set(chosenScores);
	let best: { id: string; score: number } | undefined;
	for (const option of options) {
		if (!chosen.has(option.score)) continue;
		const distance = Math.abs(option.score - target);
		const bestDistance = best ? Math.abs(best.score - target) : Infinity;
		const sameScoreMoreChosen =
			best !== undefined && option.score === best.score && (counts.get(option.id) ?? 0) > (counts.get(best.id) ?? 0);
		if (
			distance < bestDistance ||
			(distance === bestDistance && best && option.score < best.score) ||
			sameScoreMoreChosen
		)
			best = option;
	}
	return best?.id ?? null;
}

/**
 * The team answer of a question fewer than the minimum group size chose an option of: the reserved answer ("don't
 * know", "not applicable", …) the most gave, if at least the minimum gave it — else none. Never the answer of fewer
 * people than the minimum: one person's "not applicable" must not become the team's (and so hide a finding).
 * `reserved` is most frequent first.
 */
export function reservedTeamAnswer(reserved: readonly { code: string; count: number }[], min: number): string | null {
	const top = reserved[0];
	return top !== undefined && top.count >= min ? top.code : null;
}

/**
 * Disagreement of a set of chosen options: each option's position along the question (lowest score 0, highest 1,
 * evenly spaced whatever the scores), and the population standard deviation of the positions ÷ 0.5 — 0 when
 * everyone chose the same option, 1 when the team split evenly between the two ends. Rounded to 3 decimals.
 */
export function disagreementOf(positions: readonly number[]): number {
	if (positions.length === 0) return 0;
	return Math.round(Math.min(1, stdDev(positions) / 0.5) * 1000) / 1000;
}

/** A question's options lowest score first (bank order among equal scores). */
function ordered<T extends { score: number }>(options: readonly T[]): T[] {
	return options
		.map((o, i) => ({ o, i }))
		.sort((a, b) => a.o.score - b.o.score || a.i - b.i)
		.map(({ o }) => o);
}

/**
 * The team statistics of `answerSets`, or null below `minGroupSize` (at least 1; default
 * {@link MIN_GROUP_SIZE_DEFAULT}). Order of the answer sets does not matter. `agreed`: answers the team agreed in
 * discussion (question id → answer), which replace the median as the team answer of their questions.
 * @throws AnswersError when an answer set (or an agreed answer) does not fit the bank.
 */
export function teamStats(
	bank: QuestionBank,
	answerSets: readonly Answers[],
	options: { minGroupSize?: number; benchmark?: Benchmark; agreed?: Readonly<Answers> } = {}
): TeamStats | null {
	const min = Math.max(1, Math.floor(options.minGroupSize ?? MIN_GROUP_SIZE_DEFAULT));
	if (answerSets.length < min) return null;
	for (const answers of answerSets) validateAnswers(bank, answers);
	const agreed = options.agreed ?? {};
	for (const [questionId, answer] of Object.entries(agreed)) {
		const question = bank.questions.find((q) => q.id === questionId);
		if (!question || question.kind === 'profile')
			throw new AnswersError(`no agreed answer can be given to "${questionId}"`, 'unknown_question', questionId);
		if (!question.options.some((o) => o.id === answer) && !reservedAnswersOf(bank, question).includes(answer))
			throw new AnswersError(`"${answer}" is not an answer to "${questionId}"`, 'not_an_option', questionId);
	}

	const answeredBy = dimensionCoverage(bank, answerSets);
	const covered = (d: DimensionId | null | undefined) => d == null || answeredBy.get(d)! >= min;

	const teamAnswers: Answers = {};
	const questions: QuestionStats[] = [];
	// Profile questions (role, size, industry) are never scored and would only help single people out: left out.
	for (const question of bank.questions) {
		if (question.kind === 'profile') continue;
		const byScore = ordered(question.options);
		const position = new Map(byScore.map((o, i) => [o.id, byScore.length > 1 ? i / (byScore.length - 1) : 0]));
		const counts = new Map(byScore.map((o) => [o.id, 0]));
		const reserved = new Map<string, number>();
		const scores: number[] = [];
		const positions: number[] = [];
		let skipped = 0;
		for (const answers of answerSets) {
			const code = answers[question.id];
			if (code === undefined) skipped++;
			else if (counts.has(code)) {
				counts.set(code, counts.get(code)! + 1);
				scores.push(question.options.find((o) => o.id === code)!.score);
				positions.push(position.get(code)!);
			} else reserved.set(code, (reserved.get(code) ?? 0) + 1);
		}
		const answered = scores.length;
		const shown = answered >= min;
		const reservedList = [...reserved]
			.map(([code, count]) => ({ code, count }))
			.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
		// Enough people chose an option: the answer given nearest their median. Otherwise the most frequent reserved
		// answer, if any — never the answer of fewer people than the minimum.
		// A dimension not covered has no team answer at all, however few answered it and whatever was agreed.
		const inCovered = covered(question.dimension);
		const medianAnswer = !inCovered
			? null
			: shown
				? consensusOption(question.options, scores, counts)
				: reservedTeamAnswer(reservedList, min);
		const agreedAnswer = inCovered && Object.hasOwn(agreed, question.id) ? agreed[question.id]! : null;
		const teamAnswer = agreedAnswer ?? medianAnswer;
		if (teamAnswer !== null) teamAnswers[question.id] = teamAnswer;
		questions.push({
			questionId: question.id,
			kind: question.kind,
			dimension: question.dimension ?? null,
			answered,
			reserved: reservedList,
			skipped,
			options: shown
				? byScore.map((o) => ({ optionId: o.id, count: counts.get(o.id)!, share: counts.get(o.id)! / answered }))
				: null,
			teamAnswer,
			teamAnswerSource: agreedAnswer !== null ? 'agreed' : medianAnswer !== null ? 'median' : null,
			medianAnswer,
			disagreement: shown ? disagreementOf(positions) : null
		});
	}

	// A team answer the bank would not take in the team's context (e.g. "not applicable" where the team's own gate
	// says the question applies) is no team answer: left out, so it counts as unanswered.
	for (;;) {
		try {
			validateAnswers(bank, teamAnswers);
			break;
		} catch (error) {
			if (!(error instanceof AnswersError) || !error.questionId) throw error;
			delete teamAnswers[error.questionId];
			const q = questions.find((x) => x.questionId === error.questionId);
			if (q) {
				q.teamAnswer = null;
				q.teamAnswerSource = null;
			}
		}
	}
	const result = score(bank, teamAnswers, options.benchmark ?? SURVEY_2026);
	const tierCounts = new Map<TierId | 'unplaced', number>([...TIER_IDS, 'unplaced' as const].map((t) => [t, 0]));
	const individual = new Map<DimensionId, number[]>(DIMENSION_IDS.map((d) => [d, []]));
	for (const answers of answerSets) {
		const m = placement(bank, answers);
		const tier = m.tier ?? 'unplaced';
		tierCounts.set(tier, tierCounts.get(tier)! + 1);
		// Only those who answered a dimension count in its spread: an unanswered dimension scores 0 in model 3.
		const answeredHere = answeredDimensions(bank, answers);
		for (const d of m.dimensions)
			if (d.score !== null && answeredHere.has(d.dimension)) individual.get(d.dimension)!.push(d.score);
	}

	return {
		bank: bank.id,
		version: bank.version,
		size: answerSets.length,
		minGroupSize: min,
		teamAnswers,
		formed: {
			agreed: questions.filter((q) => q.teamAnswerSource === 'agreed').length,
			median: questions.filter((q) => q.teamAnswerSource === 'median').length
		},
		result,
		dimensions: DIMENSION_IDS.map((dimension): DimensionStats => {
			const r = result.dimensions.find((d) => d.dimension === dimension);
			const g = result.confidenceGaps.find((c) => c.dimension === dimension);
			const scores = individual.get(dimension)!;
			const n = answeredBy.get(dimension)!;
			if (n < min)
				return {
					dimension,
					answeredBy: n,
					covered: false,
					score: null,
					practice: null,
					confidence: null,
					gap: null,
					overconfident: false,
					respondents: 0,
					spread: null
				};
			return {
				dimension,
				answeredBy: n,
				covered: true,
				score: r?.score ?? null,
				practice: r?.contribution ?? null,
				confidence: g?.confidence ?? null,
				gap: g?.gap ?? null,
				overconfident: g?.overconfident ?? false,
				respondents: scores.length,
				spread: scores.length >= min ? round1(stdDev(scores)) : null
			};
		}),
		questions,
		tiers: [...tierCounts.values()].every((n) => n === 0 || n >= min)
			? [...[...TIER_IDS].reverse(), 'unplaced' as const].map((tier) => ({ tier, count: tierCounts.get(tier)! }))
			: null
	};
}

/** The dimensions one answer set answers at least one question of (an option or a reserved answer). */
function answeredDimensions(bank: QuestionBank, answers: Answers): Set<DimensionId> {
	const seen = new Set<DimensionId>();
	for (const q of bank.questions)
		if (q.kind !== 'profile' && q.dimension && answers[q.id] !== undefined) seen.add(q.dimension);
	return seen;
}

/**
 * Per dimension, how many of `answerSets` answered at least one of its questions: a dimension fewer than the
 * minimum group size answered is not covered. Counts people, never answers, so it can be said before anything is
 * released (the close confirmation does).
 */
export function dimensionCoverage(bank: QuestionBank, answerSets: readonly Answers[]): Map<DimensionId, number> {
	const counts = new Map<DimensionId, number>(DIMENSION_IDS.map((d) => [d, 0]));
	for (const answers of answerSets)
		for (const d of answeredDimensions(bank, answers)) counts.set(d, counts.get(d)! + 1);
	return counts;
}

/**
 * The questions the team is most split on: shown questions with some disagreement, most first (ties: more
 * people answered first, then bank order). `limit` caps the list.
 */
export function mostSplit(stats: TeamStats, limit = Infinity): QuestionStats[] {
	return stats.questions
		.map((q, i) => ({ q, i }))
		.filter(({ q }) => (q.disagreement ?? 0) > 0)
		.sort((a, b) => b.q.disagreement! - a.q.disagreement! || b.q.answered - a.q.answered || a.i - b.i)
		.slice(0, limit)
		.map(({ q }) => q);
}

/** Words for a disagreement value, shared by every surface: how far apart the team's answers are. */
export function disagreementBand(value: number | null): string {
	if (value === null) return 'Too few answers to show';
	if (value === 0) return 'Everyone agrees';
	if (value < 0.25) return 'Close';
	if (value < 0.5) return 'Divided';
	return 'Split';
}
