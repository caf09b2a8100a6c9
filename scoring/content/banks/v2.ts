/**
 * Question bank 2.0.0: the assessment's content as data, validated by {@link QuestionBankSchema} when the module
 * loads. Options run from the weakest (lowest score) to the strongest. Each question has a kind:
 *
 * - `use` (AI integration depth): how deeply AI is used — context for the verdict, never advice;
 * - `practice`: a control the organisation decides, scored 0–100, each non-top level carrying its next step, and
 *   framework references (a mapping, not conformance: see `scoring/frameworks`);
 * - `outcome`: what happened in the last 12 months — evidence that raises risk exposure, never advice;
 * - `confidence` (one per dimension) and `profile` (never scored).
 *
 * "Don't know" (`dk`) is offered on every scored question and scores as its weakest answer; "Not applicable"
 * (`na`) only where a gating answer skips the question (no AI agents acting → the agent questions).
 */
import { QuestionBankSchema, type QuestionBank } from '../../schema';

const CONFIDENCE_OPTIONS = [
	{ id: 'not_at_all', label: 'Not at all confident', score: 0 },
	{ id: 'slightly', label: 'Slightly confident', score: 25 },
	{ id: 'moderately', label: 'Moderately confident', score: 50 },
	{ id: 'confident', label: 'Confident', score: 75 },
	{ id: 'very', label: 'Very confident', score: 100 }
];

/** The agent questions do not apply until agents act on code or infrastructure. */
const NO_AGENTS = { question: 'ai_agents', answers: ['none', 'planned'] };

const step = (title: string, action: string, effort: 'low' | 'medium' | 'high') => ({ title, action, effort });

