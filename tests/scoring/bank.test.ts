import { describe, expect, it } from 'vitest';
import { BANKS, BANK_V1, CURRENT_BANK, findBank, practiceQuestionsByDimension, questionsOf } from '../../scoring/bank';
import { SURVEY_2026 } from '../../scoring/benchmark';
import { DIMENSION_IDS, NOT_APPLICABLE, QuestionBankSchema, type Question } from '../../scoring/schema';

const practice = questionsOf(BANK_V1, 'practice');
const confidence = questionsOf(BANK_V1, 'confidence');
const scored = [...practice, ...confidence];
const byId = new Map(BANK_V1.questions.map((q) => [q.id, q]));

function question(id: string): Question {
	const q = byId.get(id);
	if (!q) throw new Error(`missing question ${id}`);
	return q;
}

describe('question bank v1', () => {
	it('is valid bank data under the shared schema', () => {
		expect(() => QuestionBankSchema.parse(BANK_V1)).not.toThrow();
		expect(BANK_V1.id).toBe('ai_readiness');
		expect(BANK_V1.version).toBe('1.0.0');
	});

	it('has the five dimensions in order, with risk exposure reported as higher-is-worse', () => {
		expect(BANK_V1.dimensions.map((d) => d.id)).toEqual([...DIMENSION_IDS]);
		for (const d of BANK_V1.dimensions)
			expect(d.orientation).toBe(d.id === 'risk_exposure' ? 'higher-is-worse' : 'higher-is-better');
	});

	it('has 6–8 practice questions per dimension and at least 34 in total', () => {
		const groups = practiceQuestionsByDimension(BANK_V1);
		for (const d of DIMENSION_IDS) {
			expect(groups[d].length, d).toBeGreaterThanOrEqual(6);
			expect(groups[d].length, d).toBeLessThanOrEqual(8);
		}
		expect(practice.length).toBeGreaterThanOrEqual(34);
	});

	it('gives every practice and confidence question 4–5 options scored strictly upwards from 0 to 100', () => {
		for (const q of scored) {
			const scores = q.options.map((o) => o.score);
			expect(scores.length, q.id).toBeGreaterThanOrEqual(4);
			expect(scores.length, q.id).toBeLessThanOrEqual(5);
			expect(scores[0], q.id).toBe(0);
			expect(scores.at(-1), q.id).toBe(100);
			for (let i = 1; i < scores.length; i++) expect(scores[i]!, q.id).toBeGreaterThan(scores[i - 1]!);
		}
	});

	it('gives every practice question a weight of 1–3, a short why line and a concrete recommendation', () => {
		for (const q of practice) {
			expect(q.weight, q.id).toBeGreaterThanOrEqual(1);
			expect(q.weight, q.id).toBeLessThanOrEqual(3);
			expect(q.why?.length ?? 0, q.id).toBeGreaterThan(0);
			expect(q.why!.length, q.id).toBeLessThanOrEqual(200);
			expect(q.text.endsWith('?'), q.id).toBe(true);
			expect(q.recommendation, q.id).toBeDefined();
			expect(q.recommendation!.action.length, q.id).toBeLessThanOrEqual(400);
			for (const o of q.options) expect(o.label.length, `${q.id}.${o.id}`).toBeLessThanOrEqual(160);
		}
	});

	it('never offers the reserved N/A answer as an option', () => {
		for (const q of BANK_V1.questions) {
			expect(q.options.map((o) => o.id)).not.toContain(NOT_APPLICABLE);
			for (const o of q.options) expect(o.label.toLowerCase()).not.toMatch(/not applicable|don.t know/);
		}
	});

	it('never repeats an option label within a question, and all question ids are unique', () => {
		for (const q of BANK_V1.questions) expect(new Set(q.options.map((o) => o.label)).size, q.id).toBe(q.options.length);
		expect(new Set(BANK_V1.questions.map((q) => q.id)).size).toBe(BANK_V1.questions.length);
	});

	it('links survey figures for all respondents, with real options, each figure at most once', () => {
		const linked = BANK_V1.questions.filter((q) => q.benchmark);
		expect(linked.length).toBeGreaterThanOrEqual(12);
		const used = new Set<string>();
		for (const q of linked) {
			const b = q.benchmark!;
			const figure = SURVEY_2026.figures.find((f) => f.id === b.figure);
			expect(figure, `${q.id} → ${b.figure}`).toBeDefined();
			expect(figure!.base, b.figure).toBe('all');
			expect(used.has(b.figure), `${b.figure} used twice`).toBe(false);
			used.add(b.figure);
			const options = q.options.map((o) => o.id);
			for (const m of b.matches) expect(options, q.id).toContain(m);
			// A figure that every option matches (or none) could never tell respondents apart.
			expect(b.matches.length, q.id).toBeLessThan(options.length);
			expect(b.youDo).not.toBe(b.youDoNot);
		}
	});

	it('maps the survey’s HCL review figures onto separate options', () => {
		const q = question('risk_ai_iac_review');
		expect(q.options[0]!.id).toBe('direct_no_review');
		expect(q.options[1]!.id).toBe('minimal_review');
		expect(q.benchmark).toMatchObject({ figure: 'hcl_no_review', matches: ['direct_no_review'] });
		expect(q.why).toContain('43 %');
	});

	it('has one confidence question per dimension; the governance one counts the two most confident options', () => {
		for (const d of DIMENSION_IDS) {
			const own = confidence.filter((q) => q.dimension === d);
			expect(own.map((q) => q.id)).toEqual([`conf_${d}`]);
		}
		const gov = question('conf_governance');
		expect(gov.benchmark?.figure).toBe('confident_governance');
		expect(gov.benchmark?.matches).toEqual(gov.options.slice(-2).map((o) => o.id));
	});

	it('covers every practice the survey measured, in the right dimension', () => {
		const required: Record<string, (typeof DIMENSION_IDS)[number]> = {
			ai_code_share: 'ai_integration',
			ai_iac_generation: 'ai_integration',
			ai_pipelines_ops: 'ai_integration',
			ai_agentic_plans: 'ai_integration',
			ai_strategic_priority: 'ai_integration',
			gov_formal_policy: 'governance',
			gov_policy_enforcement: 'governance',
			gov_app_code_review: 'governance',
			gov_track_error_rates: 'governance',
			gov_agent_guardrails: 'governance',
			auto_policy_as_code: 'automation',
			auto_track_ai_iac_volume: 'automation',
			auto_drift_detection: 'automation',
			auto_infra_testing: 'automation',
			auto_deploy_lead_time: 'automation',
			auto_rollback: 'automation',
			risk_ai_iac_review: 'risk_exposure',
			risk_ai_incidents: 'risk_exposure',
			risk_rework: 'risk_exposure',
			risk_misconfig_prod: 'risk_exposure',
			risk_compliance_violations: 'risk_exposure',
			risk_drift_incidents: 'risk_exposure',
			risk_agentic_incidents: 'risk_exposure',
			risk_secrets_least_privilege: 'risk_exposure',
			plat_platform_team: 'platform',
			plat_self_service: 'platform',
			plat_infra_pace: 'platform'
		};
		for (const [id, dimension] of Object.entries(required)) {
			const q = question(id);
			expect(q.kind, id).toBe('practice');
			expect(q.dimension, id).toBe(dimension);
		}
		expect(question('gov_track_error_rates').benchmark?.figure).toBe('track_ai_error_rates');
		expect(question('auto_track_ai_iac_volume').benchmark?.figure).toBe('track_ai_iac_volume');
	});

	it('offers optional, unscored profile questions including the survey’s 250+ employee bands', () => {
		const profile = questionsOf(BANK_V1, 'profile');
		expect(profile.map((q) => q.id)).toEqual(['profile_role', 'profile_size', 'profile_industry']);
		for (const q of profile) {
			expect(q.dimension).toBeUndefined();
			expect(q.weight).toBeUndefined();
			expect(q.options.every((o) => o.score === 0)).toBe(true);
		}
		expect(question('profile_size').options.map((o) => o.id)).toContain('under_250');
	});
});

describe('bank registry', () => {
	it('serves v1 as the current bank and finds banks by id and exact version', () => {
		expect(CURRENT_BANK).toBe(BANK_V1);
		expect(BANKS).toContain(BANK_V1);
		expect(findBank('ai_readiness', '1.0.0')).toBe(BANK_V1);
		expect(findBank('ai_readiness', '9.9.9')).toBeUndefined();
		expect(findBank('other_bank', '1.0.0')).toBeUndefined();
	});

	it('lists each published version once', () => {
		const keys = BANKS.map((b) => `${b.id}@${b.version}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
