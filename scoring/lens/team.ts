/**
 * A lens on a team (a workshop): the team's answer to each lens question from the team's *released* answers, by
 * the rule the survey's questions use (`consensusOption` in `../model/team-stats`: the option chosen nearest the median
 * level where at least the minimum group size chose an option, else the most frequent other answer), and the
 * lens's findings from those team answers alone (`lensFindings`). So a finding is the team's, never one person's:
 * below the minimum group size there is no team lens at all, and a lens fewer than the minimum answered at all
 * ("not covered") gives no findings. Nothing here reads or changes the survey's team result.
 */
import { consensusOption, MIN_GROUP_SIZE_DEFAULT } from '../model/team-stats';
import { lensFindings, lensQuestions, type LensAnswers, type LensResult } from './findings';
import type { Lens } from './schema';

/** How the team answered one lens question. */
export interface TeamLensQuestion {
	questionId: string;
	/** People who chose one of the question's options. */
	answered: number;
	/** Other answers (`dk`, `na`) by code, most frequent first. */
	reserved: { code: string; count: number }[];
	/** The team answer (an option id, `dk` or `na`), or null: no team answer, so it counts as the weakest option. */
	teamAnswer: string | null;
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
 * null below `minGroupSize` responses. Order of the answer sets does not matter.
 */
export function teamLens(
	lens: Lens,
	answerSets: readonly LensAnswers[],
	minGroupSize: number = MIN_GROUP_SIZE_DEFAULT
): TeamLens | null {
	const min = Math.max(1, Math.floor(minGroupSize));
	if (answerSets.length < min) return null;
	const asked = lensQuestions(lens).map((q) => q.question);
	const answeredBy = answerSets.filter((a) => asked.some((q) => Object.hasOwn(a, q.id))).length;
	const covered = answeredBy >= min;
	const teamAnswers: LensAnswers = {};
	const questions = asked.map((question): TeamLensQuestion => {
		const counts = new Map(question.options.map((o) => [o.id, 0]));
		const reserved = new Map<string, number>();
		const levels: number[] = [];
		for (const answers of answerSets) {
			if (!Object.hasOwn(answers, question.id)) continue;
			const code = answers[question.id]!;
			const option = question.options.find((o) => o.id === code);
			if (option) {
				counts.set(code, counts.get(code)! + 1);
				levels.push(option.level);
			} else reserved.set(code, (reserved.get(code) ?? 0) + 1);
		}
		const reservedList = [...reserved]
			.map(([code, count]) => ({ code, count }))
			.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
		const teamAnswer = !covered
			? null
			: levels.length >= min
				? consensusOption(
						question.options.map((o) => ({ id: o.id, score: o.level })),
						levels,
						counts
					)
				: (reservedList[0]?.code ?? null);
		if (teamAnswer !== null) teamAnswers[question.id] = teamAnswer;
		return { questionId: question.id, answered: levels.length, reserved: reservedList, teamAnswer };
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
