/**
 * Lenses on a team (scoring/lens/team.ts) and the one lens answer key (scoring/lens/answer-key.ts): a lens question's
 * key never collides with a survey question's, the team answer per lens question comes from the team's answers by
 * the survey's median rule, there is no team lens below the minimum group size nor a finding from a lens fewer than
 * the minimum answered, and lens answers beside the survey's never move the survey's team result.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BANK_V3, CURRENT_BANK } from '$scoring/content/banks/index';
import {
	lensAnswerKey,
	lensAnswersOf,
	parseLensAnswerKey,
	splitLensAnswers,
	surveyAnswersOf,
	withLensAnswers
} from '$scoring/lens/answer-key';
import { lensQuestions, reservedLensAnswers, type LensAnswers } from '$scoring/lens/findings';
import { parseLens } from '$scoring/lens/parse';
import { teamLens } from '$scoring/lens/team';
import { teamStats } from '$scoring/model/team-stats';
import { presentTeamLens, teamLensNote } from '$scoring/present/lens';
import type { Answers } from '$scoring/schema';
import { answersArb } from '../fixtures/answers';
import { EXAMPLE_LENS_TEXT, SMALL_LENS } from '../fixtures/lens';

const small = parseLens(SMALL_LENS);
const example = parseLens(EXAMPLE_LENS_TEXT);

describe('the lens answer key', () => {
	test('builds <lens id>:<question id> and reads it back', () => {
		expect(lensAnswerKey('small-lens', 'register')).toBe('small-lens:register');
		expect(parseLensAnswerKey('small-lens:register')).toEqual({ lensId: 'small-lens', questionId: 'register' });
	});

	test('no survey question of any bank reads as a lens key', () => {
		for (const q of [...CURRENT_BANK.questions, ...BANK_V3.questions]) expect(parseLensAnswerKey(q.id)).toBeNull();
	});

	test('splits survey and lens answers, and merges them back to the same set', () => {
		const answers: Answers = {
			[CURRENT_BANK.questions[0]!.id]: CURRENT_BANK.questions[0]!.options[0]!.id,
			'small-lens:register': 'full',
			'small-lens:review': 'na',
			'other-lens:q': 'x'
		};
		const { survey, lenses } = splitLensAnswers(answers);
		expect(survey).toEqual({ [CURRENT_BANK.questions[0]!.id]: CURRENT_BANK.questions[0]!.options[0]!.id });
		expect(lenses.get('small-lens')).toEqual({ register: 'full', review: 'na' });
		expect(lenses.get('other-lens')).toEqual({ q: 'x' });
		expect(lensAnswersOf(small, answers)).toEqual({ register: 'full', review: 'na' });
		expect(withLensAnswers(surveyAnswersOf(answers), { lens: small, answers: lenses.get('small-lens')! })).toEqual({
			...survey,
			'small-lens:register': 'full',
			'small-lens:review': 'na'
		});
	});
});

describe('a lens on a team', () => {
	test('below the minimum group size there is no team lens, so no finding', () => {
		const worst = { register: 'no_register', review: 'never' };
		expect(teamLens(small, [worst, worst], 3)).toBeNull();
		expect(teamLens(small, [worst, worst, worst], 3)?.result?.high).toEqual(['register']);
	});

	test('the team answer is the option nearest the median level: one person at high risk makes no high-risk finding', () => {
		const team = teamLens(
			small,
			[
				{ register: 'no_register', review: 'yearly' },
				{ register: 'full', review: 'yearly' },
				{ register: 'full', review: 'yearly' }
			],
			3
		)!;
		expect(team.teamAnswers).toEqual({ register: 'full', review: 'yearly' });
		expect(team.result!.high).toEqual([]);
		expect(team.result!.medium).toEqual([]);
		expect(team.questions.find((q) => q.questionId === 'register')).toMatchObject({ answered: 3, teamAnswer: 'full' });
	});

	test('a lens fewer than the minimum answered gives no findings, however its answers read', () => {
		const team = teamLens(small, [{ register: 'no_register', review: 'never' }, {}, {}], 3)!;
		expect(team).toMatchObject({ covered: false, answeredBy: 1, result: null, teamAnswers: {} });
		expect(
			teamLensNote(
				{ id: small.id, version: small.version, title: small.title },
				{ kind: 'not_covered', answeredBy: 1, minGroupSize: 3 }
			)
		).toMatch(/Fewer than 3 people answered the lens/);
	});

	test('fewer than the minimum chose an option: another answer only if at least the minimum gave it, as for survey questions; none counts as the weakest', () => {
		const team = teamLens(
			small,
			[
				{ register: 'full', review: 'dk' },
				{ register: 'full', review: 'dk' },
				{ register: 'full', review: 'dk' }
			],
			3
		)!;
		expect(team.teamAnswers).toEqual({ register: 'full', review: 'dk' });
		expect(team.result!.medium).toEqual(['review']);
		// One person's "not applicable" beside a risky and a safe answer is not the team's: no team answer, so the
		// weakest counts and the finding stays (a consultant saw a minority's N/A wipe out a high-risk finding).
		const minority = teamLens(
			small,
			[
				{ register: 'no_register', review: 'yearly' },
				{ register: 'full', review: 'yearly' },
				{ register: 'na', review: 'yearly' }
			],
			3
		)!;
		expect(minority.teamAnswers.register).toBeUndefined();
		expect(minority.result!.high).toEqual(['register']);

		const unanswered = teamLens(small, [{ register: 'full' }, { register: 'full' }, { register: 'full' }], 3)!;
		expect(unanswered.teamAnswers).toEqual({ register: 'full' });
		const view = presentTeamLens(small, { ...unanswered, result: unanswered.result! });
		const review = view.medium.find((i) => i.questionId === 'review')!;
		expect(review.answer).toBe('No team answer');
		expect(review.note).toMatch(/Fewer than 3 people chose an answer here, so there is no team answer/);
		expect(view.answerLabel).toBe('Team answer');
		expect(view.summary).toMatch(/^From the released answers of 3 people\./);
	});

	test('a riskier answer some chose does not vanish behind the team answer: the item and the summary say so', () => {
		const team = teamLens(
			small,
			[
				{ register: 'no_register', review: 'yearly' },
				{ register: 'full', review: 'yearly' },
				{ register: 'full', review: 'yearly' }
			],
			3
		)!;
		expect(team.teamAnswers.register).toBe('full');
		const view = presentTeamLens(small, { ...team, result: team.result! });
		expect(view.high).toEqual([]);
		const register = view.clear.find((i) => i.questionId === 'register')!;
		expect(register.note).toBe('Not unanimous: 1 of 3 chose an answer marked high risk.');
		expect(view.clear.find((i) => i.questionId === 'review')!.note).toBeNull();
		expect(view.summary).toMatch(/On 1 question some chose an answer riskier than the team’s/);
		// Unanimous answers say nothing of the kind.
		const same = teamLens(small, [{ register: 'full' }, { register: 'full' }, { register: 'full' }], 3)!;
		expect(presentTeamLens(small, { ...same, result: same.result! }).summary).not.toMatch(/riskier/);
	});

	test('property: any order of the same answers gives the same team lens, and every finding is the team answer’s', () => {
		const answerArb = fc.record(
			Object.fromEntries(
				lensQuestions(example).map(({ question }) => [
					question.id,
					fc.constantFrom(...question.options.map((o) => o.id), ...reservedLensAnswers(question))
				])
			) as Record<string, fc.Arbitrary<string>>,
			{ requiredKeys: [] }
		);
		fc.assert(
			fc.property(fc.array(answerArb, { minLength: 0, maxLength: 9 }), fc.integer({ min: 2, max: 5 }), (sets, k) => {
				const team = teamLens(example, sets as LensAnswers[], k);
				if (sets.length < k) return team === null;
				const reversed = teamLens(example, [...sets].reverse() as LensAnswers[], k);
				expect(reversed).toEqual(team);
				for (const f of team!.result?.findings ?? []) expect(f.given).toBe(team!.teamAnswers[f.questionId] ?? null);
				return true;
			}),
			{ numRuns: 200, seed: 19 }
		);
	});
});

test('property: lens answers beside the survey answers never change the team’s survey result', () => {
	const lensAnswerArb = fc.record(
		Object.fromEntries(
			lensQuestions(example).map(({ question }) => [
				lensAnswerKey(example.id, question.id),
				fc.constantFrom(...question.options.map((o) => o.id), ...reservedLensAnswers(question))
			])
		) as Record<string, fc.Arbitrary<string>>,
		{ requiredKeys: [] }
	);
	fc.assert(
		fc.property(
			fc.array(fc.tuple(answersArb(CURRENT_BANK), lensAnswerArb), { minLength: 3, maxLength: 7 }),
			(responses) => {
				const survey = responses.map(([s]) => s);
				const stored: Answers[] = responses.map(([s, l]) => ({ ...s, ...(l as Answers) }));
				expect(teamStats(CURRENT_BANK, stored.map(surveyAnswersOf), { minGroupSize: 3 })).toEqual(
					teamStats(CURRENT_BANK, survey, { minGroupSize: 3 })
				);
			}
		),
		{ numRuns: 60, seed: 23 }
	);
});
