/**
 * The golden set of bank 3.0.0: named archetypes a reader recognises, each with the answers that make it and what
 * the model must say of it — the group, the rule that decided, the dimensions it names, the gaps and findings, and
 * the first steps with the options they target. Written before model 3.0 existed; an expectation changed later says
 * when and why in `history`. `tests/scoring/golden.test.ts` holds the model to every field; docs/methodology.md
 * tabulates them (generated).
 */
import { BANK_V3 } from '../banks/v3';
import { DONT_KNOW, VARIES, type Answers, type DimensionId, type Question, type TierId } from '../../schema';

/** Why a result is (or is not) in its group: the rule that decided (see scoring/model/v3/tiers.ts). */
export type DecidingRule =
	| 'coverage'
	| 'pioneer'
	| 'exposed_control'
	| 'exposed_exposure'
	| 'critical_gap'
	| 'severe_finding'
	| 'critical_unknown'
	| 'outcome_unknown'
	| 'provisional'
	| 'weak_guard'
	| 'floor'
	| 'control';

/** What the model must say of an archetype; a field left out is not checked. */
export interface GoldenExpectation {
	group: TierId | null;
	rule: DecidingRule;
	/** Dimensions below the Pioneer floor, when the rule is `floor`. */
	floorsBelow?: DimensionId[];
	/** Exactly these stated critical gaps (question ids, bank order). */
	criticalGaps?: string[];
	/** Exactly these weak guards (question ids, bank order). */
	weakGuards?: string[];
	/** Exactly these severe findings (question ids) and the practice named as what would have caught each. */
	criticalFindings?: { questionId: string; caughtBy: string | null }[];
	/** The plan's first changes, in order, with the option each targets. */
	firstSteps?: { questionId: string; to: string }[];
	/** Whether the plan reaches the next group. */
	lifts?: boolean;
	context?: 'ready_ahead_of_use' | 'not_in_use' | null;
	provisional?: boolean;
	/** Questions listed as inconsistent with their prerequisites. */
	inconsistencies?: string[];
	/** How many outcomes are "not ruled out" or unknown. */
	unknownOutcomes?: number;
}

export interface GoldenArchetype {
	name: string;
	/** Who this is, in a line a reader recognises. */
	who: string;
	answers: Answers;
	expect: GoldenExpectation;
	/** Edits to the expectation after it was first committed, each with its date and reason. */
	history: { date: string; change: string; reason: string }[];
}

const bank = BANK_V3;
const scored = bank.questions.filter((q) => q.kind === 'use' || q.kind === 'practice' || q.kind === 'outcome');
const top = (q: Question) => q.options.find((o) => o.score === Math.max(...q.options.map((x) => x.score)))!.id;
const bottom = (q: Question) => q.options[0]!.id;
/** The weakest option that is not critical (a weak guard where the question has one). */
const weakestSafe = (q: Question) => q.options.find((o) => !o.critical)!.id;

type Use = 'deep' | 'little' | 'none';
const USE: Record<Use, Answers> = {
	deep: {
		ai_code_share: 'pct_50_75',
		ai_iac_generation: 'routine_drafts',
		ai_pipelines_ops: 'integrated_assist',
		ai_agents: 'prod_scoped',
		ai_tool_access: 'most_engineers',
		ai_strategic_priority: 'top_priority'
	},
	little: {
		ai_code_share: 'pct_5_25',
		ai_iac_generation: 'none',
		ai_pipelines_ops: 'ad_hoc_chat',
		ai_agents: 'none',
		ai_tool_access: 'some_teams',
		ai_strategic_priority: 'one_of_many'
	},
	none: {
		ai_code_share: 'under_5',
		ai_iac_generation: 'none',
		ai_pipelines_ops: 'none',
		ai_agents: 'none',
		ai_tool_access: 'nobody',
		ai_strategic_priority: 'not_priority'
	}
};

/** Practice at a level for every practice question; outcomes none that we know of; use as given. */
function org(use: Use, practice: 'best' | 'weakest_safe' | 'worst', overrides: Answers = {}): Answers {
	const out: Answers = { ...USE[use] };
	for (const q of scored) {
		if (q.kind === 'practice')
			out[q.id] = practice === 'best' ? top(q) : practice === 'worst' ? bottom(q) : weakestSafe(q);
		if (q.kind === 'outcome') out[q.id] = q.rootCause ? 'nothing_serious' : q.options[q.options.length - 1]!.id;
	}
	return { ...out, ...overrides };
}

