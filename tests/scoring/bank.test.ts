import { describe, expect, it } from 'vitest';
import { levelsOf } from '$scoring/answers';
import {
	BANKS,
	BANK_V1,
	BANK_V2,
	CURRENT_BANK,
	findBank,
	isRetired,
	practiceQuestionsByDimension,
	questionsOf
} from '$scoring/content/banks';
import { SURVEY_2026 } from '$scoring/content/survey';
import { frameworkReference } from '$scoring/content/frameworks';
import { DIMENSION_IDS, RESERVED_ANSWERS, QuestionBankSchema, type Question } from '$scoring/schema';

const bank = BANK_V2;
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const practice = questionsOf(bank, 'practice');

function question(id: string): Question {
	const q = byId.get(id);
	if (!q) throw new Error(`missing question ${id}`);
	return q;
}

describe('question bank 2.0.0', () => {
	it('is valid bank data scored by model 2, and is the bank new assessments use', () => {
		expect(() => QuestionBankSchema.parse(bank)).not.toThrow();
		expect([bank.id, bank.version, bank.model]).toEqual(['ai_readiness', '2.0.0', 2]);
		expect(CURRENT_BANK).toBe(bank);
	});

	it('sorts every question into a kind that sits in its dimension', () => {
		for (const q of bank.questions) {
			if (q.kind === 'use') expect(q.dimension, q.id).toBe('ai_integration');
			if (q.kind === 'outcome') expect(q.dimension, q.id).toBe('risk_exposure');
			if (q.kind === 'practice') expect(q.dimension, q.id).not.toBe('ai_integration');
		}
		const groups = practiceQuestionsByDimension(bank);
		for (const d of DIMENSION_IDS) expect(groups[d].length, d).toBeGreaterThanOrEqual(5);
	});

	it('never bundles an outcome with a control: outcome options say what happened, practice options what is done', () => {
		for (const q of questionsOf(bank, 'outcome')) {
			expect(q.text, q.id).toMatch(/last 12 months/);
			for (const o of q.options)
				expect(o.label, `${q.id}.${o.id}`).not.toMatch(/\b(because|thanks to|reviewers caught)\b/i);
		}
		for (const q of practice) expect(q.text, q.id).not.toMatch(/last 12 months/);
	});

	it('scores detection by your own automation above detection by chance or from outside', () => {
		const q = question('out_misconfig_prod');
		const score = (id: string) => q.options.find((o) => o.id === id)!.score;
		expect(score('found_by_automation')).toBeGreaterThan(score('found_by_chance'));
		expect(score('found_by_chance')).toBeGreaterThan(score('found_externally'));
	});

	it('gives every practice level below the top a next step, a theme and framework references that exist', () => {
		for (const q of practice) {
			expect(q.theme, q.id).toBeTruthy();
			expect(q.references?.length, q.id).toBeGreaterThan(0);
			for (const ref of q.references ?? []) expect(frameworkReference(ref), `${q.id} → ${ref}`).toBeDefined();
			const top = Math.max(...q.options.map((o) => o.score));
			for (const o of q.options) {
				if (o.score === top) expect(o.next, `${q.id}.${o.id}`).toBeUndefined();
				else {
					expect(o.next?.title, `${q.id}.${o.id}`).toBeTruthy();
					expect(o.next!.action.length, `${q.id}.${o.id}`).toBeLessThanOrEqual(300);
				}
			}
		}
	});

	it('never words a next step as "use more AI": advice starts from practice, adoption is context', () => {
		for (const q of practice)
			for (const o of q.options)
				if (o.next)
					expect(`${o.next.title} ${o.next.action}`, `${q.id}.${o.id}`).not.toMatch(
						/\b(widen|increase|more) (AI|adoption)\b|roll out an? (AI )?assistant/i
					);
		for (const q of questionsOf(bank, 'use')) for (const o of q.options) expect(o.next, q.id).toBeUndefined();
	});

	it('flags the critical answers the model caps the tier on, each with the gap in a sentence', () => {
		const critical = bank.questions.flatMap((q) => q.options.filter((o) => o.critical).map((o) => `${q.id}.${o.id}`));
		expect(critical).toEqual([
			'risk_ai_iac_review.direct_no_review',
			'risk_app_code_review.unreviewed',
			'risk_ai_credentials.shared_admin',
			'risk_ai_credentials.personal_admin',
			'risk_agent_guardrails.unrestricted',
			'risk_agent_separation.self_merge'
		]);
		for (const q of bank.questions) for (const o of q.options) if (o.critical) expect(o.critical).toMatch(/\.$/);
	});

	it('skips the agent questions when no AI agents act, and accepts N/A only there', () => {
		const gated = bank.questions.filter((q) => q.skipWhen);
		expect(gated.map((q) => q.id)).toEqual([
			'risk_agent_guardrails',
			'risk_agent_separation',
			'risk_agent_audit_trail',
			'out_agent_incidents'
		]);
		for (const q of gated) expect(q.skipWhen).toEqual({ question: 'ai_agents', answers: ['none', 'planned'] });
	});

	it('fixes the 1.0.0 question-level problems', () => {
		// Agent guardrails score what is in place, not intentions.
		for (const o of question('risk_agent_guardrails').options) expect(o.label).not.toMatch(/would/i);
		// "You build it, you run it" no longer scores below ticket-ops.
		const team = question('plat_platform_team');
		const s = (id: string) => team.options.find((o) => o.id === id)!.score;
		expect(s('own_way')).toBe(s('ops_tickets'));
		// An unmeasured claim of velocity no longer beats honest measurement: the question is gone.
		expect(byId.has('ai_dev_velocity')).toBe(false);
		// "Why we ask" never shows survey percentages before the answer.
		for (const q of bank.questions) expect(q.why ?? '', q.id).not.toMatch(/\d+\s?%/);
	});

	it('covers what a platform and security leader expects, on top of what the survey measured', () => {
		for (const id of [
			'gov_tool_supply_chain',
			'gov_mcp_allowlist',
			'gov_ai_inventory',
			'gov_ai_literacy',
			'gov_incident_playbook',
			'auto_dependency_checks',
			'auto_build_provenance',
			'auto_cost_guardrails',
			'risk_agent_separation',
			'risk_agent_audit_trail'
		])
			expect(question(id).kind, id).toBe('practice');
		for (const id of [
			'gov_formal_policy',
			'gov_policy_enforcement',
			'gov_track_error_rates',
			'auto_policy_as_code',
			'auto_track_ai_iac_volume',
			'risk_ai_iac_review',
			'risk_app_code_review',
			'plat_infra_pace',
			'plat_pipeline_capacity'
		])
			expect(question(id).kind, id).toBe('practice');
	});

	it('links survey figures with real options and the right direction', () => {
		for (const q of bank.questions)
			for (const b of q.benchmarks ?? []) {
				const figure = SURVEY_2026.figures.find((f) => f.id === b.figure);
				expect(figure, `${q.id} → ${b.figure}`).toBeDefined();
				for (const m of b.matches)
					expect(
						q.options.map((o) => o.id),
						q.id
					).toContain(m);
				expect(b.matches.length, q.id).toBeLessThan(q.options.length);
				expect(b.youDo).not.toBe(b.youDoNot);
				if (q.kind === 'outcome') expect(b.direction, q.id).toBe('worse');
				if (q.kind === 'use') expect(b.direction, q.id).toBe('neutral');
			}
		const review = question('risk_ai_iac_review');
		expect(review.benchmarks?.map((b) => [b.figure, b.matches])).toEqual([
			['hcl_no_review', ['direct_no_review']],
			['hcl_minimal_review', ['minimal_review']],
			['iac_unreviewed', ['direct_no_review', 'minimal_review']]
		]);
	});

	it('runs options from weakest to strongest and never offers a reserved answer as an option', () => {
		for (const q of bank.questions) {
			const scores = q.options.map((o) => o.score);
			for (let i = 1; i < scores.length; i++) expect(scores[i]!, q.id).toBeGreaterThanOrEqual(scores[i - 1]!);
			for (const r of RESERVED_ANSWERS) expect(q.options.map((o) => o.id)).not.toContain(r);
			expect(new Set(q.options.map((o) => o.label)).size, q.id).toBe(q.options.length);
			if (q.kind !== 'profile') expect(levelsOf(q).length, q.id).toBeGreaterThanOrEqual(4);
		}
	});

	it('asks profile questions that let a result say where the survey’s sample differs', () => {
		expect(questionsOf(bank, 'profile').map((q) => q.id)).toEqual([
			'profile_role',
			'profile_size',
			'profile_region',
			'profile_industry'
		]);
		expect(question('profile_size').options.map((o) => o.id)).toContain('under_250');
		expect(question('profile_region').options.map((o) => o.id)).toContain('north_america');
	});
});

describe('bank registry', () => {
	it('keeps 1.0.0 (scored by its frozen model) and serves 2.0.0 as current', () => {
		expect(BANK_V1.model).toBe(1);
		expect(findBank('ai_readiness', '1.0.0')).toBe(BANK_V1);
		expect(findBank('ai_readiness', '2.0.0')).toBe(BANK_V2);
		expect(findBank('ai_readiness', '9.9.9')).toBeUndefined();
		expect(isRetired(BANK_V1)).toBe(true);
		expect(isRetired(BANK_V2)).toBe(false);
	});

	it('lists each published version once, oldest first', () => {
		expect(BANKS.map((b) => b.version)).toEqual(['1.0.0', '2.0.0']);
	});
});
