/**
 * A lens on a team (a workshop): the team's answer to each lens question from the team's *released* answers, by
 * the rule the survey's questions use (`consensusOption` in `../model/team-stats`: the option chosen nearest the median
 * level where at least the minimum group size chose an option, else the most frequent other answer if at least the minimum gave it), and the
 * lens's findings from those team answers alone (`lensFindings`). So a finding is the team's, never one person's:
 * below the minimum group size there is no team lens at all, and a lens fewer than the minimum answered at all
 * ("not covered") gives no findings. Nothing here reads or changes the survey's team result.
 */
import {
	consensusOption,
	disagreementOf,
	MIN_GROUP_SIZE_DEFAULT,
	reservedTeamAnswer,
	type OptionTally
} from '../model/team-stats';
import { lensFindings, lensQuestions, type LensAnswers, type LensResult } from './findings';
import type { Lens } from './schema';

/** How the team answered one lens question (the fields the survey's `QuestionStats` has, so a reveal reads both). */
export interface TeamLensQuestion {
	questionId: string;
	/** People who chose one of the question's options. */
	answered: number;
	/** Other answers (`dk`, `na`) by code, most frequent first. */
	reserved: { code: string; count: number }[];
	/** Released responses without an answer to it. */
	skipped: number;
	/** Every option, lowest level first, with its count; null (suppressed) when fewer than the minimum chose one. */
	options: OptionTally[] | null;
	/** 0–1 along the options' order (as the survey's); null when suppressed. */
	disagreement: number | null;
	/** The team answer from the answers alone (the median rule), or null. */
	medianAnswer: string | null;
	/** The team answer (an option id, `dk` or `na`), or null: no team answer, so it counts as the weakest option. */
	teamAnswer: string | null;
	/** `agreed` in a facilitated workshop's discussion, `median` from the answers, null when there is none. */
	teamAnswerSource: 'agreed' | 'median' | null;
}

export interface TeamLens {
	lens: { id: string; version: string };
	/** Released responses the team lens is computed from. */
	size: number;
	minGroupSize: number;
	/** Responses that answered at least one of the lens's questions. */
	answeredBy: number;
	/** At least the minimum group size answered the lens: only then are there findings. */
	covered: boolean;
	questions: TeamLensQuestion[];
	/** The team answers the findings come from. */
	teamAnswers: LensAnswers;
	/** The lens's findings from the team answers; null when the lens is not covered. */
	result: LensResult | null;
}

/**
 * The team lens of `answerSets` (each response's answers to this lens, by the lens's question ids, as released), or
 * null below `minGroupSize` responses. Order of the answer sets does not matter. `agreed`: answers a facilitated
 * workshop agreed in discussion (by the lens's question ids, checked by the caller), which replace the median as
 * their questions' team answers — as the survey's do — but never give a lens fewer than the minimum answered one.
 */
export function teamLens(
	lens: Lens,
	answerSets: readonly LensAnswers[],
	minGroupSize: number = MIN_GROUP_SIZE_DEFAULT,
	agreed: Readonly<LensAnswers> = {}
): TeamLens | null {
	const min = Math.max(1, Math.floor(minGroupSize));
	if (answerSets.length < min) return null;
	const asked = lensQuestions(lens).map((q) => q.question);
	const answeredBy = answerSets.filter((a) => asked.some((q) => Object.hasOwn(a, q.id))).length;
	const covered = answeredBy >= min;
	const teamAnswers: LensAnswers = {};
	const questions = asked.map((question): TeamLensQuestion => {
		// Lowest level first (lens order among equal levels), as the survey's options are tallied.
		const byLevel = question.options
			.map((o, i) => ({ o, i }))
			.sort((a, b) => a.o.level - b.o.level || a.i - b.i)
			.map(({ o }) => o);
		const position = new Map(byLevel.map((o, i) => [o.id, byLevel.length > 1 ? i / (byLevel.length - 1) : 0]));
		const counts = new Map(byLevel.map((o) => [o.id, 0]));
		const reserved = new Map<string, number>();
		const levels: number[] = [];
		const positions: number[] = [];
		let skipped = 0;
		for (const answers of answerSets) {
			if (!Object.hasOwn(answers, question.id)) {
				skipped++;
				continue;
			}
			const code = answers[question.id]!;
			const option = question.options.find((o) => o.id === code);
			if (option) {
				counts.set(code, counts.get(code)! + 1);
				levels.push(option.level);
				positions.push(position.get(code)!);
			} else reserved.set(code, (reserved.get(code) ?? 0) + 1);
		}
		const reservedList = [...reserved]
			.map(([code, count]) => ({ code, count }))
			.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
		const shown = levels.length >= min;
		const medianAnswer = !covered
			? null
			: shown
				? consensusOption(
						question.options.map((o) => ({ id: o.id, score: o.level })),
						levels,
						counts
					)
				: reservedTeamAnswer(reservedList, min);
		const agreedAnswer = covered && Object.hasOwn(agreed, question.id) ? agreed[question.id]! : null;
		const teamAnswer = agreedAnswer ?? medianAnswer;
		if (teamAnswer !== null) teamAnswers[question.id] = teamAnswer;
		return {
			questionId: question.id,
			answered: levels.length,
			reserved: reservedList,
			skipped,
			options: shown
				? byLevel.map((o) => ({
						optionId: o.id,
						count: counts.get(o.id)!,
						share: counts.get(o.id)! / levels.length
					}))
				: null,
			disagreement: shown ? disagreementOf(positions) : null,
			medianAnswer,
			teamAnswer,
			teamAnswerSource: agreedAnswer !== null ? 'agreed' : medianAnswer !== null ? 'median' : null
		};
	});
	return {
		lens: { id: lens.id, version: lens.version },
		size: answerSets.length,
		minGroupSize: min,
		answeredBy,
		covered,
		questions,
		teamAnswers,
		result: covered ? lensFindings(lens, teamAnswers) : null
	};
}
