import { describe, expect, test } from 'vitest';
import { AnswerSetSchema, AnswersSchema } from '$scoring/schema';

describe('AnswersSchema', () => {
	test('refuses a __proto__ key instead of silently dropping that answer', () => {
		const parsed = AnswersSchema.safeParse(JSON.parse('{"__proto__":"yes","gov_formal_policy":"none"}'));
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]?.message).toMatch(/__proto__/);
	});

	test('refuses ids that are not lower-case slugs', () => {
		expect(AnswersSchema.safeParse({ 'Gov Policy': 'none' }).success).toBe(false);
		expect(AnswersSchema.safeParse({ gov_formal_policy: 3 }).success).toBe(false);
	});

	test('keeps every well-formed answer', () => {
		const answers = { gov_formal_policy: 'none', auto_drift_detection: 'na' };
		expect(AnswerSetSchema.parse({ bank: 'ai_readiness', version: '1.0.0', answers }).answers).toEqual(answers);
	});
});
