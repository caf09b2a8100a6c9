import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_GROUP_SIZE_DEFAULT, aggregate, consensusOption } from '../../scoring/aggregate';
import { NOT_APPLICABLE, type Answers, type QuestionBank } from '../../scoring/schema';
import { AnswersError, score } from '../../scoring/score';
import { V1_BANKS_UNDER_TEST, allAt, answersArb, byScore } from '../fixtures/answers';

const scoredQuestions = (bank: QuestionBank) => bank.questions.filter((q) => q.kind !== 'profile');

describe('consensusOption', () => {
	const options = [
		{ id: 'a', score: 0 },
		{ id: 'b', score: 25 },
		{ id: 'c', score: 50 },
		{ id: 'd', score: 100 }
	];
	it('takes the option nearest the median score', () => {
		expect(consensusOption(options, [0, 25, 100], 0)).toBe('b');
		expect(consensusOption(options, [100, 100, 0], 0)).toBe('d');
	});
	it('breaks a tie towards the lower-scoring option', () => {
		// median of 50 and 100 is 75: equally far from c (50) and d (100).
		expect(consensusOption(options, [50, 100], 0)).toBe('c');
	});
	it('ignores N/A while someone answered, and is N/A or nothing when nobody did', () => {
		expect(consensusOption(options, [100], 5)).toBe('d');
		expect(consensusOption(options, [], 2)).toBe(NOT_APPLICABLE);
		expect(consensusOption(options, [], 0)).toBeNull();
	});
});

describe.each(V1_BANKS_UNDER_TEST)('aggregate on the %s', (_name, bank) => {
	const best = allAt(bank, 'best');
	const worst = allAt(bank, 'worst');

	it('computes nothing below the minimum group size', () => {
		expect(MIN_GROUP_SIZE_DEFAULT).toBe(3);
		expect(aggregate(bank, [])).toBeNull();
		expect(aggregate(bank, [best, worst])).toBeNull();
		expect(aggregate(bank, [best, worst, best])).not.toBeNull();
		expect(aggregate(bank, [best, worst, best], { minGroupSize: 4 })).toBeNull();
		expect(aggregate(bank, [best], { minGroupSize: 1 })?.size).toBe(1);
	});

	it('a team that agrees gets the same result as each of its members, with no disagreement', () => {
		fc.assert(
			fc.property(answersArb(bank), fc.integer({ min: 3, max: 6 }), (answers, n) => {
				const team = aggregate(
					bank,
					Array.from({ length: n }, () => answers)
				)!;
				expect(team.consensus).toEqual(answers);
				expect(team.result).toEqual(score(bank, answers));
				for (const s of team.spread) {
					if (s.answered === 0) continue;
					expect(s.disagreement).toBe(0);
					expect(s.modalShare).toBe(1);
				}
			}),
			{ numRuns: 25 }
		);
	});

	it('a team split between the extremes shows full disagreement on every question', () => {
		const team = aggregate(bank, [best, worst, best, worst])!;
		expect(team.spread).toHaveLength(scoredQuestions(bank).length);
		for (const s of team.spread) {
			expect(s.answered).toBe(4);
			expect(s.disagreement).toBe(1);
			expect(s.modalShare).toBe(0.5);
			const counts = s.counts.filter((c) => c.count > 0);
			expect(counts.map((c) => c.share)).toEqual([0.5, 0.5]);
		}
		expect(team.tierCounts).toMatchObject({ pioneer: 2, exposed: 2, unplaced: 0 });
	});

	it('the majority carries the consensus and the team tier', () => {
		const team = aggregate(bank, [best, best, worst])!;
		expect(team.consensus).toEqual(best);
		expect(team.result.tier).toBe('pioneer');
		expect(aggregate(bank, [worst, worst, best])!.result.tier).toBe('exposed');
	});

	it('leaves profile answers out of the consensus and the spread', () => {
		const profile = bank.questions.find((q) => q.kind === 'profile');
		if (!profile) return;
		const withProfile: Answers = { ...best, [profile.id]: profile.options[0]!.id };
		const team = aggregate(bank, [withProfile, withProfile, withProfile])!;
		expect(team.consensus[profile.id]).toBeUndefined();
		expect(team.spread.some((s) => s.questionId === profile.id)).toBe(false);
	});

	it('counts N/A and skipped answers apart from the options', () => {
		const q = scoredQuestions(bank)[0]!;
		const na: Answers = { ...best, [q.id]: NOT_APPLICABLE };
		const skipped: Answers = { ...best };
		delete skipped[q.id];
		const team = aggregate(bank, [na, skipped, best])!;
		const s = team.spread.find((x) => x.questionId === q.id)!;
		expect(s).toMatchObject({ answered: 1, notApplicable: 1, skipped: 1, disagreement: 0, modalShare: 1 });
		expect(team.consensus[q.id]).toBe(byScore(q).at(-1)!.id);
	});

	it('reports the confidence gap across the team', () => {
		const confidence = bank.questions.filter((q) => q.kind === 'confidence');
		if (confidence.length === 0) return;
		// Worst practice everywhere but the highest confidence: everyone overconfident by the full scale.
		const boastful: Answers = { ...worst };
		for (const q of confidence) boastful[q.id] = byScore(q).at(-1)!.id;
		const team = aggregate(bank, [boastful, boastful, best])!;
		for (const dimension of new Set(confidence.map((q) => q.dimension!))) {
			const gap = team.confidenceGaps.find((g) => g.dimension === dimension)!;
			expect(gap.respondents).toBe(3);
			expect(gap.meanConfidence).toBe(100);
			expect(gap.meanPractice).toBeCloseTo(100 / 3, 1);
			expect(gap.overconfidentShare).toBeCloseTo(2 / 3);
		}
	});

	it('rejects an answer set with an unknown question', () => {
		expect(() => aggregate(bank, [best, best, { ...best, no_such_question: 'x' }])).toThrow(AnswersError);
	});
});
