import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DONT_KNOW, NOT_APPLICABLE, type Answers, type QuestionBank } from '$scoring/schema';
import { AnswersError } from '$scoring/answers';
import { placement, score } from '$scoring/model';
import {
	MIN_GROUP_SIZE_DEFAULT,
	consensusOption,
	disagreementBand,
	disagreementOf,
	mostSplit,
	teamStats
} from '$scoring/model/team-stats';
import { BANKS_UNDER_TEST, allAt, answersArb, byScore } from '../fixtures/answers';

const scoredQuestions = (bank: QuestionBank) => bank.questions.filter((q) => q.kind !== 'profile');

describe('consensusOption', () => {
	const options = [
		{ id: 'a', score: 0 },
		{ id: 'b', score: 25 },
		{ id: 'c', score: 50 },
		{ id: 'd', score: 100 }
	];
	it('takes the option nearest the median score', () => {
		expect(consensusOption(options, [0, 25, 100])).toBe('b');
		expect(consensusOption(options, [100, 100, 0])).toBe('d');
	});
	it('breaks a tie towards the lower-scoring option', () => {
		// median of 50 and 100 is 75: equally far from c (50) and d (100).
		expect(consensusOption(options, [50, 100])).toBe('c');
	});
	it('never lands on an option nobody chose: an even split between the ends takes the lower end', () => {
		// The median of 0, 0, 100, 100 is 50, option c, which nobody chose.
		expect(consensusOption(options, [0, 0, 100, 100])).toBe('a');
		expect(consensusOption(options, [25, 100])).toBe('b');
		fc.assert(
			fc.property(fc.array(fc.constantFrom(0, 25, 50, 100), { minLength: 1, maxLength: 12 }), (scores) => {
				const id = consensusOption(options, scores);
				expect(scores).toContain(options.find((o) => o.id === id)!.score);
			}),
			{ numRuns: 200 }
		);
	});
	it('is nothing when nobody chose an option', () => {
		expect(consensusOption(options, [])).toBeNull();
	});
});

describe('disagreement', () => {
	it('is 0 for one answer, 1 for an even split between the ends, and in between otherwise', () => {
		expect(disagreementOf([0.5, 0.5, 0.5])).toBe(0);
		expect(disagreementOf([0, 1, 0, 1])).toBe(1);
		// Neighbouring options of five, half and half: a quarter of the way.
		expect(disagreementOf([0.25, 0.5, 0.25, 0.5])).toBe(0.25);
		expect(disagreementOf([0, 0.25, 0.5, 0.75, 1])).toBeCloseTo(0.707, 3);
	});
	it('has words for every range', () => {
		expect([null, 0, 0.1, 0.3, 0.8].map(disagreementBand)).toEqual([
			'Too few answers to show',
			'Everyone agrees',
			'Close',
			'Divided',
			'Split'
		]);
	});
});

