import { MODELLED_BELOW } from '$scoring/present/modelled';
import { describe, expect, test } from 'vitest';
import { BANK_V1 } from '$scoring/content/banks';
import { BenchmarkSchema, SURVEY_2026, type Benchmark } from '$scoring/content/survey';
import {
	answerLabel,
	borderlineNote,
	confidenceGapSentence,
	coverageSentence,
	customPosition,
	dimensionRows,
	liftHeading,
	liftSteps,
	surveyPosition,
	tierDistribution,
	tierExplanation,
	tierHeadline
} from '$scoring/present/explain';
import { NOT_APPLICABLE_OR_DONT_KNOW_LABEL as NOT_APPLICABLE_LABEL } from '$scoring/present/answer-labels';
import { parseCustomBenchmark } from '$scoring/export/custom-benchmark';
import { percent } from '$scoring/present/format';
import { score } from '$scoring/model/v2/score';
import { TIER_IDS, type Answers, type ConfidenceGap } from '$scoring/schema';
import { TIER_LABELS } from '$scoring/model/v2/tiers';

/** A benchmark like the survey but with other tier shares: every comparison must follow it. */
function withShares(shares: [number, number, number, number]): Benchmark {
	return BenchmarkSchema.parse({
		...SURVEY_2026,
		id: 'portfolio',
		tiers: SURVEY_2026.tiers.map((t) => ({ ...t, share: shares[TIER_IDS.indexOf(t.id)] }))
	});
}

const best: Answers = Object.fromEntries(
	BANK_V1.questions.filter((q) => q.kind !== 'profile').map((q) => [q.id, q.options.at(-1)!.id])
);
const worst: Answers = Object.fromEntries(
	BANK_V1.questions.filter((q) => q.kind !== 'profile').map((q) => [q.id, q.options[0]!.id])
);

describe('surveyPosition', () => {
	test('against the survey it says what it is: the model’s reading, with its uncertainty, not the survey’s placement', () => {
		const p = surveyPosition(SURVEY_2026, 'outpacing');
		expect(p).toMatchObject({ below: 56, same: 25, above: 19 });
		expect(p.sentence).toBe(
			`If the surveyed organisations answered as our model assumes, about ${MODELLED_BELOW.outpacing.share}\u00a0% (±${MODELLED_BELOW.outpacing.plusMinus}) would be placed in a lower group than yours. The survey itself placed 25\u00a0% in Outpacing.`
		);
	});

	test('a different benchmark changes the sentence', () => {
		const portfolio = withShares([10, 20, 30, 40]);
		const p = surveyPosition(portfolio, 'outpacing');
		expect(p).toMatchObject({ below: 30, same: 30, above: 40 });
		expect(p.sentence).toContain('30\u00a0% of surveyed organisations sit in a lower group');
		expect(p.sentence).toContain('and 40\u00a0% in a higher one');
		expect(p.sentence).not.toBe(surveyPosition(SURVEY_2026, 'outpacing').sentence);
	});

	test.each(TIER_IDS.map((t) => [t]))('below + same + above = 100 for %s', (tier) => {
		const p = surveyPosition(SURVEY_2026, tier);
		expect(p.below + p.same + p.above).toBe(100);
	});

	test('the lowest and highest groups say so instead of "0 %"', () => {
		const exposed = surveyPosition(SURVEY_2026, 'exposed').sentence;
		expect(exposed).toContain('Exposed is the lowest group');
		expect(exposed).not.toMatch(/\b0\u00a0%/);
		const pioneer = surveyPosition(withShares([24, 32, 25, 19]), 'pioneer').sentence;
		expect(pioneer).toContain('81\u00a0% of surveyed organisations sit in a lower group');
		expect(pioneer).toContain('Pioneer is the highest group');
	});
});

