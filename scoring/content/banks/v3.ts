/**
 * Question bank 3.0.0: the assessment's content as data, validated by {@link QuestionBankSchema} when the module
 * loads. Options run from the weakest (lowest score) to the strongest. Each question has a kind:
 *
 * - `use` (AI integration depth): how deeply AI is used — context beside the verdict, never advice, and never a
 *   condition of Pioneer;
 * - `practice` (`./v3-practice.ts`): a control the organisation decides, every level below the top naming its next
 *   step, critical options naming the level their step reaches, weak guards named; asked of everyone (no gates), so
 *   the agent guards ask what the rules would require where no agent acts yet;
 * - `outcome`: what happened in the last 12 months, each paired with the practice that would detect it;
 * - `confidence` (one per dimension) and `profile` (never scored).
 *
 * Reserved answers: "Don't know" (`dk`) on every scored and confidence question, "Varies by team" (`varies`) on
 * practice questions, "We do not track this" (`not_tracked`) on outcome questions; profile questions accept "Prefer
 * not to say" (`na`). docs/methodology.md says what each scores.
 */
import { QuestionBankSchema, type QuestionBank } from '../../schema';
import { AUTOMATION, GOVERNANCE, GUARDS, PLATFORM } from './v3-practice';

const confidence = (id: string, dimension: string, text: string) => ({
	id,
	kind: 'confidence' as const,
	dimension,
	text,
	options: [
		{ id: 'not_at_all', label: 'Not at all', score: 0 },
		{ id: 'slightly', label: 'Slightly', score: 25 },
		{ id: 'moderately', label: 'Moderately', score: 50 },
		{ id: 'confident', label: 'Confident', score: 75 },
		{ id: 'very', label: 'Very confident', score: 100 }
	]
});