const practiceOf = (dimension: DimensionId) => scored.filter((q) => q.kind === 'practice' && q.dimension === dimension);
const atWeakest = (dimension: DimensionId): Answers =>
	Object.fromEntries(practiceOf(dimension).map((q) => [q.id, weakestSafe(q)]));

/** Outcomes of a terrible year: every outcome at its worst, the root cause not fixed. */
const TERRIBLE_YEAR: Answers = {
	out_ai_incidents: 'many',
	out_impact: 'regulator',
	out_misconfig_prod: 'found_outside',
	out_compliance: 'found_outside',
	out_agent_incidents: 'repeated_prod',
	out_rework: 'monthly',
	out_drift: 'outage',
	out_root_cause: 'not_fixed'
};

/** Mildest reported findings: something happened, the organisation's own looking found it, nothing severe. */
const MILD_FINDINGS: Answers = {
	out_ai_incidents: 'one',
	out_impact: 'internal',
	out_misconfig_prod: 'found_by_automation',
	out_compliance: 'found_by_controls',
	out_agent_incidents: 'non_prod_only',
	out_rework: 'once',
	out_drift: 'found_fixed',
	out_root_cause: 'nothing_serious'
};

const withoutKeys = (answers: Answers, keys: string[]): Answers =>
	Object.fromEntries(Object.entries(answers).filter(([k]) => !keys.includes(k)));

const FIRST_COMMIT = [] as GoldenArchetype['history'];