describe('customPosition', () => {
	const csv = [
		'record,id,value',
		'name,,Acme portfolio',
		'sample,,48',
		'tier,exposed,10',
		'tier,fragmented,20',
		'tier,outpacing,30',
		'tier,pioneer,40'
	].join('\n');
	const custom = parseCustomBenchmark(csv, BANK_V1);

	test('places a tier in the custom benchmark and names it, not the survey', () => {
		const p = customPosition(custom, 'outpacing');
		expect(p).toMatchObject({ below: 30, same: 30, above: 40 });
		expect(p.sentence).toBe(
			'30\u00a0% of organisations in Acme portfolio sit in a lower group than yours, and 40\u00a0% in a higher one. 30\u00a0% share the Outpacing group with you.'
		);
		expect(p.sentence).not.toContain('surveyed');
	});

	test('the highest group says so', () => {
		expect(customPosition(custom, 'pioneer').sentence).toContain('Pioneer is the highest group');
	});
});

test('tierDistribution lists the benchmark’s groups in ascending order and marks yours', () => {
	const rows = tierDistribution(withShares([40, 30, 20, 10]), 'fragmented');
	expect(rows).toEqual([
		{ tier: 'exposed', label: 'Exposed', share: 40, you: false },
		{ tier: 'fragmented', label: 'Fragmented', share: 30, you: true },
		{ tier: 'outpacing', label: 'Outpacing', share: 20, you: false },
		{ tier: 'pioneer', label: 'Pioneer', share: 10, you: false }
	]);
	expect(tierDistribution(SURVEY_2026, null).some((r) => r.you)).toBe(false);
});

describe('tier explanation', () => {
	test('all-best answers: Pioneer headline, the survey’s profile and the rules checked, with their numbers', () => {
		const result = score(BANK_V1, best);
		expect(tierHeadline(result)).toBe('Your organisation is Pioneer');
		const why = tierExplanation(result, SURVEY_2026);
		expect(why.summary).toBe(SURVEY_2026.tiers.find((t) => t.id === 'pioneer')!.summary);
		expect(why.reasons).toEqual(
			result.reasons.filter((r) => r.rule !== 'coverage' && r.rule !== 'dimensions_answered').map((r) => r.text)
		);
		expect(why.reasons.length).toBeGreaterThan(0);
	});

	test('too few answers: no group, and the failed reasons say why', () => {
		const result = score(BANK_V1, { ai_code_share: 'over_75' });
		expect(result.tier).toBeNull();
		expect(tierHeadline(result)).toBe('Not enough answers to place you in a group');
		const why = tierExplanation(result, SURVEY_2026);
		expect(why.reasons.length).toBeGreaterThan(0);
		expect(why.reasons.join(' ')).toMatch(/not enough/i);
	});

	test('the borderline note appears only for borderline results and names the tier', () => {
		const result = score(BANK_V1, worst);
		expect(borderlineNote({ ...result, borderline: false })).toBeNull();
		expect(borderlineNote({ ...result, borderline: true })).toContain(TIER_LABELS[result.tier!]);
	});
});

test('coverageSentence counts answered, N/A and skipped practice questions', () => {
	const practice = BANK_V1.questions.filter((q) => q.kind === 'practice');
	const answers: Answers = Object.fromEntries(practice.slice(0, 30).map((q) => [q.id, q.options[1]!.id]));
	answers[practice[30]!.id] = 'na';
	const result = score(BANK_V1, answers);
	const skipped = practice.length - 31;
	expect(coverageSentence(result)).toBe(
		`You answered 30 of ${practice.length} practice questions (${percent((30 / practice.length) * 100)} coverage); 1 marked not applicable or don’t know, ${skipped} skipped.`
	);
	expect(coverageSentence(score(BANK_V1, best))).toContain('none skipped');
});

test('dimensionRows follows the bank’s order and flags the higher-is-worse dimension', () => {
	const result = score(BANK_V1, worst);
	const rows = dimensionRows(BANK_V1, result);
	expect(rows.map((r) => r.dimension)).toEqual(BANK_V1.dimensions.map((d) => d.id));
	const risk = rows.find((r) => r.dimension === 'risk_exposure')!;
	expect(risk.higherIsWorse).toBe(true);
	expect(risk.score).toBe(100);
	expect(risk.contribution).toBe(0);
});