describe.each(BANKS_UNDER_TEST)('teamStats on the %s', (_name, bank) => {
	const best = allAt(bank, 'best');
	const worst = allAt(bank, 'worst');
	const dimensionsOf = (stats: NonNullable<ReturnType<typeof teamStats>>) =>
		stats.dimensions.filter((d) => d.respondents > 0);

	it('computes nothing below the minimum group size', () => {
		expect(MIN_GROUP_SIZE_DEFAULT).toBe(3);
		expect(teamStats(bank, [])).toBeNull();
		expect(teamStats(bank, [best, worst])).toBeNull();
		expect(teamStats(bank, [best, worst, best])).not.toBeNull();
		expect(teamStats(bank, [best, worst, best], { minGroupSize: 4 })).toBeNull();
		expect(teamStats(bank, [best], { minGroupSize: 1 })?.size).toBe(1);
	});

	it('a team that agrees gets the same result as each of its members, with no disagreement or spread', () => {
		fc.assert(
			fc.property(answersArb(bank, 0), fc.integer({ min: 3, max: 6 }), (answers, n) => {
				const stats = teamStats(
					bank,
					Array.from({ length: n }, () => answers)
				)!;
				expect(stats.teamAnswers).toEqual(answers);
				expect(stats.result).toEqual(score(bank, answers));
				for (const q of stats.questions) if (q.options) expect(q.disagreement).toBe(0);
				for (const d of dimensionsOf(stats)) expect(d.spread).toBe(0);
				expect(mostSplit(stats)).toEqual([]);
			}),
			{ numRuns: 20 }
		);
	}, 60_000);

	it('the order of the responses never matters', () => {
		fc.assert(
			fc.property(fc.array(answersArb(bank), { minLength: 3, maxLength: 7 }), (sets) => {
				expect(teamStats(bank, [...sets].reverse())).toEqual(teamStats(bank, sets));
			}),
			{ numRuns: 100 }
		);
	}, 60_000);

	it('a team split between the extremes shows full disagreement, with every option counted in score order', () => {
		const stats = teamStats(bank, [best, worst, best, worst])!;
		expect(stats.questions).toHaveLength(scoredQuestions(bank).length);
		// Bank 2.0.0's and 3.0.0's "worst" keep use at its deepest (use is context): only the other questions split.
		for (const q of stats.questions.filter((x) => best[x.questionId] !== worst[x.questionId])) {
			const question = bank.questions.find((x) => x.id === q.questionId)!;
			expect(q.answered).toBe(4);
			// Full disagreement when the two answers are the first and last option; as far apart as they are otherwise.
			const order = byScore(question).map((o) => o.id);
			const apart =
				Math.abs(order.indexOf(best[q.questionId]!) - order.indexOf(worst[q.questionId]!)) / (order.length - 1);
			expect(q.disagreement).toBeCloseTo(apart, 3);
			expect(q.options!.map((o) => o.optionId)).toEqual(byScore(question).map((o) => o.id));
			expect(q.options!.filter((o) => o.count > 0).map((o) => o.share)).toEqual([0.5, 0.5]);
		}
		// Two people in each group, under the minimum of 3: the counts per group are withheld (two would point at the
		// pair the room saw answer alike); with a minimum of 2 they are shown.
		expect(stats.tiers).toBeNull();
		expect(teamStats(bank, [best, worst, best, worst], { minGroupSize: 2 })!.tiers).toEqual([
			{ tier: 'pioneer', count: 2 },
			{ tier: 'outpacing', count: 0 },
			{ tier: 'fragmented', count: 0 },
			{ tier: 'exposed', count: 2 },
			{ tier: 'unplaced', count: 0 }
		]);
		// Half at 0 and half at 100 in every dimension that split: a standard deviation of 50 points.
		for (const d of dimensionsOf(stats))
			expect(d.spread).toBe(bank.model >= 2 && d.dimension === 'ai_integration' ? 0 : 50);
		expect(mostSplit(stats, 3)).toHaveLength(3);
	});

	it('the majority carries the team answers and the team tier', () => {
		expect(teamStats(bank, [best, best, worst])!.teamAnswers).toEqual(best);
		expect(teamStats(bank, [best, best, worst])!.result.tier).toBe('pioneer');
		expect(teamStats(bank, [worst, worst, best])!.result.tier).toBe('exposed');
	});

	it('leaves profile answers out of the team answers and the questions', () => {
		const profile = bank.questions.find((q) => q.kind === 'profile');
		if (!profile) return;
		const withProfile: Answers = { ...best, [profile.id]: profile.options[0]!.id };
		const stats = teamStats(bank, [withProfile, withProfile, withProfile])!;
		expect(stats.teamAnswers[profile.id]).toBeUndefined();
		expect(stats.questions.some((s) => s.questionId === profile.id)).toBe(false);
	});

	it('never shows a question fewer than the minimum answered, nor uses their answer as the team’s', () => {
		const q = scoredQuestions(bank)[0]!;
		// The reserved answer the bank accepts here: N/A in bank 1.x, "don't know" from 2.0.0.
		const RESERVED = bank.model === 1 ? NOT_APPLICABLE : DONT_KNOW;
		const na: Answers = { ...best, [q.id]: RESERVED };
		const skipped: Answers = { ...best };
		delete skipped[q.id];
		// One person chose an option, one said N/A, two skipped: the option stays hidden, and one person's N/A is not
		// the team's either — no team answer.
		const stats = teamStats(bank, [na, skipped, best, skipped])!;
		const s = stats.questions.find((x) => x.questionId === q.id)!;
		expect(s).toMatchObject({
			answered: 1,
			reserved: [{ code: RESERVED, count: 1 }],
			skipped: 2,
			options: null,
			disagreement: null,
			teamAnswer: null
		});
		expect(stats.teamAnswers[q.id]).toBeUndefined();
		// The reserved answer becomes the team's once at least the minimum gave it.
		expect(teamStats(bank, [na, na, na, best])!.teamAnswers[q.id]).toBe(RESERVED);
		// Without the N/A the question has no team answer at all.
		expect(teamStats(bank, [skipped, skipped, best])!.teamAnswers[q.id]).toBeUndefined();
		// Three who chose an option are shown, and the one N/A is counted beside them.
		const shown = teamStats(bank, [best, best, best, na])!.questions.find((x) => x.questionId === q.id)!;
		expect(shown.options!.reduce((n, o) => n + o.count, 0)).toBe(3);
		expect(shown.teamAnswer).toBe(byScore(q).at(-1)!.id);
	});

	it('the confidence gap is the team result’s own: team confidence against the team score beside it', () => {
		const confidence = bank.questions.filter((q) => q.kind === 'confidence');
		if (confidence.length === 0) return;
		// Worst practice everywhere but the highest confidence for two of three: the team answer is boastful.
		const boastful: Answers = { ...worst };
		for (const q of confidence) boastful[q.id] = byScore(q).at(-1)!.id;
		const stats = teamStats(bank, [boastful, boastful, best])!;
		for (const d of stats.dimensions) {
			const g = stats.result.confidenceGaps.find((x) => x.dimension === d.dimension)!;
			const r = stats.result.dimensions.find((x) => x.dimension === d.dimension)!;
			expect(d).toMatchObject({ confidence: g.confidence, practice: r.contribution, gap: g.gap, score: r.score });
			const useIsContext = bank.model >= 2 && d.dimension === 'ai_integration';
			if (confidence.some((q) => q.dimension === d.dimension) && !useIsContext) {
				expect(d.confidence).toBe(100);
				expect(d.practice).toBe(0);
				expect(d.overconfident).toBe(true);
			}
		}
	});

	it('the spread is over the own dimension scores of those who answered the dimension', () => {
		fc.assert(
			fc.property(fc.array(answersArb(bank), { minLength: 3, maxLength: 6 }), (sets) => {
				const stats = teamStats(bank, sets)!;
				for (const d of stats.dimensions) {
					const answeredIt = sets.filter((a) =>
						scoredQuestions(bank).some((q) => q.dimension === d.dimension && a[q.id] !== undefined)
					);
					expect(d.answeredBy).toBe(answeredIt.length);
					expect(d.covered).toBe(answeredIt.length >= 3);
					const scores = answeredIt
						.map((a) => placement(bank, a).dimensions.find((x) => x.dimension === d.dimension)!.score)
						.filter((s): s is number => s !== null);
					expect(d.respondents).toBe(d.covered ? scores.length : 0);
					if (scores.length < 3) expect(d.spread).toBeNull();
					else {
						const m = scores.reduce((a, b) => a + b, 0) / scores.length;
						const sd = Math.sqrt(scores.reduce((a, b) => a + (b - m) ** 2, 0) / scores.length);
						expect(d.spread).toBeCloseTo(sd, 0);
					}
				}
				// Counted for everyone, or withheld when a group someone is in is under the minimum size.
				if (stats.tiers) {
					expect(stats.tiers.reduce((n, t) => n + t.count, 0)).toBe(sets.length);
					for (const t of stats.tiers) expect(t.count === 0 || t.count >= stats.minGroupSize).toBe(true);
				}
			}),
			{ numRuns: 20 }
		);
	}, 60_000);

	it('a dimension fewer than the minimum answered is not covered: no team answer, score, gap or spread', () => {
		const d = scoredQuestions(bank)[0]!.dimension!;
		const without: Answers = { ...best };
		for (const q of scoredQuestions(bank)) if (q.dimension === d) delete without[q.id];
		// Two people answered the dimension (one only "don't know"), two did not: fewer than three.
		const first = scoredQuestions(bank).find((q) => q.dimension === d)!;
		const RESERVED = bank.model === 1 ? NOT_APPLICABLE : DONT_KNOW;
		const sets = [best, { ...without, [first.id]: RESERVED }, without, without];
		const agreed = { [first.id]: byScore(first).at(-1)!.id };
		const stats = teamStats(bank, sets, { agreed })!;
		const dim = stats.dimensions.find((x) => x.dimension === d)!;
		expect(dim).toEqual({
			dimension: d,
			answeredBy: 2,
			covered: false,
			score: null,
			practice: null,
			confidence: null,
			gap: null,
			overconfident: false,
			respondents: 0,
			spread: null
		});
		for (const q of stats.questions.filter((x) => x.dimension === d)) {
			expect(q).toMatchObject({ teamAnswer: null, teamAnswerSource: null, medianAnswer: null, options: null });
			expect(stats.teamAnswers[q.questionId]).toBeUndefined();
		}
		expect(stats.formed.agreed).toBe(0);
		// A third person who answered it covers it again, and the agreed answer counts.
		const again = teamStats(bank, [...sets, best], { agreed })!;
		expect(again.dimensions.find((x) => x.dimension === d)).toMatchObject({ answeredBy: 3, covered: true });
		expect(again.teamAnswers[first.id]).toBe(agreed[first.id]);
	});

	it('rejects an answer set with an unknown question', () => {
		expect(() => teamStats(bank, [best, best, { ...best, no_such_question: 'x' }])).toThrow(AnswersError);
	});
});