export const GOLDEN_V3: readonly GoldenArchetype[] = [
	{
		name: 'All best, deep use',
		who: 'Deep AI use on foundations at their strongest everywhere.',
		answers: org('deep', 'best'),
		expect: { group: 'pioneer', rule: 'pioneer', criticalGaps: [], weakGuards: [], context: null, provisional: false },
		history: FIRST_COMMIT
	},
	{
		name: 'Cautious bank: heavy controls, little AI',
		who: 'A bank whose controls are all in place and whose engineers use AI assistants a little.',
		answers: org('little', 'best', { profile_industry: 'financial' }),
		expect: { group: 'pioneer', rule: 'pioneer', context: 'ready_ahead_of_use', criticalGaps: [], weakGuards: [] },
		history: FIRST_COMMIT
	},
	{
		name: 'No AI, strong foundations',
		who: 'No AI in use yet; every practice strong, and the rules already say what an agent would need.',
		answers: org('none', 'best'),
		expect: { group: 'pioneer', rule: 'pioneer', context: 'ready_ahead_of_use' },
		history: FIRST_COMMIT
	},
	{
		name: 'No AI, weak on what it would require',
		who: 'No AI in use, and no rules yet for what an agent or an AI tool would be allowed to do.',
		answers: org('none', 'best', {
			risk_agent_guardrails: 'no_rules',
			risk_agent_separation: 'no_rule',
			risk_control_plane: 'no_rule',
			risk_prompt_injection: 'nothing'
		}),
		expect: {
			group: 'fragmented',
			rule: 'weak_guard',
			weakGuards: ['risk_agent_guardrails', 'risk_agent_separation', 'risk_prompt_injection', 'risk_control_plane'],
			context: 'not_in_use',
			firstSteps: [
				{ questionId: 'risk_agent_guardrails', to: 'approval_gated' },
				{ questionId: 'risk_agent_separation', to: 'second_person' },
				{ questionId: 'risk_prompt_injection', to: 'untrusted_kept_out' },
				{ questionId: 'risk_control_plane', to: 'owner_approval' }
			],
			lifts: true
		},
		history: FIRST_COMMIT
	},
	{
		name: 'Agent-first startup, no controls',
		who: 'Agents ship to production daily; nothing reviews, scopes or logs them.',
		answers: org('deep', 'worst', {
			...TERRIBLE_YEAR,
			ai_agents: 'prod_broad',
			ai_code_share: 'over_75',
			ai_iac_generation: 'most_new',
			profile_size: 'under_250'
		}),
		expect: {
			group: 'exposed',
			rule: 'exposed_control',
			criticalGaps: [
				'risk_ai_iac_review',
				'risk_app_code_review',
				'risk_ai_credentials',
				'risk_agent_guardrails',
				'risk_agent_separation',
				'risk_control_plane'
			],
			firstSteps: [
				{ questionId: 'risk_ai_iac_review', to: 'peer_review' },
				{ questionId: 'risk_app_code_review', to: 'peer_review' },
				{ questionId: 'risk_ai_credentials', to: 'own_scoped' },
				{ questionId: 'risk_agent_guardrails', to: 'approval_gated' },
				{ questionId: 'risk_agent_separation', to: 'second_person' }
			],
			lifts: false
		},
		history: FIRST_COMMIT
	},
	{
		name: 'Regulated, a paper policy, nothing enforced',
		who: 'An insurer with an approved AI policy that nothing checks, and weak practice everywhere else.',
		answers: org('deep', 'weakest_safe', {
			gov_formal_policy: 'full',
			gov_policy_enforcement: 'not_enforced',
			profile_industry: 'financial'
		}),
		expect: { group: 'exposed', rule: 'exposed_control', criticalGaps: [] },
		history: FIRST_COMMIT
	},
	{
		name: 'One critical gap only',
		who: 'Everything strong, except that AI tools hold shared admin keys.',
		answers: org('deep', 'best', { risk_ai_credentials: 'shared_admin' }),
		expect: {
			group: 'outpacing',
			rule: 'critical_gap',
			criticalGaps: ['risk_ai_credentials'],
			firstSteps: [{ questionId: 'risk_ai_credentials', to: 'own_scoped' }],
			lifts: true
		},
		history: FIRST_COMMIT
	},
	{
		name: 'One critical gap, little AI',
		who: 'The same gap in an organisation that uses AI only a little.',
		answers: org('little', 'best', { risk_ai_credentials: 'personal_admin' }),
		expect: {
			group: 'fragmented',
			rule: 'critical_gap',
			criticalGaps: ['risk_ai_credentials'],
			firstSteps: [{ questionId: 'risk_ai_credentials', to: 'own_scoped' }],
			lifts: true
		},
		history: FIRST_COMMIT
	},
	{
		name: 'Perfect practice, terrible year',
		who: 'Every control in place now, after a year of serious AI-caused incidents whose causes are not yet fixed.',
		answers: org('deep', 'best', TERRIBLE_YEAR),
		expect: {
			group: 'outpacing',
			rule: 'severe_finding',
			criticalGaps: [],
			criticalFindings: [
				{ questionId: 'out_impact', caughtBy: 'gov_incident_playbook' },
				{ questionId: 'out_misconfig_prod', caughtBy: 'auto_config_scanning' },
				{ questionId: 'out_compliance', caughtBy: 'gov_control_monitoring' }
			],
			lifts: false
		},
		history: FIRST_COMMIT
	},
	{
		name: 'Perfect practice, terrible year, causes fixed and verified',
		who: 'The same year, with the root cause of the worst of it fixed and the fix verified.',
		answers: org('deep', 'best', { ...TERRIBLE_YEAR, out_root_cause: 'verified' }),
		expect: { group: 'pioneer', rule: 'pioneer' },
		history: FIRST_COMMIT
	},
	{
		name: 'An honest “don’t know”',
		who: 'Strong practice, and “don’t know” where the respondent is unsure: who approves agents’ changes, compliance findings, a few others.',
		answers: org('deep', 'best', {
			risk_agent_separation: DONT_KNOW,
			out_compliance: DONT_KNOW,
			gov_mcp_allowlist: DONT_KNOW,
			auto_build_provenance: DONT_KNOW,
			plat_pipeline_capacity: DONT_KNOW
		}),
		expect: {
			group: 'outpacing',
			rule: 'critical_unknown',
			criticalGaps: [],
			firstSteps: [{ questionId: 'risk_agent_separation', to: 'second_person' }]
		},
		history: FIRST_COMMIT
	},
	{
		name: 'A small company, strong at its scale',
		who: 'Under 250 staff: two named engineers own the platform with protected time; everything else strong.',
		answers: org('deep', 'best', { profile_size: 'under_250', plat_platform_team: 'owned' }),
		expect: { group: 'pioneer', rule: 'pioneer' },
		history: FIRST_COMMIT
	},
	{
		name: 'A small company with no shared platform',
		who: 'Under 250 staff, each team builds its own infrastructure; the step is shared tooling, not a platform department.',
		answers: org('deep', 'best', {
			profile_size: 'under_250',
			plat_platform_team: 'own_way',
			plat_self_service: 'copy_paste',
			plat_infra_pace: 'reacting',
			plat_sandbox_envs: 'staging'
		}),
		expect: { group: 'outpacing', rule: 'floor', floorsBelow: ['platform'] },
		history: FIRST_COMMIT
	},
	{
		name: 'A mixed estate',
		who: 'Some teams strong, some not: the weakest path for AI infrastructure code is the author’s look; several practices vary by team.',
		answers: org('deep', 'best', {
			risk_ai_iac_review: 'author_glance',
			auto_drift_detection: VARIES,
			auto_rollback: VARIES,
			plat_self_service: VARIES
		}),
		expect: {
			group: 'outpacing',
			rule: 'weak_guard',
			weakGuards: ['risk_ai_iac_review'],
			firstSteps: [{ questionId: 'risk_ai_iac_review', to: 'peer_review' }]
		},
		history: FIRST_COMMIT
	},
	{
		name: 'Agents kept out of production by design',
		who: 'Deep AI use; agents work only in non-production, confined by their credentials on purpose.',
		answers: org('deep', 'best', { ai_agents: 'non_prod', risk_agent_guardrails: 'non_prod_by_design' }),
		expect: { group: 'pioneer', rule: 'pioneer', weakGuards: [] },
		history: FIRST_COMMIT
	},
	{
		name: 'AI fixes in pipelines, agents only “planned”',
		who: 'The old gate loophole: AI already applies fixes in pipelines while agents are “planned”, and no rule covers them.',
		answers: org('deep', 'best', {
			ai_pipelines_ops: 'acts_in_pipeline',
			ai_agents: 'planned',
			risk_agent_guardrails: 'no_rules',
			risk_agent_separation: 'no_rule'
		}),
		expect: {
			group: 'outpacing',
			rule: 'weak_guard',
			weakGuards: ['risk_agent_guardrails', 'risk_agent_separation']
		},
		history: FIRST_COMMIT
	},
	{
		name: 'Agents that merge their own changes',
		who: 'The same organisation answering honestly that its agents can merge their own changes.',
		answers: org('deep', 'best', { ai_agents: 'prod_broad', risk_agent_separation: 'self_merge' }),
		expect: {
			group: 'outpacing',
			rule: 'critical_gap',
			criticalGaps: ['risk_agent_separation'],
			firstSteps: [{ questionId: 'risk_agent_separation', to: 'second_person' }],
			lifts: true
		},
		history: FIRST_COMMIT
	},
	{
		name: 'Governance at its weakest, the rest best',
		who: 'Strong engineering controls, and no policy, owner, inventory or training for AI.',
		answers: org('deep', 'best', atWeakest('governance')),
		expect: { group: 'outpacing', rule: 'floor', floorsBelow: ['governance'] },
		history: FIRST_COMMIT
	},
	{
		name: 'Automation at its weakest, a bad year',
		who: 'Eleven strong answers elsewhere, no infrastructure automation, and incidents found by outsiders.',
		answers: org('deep', 'best', { ...atWeakest('automation'), ...TERRIBLE_YEAR }),
		expect: { group: 'outpacing', rule: 'severe_finding' },
		history: FIRST_COMMIT
	},
	{
		name: 'Half the questions left blank',
		who: 'Strong answers on what was answered; nearly half the practice questions skipped.',
		answers: withoutKeys(
			org('deep', 'best'),
			practiceOf('governance')
				.slice(0, 5)
				.concat(practiceOf('automation').slice(0, 6), practiceOf('platform').slice(0, 3))
				.map((q) => q.id)
		),
		expect: { group: 'outpacing', rule: 'provisional', provisional: true },
		history: FIRST_COMMIT
	},
	{
		name: 'Nothing answered',
		who: 'An empty questionnaire.',
		answers: {},
		expect: { group: null, rule: 'coverage' },
		history: FIRST_COMMIT
	},
	{
		name: '“Don’t know” everything',
		who: 'Every question answered “don’t know”.',
		answers: Object.fromEntries(scored.map((q) => [q.id, DONT_KNOW])),
		expect: { group: null, rule: 'coverage' },
		history: FIRST_COMMIT
	},
	{
		name: 'Guards weak, AI everywhere',
		who: 'Good governance, automation and platform, but every guard on AI-driven change at its weakest acceptable level and AI at full depth.',
		answers: org('deep', 'best', {
			...atWeakest('risk_exposure'),
			ai_code_share: 'over_75',
			ai_iac_generation: 'most_new',
			ai_pipelines_ops: 'acts_in_pipeline',
			ai_agents: 'prod_broad',
			ai_tool_access: 'all_integrated',
			out_ai_incidents: 'many',
			out_rework: 'monthly'
		}),
		expect: { group: 'exposed', rule: 'exposed_exposure', criticalGaps: [] },
		history: FIRST_COMMIT
	},
	{
		name: 'No AI, no controls',
		who: 'No AI in use and the weakest answer everywhere, critical ones included.',
		answers: org('none', 'worst'),
		expect: { group: 'fragmented', rule: 'critical_gap', context: 'not_in_use' },
		history: FIRST_COMMIT
	},
	{
		name: 'Not looking: “none that we know of” without detection',
		who: 'Strong practice, but no drift detection, configuration scanning, control monitoring or tracking of AI failures — and nothing found.',
		answers: org('deep', 'best', {
			auto_drift_detection: 'none',
			auto_config_scanning: 'none',
			gov_control_monitoring: 'annual_audit',
			gov_track_error_rates: 'no',
			gov_incident_playbook: 'none',
			risk_agent_audit_trail: 'none'
		}),
		expect: { group: 'pioneer', rule: 'pioneer', unknownOutcomes: 7, criticalFindings: [] },
		history: FIRST_COMMIT
	},
	{
		name: 'Looking: strong detection, mild findings',
		who: 'The same organisation with strong detection, honestly reporting what its own scans and controls caught.',
		answers: org('deep', 'best', MILD_FINDINGS),
		expect: { group: 'pioneer', rule: 'pioneer', unknownOutcomes: 0, criticalFindings: [] },
		history: FIRST_COMMIT
	},
	{
		name: 'AI only suggests',
		who: 'Engineers use AI assistants that hold no credentials; people apply every change; no agents.',
		answers: org('little', 'best', { risk_ai_credentials: 'none_needed', risk_kill_switch: 'nothing_to_stop' }),
		expect: { group: 'pioneer', rule: 'pioneer', context: 'ready_ahead_of_use' },
		history: FIRST_COMMIT
	},
	{
		name: 'Assistants on the engineer’s session, agents confined',
		who: 'IDE assistants act with the engineer’s short-lived sign-in session; agents are confined to non-production by design.',
		answers: org('deep', 'best', {
			risk_ai_credentials: 'sso_session',
			ai_agents: 'non_prod',
			risk_agent_guardrails: 'non_prod_by_design'
		}),
		expect: { group: 'pioneer', rule: 'pioneer', inconsistencies: [] },
		history: FIRST_COMMIT
	},
	{
		name: 'A governed pipeline without policy as code',
		who: 'Says only a governed pipeline applies AI infrastructure code, but runs no policy-as-code checks: the answer is counted at the level its prerequisites allow.',
		answers: org('deep', 'best', { auto_policy_as_code: 'none' }),
		expect: { inconsistencies: ['auto_cost_guardrails', 'risk_ai_iac_review'], group: 'pioneer', rule: 'pioneer' },
		history: FIRST_COMMIT
	},
	{
		name: 'Middling everywhere, deep use',
		who: 'A typical organisation: deep AI use, every practice halfway, an internal incident or two.',
		answers: org('deep', 'best', {
			...Object.fromEntries(
				scored
					.filter((q) => q.kind === 'practice')
					.map((q) => [q.id, [...q.options].sort((a, b) => Math.abs(a.score - 50) - Math.abs(b.score - 50))[0]!.id])
			),
			risk_ai_credentials: 'service_broad',
			out_ai_incidents: 'few',
			out_impact: 'internal'
		}),
		expect: { group: 'outpacing', rule: 'weak_guard', criticalGaps: [] },
		history: FIRST_COMMIT
	}
];
