/**
 * A result code made by the app before bank 2.0.0 (bank 1.0.0, format `a`), with what that app showed for it:
 * it must keep decoding and scoring to the same numbers, on the frozen model of bank 1.x.
 */
import { describe, expect, it } from 'vitest';
import { decodeAnswerCode } from '$scoring/export/answer-code';
import { BANK_V1, BANK_V2 } from '$scoring/content/banks';
import { carryAnswers } from '$scoring/content/migrate';
import { score } from '$scoring/model/v2/score';
import { CODE_1_0_0 } from '../../fixtures/codes';

describe('a 1.0.0 result code from the app before 2.0.0', () => {
	it('still opens on bank 1.0.0 and scores exactly as it did', () => {
		const { bank, answers } = decodeAnswerCode(CODE_1_0_0);
		expect(bank).toBe(BANK_V1);
		expect(answers.gov_agent_guardrails).toBe('na');
		const r = score(bank, answers);
		expect(r.model).toBe(1);
		expect(r.tier).toBe('fragmented');
		expect(r.index).toBe(48.6);
		expect(r.dimensions.map((d) => [d.dimension, d.score])).toEqual([
			['ai_integration', 41.1],
			['governance', 64.2],
			['automation', 52.4],
			['risk_exposure', 57.4],
			['platform', 42.9]
		]);
		expect(r.liftPlan).toEqual({
			target: 'outpacing',
			changes: [{ questionId: 'ai_code_share', from: 'under_5', to: 'pct_50_75' }]
		});
	});

	it('carries what still holds into 2.0.0 and says which answers did not', () => {
		const { bank, answers } = decodeAnswerCode(CODE_1_0_0);
		const carried = carryAnswers(bank, answers, BANK_V2);
		expect(carried.carried).toContain('gov_formal_policy');
		expect(carried.carried).toContain('risk_app_code_review');
		expect(carried.notCarried.map((n) => n.questionId)).toContain('ai_dev_velocity');
		expect(carried.notCarried.find((n) => n.questionId === 'gov_agent_guardrails')?.reason).toBe('meaning_changed');
		expect(() => score(BANK_V2, carried.answers)).not.toThrow();
	});
});