/** Version 3.0.0 of the `ai_readiness` bank. */
export const BANK_V3: QuestionBank = QuestionBankSchema.parse({
	id: 'ai_readiness',
	version: '3.0.0',
	model: 3,
	title: 'AI infrastructure readiness self-assessment',
	themes: {
		policy: 'AI policy and its enforcement',
		ownership: 'Ownership of AI governance',
		inventory: 'Inventory of AI in use',
		ai_supply_chain: 'AI tool and plugin supply chain',
		literacy: 'AI literacy',
		measurement: 'Measuring AI-generated change',
		incident_response: 'Incident response for AI causes',
		control_monitoring: 'Continuous control monitoring',
		policy_as_code: 'Policy as code',
		testing: 'Testing infrastructure changes',
		drift: 'Drift detection',
		iac: 'Infrastructure as code',
		recovery: 'Rollback',
		provenance: 'Provenance and audit trail',
		dependencies: 'Dependency checks',
		cost: 'Cost guardrails',
		config_scanning: 'Configuration scanning',
		secrets: 'Secrets out of code and AI context',
		change_review: 'Review of AI-generated change',
		credentials: 'Credentials of AI tools and agents',
		agent_guardrails: 'Guardrails on AI agents',
		injection: 'Prompt-injection defences',
		kill_switch: 'Stopping AI at once',
		control_plane: 'Protecting the control plane',
		platform_team: 'Platform team',
		golden_paths: 'Self-service golden paths',
		standards: 'Infrastructure standards',
		capacity: 'Pipeline capacity',
		environments: 'Safe places to try changes'
	},
	dimensions: [
		{
			id: 'ai_integration',
			label: 'AI integration depth',
			description:
				'How widely and deeply AI is used to write code, generate infrastructure and run operations. Context beside the verdict: using more AI is never the advice, and never what makes a Pioneer.',
			orientation: 'higher-is-better'
		},
		{
			id: 'governance',
			label: 'Governance maturity',
			description:
				'Whether AI use is covered by a policy that is owned, enforced and measured, with an inventory, an approved supply chain, training, an incident playbook and controls that are monitored.',
			orientation: 'higher-is-better'
		},
		{
			id: 'automation',
			label: 'Infrastructure automation maturity',
			description:
				'How much infrastructure change is codified, tested, checked by policy and scanners, traceable to its origin and recoverable.',
			orientation: 'higher-is-better'
		},
		{
			id: 'risk_exposure',
			label: 'Risk exposure',
			description:
				'How much AI-driven change meets how weak the guards on it are (review, credentials, agent limits, injection defences, the control plane), raised by what the last 12 months brought. Higher means more exposed.',
			orientation: 'higher-is-worse'
		},
		{
			id: 'platform',
			label: 'Platform readiness',
			description:
				'Whether a platform, self-service golden paths and safe environments let infrastructure absorb the volume of AI-driven change safely.',
			orientation: 'higher-is-better'
		}
	],
	questions: [
		// ── AI integration depth: use (context, never advice) ─────────────────────────────────────────────────
		{
			id: 'ai_code_share',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'What share of the code you ship did AI suggest or draft?',
			why: 'The share of AI-assisted code is the clearest measure of how far AI has reached your delivery.',
			weight: 3,
			options: [
				{ id: 'under_5', label: 'Under 5 %', score: 0 },
				{ id: 'pct_5_25', label: '5–25 %', score: 25 },
				{ id: 'pct_25_50', label: '25–50 %', score: 50 },
				{ id: 'pct_50_75', label: '50–75 %', score: 75 },
				{ id: 'over_75', label: 'Over 75 %', score: 100 }
			],
			benchmarks: [
				{
					figure: 'code_ai_assisted_25_75',
					matches: ['pct_25_50', 'pct_50_75'],
					direction: 'neutral',
					youDo: 'Between 25 and 75 % of your code is AI-assisted',
					youDoNot: 'Your share of AI-assisted code is outside the 25–75 % band'
				}
			]
		},
		{
			id: 'ai_iac_generation',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'How much of your infrastructure code (Terraform, Kubernetes manifests, policies) is drafted with AI?',
			why: 'AI-generated infrastructure code changes real systems directly.',
			weight: 3,
			options: [
				{ id: 'none', label: 'None: written by hand', score: 0 },
				{ id: 'snippets', label: 'Occasional snippets from a chat assistant', score: 33 },
				{ id: 'routine_drafts', label: 'AI routinely drafts modules that engineers edit', score: 67 },
				{ id: 'most_new', label: 'Most new infrastructure code is AI-drafted', score: 100 }
			]
		},
		{
			id: 'ai_pipelines_ops',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'How is AI used in your pipelines and operations?',
			why: 'AI in pipelines and operations goes beyond writing code.',
			weight: 2,
			options: [
				{ id: 'none', label: 'Not at all', score: 0 },
				{ id: 'ad_hoc_chat', label: 'People ask chat assistants about logs and errors', score: 33 },
				{ id: 'integrated_assist', label: 'Built into CI or ops tools: summaries, reviews, triage', score: 67 },
				{ id: 'acts_in_pipeline', label: 'It proposes or applies fixes', score: 100 }
			]
		},
		{
			id: 'ai_agents',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'Do AI agents act on your code or infrastructure themselves?',
			why: 'Agents that open pull requests, run commands or change resources on their own are the biggest step in AI adoption.',
			weight: 2,
			options: [
				{ id: 'none', label: 'No, and none are planned', score: 0 },
				{ id: 'planned', label: 'Not yet: planned or being explored', score: 25 },
				{ id: 'non_prod', label: 'In sandboxes or non-production only', score: 50 },
				{ id: 'prod_scoped', label: 'Scoped tasks whose changes reach production', score: 75 },
				{ id: 'prod_broad', label: 'Routinely, across production', score: 100 }
			],
			benchmarks: [
				{
					figure: 'plan_agentic',
					matches: ['planned', 'non_prod', 'prod_scoped', 'prod_broad'],
					direction: 'neutral',
					youDo: 'You plan to adopt (or already use) agentic AI',
					youDoNot: 'You have no plan to adopt agentic AI'
				}
			]
		},
		{
			id: 'ai_tool_access',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'Who in engineering has approved AI assistants?',
			why: 'Access to approved tools shows how far AI is part of normal work.',
			weight: 1,
			options: [
				{ id: 'nobody', label: 'Nobody: none are provided', score: 0 },
				{ id: 'individuals', label: 'A few people, on personal or trial accounts', score: 25 },
				{ id: 'some_teams', label: 'Some teams', score: 50 },
				{ id: 'most_engineers', label: 'Most engineers', score: 75 },
				{ id: 'all_integrated', label: 'Everyone, in IDE, review and chat tools', score: 100 }
			]
		},
		{
			id: 'ai_strategic_priority',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'How high is AI on your organisation’s agenda?',
			why: 'A top priority brings pressure to adopt faster than foundations grow.',
			weight: 1,
			options: [
				{ id: 'not_priority', label: 'Not a priority', score: 0 },
				{ id: 'one_of_many', label: 'One initiative among many', score: 33 },
				{ id: 'funded_some', label: 'A funded priority for some departments', score: 67 },
				{ id: 'top_priority', label: 'A top priority with a sponsor and budget', score: 100 }
			],
			benchmarks: [
				{
					figure: 'ai_top_priority',
					matches: ['top_priority'],
					direction: 'neutral',
					youDo: 'AI is a top strategic priority for you',
					youDoNot: 'AI is not a top strategic priority for you'
				}
			]
		},
		// ── Practice ──────────────────────────────────────────────────────────────────────────────────────────
		...GOVERNANCE,
		...AUTOMATION,
		...GUARDS,
		// ── Risk exposure: outcomes of the last 12 months (evidence, weighed by how well you look) ────────────
		{
			id: 'out_ai_incidents',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, how many infrastructure incidents did AI-generated changes or AI tools cause?',
			why: '93 % of surveyed organisations had at least one.',
			weight: 2,
			detectedBy: { question: 'gov_track_error_rates', atLeast: 'some_teams' },
			options: [
				{ id: 'many', label: 'More than five', score: 0 },
				{ id: 'few', label: 'Two to five', score: 40 },
				{ id: 'one', label: 'One', score: 70 },
				{ id: 'none', label: 'None that we know of', score: 100, nothingFound: true }
			],
			benchmarks: [
				{
					figure: 'ai_incident',
					matches: ['many', 'few', 'one'],
					direction: 'worse',
					youDo: 'You had an AI-caused infrastructure incident',
					youDoNot: 'You had no AI-caused infrastructure incident that you know of'
				}
			]
		},
		{
			id: 'out_impact',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'What was the worst impact of anything AI caused in the last 12 months?',
			why: 'How bad it was, apart from how often: customer impact and regulators change the stakes.',
			weight: 3,
			detectedBy: { question: 'gov_incident_playbook', atLeast: 'specific' },
			options: [
				{
					id: 'regulator',
					label: 'Data exposed, or reportable to a regulator',
					score: 0,
					severe: 'Something AI caused exposed data or was reportable to a regulator.'
				},
				{
					id: 'customers',
					label: 'Customers affected',
					score: 25,
					severe: 'Something AI caused affected customers.'
				},
				{ id: 'internal', label: 'Internal only: rework, delays, near misses', score: 60 },
				{ id: 'none', label: 'No impact that we know of', score: 100, nothingFound: true }
			]
		},
		{
			id: 'out_misconfig_prod',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, did misconfigurations from AI-generated changes reach production, and who found them?',
			why: '36 % of surveyed organisations report misconfigurations reaching production.',
			weight: 3,
			detectedBy: { question: 'auto_config_scanning', atLeast: 'scheduled' },
			options: [
				{
					id: 'found_outside',
					label: 'Yes; an outsider found one (attacker, customer, auditor)',
					score: 0,
					severe: 'A misconfiguration from an AI-generated change was found by someone outside.'
				},
				{ id: 'found_by_chance', label: 'Yes; our people found them by chance', score: 30 },
				{ id: 'found_by_automation', label: 'Yes; our scans or monitoring caught them', score: 60 },
				{ id: 'none', label: 'None that we know of', score: 100, nothingFound: true }
			],
			benchmarks: [
				{
					figure: 'outcome_misconfig',
					matches: ['found_outside', 'found_by_chance', 'found_by_automation'],
					direction: 'worse',
					youDo: 'Security misconfigurations from AI-generated changes reached your production',
					youDoNot: 'No security misconfiguration from AI-generated changes reached your production that you know of'
				}
			]
		},
		{
			id: 'out_compliance',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, did AI-generated changes cause compliance violations, and who found them?',
			why: '36 % of surveyed organisations report compliance violations.',
			weight: 2,
			detectedBy: { question: 'gov_control_monitoring', atLeast: 'automated_key' },
			options: [
				{
					id: 'found_outside',
					label: 'Yes; an auditor, regulator or customer found one',
					score: 0,
					severe: 'A compliance violation from an AI-generated change was found by an auditor, regulator or customer.'
				},
				{ id: 'found_late', label: 'Yes; we found them late', score: 30 },
				{ id: 'found_by_controls', label: 'Yes; our automated controls caught them', score: 60 },
				{ id: 'none', label: 'None that we know of', score: 100, nothingFound: true }
			],
			benchmarks: [
				{
					figure: 'outcome_compliance',
					matches: ['found_outside', 'found_late', 'found_by_controls'],
					direction: 'worse',
					youDo: 'AI-generated changes caused compliance violations',
					youDoNot: 'AI-generated changes caused no compliance violation that you know of'
				}
			]
		},
		{
			id: 'out_agent_incidents',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, did AI agents cause incidents?',
			why: '33 % of surveyed organisations report incidents caused by agentic systems.',
			weight: 2,
			detectedBy: { question: 'risk_agent_audit_trail', atLeast: 'full' },
			options: [
				{ id: 'repeated_prod', label: 'Yes, more than once in production', score: 0 },
				{ id: 'once_prod', label: 'Yes, once in production', score: 33 },
				{ id: 'non_prod_only', label: 'Yes, outside production only', score: 67 },
				{ id: 'no_agents', label: 'No agents act', score: 100 },
				{ id: 'none', label: 'None that we know of', score: 100, nothingFound: true }
			],
			benchmarks: [
				{
					figure: 'outcome_agentic_incident',
					matches: ['repeated_prod', 'once_prod', 'non_prod_only'],
					direction: 'worse',
					youDo: 'AI agents caused incidents',
					youDoNot: 'AI agents caused no incident that you know of'
				}
			]
		},
		{
			id: 'out_rework',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, how often did AI-generated changes need rework or reverting after they landed?',
			why: '37 % of surveyed organisations report rework of AI-generated changes.',
			weight: 1,
			detectedBy: { question: 'gov_track_error_rates', atLeast: 'some_teams' },
			options: [
				{ id: 'monthly', label: 'Most months', score: 0 },
				{ id: 'several', label: 'Several times', score: 33 },
				{ id: 'once', label: 'Once or twice', score: 67 },
				{ id: 'none', label: 'Not that we know of', score: 100, nothingFound: true }
			],
			benchmarks: [
				{
					figure: 'outcome_rework',
					matches: ['monthly', 'several', 'once'],
					direction: 'worse',
					youDo: 'AI-generated changes needed rework',
					youDoNot: 'AI-generated changes needed no rework that you know of'
				}
			]
		},
		{
			id: 'out_drift',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, did infrastructure drift cause problems?',
			why: '35 % of surveyed organisations report more drift since adopting AI.',
			weight: 1,
			detectedBy: { question: 'auto_drift_detection', atLeast: 'scheduled_alert' },
			options: [
				{ id: 'outage', label: 'Yes: an outage or a security gap', score: 0 },
				{ id: 'broke_deploys', label: 'Yes: broken or blocked deployments', score: 33 },
				{ id: 'found_fixed', label: 'Drift was found and fixed before harm', score: 67 },
				{ id: 'none', label: 'None that we know of', score: 100, nothingFound: true }
			],
			benchmarks: [
				{
					figure: 'outcome_drift',
					matches: ['outage', 'broke_deploys', 'found_fixed'],
					direction: 'worse',
					youDo: 'Infrastructure drift occurred',
					youDoNot: 'No infrastructure drift that you know of'
				}
			]
		},
		{
			id: 'out_root_cause',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'If anything above was serious, is its root cause fixed and the fix verified?',
			why: 'A severe finding stops counting against Pioneer once its cause is fixed and the fix is verified.',
			weight: 1,
			rootCause: true,
			options: [
				{ id: 'not_fixed', label: 'Not yet fixed', score: 0 },
				{ id: 'fixed', label: 'Fixed, not yet verified', score: 50 },
				{ id: 'verified', label: 'Fixed and verified', score: 100 },
				{ id: 'nothing_serious', label: 'Nothing serious happened', score: 100 }
			]
		},
		// ── Platform readiness ─────────────────────────────────────────────────────────────────────────────────
		...PLATFORM,
		// ── Confidence: the self-rating compared with practice ─────────────────────────────────────────────────
		confidence('conf_ai_integration', 'ai_integration', 'How confident are you that AI is used well here?'),
		confidence('conf_governance', 'governance', 'How confident are you in your ability to govern AI?'),
		confidence('conf_automation', 'automation', 'How confident are you in your infrastructure automation?'),
		confidence('conf_risk_exposure', 'risk_exposure', 'How confident are you that AI-caused risk is under control?'),
		confidence('conf_platform', 'platform', 'How confident are you that your platform absorbs AI-driven change?'),
		// ── About you (optional, never scored) ─────────────────────────────────────────────────────────────────
		{
			id: 'profile_role',
			kind: 'profile',
			text: 'What is your role?',
			why: 'Your role decides which part of the result comes first.',
			options: [
				{ id: 'engineer', label: 'Platform, infrastructure or DevOps engineer', score: 0 },
				{ id: 'developer', label: 'Software developer', score: 0 },
				{ id: 'manager', label: 'Engineering manager', score: 0 },
				{ id: 'head', label: 'Head of platform or engineering', score: 0 },
				{ id: 'executive', label: 'CTO, CIO or other executive', score: 0 },
				{ id: 'security', label: 'Security, risk or compliance', score: 0 },
				{ id: 'other', label: 'Other', score: 0 }
			]
		},
		{
			id: 'profile_size',
			kind: 'profile',
			text: 'How many employees does your organisation have?',
			why: 'The survey covered organisations of 250 or more; we tell you when yours differs.',
			options: [
				{ id: 'under_250', label: 'Fewer than 250', score: 0 },
				{ id: 'e250_999', label: '250–999', score: 0 },
				{ id: 'e1000_4999', label: '1,000–4,999', score: 0 },
				{ id: 'e5000_19999', label: '5,000–19,999', score: 0 },
				{ id: 'e20000_plus', label: '20,000 or more', score: 0 }
			]
		},
		{
			id: 'profile_region',
			kind: 'profile',
			text: 'Where is your organisation mainly based?',
			why: 'The survey sampled North America; we tell you when yours differs.',
			options: [
				{ id: 'north_america', label: 'North America', score: 0 },
				{ id: 'europe', label: 'Europe', score: 0 },
				{ id: 'asia_pacific', label: 'Asia-Pacific', score: 0 },
				{ id: 'latin_america', label: 'Latin America', score: 0 },
				{ id: 'middle_east_africa', label: 'Middle East and Africa', score: 0 }
			]
		},
		{
			id: 'profile_industry',
			kind: 'profile',
			text: 'Which industry is your organisation in?',
			options: [
				{ id: 'software', label: 'Software and technology', score: 0 },
				{ id: 'financial', label: 'Financial services', score: 0 },
				{ id: 'healthcare', label: 'Healthcare', score: 0 },
				{ id: 'retail', label: 'Retail', score: 0 },
				{ id: 'manufacturing', label: 'Manufacturing', score: 0 },
				{ id: 'telecom_media', label: 'Telecoms and media', score: 0 },
				{ id: 'public', label: 'Public sector', score: 0 },
				{ id: 'other', label: 'Other', score: 0 }
			]
		}
	]
});