/** Version 2.0.0 of the `ai_readiness` bank. */
export const BANK_V2: QuestionBank = QuestionBankSchema.parse({
	id: 'ai_readiness',
	version: '2.0.0',
	model: 2,
	title: 'AI infrastructure readiness self-assessment',
	themes: {
		policy: 'AI policy and its enforcement',
		ownership: 'Ownership of AI governance',
		inventory: 'Inventory of AI in use',
		ai_supply_chain: 'AI tool and plugin supply chain',
		literacy: 'AI literacy',
		measurement: 'Measuring AI-generated change',
		incident_response: 'Incident response for AI causes',
		policy_as_code: 'Policy as code',
		testing: 'Testing infrastructure changes',
		drift: 'Drift detection',
		iac: 'Infrastructure as code',
		recovery: 'Rollback',
		delivery: 'Delivery lead time',
		provenance: 'Provenance and audit trail',
		dependencies: 'Dependency checks',
		cost: 'Cost guardrails',
		change_review: 'Review of AI-generated change',
		credentials: 'Credentials of AI tools and agents',
		agent_guardrails: 'Guardrails on AI agents',
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
				'How widely and deeply AI is used to write code, generate infrastructure and run operations. Context for the verdict: using more AI is never the advice.',
			orientation: 'higher-is-better'
		},
		{
			id: 'governance',
			label: 'Governance maturity',
			description:
				'Whether AI use is covered by a policy that is owned, enforced and measured, with an inventory, an approved supply chain, training and an incident playbook.',
			orientation: 'higher-is-better'
		},
		{
			id: 'automation',
			label: 'Infrastructure automation maturity',
			description:
				'How much infrastructure change is codified, tested, checked by policy, traceable to its origin and recoverable by automation.',
			orientation: 'higher-is-better'
		},
		{
			id: 'risk_exposure',
			label: 'Risk exposure',
			description:
				'How much AI-driven change meets how weak the guards on it are (review, credentials, agent limits), raised by the incidents of the last 12 months.',
			orientation: 'higher-is-worse'
		},
		{
			id: 'platform',
			label: 'Platform readiness',
			description:
				'Whether a platform and self-service golden paths let infrastructure absorb the volume of AI-driven change safely.',
			orientation: 'higher-is-better'
		}
	],
	questions: [
		// ── AI integration depth: use (context, never advice) ─────────────────────────────────────────────────
		{
			id: 'ai_code_share',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'Roughly what share of the code your organisation ships is written with AI assistance?',
			why: 'The share of AI-assisted code is the clearest measure of how far AI has reached your delivery.',
			weight: 3,
			options: [
				{ id: 'under_5', label: 'Under 5 %: AI assistants are rarely or never used to write code', score: 0 },
				{ id: 'pct_5_25', label: '5–25 %: some engineers use AI assistants for parts of their work', score: 25 },
				{ id: 'pct_25_50', label: '25–50 %: AI assistance is part of most engineers’ daily work', score: 50 },
				{ id: 'pct_50_75', label: '50–75 %: most new code starts as an AI suggestion that engineers adapt', score: 75 },
				{ id: 'over_75', label: 'Over 75 %: nearly all code is AI-generated or AI-assisted', score: 100 }
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
			text: 'How much of your infrastructure code (Terraform/OpenTofu, Pulumi, Kubernetes manifests, policies) is generated with AI?',
			why: 'AI-generated infrastructure code changes real systems directly, so its volume shapes your whole risk picture.',
			weight: 3,
			options: [
				{ id: 'none', label: 'None: infrastructure code is written by hand', score: 0 },
				{ id: 'snippets', label: 'Occasional snippets or explanations pasted from a chat assistant', score: 33 },
				{
					id: 'routine_drafts',
					label: 'Engineers routinely have AI draft modules and resources, then edit them',
					score: 67
				},
				{ id: 'most_new', label: 'Most new infrastructure code and policy-as-code is first drafted by AI', score: 100 }
			]
		},
		{
			id: 'ai_pipelines_ops',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'How is AI used inside your delivery pipelines and day-to-day operations?',
			why: 'AI in pipelines and operations (plan review, triage, remediation) goes beyond writing code.',
			weight: 2,
			options: [
				{ id: 'none', label: 'Not at all: pipelines and operations run without AI', score: 0 },
				{
					id: 'ad_hoc_chat',
					label: 'Individuals ask chat assistants about logs or errors, outside any tooling',
					score: 33
				},
				{
					id: 'integrated_assist',
					label: 'AI is built into CI or ops tools to summarise plans, review diffs or triage alerts',
					score: 67
				},
				{ id: 'acts_in_pipeline', label: 'AI proposes or applies fixes in pipelines and incidents', score: 100 }
			]
		},
		{
			id: 'ai_agents',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'Do AI agents act on your code or infrastructure themselves — opening pull requests, running commands or changing resources?',
			why: 'Agents that act on their own are the biggest step in AI adoption and need guards of their own; if none act yet, the agent questions are skipped.',
			weight: 2,
			options: [
				{ id: 'none', label: 'No, and none are planned: AI only suggests, people make every change', score: 0 },
				{ id: 'planned', label: 'Not yet: adoption is planned or being explored', score: 25 },
				{ id: 'non_prod', label: 'Agents act in sandbox or non-production environments (pilots)', score: 50 },
				{ id: 'prod_scoped', label: 'Agents perform scoped tasks whose changes reach production', score: 75 },
				{ id: 'prod_broad', label: 'Agents routinely change production code and infrastructure', score: 100 }
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
			text: 'Who in engineering has access to organisation-approved AI assistants?',
			why: 'Access to approved tools shows how far AI is part of normal work rather than individual experiments.',
			weight: 1,
			options: [
				{ id: 'nobody', label: 'Nobody: the organisation provides no AI tools for engineering', score: 0 },
				{ id: 'individuals', label: 'A few individuals with their own or trial accounts', score: 25 },
				{ id: 'some_teams', label: 'Some teams have licences for an approved assistant', score: 50 },
				{ id: 'most_engineers', label: 'Most engineers have an approved assistant in their IDE', score: 75 },
				{
					id: 'all_integrated',
					label: 'Every engineer has approved assistants in the IDE, review and chat tools',
					score: 100
				}
			]
		},
		{
			id: 'ai_strategic_priority',
			kind: 'use',
			dimension: 'ai_integration',
			text: 'How high is AI on your organisation’s strategic agenda?',
			why: 'Priority decides how fast adoption will grow, and so how soon your guards must hold.',
			weight: 1,
			options: [
				{ id: 'not_priority', label: 'Not a priority: no budget or goals set for AI', score: 0 },
				{ id: 'one_of_many', label: 'One initiative among many, driven by individual teams', score: 33 },
				{ id: 'funded_some', label: 'A funded priority for some departments, with named goals', score: 67 },
				{
					id: 'top_priority',
					label: 'A top strategic priority with an executive sponsor, budget and targets',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'ai_top_priority',
					matches: ['top_priority'],
					direction: 'neutral',
					youDo: 'AI is a top strategic priority for you',
					youDoNot: 'AI is not (yet) a top strategic priority for you'
				}
			]
		},

		// ── Governance maturity: practice ───────────────────────────────────────────────────────────────────────
		{
			id: 'gov_formal_policy',
			kind: 'practice',
			dimension: 'governance',
			theme: 'policy',
			text: 'Does your organisation have a formal policy for using AI in engineering and operations?',
			why: 'A written, approved policy is the foundation every other control refers to.',
			weight: 3,
			references: [
				'nist_ai_rmf:GOVERN-1.2',
				'nist_ai_rmf:GOVERN-1.4',
				'iso_42001:A.2.2',
				'iso_42001:A.9.2',
				'dora:clear-and-communicated-ai-stance'
			],
			options: [
				{
					id: 'none',
					label: 'No: there is no written guidance on using AI',
					score: 0,
					next: step(
						'Write a first AI use policy',
						'Write a two-page policy: which AI tools are approved, what must never be pasted into them (secrets, customer data), and that every AI-generated change is reviewed like any other. Have the CTO or CISO sign it off.',
						'low'
					)
				},
				{
					id: 'informal',
					label: 'Informal guidance only (a wiki page, an email, team habits)',
					score: 25,
					next: step(
						'Turn the informal guidance into a written policy',
						'Consolidate the wiki pages and team habits into one policy covering AI-generated code, infrastructure code and agents; name its owner and have the CTO or CISO approve it.',
						'low'
					)
				},
				{
					id: 'draft',
					label: 'A written policy is drafted but not yet approved',
					score: 50,
					next: step(
						'Get the draft policy approved and published',
						'Take the draft through approval by the CTO or CISO this quarter, publish it where engineers work, and tell teams what changes for them.',
						'low'
					)
				},
				{
					id: 'approved',
					label: 'An approved, written policy covers AI-generated application code',
					score: 75,
					next: step(
						'Extend the policy to infrastructure code and agents',
						'Add AI-generated infrastructure code, policy-as-code and agent actions to the policy’s scope, and schedule a yearly review against incidents and new tools.',
						'medium'
					)
				},
				{
					id: 'approved_full',
					label:
						'An approved policy covers AI-generated code, infrastructure code and agents, and is reviewed at least yearly',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'formal_policy',
					matches: ['approved', 'approved_full'],
					direction: 'better',
					youDo: 'You have a formal AI governance policy',
					youDoNot: 'You do not yet have a formal AI governance policy'
				}
			]
		},
		{
			id: 'gov_policy_enforcement',
			kind: 'practice',
			dimension: 'governance',
			theme: 'policy',
			text: 'How is your AI policy enforced?',
			why: 'A policy that nobody checks changes little; enforcement in the pipeline holds at any volume of change.',
			weight: 3,
			references: [
				'nist_ai_rmf:GOVERN-1.4',
				'nist_ai_rmf:MEASURE-1.2',
				'iso_42001:A.9.2',
				'dora:streamlining-change-approval',
				'slsa:source-L3',
				'ossf_scorecard:Branch-Protection'
			],
			options: [
				{
					id: 'not_enforced',
					label: 'It is not enforced, or there is no policy to enforce',
					score: 0,
					next: step(
						'Decide how the policy will be checked',
						'Pick the two rules that matter most (review of AI-generated changes, approved tools only), decide who checks them and how often, and write that into the policy.',
						'low'
					)
				},
				{
					id: 'individuals',
					label: 'It relies on individuals reading and following it',
					score: 25,
					next: step(
						'Spot-check AI-generated changes against the policy',
						'Each month, sample AI-labelled pull requests and infrastructure changes, check them against the policy, and report what you find to the policy owner.',
						'low'
					)
				},
				{
					id: 'spot_checks',
					label: 'Occasional audits or spot checks after changes ship',
					score: 50,
					next: step(
						'Enforce the key rules in the pipeline',
						'Turn the most important rules into blocking pipeline checks — required reviewers on AI-labelled changes, policy-as-code on infrastructure — so compliance no longer waits for an audit.',
						'medium'
					)
				},
				{
					id: 'key_rules_automated',
					label: 'Key rules are enforced automatically in pipelines; the rest by review',
					score: 75,
					requires: [{ question: 'gov_formal_policy', atLeast: 'approved' }],
					next: step(
						'Enforce the whole policy and report on exceptions',
						'Cover the remaining rules with automated checks or required approvals, and report every exception and override to the policy owner each month.',
						'medium'
					)
				},
				{
					id: 'fully_automated',
					label: 'Every rule is enforced automatically; exceptions are recorded and reviewed',
					score: 100,
					requires: [{ question: 'gov_formal_policy', atLeast: 'approved' }]
				}
			]
		},
		{
			id: 'gov_accountability',
			kind: 'practice',
			dimension: 'governance',
			theme: 'ownership',
			text: 'Who is accountable for how AI is used in engineering and operations?',
			why: 'Without an owner, exceptions pile up and nobody reviews what AI changed.',
			weight: 1,
			references: [
				'nist_ai_rmf:GOVERN-2.1',
				'nist_ai_rmf:GOVERN-2.3',
				'nist_ai_rmf:GOVERN-1.5',
				'iso_42001:A.3.2',
				'iso_42001:Clause-5.3',
				'iso_42001:A.2.4'
			],
			options: [
				{
					id: 'nobody',
					label: 'Nobody in particular',
					score: 0,
					next: step(
						'Name an owner for AI governance',
						'Make one named leader accountable for the AI policy, its exceptions and its review, with time set aside for it.',
						'low'
					)
				},
				{
					id: 'each_team',
					label: 'Each team decides for itself',
					score: 33,
					next: step(
						'Name one owner across teams',
						'Appoint one owner of AI governance across teams, and have team leads bring their local rules to that owner to merge or retire.',
						'low'
					)
				},
				{
					id: 'named_owner',
					label: 'A named person or team owns AI governance',
					score: 67,
					next: step(
						'Give the owner a forum and a cadence',
						'Set up a monthly forum of security, platform and engineering leads that reviews AI incidents, exceptions and new tools, and records its decisions.',
						'low'
					)
				},
				{
					id: 'owner_and_forum',
					label: 'A named owner and a cross-team forum that meets regularly and records its decisions',
					score: 100
				}
			]
		},
		{
			id: 'gov_ai_inventory',
			kind: 'practice',
			dimension: 'governance',
			theme: 'inventory',
			text: 'Could you list every AI tool, model and agent in use, with its owner and what it can reach?',
			why: 'You cannot govern, review or revoke what you do not know is there.',
			weight: 2,
			references: ['nist_ai_rmf:GOVERN-1.6', 'iso_42001:A.4.2', 'iso_42001:A.4.4', 'owasp_llm:LLM03'],
			options: [
				{
					id: 'none',
					label: 'No: we could not list the AI tools, models and agents in use',
					score: 0,
					next: step(
						'Take a first inventory of AI in use',
						'List the AI assistants, models, agents and AI features of existing tools, with owner, the data each sees and the systems each can change; start from licences, expense claims and network egress.',
						'low'
					)
				},
				{
					id: 'partial',
					label: 'Partly: licensed tools are known, but not what teams adopted themselves',
					score: 33,
					next: step(
						'Add the AI that teams adopted themselves',
						'Ask each team, check IDE plugins and browser extensions, and review egress to AI providers; record owner and data access for each tool found.',
						'medium'
					)
				},
				{
					id: 'maintained',
					label: 'A maintained inventory lists AI tools, models and agents with their owners',
					score: 67,
					next: step(
						'Tie the inventory to access',
						'Make an inventory entry a condition of access (SSO group, API key), and review entries each quarter: still used, still approved, permissions unchanged.',
						'medium'
					)
				},
				{
					id: 'enforced',
					label: 'Complete and enforced: nothing gets credentials or network access without an entry',
					score: 100
				}
			]
		},
		{
			id: 'gov_tool_supply_chain',
			kind: 'practice',
			dimension: 'governance',
			theme: 'ai_supply_chain',
			text: 'How are AI tools and models approved before engineers use them?',
			why: 'AI tools see your code, your infrastructure and sometimes your secrets; their vendors are part of your supply chain.',
			weight: 2,
			references: [
				'nist_ai_rmf:GOVERN-6.1',
				'nist_ai_rmf:MANAGE-3.1',
				'iso_42001:A.10.3',
				'iso_42001:A.10.2',
				'owasp_llm:LLM03',
				'owasp_llm:LLM02'
			],
			options: [
				{
					id: 'anything',
					label: 'Engineers use any AI tool or model they like',
					score: 0,
					next: step(
						'Publish a list of approved AI tools',
						'Publish the AI tools engineers may use for code and infrastructure, on a plan that keeps your data out of model training, and say how to request a new one.',
						'low'
					)
				},
				{
					id: 'informal_list',
					label: 'There is an informal list of tools people are asked to use',
					score: 33,
					next: step(
						'Review each AI vendor before approval',
						'For each tool on the list, check data retention and training use, where data is processed, security certifications and admin controls; record the decision and its owner.',
						'medium'
					)
				},
				{
					id: 'reviewed',
					label: 'Tools and models are approved after a review of the vendor’s data handling and security',
					score: 67,
					next: step(
						'Enforce the approved list technically',
						'Block unapproved AI endpoints at the proxy or through SSO, and re-review approved vendors yearly and whenever their terms change.',
						'medium'
					)
				},
				{
					id: 'enforced',
					label: 'Only reviewed tools and models can be reached; reviews are repeated yearly and on change',
					score: 100
				}
			]
		},
		{
			id: 'gov_mcp_allowlist',
			kind: 'practice',
			dimension: 'governance',
			theme: 'ai_supply_chain',
			text: 'Which MCP servers, plugins and extensions may your AI assistants and agents connect to?',
			why: 'Each server or plugin an assistant connects to can read data and take actions on its behalf.',
			weight: 2,
			references: [
				'owasp_llm:LLM06',
				'owasp_llm:LLM03',
				'nist_ai_rmf:MAP-4.2',
				'iso_42001:A.10.3',
				'dora:clear-and-communicated-ai-stance'
			],
			options: [
				{
					id: 'anything',
					label: 'Any: engineers add whatever servers or plugins they find',
					score: 0,
					next: step(
						'Find and prune the MCP servers and plugins in use',
						'Collect the MCP servers, IDE plugins and agent tools engineers have connected, and disconnect any with write access to production or secrets until they are reviewed.',
						'low'
					)
				},
				{
					id: 'guidance',
					label: 'Guidance asks people to be careful; nothing is checked',
					score: 33,
					next: step(
						'Publish an allow-list of MCP servers and plugins',
						'Approve servers and plugins by name and version after checking the publisher, the permissions and the data they see; ship the list in the managed assistant configuration.',
						'medium'
					)
				},
				{
					id: 'allowlist',
					label: 'An allow-list exists and is applied through managed assistant configuration',
					score: 67,
					next: step(
						'Enforce the allow-list and pin versions',
						'Block unlisted servers through managed settings and egress rules, pin approved versions, and review each update before it rolls out.',
						'medium'
					)
				},
				{
					id: 'enforced',
					label: 'Only allow-listed, pinned servers and plugins can run; updates are reviewed before rollout',
					score: 100
				}
			]
		},
		{
			id: 'gov_ai_literacy',
			kind: 'practice',
			dimension: 'governance',
			theme: 'literacy',
			text: 'What training do engineers and reviewers get on using AI safely?',
			why: 'Reviewers catch what they have learned to look for: invented packages, insecure defaults, injected instructions.',
			weight: 1,
			references: ['eu_ai_act:Art-4', 'nist_ai_rmf:GOVERN-2.2', 'iso_42001:Clause-7.2', 'iso_42001:Clause-7.3'],
			options: [
				{
					id: 'none',
					label: 'None: people learn AI tools on their own',
					score: 0,
					next: step(
						'Run a first AI risk briefing',
						'Give every engineer and reviewer a one-hour briefing on the policy, what not to paste into AI tools, hallucinated packages and prompt injection, with examples from your own code.',
						'low'
					)
				},
				{
					id: 'optional',
					label: 'Optional material exists (videos, a wiki page)',
					score: 33,
					next: step(
						'Make AI training part of onboarding',
						'Make a short AI literacy module required at onboarding and for everyone who reviews AI-generated changes, and track completion.',
						'low'
					)
				},
				{
					id: 'required',
					label: 'Required training for everyone using AI tools, with completion tracked',
					score: 67,
					next: step(
						'Train reviewers on AI-specific failures',
						'Add hands-on exercises for reviewers — spotting hallucinated dependencies, insecure defaults and injected instructions in AI-generated code and plans — and refresh them yearly.',
						'medium'
					)
				},
				{
					id: 'role_based',
					label: 'Role-based training, refreshed yearly, with hands-on review exercises on AI-specific failures',
					score: 100
				}
			]
		},
		{
			id: 'gov_track_error_rates',
			kind: 'practice',
			dimension: 'governance',
			theme: 'measurement',
			text: 'Do you track how often AI-generated changes fail (rollbacks, hotfixes, failed applies)?',
			why: 'Only measured failure rates tell you whether AI-generated change is getting safer or riskier.',
			weight: 2,
			references: [
				'nist_ai_rmf:MEASURE-1.2',
				'nist_ai_rmf:MEASURE-3.1',
				'nist_ai_rmf:MANAGE-4.3',
				'iso_42001:A.6.2.6',
				'dora:metric-change-fail-rate',
				'dora:metric-deployment-rework-rate'
			],
			options: [
				{
					id: 'no',
					label: 'No: we do not tell AI-generated changes apart from others',
					score: 0,
					next: step(
						'Label AI-generated changes',
						'Add an “AI-assisted” label or commit trailer to the pull request template for code and infrastructure, so AI-generated changes can be counted.',
						'low'
					)
				},
				{
					id: 'anecdotal',
					label: 'Only anecdotally, when an incident review mentions AI',
					score: 33,
					next: step(
						'Count failures of labelled AI-generated changes',
						'Each month, count rollbacks, hotfixes and failed applies of AI-labelled changes against the rest, per team.',
						'low'
					)
				},
				{
					id: 'some_teams',
					label: 'Some teams count failures of labelled AI-generated changes',
					score: 67,
					next: step(
						'Report AI change failure rates for every team',
						'Publish the change failure rate of AI-generated changes beside the overall rate for all teams, and review it in the governance forum.',
						'medium'
					)
				},
				{
					id: 'tracked_reviewed',
					label: 'Failure rates of AI-generated changes are tracked for all teams and reviewed regularly',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'track_ai_error_rates',
					matches: ['some_teams', 'tracked_reviewed'],
					direction: 'better',
					youDo: 'You track error rates of AI-generated changes',
					youDoNot: 'You do not track error rates of AI-generated changes'
				}
			]
		},
		{
			id: 'gov_incident_playbook',
			kind: 'practice',
			dimension: 'governance',
			theme: 'incident_response',
			text: 'Does your incident response cover AI causes — AI-generated changes, agent actions, prompt injection?',
			why: 'AI-caused incidents need steps of their own: find the AI change, revoke the tool’s access, check what else it touched.',
			weight: 2,
			references: [
				'nist_ai_rmf:MANAGE-4.3',
				'nist_ai_rmf:MANAGE-2.3',
				'iso_42001:A.8.4',
				'owasp_llm:LLM01',
				'owasp_llm:LLM06'
			],
			options: [
				{
					id: 'none',
					label: 'No: our incident playbook does not mention AI',
					score: 0,
					next: step(
						'Add AI causes to your incident playbook',
						'Add a section on AI-caused incidents: how to tell that an AI-generated change or an agent caused it, how to revoke that tool’s or agent’s access, and who to tell.',
						'low'
					)
				},
				{
					id: 'mentions',
					label: 'The playbook mentions AI, without specific steps',
					score: 33,
					next: step(
						'Write the AI-specific response steps',
						'Write concrete steps for AI-generated changes and agent actions — find them by label or identity, revoke credentials, review everything the same tool changed — and assign who runs them.',
						'low'
					)
				},
				{
					id: 'specific',
					label: 'It has specific steps for AI-generated changes and agent actions',
					score: 67,
					next: step(
						'Cover prompt injection and rehearse it',
						'Add prompt injection (instructions hidden in issues, documents or web pages an agent reads) and data leakage to the playbook, and run a tabletop exercise on one such scenario this quarter.',
						'medium'
					)
				},
				{
					id: 'rehearsed',
					label: 'It covers AI changes, agent actions and prompt injection, and was rehearsed in the last 12 months',
					score: 100
				}
			]
		},

		// ── Infrastructure automation maturity: practice ────────────────────────────────────────────────────────
		{
			id: 'auto_policy_as_code',
			kind: 'practice',
			dimension: 'automation',
			theme: 'policy_as_code',
			text: 'Are infrastructure changes checked automatically against policy (policy-as-code) before they are applied?',
			why: 'Automated policy checks hold whatever the volume of AI-generated change, unlike review alone.',
			weight: 3,
			references: [
				'nist_ai_rmf:GOVERN-1.4',
				'slsa:source-L3',
				'dora:streamlining-change-approval',
				'dora:pervasive-security'
			],
			options: [
				{
					id: 'none',
					label: 'No: changes are checked by people, if at all',
					score: 0,
					next: step(
						'Run policy-as-code checks in CI',
						'Add a policy-as-code tool (OPA/Conftest, Checkov, Sentinel or similar) to the infrastructure pipeline with a handful of rules — no public storage, encryption on, required tags — in advisory mode first.',
						'medium'
					)
				},
				{
					id: 'lint_only',
					label: 'Only formatting and syntax checks (fmt, validate, lint)',
					score: 25,
					next: step(
						'Add policy rules beyond syntax',
						'Add policy-as-code rules for the misconfigurations that matter — public exposure, encryption, wildcard permissions — and run them on every plan, advisory at first.',
						'medium'
					)
				},
				{
					id: 'advisory',
					label: 'Policy-as-code checks run, but their failures are advisory',
					score: 50,
					next: step(
						'Make policy failures block production',
						'Switch the rules with few false positives to blocking for production, with a recorded, approved override for real exceptions.',
						'low'
					)
				},
				{
					id: 'blocking_prod',
					label: 'Failing policy checks block changes to production',
					score: 75,
					next: step(
						'Block in every environment and test the policies',
						'Apply the blocking rules to every environment, and give the policies their own tests and review so they stay correct as they grow.',
						'medium'
					)
				},
				{
					id: 'blocking_all',
					label: 'Failing checks block every environment; the policies are versioned and tested',
					score: 100
				}
			]
		},
		{
			id: 'auto_infra_testing',
			kind: 'practice',
			dimension: 'automation',
			theme: 'testing',
			text: 'How are infrastructure changes tested before they reach production?',
			why: 'Tests catch what a plausible-looking AI draft gets wrong before it meets real systems.',
			weight: 2,
			references: [
				'dora:test-automation',
				'dora:continuous-integration',
				'ossf_scorecard:CI-Tests',
				'ossf_scorecard:SAST',
				'owasp_llm:LLM05'
			],
			options: [
				{
					id: 'none',
					label: 'Not tested: changes are applied and checked afterwards',
					score: 0,
					next: step(
						'Review a plan before every apply',
						'Require a saved plan on every infrastructure change, attached to the pull request and read before apply.',
						'low'
					)
				},
				{
					id: 'manual_plan',
					label: 'Someone reads the plan output before applying',
					score: 25,
					next: step(
						'Run validation and security scans in CI',
						'Run validate, lint and a security scanner (Trivy, Checkov or similar) on every pull request, failing on high findings.',
						'low'
					)
				},
				{
					id: 'static_ci',
					label: 'CI runs validate, lint and security scans on every change',
					score: 50,
					next: step(
						'Test shared modules automatically',
						'Give shared modules automated tests (terraform test, Terratest or similar) that apply them in a test account and check the result.',
						'medium'
					)
				},
				{
					id: 'automated_tests',
					label: 'Automated tests apply changes in a test environment before production',
					score: 75,
					next: step(
						'Test every change in an ephemeral environment',
						'Create an ephemeral environment per pull request, apply and test the change there, and tear it down automatically.',
						'high'
					)
				},
				{
					id: 'ephemeral_tests',
					label: 'Every change is applied and tested in an ephemeral environment first',
					score: 100
				}
			]
		},
		{
			id: 'auto_drift_detection',
			kind: 'practice',
			dimension: 'automation',
			theme: 'drift',
			text: 'How do you detect infrastructure drift (live state differing from code)?',
			why: 'Drift means the code no longer describes reality, so reviews of AI-generated changes review the wrong thing.',
			weight: 2,
			references: ['dora:monitoring-and-observability', 'dora:version-control', 'dora:flexible-infrastructure'],
			options: [
				{
					id: 'none',
					label: 'We find drift when something breaks',
					score: 0,
					next: step(
						'Detect drift on a schedule',
						'Run a scheduled plan (or your tool’s drift detection) daily against production and post the differences to the owning team.',
						'low'
					)
				},
				{
					id: 'manual',
					label: 'Engineers run plans by hand now and then to look for drift',
					score: 25,
					next: step(
						'Detect drift on a schedule',
						'Replace the hand-run checks with a scheduled drift detection job against production that posts differences to the owning team.',
						'low'
					)
				},
				{
					id: 'scheduled_report',
					label: 'Scheduled drift detection produces a report someone may read',
					score: 50,
					next: step(
						'Alert on drift and assign it',
						'Turn drift reports into alerts routed to the owning team, with a target time to reconcile or codify each difference.',
						'low'
					)
				},
				{
					id: 'scheduled_alert',
					label: 'Drift raises an alert that an owner must resolve',
					score: 75,
					next: step(
						'Reconcile drift automatically',
						'Let a controller (GitOps or scheduled apply) reconcile drift where that is safe, and block console changes outside break-glass.',
						'high'
					)
				},
				{
					id: 'continuous_reconcile',
					label: 'Drift is reconciled continuously; console changes are blocked outside break-glass',
					score: 100
				}
			]
		},
		{
			id: 'auto_iac_coverage',
			kind: 'practice',
			dimension: 'automation',
			theme: 'iac',
			text: 'What share of your production infrastructure is managed as code?',
			why: 'Only codified infrastructure can be reviewed, tested and rolled back when an AI-generated change goes wrong.',
			weight: 2,
			references: ['dora:flexible-infrastructure', 'dora:version-control'],
			options: [
				{
					id: 'under_25',
					label: 'Under 25 %: most changes are made in consoles or by scripts',
					score: 0,
					next: step(
						'Codify new infrastructure by default',
						'Require that every new system is built with infrastructure as code, and import the most-changed existing resources first.',
						'medium'
					)
				},
				{
					id: 'pct_25_50',
					label: '25–50 %: new projects use IaC, older systems do not',
					score: 33,
					next: step(
						'Import the systems that change most',
						'List the production resources changed most often outside code and import them into IaC, one service at a time, tracking the share codified.',
						'medium'
					)
				},
				{
					id: 'pct_50_80',
					label: '50–80 %: most production systems are codified',
					score: 67,
					next: step(
						'Close the gap and restrict console changes',
						'Codify the remaining production resources and restrict console write access to a recorded break-glass role.',
						'high'
					)
				},
				{
					id: 'over_80',
					label: 'Over 80 %: console changes are rare, break-glass exceptions',
					score: 100
				}
			]
		},
		{
			id: 'auto_rollback',
			kind: 'practice',
			dimension: 'automation',
			theme: 'recovery',
			text: 'When an infrastructure change goes wrong, how do you roll it back?',
			why: 'Fast, tested rollback turns an AI-generated mistake into a short blip instead of an outage.',
			weight: 2,
			references: ['dora:metric-failed-deployment-recovery-time', 'dora:deployment-automation', 'dora:version-control'],
			options: [
				{
					id: 'rebuild',
					label: 'We fix forward by hand; restoring can take hours or days',
					score: 0,
					next: step(
						'Write and test a rollback runbook',
						'Write a rollback runbook for your most critical services and rehearse it once in a test environment this quarter.',
						'low'
					)
				},
				{
					id: 'manual_revert',
					label: 'We revert the code and re-apply manually, case by case',
					score: 25,
					next: step(
						'Write and test a rollback runbook',
						'Turn the case-by-case reverts into a documented runbook per critical service, and rehearse it in a test environment.',
						'low'
					)
				},
				{
					id: 'runbook',
					label: 'A documented rollback runbook exists but is rarely tested',
					score: 50,
					next: step(
						'Make rollback one pipeline step',
						'Make rollback a pipeline action that re-applies the last known good version, and rehearse it each quarter.',
						'medium'
					)
				},
				{
					id: 'one_step',
					label: 'Rollback is one tested pipeline step',
					score: 75,
					next: step(
						'Roll back automatically on failed health checks',
						'Add health checks after apply that trigger the rollback automatically, and alert the owner when they fire.',
						'high'
					)
				},
				{
					id: 'automatic',
					label: 'Failed health checks roll changes back automatically',
					score: 100
				}
			]
		},
		{
			id: 'auto_deploy_lead_time',
			kind: 'practice',
			dimension: 'automation',
			theme: 'delivery',
			text: 'How long does a routine infrastructure change take from approved code to production?',
			why: 'A slow path tempts people around it; a fast governed path keeps AI-generated change inside the guards.',
			weight: 1,
			references: [
				'dora:metric-change-lead-time',
				'dora:metric-deployment-frequency',
				'dora:working-in-small-batches',
				'dora:continuous-delivery'
			],
			options: [
				{
					id: 'over_month',
					label: 'More than a month',
					score: 0,
					next: step(
						'Find and remove the slowest hand-off',
						'Map the steps from approved code to production for one change, and automate or remove the longest wait (usually a ticket or a manual apply).',
						'medium'
					)
				},
				{
					id: 'weeks',
					label: 'One to four weeks',
					score: 25,
					next: step(
						'Apply approved changes from the pipeline',
						'Let the pipeline apply approved changes instead of a separate manual step, starting with non-production environments.',
						'medium'
					)
				},
				{
					id: 'days',
					label: 'One day to a week',
					score: 50,
					next: step(
						'Ship smaller changes more often',
						'Split infrastructure changes into smaller pull requests and apply each on approval, so review stays thorough and delivery the same day.',
						'medium'
					)
				},
				{
					id: 'same_day',
					label: 'Within the same day',
					score: 75,
					next: step(
						'Automate the last manual gates',
						'Replace remaining manual gates with automated checks and risk-based approvals so routine changes reach production within an hour.',
						'high'
					)
				},
				{ id: 'under_hour', label: 'Under an hour, through an automated pipeline', score: 100 }
			]
		},
		{
			id: 'auto_track_ai_iac_volume',
			kind: 'practice',
			dimension: 'automation',
			theme: 'provenance',
			text: 'Do you track how much infrastructure code in your pipelines is AI-generated?',
			why: 'Knowing the volume and origin of AI-generated infrastructure code is the start of managing it.',
			weight: 2,
			references: [
				'nist_ai_rmf:MEASURE-2.8',
				'slsa:source-L2',
				'slsa:source-identity-management',
				'dora:version-control'
			],
			options: [
				{
					id: 'no',
					label: 'No: we could not say how much IaC is AI-generated',
					score: 0,
					next: step(
						'Label AI-generated infrastructure changes',
						'Add an “AI-assisted” label or commit trailer to infrastructure pull requests, required by the template.',
						'low'
					)
				},
				{
					id: 'estimate',
					label: 'We estimate it occasionally from surveys or anecdotes',
					score: 33,
					next: step(
						'Label and count AI-generated infrastructure changes',
						'Replace estimates with a required label on infrastructure pull requests and a monthly count per repository.',
						'low'
					)
				},
				{
					id: 'labelled',
					label: 'AI-assisted IaC changes are labelled and counted',
					score: 67,
					next: step(
						'Put AI-generated change volume on a dashboard',
						'Show the volume of AI-generated infrastructure change per team and over time on a dashboard the governance forum reviews.',
						'low'
					)
				},
				{
					id: 'dashboard',
					label: 'A dashboard shows AI-generated IaC volume per team and over time',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'track_ai_iac_volume',
					matches: ['labelled', 'dashboard'],
					direction: 'better',
					youDo: 'You track the volume of AI-generated infrastructure code',
					youDoNot: 'You do not track the volume of AI-generated infrastructure code'
				}
			]
		},
		{
			id: 'auto_dependency_checks',
			kind: 'practice',
			dimension: 'automation',
			theme: 'dependencies',
			text: 'What stops a hallucinated or look-alike (typo-squatted) package suggested by AI from entering your builds?',
			why: 'AI assistants invent plausible package names; attackers register them.',
			weight: 2,
			references: [
				'owasp_llm:LLM09',
				'owasp_llm:LLM03',
				'ossf_scorecard:Pinned-Dependencies',
				'ossf_scorecard:Vulnerabilities',
				'dora:pervasive-security',
				'nist_ai_rmf:MAP-4.1'
			],
			options: [
				{
					id: 'nothing',
					label: 'Nothing specific: packages are installed from public registries as suggested',
					score: 0,
					next: step(
						'Scan dependencies and review new ones',
						'Add dependency scanning (OSV-Scanner, Dependabot or Renovate) to CI and require review of every new direct dependency in the pull request.',
						'low'
					)
				},
				{
					id: 'review',
					label: 'Reviewers are asked to check new dependencies by eye',
					score: 33,
					next: step(
						'Flag new and unknown packages automatically',
						'Fail CI when a change adds a package that is new to your organisation, very young, rarely downloaded or close in name to a popular one, until someone approves it.',
						'medium'
					)
				},
				{
					id: 'scanning',
					label: 'Automated checks flag known-vulnerable, unknown or look-alike packages',
					score: 67,
					next: step(
						'Install only through a vetted registry proxy',
						'Route every install through an internal registry proxy that serves approved packages and versions, pin versions with lock files, and block public registries from CI.',
						'high'
					)
				},
				{
					id: 'proxy',
					label: 'Builds install only from an internal proxy of vetted packages, pinned by lock files',
					score: 100
				}
			]
		},
		{
			id: 'auto_build_provenance',
			kind: 'practice',
			dimension: 'automation',
			theme: 'provenance',
			text: 'Can you prove where what runs in production came from — signed commits, build provenance?',
			why: 'Provenance shows that what runs was built by your pipeline from reviewed code, not by a tool working around it.',
			weight: 2,
			references: [
				'slsa:build-L2',
				'slsa:build-L3',
				'slsa:verifying-artifacts',
				'slsa:source-L2',
				'ossf_scorecard:Signed-Releases'
			],
			options: [
				{
					id: 'none',
					label: 'No: commits are unsigned and builds leave no provenance',
					score: 0,
					next: step(
						'Require signed commits on protected branches',
						'Turn on commit signing (SSH keys or Sigstore gitsign) for everyone, and require signed commits on the protected branches of infrastructure repositories.',
						'low'
					)
				},
				{
					id: 'signed_commits',
					label: 'Commits to key repositories are signed; builds leave no provenance',
					score: 33,
					next: step(
						'Generate signed build provenance in CI',
						'Have your hosted CI produce signed SLSA provenance for every artifact and image (for example with built-in artifact attestations).',
						'medium'
					)
				},
				{
					id: 'provenance',
					label: 'CI produces signed provenance for every artifact (SLSA Build L2)',
					score: 67,
					next: step(
						'Verify provenance before deploy',
						'Verify provenance and signatures at deploy or admission time so nothing built outside the pipeline reaches production, and harden the build platform towards SLSA Build L3.',
						'high'
					)
				},
				{
					id: 'verified',
					label: 'Provenance is verified before deploy, from a hardened build platform (SLSA Build L3)',
					score: 100
				}
			]
		},
		{
			id: 'auto_cost_guardrails',
			kind: 'practice',
			dimension: 'automation',
			theme: 'cost',
			text: 'What guards against costly AI-generated infrastructure (oversized or forgotten resources)?',
			why: 'An AI draft can pick the largest instance or leave resources running; cost guards catch it before the bill does.',
			weight: 1,
			references: ['nist_ai_rmf:MAP-3.2'],
			options: [
				{
					id: 'none',
					label: 'None: we see costs on the monthly bill',
					score: 0,
					next: step(
						'Alert on budgets and cost anomalies',
						'Turn on your cloud provider’s budget alerts and cost anomaly detection per account, routed to the owning team.',
						'low'
					)
				},
				{
					id: 'alerts',
					label: 'Budget alerts and anomaly detection on accounts',
					score: 33,
					next: step(
						'Show cost estimates on every change',
						'Add a cost estimate (Infracost or similar) to every infrastructure pull request, so reviewers see what a change will cost.',
						'low'
					)
				},
				{
					id: 'estimates',
					label: 'Cost estimates appear on every infrastructure change',
					score: 67,
					next: step(
						'Enforce cost policies in the pipeline',
						'Block changes above a cost threshold, or using unapproved resource types, unless someone approves them — as policy-as-code.',
						'medium'
					)
				},
				{
					id: 'enforced',
					label: 'Cost policies block changes over thresholds without approval',
					score: 100,
					requires: [{ question: 'auto_policy_as_code', atLeast: 'advisory' }]
				}
			]
		},

		// ── Risk exposure: the guards on AI-driven change (practice) ──────────────────────────────────────────
		{
			id: 'risk_ai_iac_review',
			kind: 'practice',
			dimension: 'risk_exposure',
			theme: 'change_review',
			text: 'If an engineer or a tool produced infrastructure code with AI today, how would it reach production?',
			why: 'This is the path every AI-generated infrastructure change takes to real systems; asked whether or not you generate IaC with AI yet.',
			weight: 3,
			references: [
				'nist_ai_rmf:MAP-3.5',
				'slsa:source-L4',
				'ossf_scorecard:Code-Review',
				'dora:streamlining-change-approval',
				'owasp_llm:LLM05'
			],
			options: [
				{
					id: 'direct_no_review',
					label: 'It could be applied to production directly, with no review',
					score: 0,
					critical: 'AI-generated infrastructure code can be applied to production with no review.',
					next: step(
						'Stop unreviewed applies to production',
						'Remove direct apply rights to production from people and tools now, and route every infrastructure change through a pull request with a required reviewer.',
						'low'
					)
				},
				{
					id: 'minimal_review',
					label: 'With a quick look by the author before applying',
					score: 25,
					next: step(
						'Require a second reviewer on the plan',
						'Require someone other than the author to approve each pull request, with the plan output attached, before anything is applied to production.',
						'low'
					)
				},
				{
					id: 'plan_review',
					label: 'An engineer reads the code and the plan carefully before applying',
					score: 50,
					next: step(
						'Add automated checks before the human review',
						'Run policy-as-code and security scans on the plan before review, and require a second approver for production.',
						'medium'
					)
				},
				{
					id: 'peer_review_checks',
					label: 'A second reviewer approves the plan after automated policy and security checks pass',
					score: 75,
					requires: [{ question: 'auto_policy_as_code', atLeast: 'advisory' }],
					next: step(
						'Apply to production only from a governed pipeline',
						'Let only the pipeline apply to production, from the reviewed plan, and remove the standing credentials that let people or tools apply around it.',
						'medium'
					)
				},
				{
					id: 'governed_pipeline',
					label:
						'Only a governed pipeline applies it, after review and blocking policy checks; nobody can apply around it',
					score: 100,
					requires: [{ question: 'auto_policy_as_code', atLeast: 'blocking_prod' }]
				}
			],
			benchmarks: [
				{
					figure: 'hcl_no_review',
					matches: ['direct_no_review'],
					direction: 'worse',
					youDo: 'You would apply AI-generated infrastructure code to production with no review',
					youDoNot: 'You would not apply AI-generated infrastructure code to production unreviewed'
				},
				{
					figure: 'hcl_minimal_review',
					matches: ['minimal_review'],
					direction: 'worse',
					youDo: 'You would apply AI-generated infrastructure code with only minimal review',
					youDoNot: 'You review AI-generated infrastructure code more than minimally'
				},
				{
					figure: 'iac_unreviewed',
					matches: ['direct_no_review', 'minimal_review'],
					direction: 'worse',
					youDo: 'You use AI-generated infrastructure code without thorough review',
					youDoNot: 'You review AI-generated infrastructure code thoroughly before production'
				}
			]
		},
		{
			id: 'risk_app_code_review',
			kind: 'practice',
			dimension: 'risk_exposure',
			theme: 'change_review',
			text: 'How is AI-generated application code reviewed before it is merged?',
			why: 'Review is the main guard between an AI suggestion and production.',
			weight: 3,
			references: [
				'ossf_scorecard:Code-Review',
				'ossf_scorecard:SAST',
				'slsa:source-L4',
				'owasp_llm:LLM09',
				'nist_ai_rmf:MAP-3.5',
				'dora:streamlining-change-approval'
			],
			options: [
				{
					id: 'unreviewed',
					label: 'It can be merged and deployed without anyone else reviewing it',
					score: 0,
					critical: 'AI-generated application code can be merged without review.',
					next: step(
						'Require a reviewer on every merge',
						'Turn on branch protection with at least one required approval from someone other than the author on every repository that deploys, and remove bypass rights.',
						'low'
					)
				},
				{
					id: 'author_only',
					label: 'The author checks it; a second reviewer is optional',
					score: 25,
					next: step(
						'Make the second review required',
						'Require one approval other than the author on protected branches, with code owners for sensitive paths (authentication, payments, infrastructure).',
						'low'
					)
				},
				{
					id: 'skim',
					label: 'A reviewer approves the pull request, often after only a quick look',
					score: 50,
					next: step(
						'Back reviews with tests and scans',
						'Require passing tests, static analysis and a secret scan on every pull request, and label AI-assisted pull requests so reviewers know what they are reading.',
						'medium'
					)
				},
				{
					id: 'peer_review_tests',
					label: 'A peer review plus passing tests and scans is required',
					score: 75,
					next: step(
						'Give reviewers an AI-aware checklist',
						'Add a checklist for AI-labelled pull requests — invented APIs, insecure defaults, hallucinated packages, over-broad permissions — and sample reviews for quality.',
						'low'
					)
				},
				{
					id: 'ai_aware_review',
					label: 'Required peer review, tests and scans, plus an AI-aware checklist for AI-labelled changes',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'dev_code_unreviewed',
					matches: ['unreviewed', 'author_only', 'skim'],
					direction: 'worse',
					youDo: 'You use AI to generate code without thorough review',
					youDoNot: 'You review AI-generated code thoroughly'
				}
			]
		},
		{
			id: 'risk_ai_credentials',
			kind: 'practice',
			dimension: 'risk_exposure',
			theme: 'credentials',
			text: 'What credentials do AI tools and agents use when they reach your systems?',
			why: 'Whatever an AI tool can reach, a prompt-injected or mistaken tool can change.',
			weight: 3,
			references: [
				'owasp_llm:LLM06',
				'owasp_llm:LLM02',
				'ossf_scorecard:Token-Permissions',
				'nist_ai_rmf:MEASURE-2.7',
				'slsa:source-identity-management'
			],
			options: [
				{
					id: 'shared_admin',
					label: 'Shared admin keys or tokens, pasted into prompts or tool configuration',
					score: 0,
					critical: 'AI tools or agents hold shared admin credentials.',
					next: step(
						'Revoke shared admin keys from AI tools',
						'Rotate every shared admin key that has been given to an AI tool, and issue each tool its own identity with only the permissions its task needs.',
						'medium'
					)
				},
				{
					id: 'personal_admin',
					label: 'Engineers’ personal long-lived credentials, with their full rights',
					score: 25,
					critical: 'AI tools or agents act with long-lived admin credentials.',
					next: step(
						'Give AI tools identities of their own',
						'Create a dedicated identity per AI tool or agent, read-only by default, so tools no longer inherit engineers’ long-lived admin credentials.',
						'medium'
					)
				},
				{
					id: 'service_broad',
					label: 'Dedicated service identities, but with broad permissions',
					score: 50,
					next: step(
						'Cut AI identities to least privilege',
						'Review the permissions each AI identity actually used over 90 days and remove the rest; separate read-only from write identities.',
						'medium'
					)
				},
				{
					id: 'least_privilege',
					label: 'Dedicated least-privilege identities, with long-lived secrets',
					score: 75,
					next: step(
						'Move AI identities to short-lived credentials',
						'Replace long-lived keys with short-lived tokens issued per session or task (OIDC federation, workload identity), kept in a secrets manager and never in prompts.',
						'medium'
					)
				},
				{
					id: 'short_lived_scoped',
					label: 'Short-lived, least-privilege credentials issued per task; no secrets in prompts or configuration',
					score: 100
				}
			]
		},
		{
			id: 'risk_agent_guardrails',
			kind: 'practice',
			dimension: 'risk_exposure',
			theme: 'agent_guardrails',
			skipWhen: NO_AGENTS,
			text: 'What limits the actions AI agents can take on your infrastructure?',
			why: 'An agent acts at machine speed; only limits in place before it runs can contain a mistake or an injected instruction.',
			weight: 3,
			references: [
				'owasp_llm:LLM06',
				'owasp_llm:LLM01',
				'nist_ai_rmf:MANAGE-2.4',
				'nist_ai_rmf:MEASURE-2.6',
				'iso_42001:A.9.4'
			],
			options: [
				{
					id: 'unrestricted',
					label: 'Nothing specific: agents can change production with broad standing permissions and no approval',
					score: 0,
					critical: 'AI agents can act in production with no guardrails.',
					next: step(
						'Put a human approval in front of production actions',
						'Remove agents’ standing write access to production now, and make every production-changing agent action wait for a named person’s approval.',
						'low'
					)
				},
				{
					id: 'watched',
					label: 'A person watches agent runs, but the agents’ permissions are broad',
					score: 25,
					next: step(
						'Confine agents by their credentials',
						'Limit agents through their credentials rather than by watching them: sandbox and non-production accounts only, until scoped production permissions and approvals exist.',
						'medium'
					)
				},
				{
					id: 'non_prod_only',
					label: 'Agents are confined to sandbox or non-production accounts by their credentials',
					score: 50,
					next: step(
						'Define scoped production permissions with approval gates',
						'For each agent task, define the exact production permissions it needs, issue them per task, and require approval for destructive or wide-reaching actions.',
						'medium'
					)
				},
				{
					id: 'scoped_approved',
					label: 'Scoped per-task permissions; production-changing actions need human approval',
					score: 75,
					requires: [{ question: 'risk_ai_credentials', atLeast: 'least_privilege' }],
					next: step(
						'Add blast-radius limits and a kill switch',
						'Limit how many resources an agent may change per run and how fast, log every action, and test a kill switch that revokes all agent credentials at once.',
						'medium'
					)
				},
				{
					id: 'full_guardrails',
					label:
						'Scoped short-lived permissions, approval gates, blast-radius limits, action logs and a tested kill switch',
					score: 100,
					requires: [{ question: 'risk_ai_credentials', atLeast: 'least_privilege' }]
				}
			]
		},
		{
			id: 'risk_agent_separation',
			kind: 'practice',
			dimension: 'risk_exposure',
			theme: 'agent_guardrails',
			skipWhen: NO_AGENTS,
			text: 'Who approves the changes an AI agent authors (pull requests, plans, runbook actions)?',
			why: 'The engineer who prompted an agent is its co-author, not an independent reviewer.',
			weight: 2,
			references: [
				'slsa:source-L4',
				'ossf_scorecard:Code-Review',
				'ossf_scorecard:Branch-Protection',
				'dora:streamlining-change-approval',
				'nist_ai_rmf:GOVERN-3.2',
				'iso_42001:A.3.2'
			],
			options: [
				{
					id: 'self_merge',
					label: 'The agent can merge or apply its own changes',
					score: 0,
					critical: 'AI agents can merge or apply their own changes.',
					next: step(
						'Stop agents merging their own changes',
						'Remove merge and apply rights from agent identities, and require a human approval on every change an agent authors.',
						'low'
					)
				},
				{
					id: 'prompter',
					label: 'The engineer who asked the agent approves it',
					score: 33,
					next: step(
						'Require an approver other than the prompter',
						'Treat the engineer who prompted an agent as its co-author: require approval from someone else, enforced by branch protection or the pipeline.',
						'low'
					)
				},
				{
					id: 'second_person',
					label: 'Someone other than the prompter approves, by convention',
					score: 67,
					next: step(
						'Enforce separation of duties technically',
						'Enforce it in branch protection and deploy rules — agent identities cannot approve, and the prompter cannot be the only approver — and alert on overrides.',
						'medium'
					)
				},
				{
					id: 'enforced',
					label: 'Enforced: agent identities cannot approve, and the prompter cannot be the only approver',
					score: 100
				}
			]
		},
		{
			id: 'risk_agent_audit_trail',
			kind: 'practice',
			dimension: 'risk_exposure',
			theme: 'provenance',
			skipWhen: NO_AGENTS,
			text: 'Could you reconstruct afterwards what an AI agent did, and on whose request?',
			why: 'Without an audit trail, an agent’s mistake cannot be traced, scoped or proven contained.',
			weight: 2,
			references: ['iso_42001:A.6.2.8', 'nist_ai_rmf:MEASURE-2.8', 'slsa:source-identity-management', 'slsa:source-L2'],
			options: [
				{
					id: 'none',
					label: 'No: agent actions look like any other automation in our logs',
					score: 0,
					next: step(
						'Give each agent its own identity in the logs',
						'Run each agent under an identity of its own so cloud and Git audit logs attribute its actions, and keep those logs for at least a year.',
						'low'
					)
				},
				{
					id: 'partial',
					label: 'Partly: we see the actions, but not which agent, task or prompt caused them',
					score: 33,
					next: step(
						'Log the task and request with each action',
						'Record for each agent run the task, the requesting person, the prompt and the tool calls, linked to the resulting commits and cloud events.',
						'medium'
					)
				},
				{
					id: 'full',
					label: 'Yes: each action is linked to the agent, the task and the requesting person',
					score: 67,
					next: step(
						'Make the trail tamper-evident and review it',
						'Ship agent logs to write-once storage outside the agents’ reach, and review a sample of agent runs each month.',
						'medium'
					)
				},
				{
					id: 'tamper_evident',
					label: 'Yes, in tamper-evident logs outside the agents’ reach, reviewed regularly',
					score: 100
				}
			]
		},

		// ── Risk exposure: outcomes of the last 12 months (evidence, never advice) ─────────────────────────────
		{
			id: 'out_ai_incidents',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, how many infrastructure incidents were caused by AI-generated changes or AI tools?',
			why: 'What happened is evidence of how well the guards work; it raises exposure but is never the advice.',
			weight: 2,
			options: [
				{ id: 'several_customer', label: 'Several, at least one of which affected customers', score: 0 },
				{ id: 'several_contained', label: 'Several, all contained before customers noticed', score: 33 },
				{ id: 'one', label: 'One', score: 67 },
				{ id: 'none', label: 'None that we know of', score: 100 }
			],
			benchmarks: [
				{
					figure: 'ai_incident',
					matches: ['several_customer', 'several_contained', 'one'],
					direction: 'worse',
					youDo: 'You had at least one AI-caused infrastructure incident in the last 12 months',
					youDoNot: 'You had no AI-caused infrastructure incident that you know of'
				}
			]
		},
		{
			id: 'out_misconfig_prod',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, did security misconfigurations from AI-generated changes reach production — and who found them?',
			why: 'Finding a misconfiguration with your own automation is far better evidence than finding it by chance, or hearing of it from outside.',
			weight: 3,
			options: [
				{
					id: 'found_externally',
					label: 'Yes, found by someone outside: an attacker, a customer or an auditor',
					score: 0
				},
				{ id: 'found_by_chance', label: 'Yes, found by our people by chance or during an incident', score: 25 },
				{ id: 'found_by_automation', label: 'Yes, found quickly by our own scans or monitoring', score: 60 },
				{ id: 'none', label: 'None reached production that we know of', score: 100 }
			],
			benchmarks: [
				{
					figure: 'outcome_misconfig',
					matches: ['found_externally', 'found_by_chance', 'found_by_automation'],
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
			text: 'In the last 12 months, did AI-generated changes cause compliance violations — and who found them?',
			weight: 2,
			options: [
				{ id: 'found_by_auditors', label: 'Yes, found by auditors, regulators or customers', score: 0 },
				{ id: 'found_late', label: 'Yes, found internally after the change had been live for a while', score: 33 },
				{ id: 'found_by_controls', label: 'Yes, caught quickly by our own automated controls', score: 67 },
				{ id: 'none', label: 'None that we know of', score: 100 }
			],
			benchmarks: [
				{
					figure: 'outcome_compliance',
					matches: ['found_by_auditors', 'found_late', 'found_by_controls'],
					direction: 'worse',
					youDo: 'AI-generated changes caused compliance violations for you',
					youDoNot: 'AI-generated changes caused no compliance violation that you know of'
				}
			]
		},
		{
			id: 'out_rework',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, how often did AI-generated changes have to be reworked or reverted after they landed?',
			weight: 1,
			options: [
				{ id: 'monthly', label: 'Most months', score: 0 },
				{ id: 'several', label: 'Several times', score: 33 },
				{ id: 'once', label: 'Once or twice', score: 67 },
				{ id: 'rarely', label: 'Not at all that we know of', score: 100 }
			],
			benchmarks: [
				{
					figure: 'outcome_rework',
					matches: ['monthly', 'several', 'once'],
					direction: 'worse',
					youDo: 'You had to rework AI-generated changes after they landed',
					youDoNot: 'You did not have to rework AI-generated changes after they landed'
				}
			]
		},
		{
			id: 'out_agent_incidents',
			kind: 'outcome',
			dimension: 'risk_exposure',
			skipWhen: NO_AGENTS,
			text: 'In the last 12 months, did AI agents cause incidents?',
			weight: 2,
			options: [
				{ id: 'repeated_prod', label: 'Yes, more than once in production', score: 0 },
				{ id: 'once_prod', label: 'Yes, once in production', score: 33 },
				{ id: 'non_prod_only', label: 'Yes, but only in sandbox or non-production environments', score: 67 },
				{ id: 'none', label: 'None that we know of', score: 100 }
			],
			benchmarks: [
				{
					figure: 'outcome_agentic_incident',
					matches: ['repeated_prod', 'once_prod', 'non_prod_only'],
					direction: 'worse',
					youDo: 'AI agents caused incidents for you',
					youDoNot: 'AI agents caused no incident that you know of'
				}
			]
		},
		{
			id: 'out_drift',
			kind: 'outcome',
			dimension: 'risk_exposure',
			text: 'In the last 12 months, did infrastructure drift cause problems?',
			weight: 1,
			options: [
				{ id: 'outage', label: 'Yes, drift caused an outage or a security gap', score: 0 },
				{ id: 'broke_deploys', label: 'Yes, drift broke or blocked deployments', score: 33 },
				{ id: 'found_fixed', label: 'Drift occurred, but was found and fixed before it caused harm', score: 67 },
				{ id: 'none', label: 'No drift that we know of', score: 100 }
			],
			benchmarks: [
				{
					figure: 'outcome_drift',
					matches: ['outage', 'broke_deploys', 'found_fixed'],
					direction: 'worse',
					youDo: 'You had infrastructure drift',
					youDoNot: 'You had no infrastructure drift that you know of'
				}
			]
		},

		// ── Platform readiness: practice ────────────────────────────────────────────────────────────────────────
		{
			id: 'plat_platform_team',
			kind: 'practice',
			dimension: 'platform',
			theme: 'platform_team',
			text: 'Who provides the shared infrastructure tooling your teams build on?',
			why: 'A platform team builds the guardrails once, for every team and every AI-generated change.',
			weight: 3,
			references: ['cncf_pemm:investment-L2', 'cncf_pemm:investment-L3', 'dora:platform-engineering'],
			options: [
				{
					id: 'own_way',
					label: 'Nobody: each team builds and runs its own infrastructure its own way',
					score: 0,
					next: step(
						'Fund a small shared platform effort',
						'Give two or three engineers a mandate to build shared modules, pipelines and guardrails every team can use, and measure how many teams adopt them.',
						'medium'
					)
				},
				{
					id: 'ops_tickets',
					label: 'A central operations team makes infrastructure changes for others on request (tickets)',
					score: 0,
					next: step(
						'Turn ticket work into shared self-service tooling',
						'Have the operations team turn its most common tickets into shared modules and pipelines teams run themselves, with guardrails built in.',
						'medium'
					)
				},
				{
					id: 'part_time',
					label: 'Teams run their own infrastructure on shared tooling a few engineers maintain part-time',
					score: 33,
					next: step(
						'Form a dedicated platform team',
						'Make the platform a team with its own roadmap and budget, responsible for golden paths, pipeline capacity and the guardrails AI-generated changes pass through.',
						'high'
					)
				},
				{
					id: 'dedicated',
					label: 'A dedicated platform team with its own roadmap provides tooling teams use themselves',
					score: 67,
					next: step(
						'Run the platform as a product',
						'Interview platform users each quarter, set the roadmap from what they need, and measure adoption, lead time and satisfaction.',
						'medium'
					)
				},
				{
					id: 'product',
					label: 'A platform team runs the platform as a product, measuring adoption and satisfaction',
					score: 100
				}
			]
		},
		{
			id: 'plat_self_service',
			kind: 'practice',
			dimension: 'platform',
			theme: 'golden_paths',
			text: 'Can teams provision what they need through self-service paths with the guardrails built in?',
			why: 'Golden paths put review, policy and least privilege on the route AI-generated changes already take.',
			weight: 3,
			references: [
				'cncf_pemm:interfaces-L2',
				'cncf_pemm:interfaces-L3',
				'cncf_pemm:adoption-L3',
				'dora:platform-engineering',
				'dora:flexible-infrastructure'
			],
			options: [
				{
					id: 'tickets',
					label: 'No: every environment or resource needs a ticket to another team',
					score: 0,
					next: step(
						'Offer one golden path for the commonest request',
						'Pick the most common infrastructure request and offer it as a versioned, reviewed module teams can use themselves.',
						'medium'
					)
				},
				{
					id: 'copy_paste',
					label: 'Teams copy and adapt configuration from other projects',
					score: 25,
					next: step(
						'Publish shared, versioned modules',
						'Replace copied configuration with a small set of shared, versioned and tested modules, with the organisation’s defaults built in.',
						'medium'
					)
				},
				{
					id: 'shared_modules',
					label: 'Shared modules exist; provisioning still needs manual approval',
					score: 50,
					next: step(
						'Let policy checks replace manual approval',
						'Make provisioning through the shared modules self-service, with policy-as-code checks in place of manual approval for standard requests.',
						'medium'
					)
				},
				{
					id: 'golden_paths',
					label: 'Self-service golden paths with guardrails cover most common needs',
					score: 75,
					next: step(
						'Measure and widen the golden paths',
						'Measure which requests still go around the golden paths, and add paths for them, including the ones AI agents use.',
						'medium'
					)
				},
				{
					id: 'golden_paths_measured',
					label: 'Golden paths cover nearly everything; their use and gaps are measured',
					score: 100
				}
			]
		},
		{
			id: 'plat_infra_pace',
			kind: 'practice',
			dimension: 'platform',
			theme: 'standards',
			text: 'How do your infrastructure standards and tooling keep pace with AI-driven development?',
			why: 'When development adopts AI faster than infrastructure, the guards fall behind the change they must hold.',
			weight: 2,
			references: ['dora:platform-engineering', 'cncf_pemm:operations-L3', 'cncf_pemm:measurement-L3'],
			options: [
				{
					id: 'far_behind',
					label: 'Far behind: infrastructure has no plan for AI-driven change',
					score: 0,
					next: step(
						'Agree a plan for AI-driven change',
						'Sit platform and development leads together to list the AI practices development already uses and the infrastructure standards each needs, and agree an owner and date for each.',
						'low'
					)
				},
				{
					id: 'reacting',
					label: 'Infrastructure reacts to AI-driven change volume after the fact',
					score: 33,
					next: step(
						'Plan infrastructure changes ahead of AI adoption',
						'Make new AI practices in development (agents, AI-generated IaC) go through a platform review that sets the standards before they are rolled out.',
						'medium'
					)
				},
				{
					id: 'catching_up',
					label: 'Catching up: a plan exists to bring infrastructure level with development',
					score: 67,
					next: step(
						'Adopt AI in step, with shared standards',
						'Run one roadmap for AI adoption across development and infrastructure, with shared standards agreed before each new practice goes live.',
						'medium'
					)
				},
				{ id: 'in_step', label: 'Development and infrastructure adopt AI in step, with shared standards', score: 100 }
			],
			benchmarks: [
				{
					figure: 'dev_ahead_of_infra',
					matches: ['far_behind', 'reacting', 'catching_up'],
					direction: 'worse',
					youDo: 'Your development is ahead of your infrastructure in AI adoption',
					youDoNot: 'Your infrastructure keeps pace with development in AI adoption'
				}
			]
		},
		{
			id: 'plat_pipeline_capacity',
			kind: 'practice',
			dimension: 'platform',
			theme: 'capacity',
			text: 'How do your delivery pipelines cope with the volume of change?',
			why: 'AI multiplies the number of changes; a strained pipeline tempts people to bypass it.',
			weight: 2,
			references: ['dora:continuous-integration', 'dora:platform-engineering', 'dora:working-in-small-batches'],
			options: [
				{
					id: 'delays',
					label: 'Queues and failed runs regularly delay changes',
					score: 0,
					next: step(
						'Measure and fix pipeline queues',
						'Measure queue time and flaky failures per pipeline for a month, and fix the top three causes.',
						'medium'
					)
				},
				{
					id: 'peaks',
					label: 'They strain at peaks; we add capacity by hand',
					score: 33,
					next: step(
						'Scale pipeline runners automatically',
						'Move CI runners to autoscaling pools sized from measured demand, with queue-time alerts.',
						'medium'
					)
				},
				{
					id: 'autoscale',
					label: 'Runners scale automatically; slowdowns are rare',
					score: 67,
					next: step(
						'Monitor pipeline health against targets',
						'Set targets for queue time, duration and flakiness, monitor them per team, and review capacity ahead of AI adoption steps.',
						'low'
					)
				},
				{
					id: 'monitored',
					label: 'Capacity scales automatically and pipeline health is monitored against targets',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'pipeline_strain',
					matches: ['delays', 'peaks'],
					direction: 'worse',
					youDo: 'Your pipelines are under strain',
					youDoNot: 'Your pipelines are not under strain'
				}
			]
		},
		{
			id: 'plat_sandbox_envs',
			kind: 'practice',
			dimension: 'platform',
			theme: 'environments',
			text: 'Where can engineers and agents try AI-generated infrastructure changes safely?',
			why: 'A safe place to try changes keeps experiments with AI out of production.',
			weight: 2,
			references: [
				'nist_ai_rmf:GOVERN-4.3',
				'nist_ai_rmf:MEASURE-2.3',
				'iso_42001:A.6.2.4',
				'dora:flexible-infrastructure',
				'cncf_pemm:interfaces-L3'
			],
			options: [
				{
					id: 'shared_or_prod',
					label: 'Only in shared environments, sometimes production',
					score: 0,
					next: step(
						'Provide a sandbox account',
						'Give each team a sandbox cloud account, isolated from production and its data, for trying AI-generated changes.',
						'medium'
					)
				},
				{
					id: 'staging',
					label: 'In one shared staging environment',
					score: 33,
					next: step(
						'Give every team its own sandbox',
						'Provide per-team sandbox accounts, created from code with budgets and automatic clean-up.',
						'medium'
					)
				},
				{
					id: 'sandboxes',
					label: 'In per-team sandbox accounts, on request',
					score: 67,
					next: step(
						'Create ephemeral environments on demand',
						'Let engineers and agents create short-lived environments from a golden path, destroyed automatically after use.',
						'high'
					)
				},
				{
					id: 'ephemeral',
					label: 'In ephemeral environments created on demand and destroyed after use',
					score: 100
				}
			]
		},

		// ── Confidence (self-rating per dimension, compared with the practice evidence) ───────────────────────
		{
			id: 'conf_ai_integration',
			kind: 'confidence',
			dimension: 'ai_integration',
			text: 'How confident are you that your organisation uses AI well in engineering and operations?',
			options: CONFIDENCE_OPTIONS
		},
		{
			id: 'conf_governance',
			kind: 'confidence',
			dimension: 'governance',
			text: 'How confident are you in your organisation’s ability to govern AI?',
			options: CONFIDENCE_OPTIONS,
			benchmarks: [
				{
					figure: 'confident_governance',
					matches: ['confident', 'very'],
					direction: 'neutral',
					youDo: 'You are confident in your ability to govern AI',
					youDoNot: 'You are not confident in your ability to govern AI'
				}
			]
		},
		{
			id: 'conf_automation',
			kind: 'confidence',
			dimension: 'automation',
			text: 'How confident are you in the maturity of your infrastructure automation?',
			options: CONFIDENCE_OPTIONS
		},
		{
			id: 'conf_risk_exposure',
			kind: 'confidence',
			dimension: 'risk_exposure',
			text: 'How confident are you that your exposure to AI-caused infrastructure risk is under control?',
			options: CONFIDENCE_OPTIONS
		},
		{
			id: 'conf_platform',
			kind: 'confidence',
			dimension: 'platform',
			text: 'How confident are you that your platform can absorb the volume of AI-generated change?',
			options: CONFIDENCE_OPTIONS
		},

		// ── Profile (optional, never scored; used to word the result and its caveats) ──────────────────────────
		{
			id: 'profile_role',
			kind: 'profile',
			text: 'What is your role?',
			why: 'Your role decides which part of the result we put first.',
			options: [
				{ id: 'engineer', label: 'Platform, infrastructure or DevOps engineer', score: 0 },
				{ id: 'developer', label: 'Software developer', score: 0 },
				{ id: 'manager', label: 'Engineering manager or team lead', score: 0 },
				{ id: 'head', label: 'Head or director of platform, infrastructure or engineering', score: 0 },
				{ id: 'executive', label: 'CTO, CIO, VP or other IT executive', score: 0 },
				{ id: 'security', label: 'Security, risk or compliance', score: 0 },
				{ id: 'other', label: 'Other', score: 0 }
			]
		},
		{
			id: 'profile_size',
			kind: 'profile',
			text: 'How many employees does your organisation have?',
			why: 'The comparison is with organisations of a certain size; we tell you when yours differs.',
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
			why: 'The comparison is with organisations in one region; we tell you when yours differs.',
			options: [
				{ id: 'north_america', label: 'North America', score: 0 },
				{ id: 'europe', label: 'Europe (including the UK)', score: 0 },
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
				{ id: 'financial', label: 'Financial services and insurance', score: 0 },
				{ id: 'healthcare', label: 'Healthcare and life sciences', score: 0 },
				{ id: 'retail', label: 'Retail and e-commerce', score: 0 },
				{ id: 'manufacturing', label: 'Manufacturing and industrial', score: 0 },
				{ id: 'telecom_media', label: 'Telecommunications and media', score: 0 },
				{ id: 'public', label: 'Public sector and education', score: 0 },
				{ id: 'other', label: 'Other', score: 0 }
			]
		}
	]
});
