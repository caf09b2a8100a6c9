import { describe, expect, it } from 'vitest';
import { levelsOf } from '$scoring/answers';
import { BANKS, BANK_V1, BANK_V2, BANK_V3, CURRENT_BANK, findBank } from '$scoring/content/banks';
import { frameworkReference } from '$scoring/content/frameworks';
import { estimatedMinutes } from '$scoring/content/timing';
import { reservedAnswersOf } from '$scoring/answers';
import { DIMENSION_IDS, RESERVED_ANSWERS, QuestionBankSchema, type Question } from '$scoring/schema';

const bank = BANK_V3;
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const questionsOf = (kind: Question['kind']) => bank.questions.filter((q) => q.kind === kind);
const practice = questionsOf('practice');

function question(id: string): Question {
	const q = byId.get(id);
	if (!q) throw new Error(`missing question ${id}`);
	return q;
}

describe('question bank 3.0.0', () => {
	it('is valid bank data scored by model 3, and is the bank new assessments use', () => {
		expect(() => QuestionBankSchema.parse(bank)).not.toThrow();
		expect([bank.id, bank.version, bank.model]).toEqual(['ai_readiness', '3.0.0', 3]);
		expect(CURRENT_BANK).toBe(bank);
	});

	it('fits the budget: at most 60 questions and 15 minutes at 200 words a minute plus 4 s a question', () => {
		expect(bank.questions.length).toBeLessThanOrEqual(60);
		expect(estimatedMinutes(bank)).toBeLessThanOrEqual(15);
	});

	it('asks every question of everyone, and offers the honest answers each kind needs', () => {
		for (const q of bank.questions) {
			expect(q.skipWhen, q.id).toBeUndefined();
			const reserved = reservedAnswersOf(bank, q);
			if (q.kind === 'practice') expect(reserved, q.id).toEqual(['dk', 'varies']);
			if (q.kind === 'outcome') expect(reserved, q.id).toEqual(q.rootCause ? ['dk'] : ['dk', 'not_tracked']);
			if (q.kind === 'profile') expect(reserved, q.id).toEqual(['na']);
		}
		// An AI tool that holds no credentials, or acts on the engineer's own short-lived session, can say so.
		expect(question('risk_ai_credentials').options.map((o) => o.id)).toEqual(
			expect.arrayContaining(['none_needed', 'sso_session'])
		);
	});

	it('names weak guards and what each critical step reaches: never a critical or weak level', () => {
		const weak = bank.questions.flatMap((q) => q.options.filter((o) => o.weakGuard).map((o) => `${q.id}.${o.id}`));
		expect(weak).toEqual([
			'gov_mcp_allowlist.anything',
			'auto_secrets_scanning.nothing',
			'risk_ai_iac_review.author_glance',
			'risk_app_code_review.author_only',
			'risk_ai_credentials.service_broad',
			'risk_ai_credentials.sso_session',
			'risk_agent_guardrails.no_rules',
			'risk_agent_guardrails.watched',
			'risk_agent_separation.no_rule',
			'risk_agent_separation.prompter',
			'risk_agent_audit_trail.none',
			'risk_prompt_injection.nothing',
			'risk_kill_switch.no',
			'risk_control_plane.no_rule'
		]);
		for (const q of bank.questions)
			for (const o of q.options) {
				if (!o.reaches) continue;
				const target = q.options.find((x) => x.id === o.reaches)!;
				expect(target.critical, `${q.id}.${o.id} → ${o.reaches}`).toBeUndefined();
				expect(target.weakGuard, `${q.id}.${o.id} → ${o.reaches}`).toBeUndefined();
			}
	});

	it('keeps agents kept out of production by design at full marks, and never advises widening what agents may do', () => {
		const guardrails = question('risk_agent_guardrails');
		const top = Math.max(...guardrails.options.map((o) => o.score));
		expect(guardrails.options.find((o) => o.id === 'non_prod_by_design')!.score).toBe(top);
		for (const q of practice)
			for (const o of q.options)
				if (o.next)
					expect(`${o.next.title} ${o.next.action}`, `${q.id}.${o.id}`).not.toMatch(
						/production permissions|(widen|broaden|expand)\w* (what )?(AI|agents?)|grant (agents|AI)|more access|more AI/i
					);
	});

	it('pairs every outcome with the practice that detects it, and separates how bad from who found it', () => {
		for (const q of questionsOf('outcome').filter((x) => !x.rootCause)) {
			expect(q.detectedBy, q.id).toBeDefined();
			expect(byId.get(q.detectedBy!.question)?.kind, q.id).toBe('practice');
		}
		const severe = bank.questions.flatMap((q) => q.options.filter((o) => o.severe).map((o) => `${q.id}.${o.id}`));
		expect(severe).toEqual([
			'out_impact.regulator',
			'out_impact.customers',
			'out_misconfig_prod.found_outside',
			'out_compliance.found_outside',
			'out_agent_incidents.repeated_prod'
		]);
	});

	it('sorts every question into a kind that sits in its dimension', () => {
		for (const q of bank.questions) {
			if (q.kind === 'use') expect(q.dimension, q.id).toBe('ai_integration');
			if (q.kind === 'outcome') expect(q.dimension, q.id).toBe('risk_exposure');
			if (q.kind === 'practice') expect(q.dimension, q.id).not.toBe('ai_integration');
		}
		for (const d of DIMENSION_IDS)
			expect(
				bank.questions.filter((q) => q.dimension === d && q.kind !== 'confidence').length,
				d
			).toBeGreaterThanOrEqual(5);
	});

	it('never bundles an outcome with a control: outcome options say what happened, practice options what is done', () => {
		for (const q of questionsOf('outcome').filter((x) => !x.rootCause)) {
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
		expect(score('found_by_chance')).toBeGreaterThan(score('found_outside'));
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
		for (const q of questionsOf('use')) for (const o of q.options) expect(o.next, q.id).toBeUndefined();
	});

	it('flags the critical answers the model caps the tier on, each with the gap in a sentence', () => {
		const critical = bank.questions.flatMap((q) => q.options.filter((o) => o.critical).map((o) => `${q.id}.${o.id}`));
		expect(critical).toEqual([
			'risk_ai_iac_review.direct_no_review',
			'risk_app_code_review.unreviewed',
			'risk_ai_credentials.shared_admin',
			'risk_ai_credentials.personal_admin',
			'risk_agent_guardrails.unrestricted',
			'risk_agent_separation.self_merge',
			'risk_control_plane.unrestricted'
		]);
		for (const q of bank.questions) for (const o of q.options) if (o.critical) expect(o.critical).toMatch(/\.$/);
	});

	it('moves what measures speed out of the control axis, and keeps the old question-level fixes', () => {
		expect(byId.has('auto_deploy_lead_time')).toBe(false);
		// Central change control (tickets) is separation of duties: it scores above everyone-their-own-way.
		const team = question('plat_platform_team');
		const s = (id: string) => team.options.find((o) => o.id === id)!.score;
		expect(s('ops_tickets')).toBeGreaterThan(s('own_way'));
		// An AI reviewer is not the peer; known-vulnerability scanning does not stop a hallucinated package.
		expect(question('risk_app_code_review').text).toMatch(/AI reviewer does not count/);
		expect(question('auto_dependency_checks').text).toMatch(/scanning alone does not/);
		for (const q of bank.questions) {
			if (q.kind !== 'profile') expect(levelsOf(q).length, q.id).toBeGreaterThanOrEqual(3);
			for (const o of q.options) expect(RESERVED_ANSWERS, `${q.id}.${o.id}`).not.toContain(o.id);
		}
	});

	it('asks profile questions that let a result say where the survey’s sample differs', () => {
		expect(questionsOf('profile').map((q) => q.id)).toEqual([
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
	it('keeps 1.0.0 and 2.0.0 (each scored by its frozen model) and serves 3.0.0 as current', () => {
		expect([BANK_V1.model, BANK_V2.model, BANK_V3.model]).toEqual([1, 2, 3]);
		expect(findBank('ai_readiness', '1.0.0')).toBe(BANK_V1);
		expect(findBank('ai_readiness', '2.0.0')).toBe(BANK_V2);
		expect(findBank('ai_readiness', '3.0.0')).toBe(BANK_V3);
		expect(findBank('ai_readiness', '9.9.9')).toBeUndefined();
	});

	it('lists each published version once, oldest first', () => {
		expect(BANKS.map((b) => b.version)).toEqual(['1.0.0', '2.0.0', '3.0.0']);
	});
});