describe('lift plan in words', () => {
	test('each change names the question and the labels from → to, and the heading names the next tier', () => {
		const result = score(BANK_V1, worst);
		const plan = result.liftPlan!;
		expect(liftHeading(plan)).toBe(`What would lift you to ${TIER_LABELS[plan.target]}`);
		const steps = liftSteps(BANK_V1, plan);
		expect(steps).toHaveLength(plan.changes.length);
		for (const [i, step] of steps.entries()) {
			const change = plan.changes[i]!;
			const q = BANK_V1.questions.find((x) => x.id === change.questionId)!;
			expect(step.question).toBe(q.text);
			expect(step.from).toBe(q.options.find((o) => o.id === change.from)!.label);
			expect(step.to).toBe(q.options.find((o) => o.id === change.to)!.label);
		}
	});

	test('an unanswered or N/A starting point is named as such', () => {
		const q = BANK_V1.questions.find((x) => x.kind === 'practice')!;
		const plan = {
			target: 'fragmented' as const,
			changes: [
				{ questionId: q.id, from: null, to: q.options[1]!.id },
				{ questionId: q.id, from: 'na', to: q.options[2]!.id }
			]
		};
		const [a, b] = liftSteps(BANK_V1, plan);
		expect(a!.from).toBe('Not answered');
		expect(b!.from).toBe(NOT_APPLICABLE_LABEL);
	});
});

test('answerLabel: option label, the N/A label, "Prefer not to say" on profile questions, "Not answered"', () => {
	const q = BANK_V1.questions.find((x) => x.kind === 'practice')!;
	const profile = BANK_V1.questions.find((x) => x.kind === 'profile')!;
	expect(answerLabel(BANK_V1, q.id, q.options[0]!.id)).toBe(q.options[0]!.label);
	expect(answerLabel(BANK_V1, q.id, 'na')).toBe(NOT_APPLICABLE_LABEL);
	expect(answerLabel(BANK_V1, profile.id, 'na')).toBe('Prefer not to say');
	expect(answerLabel(BANK_V1, q.id, undefined)).toBe('Not answered');
	expect(answerLabel(BANK_V1, q.id, null)).toBe('Not answered');
});

describe('confidenceGapSentence', () => {
	const gap = (g: Partial<ConfidenceGap>): ConfidenceGap => ({
		dimension: 'governance',
		confidence: 75,
		practice: 40,
		gap: 35,
		overconfident: true,
		...g
	});

	test('overconfidence states both numbers and the gap', () => {
		expect(confidenceGapSentence(gap({}), 'Governance maturity')).toBe(
			'Your confidence in governance maturity (75) is 35 points above what your practice shows (40).'
		);
	});

	test('practice ahead, in line, unrated and unmeasured', () => {
		expect(
			confidenceGapSentence(gap({ confidence: 25, practice: 60, gap: -35, overconfident: false }), 'Platform readiness')
		).toBe('Your practice in platform readiness (60) is ahead of your confidence (25).');
		expect(
			confidenceGapSentence(
				gap({ confidence: 50, practice: 45.5, gap: 4.5, overconfident: false }),
				'Platform readiness'
			)
		).toBe('Your confidence in platform readiness (50) is in line with your practice (45.5).');
		expect(confidenceGapSentence(gap({ confidence: null, gap: null }), 'Platform readiness')).toMatch(/did not rate/);
		expect(confidenceGapSentence(gap({ practice: null, gap: null }), 'Platform readiness')).toMatch(/too few/);
	});

	test('real results: the all-worst answers are never flagged as overconfident', () => {
		const result = score(BANK_V1, worst);
		for (const g of result.confidenceGaps) expect(g.overconfident).toBe(false);
	});
});
