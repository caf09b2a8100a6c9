import { describe, expect, test } from 'vitest';
import { aggregate } from '../../../scoring/aggregate';
import { BANK_V1 } from '../../../scoring/bank';
import { SURVEY_2026 } from '../../../scoring/benchmark';
import { dimensionRows, surveyPosition } from '../../../scoring/explain';
import type { Answers } from '../../../scoring/schema';
import { teamConfidenceSentence, teamView } from '../../../src/lib/server/dashboard';

/** Every scored question at its first or last option, confidence questions at `confidence`. */
function answers(practice: 'best' | 'worst', confidence: 'best' | 'worst'): Answers {
	return Object.fromEntries(
		BANK_V1.questions
			.filter((q) => q.kind !== 'profile')
			.map((q) => {
				const which = q.kind === 'confidence' ? confidence : practice;
				return [q.id, (which === 'best' ? q.options.at(-1) : q.options[0])!.id];
			})
	);
}

describe('the dashboard team view', () => {
	const sets = [answers('best', 'best'), answers('best', 'best'), answers('worst', 'best')];
	const team = aggregate(BANK_V1, sets, { minGroupSize: 3 })!;
	const view = teamView(BANK_V1, team);

	test('the radar and its table use the team result’s dimension rows', () => {
		expect(view.dimensions).toEqual(dimensionRows(BANK_V1, team.result));
	});

	test('the team against the survey: the distribution marks the team’s tier, the sentence is computed', () => {
		expect(team.result.tier).not.toBeNull();
		expect(view.survey.distribution.filter((r) => r.you).map((r) => r.tier)).toEqual([team.result.tier]);
		expect(view.survey.sentence).toBe(surveyPosition(SURVEY_2026, team.result.tier!).sentence);
		expect(view.survey.source).toContain(String(SURVEY_2026.sample));
	});

	test('the confidence sentence counts who runs ahead of their practice', () => {
		// The participant with the worst practice and the highest confidence is overconfident everywhere.
		for (const gap of view.confidence) {
			expect(gap.sentence).toMatch(/^In /);
			expect(gap.sentence).toContain(`1 of ${gap.respondents}`);
		}
		const agreed = teamConfidenceSentence(
			{
				dimension: 'governance',
				respondents: 4,
				meanConfidence: 50,
				meanPractice: 60,
				meanGap: -10,
				overconfidentShare: 0
			},
			'Governance maturity'
		);
		expect(agreed).toBe(
			'In governance maturity, nobody’s confidence runs ahead of their practice (mean confidence 50 against practice 60, gap −10).'
		);
	});
});
