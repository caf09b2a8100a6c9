/**
 * Bank 3.0.0's practice questions (governance, automation, guards, platform): each option is a behaviourally
 * anchored level from weakest to strongest; every level below the top names its next step; critical options name
 * the level their step reaches; weak guards are named. Assembled with the other kinds in `./v3.ts`.
 */
import type { z } from 'zod';
import type { QuestionSchema } from '../../schema';

type QuestionInput = z.input<typeof QuestionSchema>;

const step = (title: string, action: string, effort: 'low' | 'medium' | 'high') => ({ title, action, effort });

/** The agent questions are asked of everyone: with no agent acting yet, they ask what the rules would require. */
const AGENTS_NOT_IN_USE = { question: 'ai_agents', answers: ['none', 'planned'] };

export const GOVERNANCE: QuestionInput[] = [
	{
		id: 'gov_formal_policy',
		kind: 'practice',
		dimension: 'governance',
		theme: 'policy',
		text: 'Does an approved, written policy govern how AI is used in engineering and operations?',
		why: 'A written, approved policy is the survey’s clearest line between its groups: 30 % have one.',
		weight: 3,
		options: [
			{
				id: 'none',
				label: 'No written guidance',
				score: 0,
				reaches: 'draft',
				next: step(
					'Write a first AI use policy',
					'Write one page: which AI tools are approved, what must never be pasted into them, and that a person other than the author reviews every AI-generated change. Send it to the CTO or CISO for approval.',
					'low'
				)
			},
			{
				id: 'informal',
				label: 'Informal guidance only (wiki, habits)',
				score: 25,
				next: step(
					'Turn the guidance into a written policy',
					'Collect the informal rules into one document, fill the gaps (data, review, approved tools) and send it to the CTO or CISO for approval.',
					'low'
				)
			},
			{
				id: 'draft',
				label: 'Written, not yet approved',
				score: 50,
				next: step(
					'Get the draft approved and published',
					'Put the draft on the next leadership agenda with a named approver and a date, then publish it where engineers look.',
					'low'
				)
			},
			{
				id: 'app_code',
				label: 'Approved; covers application code only',
				score: 67,
				next: step(
					'Extend the policy to infrastructure code and agents',
					'Add rules for AI-generated infrastructure code (who reviews it, how it reaches production) and for agents (what they may touch, who approves their changes).',
					'medium'
				)
			},
			{
				id: 'code_and_iac',
				label: 'Approved; covers code and infrastructure, not agents',
				score: 83,
				next: step(
					'Add agents to the policy',
					'Add what an agent may do, which identity it uses and who approves its changes — rules that apply before any agent is adopted.',
					'low'
				)
			},
			{ id: 'full', label: 'Approved; covers code, infrastructure and agents', score: 100 }
		],
		benchmarks: [
			{
				figure: 'formal_policy',
				matches: ['app_code', 'code_and_iac', 'full'],
				direction: 'better',
				youDo: 'You have an approved, written AI policy',
				youDoNot: 'You have no approved, written AI policy'
			}
		],
		references: [
			'iso_42001:A.2.2',
			'iso_42001:A.2.4',
			'iso_27001:A.5.1',
			'dora:clear-and-communicated-ai-stance',
			'nist_ai_600_1:GV-1.4-002',
			'iso_27001:A.5.10',
			'nist_ai_rmf:GOVERN-1.2',
			'nis2:Art-20.1',
			'nis2:Art-21.2.a'
		]
	},
	{
		id: 'gov_policy_enforcement',
		kind: 'practice',
		dimension: 'governance',
		theme: 'policy',
		text: 'How is the AI policy enforced?',
		why: 'A policy nobody checks is a paper policy; the survey’s Pioneers actively enforce theirs.',
		weight: 3,
		options: [
			{
				id: 'not_enforced',
				label: 'Not enforced',
				score: 0,
				next: step(
					'Decide how each rule is checked',
					'For each rule, write down how you would know it was broken: a pipeline check, a review checklist item or an audit query.',
					'low'
				)
			},
			{
				id: 'individuals',
				label: 'People are trusted to follow it',
				score: 25,
				next: step(
					'Spot-check AI-generated changes',
					'Each month, sample ten merged AI-assisted changes, check them against the policy and share what you find.',
					'low'
				)
			},
			{
				id: 'spot_checks',
				label: 'Spot checks or audits after changes ship',
				score: 50,
				next: step(
					'Enforce the key rules in the pipeline',
					'Turn the two or three most important rules (a second reviewer, no secrets, approved tools only) into checks that block a merge.',
					'medium'
				)
			},
			{
				id: 'key_rules_automated',
				label: 'Key rules block in pipelines; the rest is reviewed',
				score: 75,
				requires: [{ question: 'gov_formal_policy', atLeast: 'app_code' }],
				next: step(
					'Automate every rule a machine can check',
					'Move the remaining checkable rules into the pipeline; have team leads attest to the rest each quarter and record every exception.',
					'medium'
				)
			},
			{
				id: 'automated_attested',
				label: 'Checkable rules block; the rest attested; exceptions logged',
				score: 100,
				requires: [{ question: 'gov_formal_policy', atLeast: 'app_code' }]
			}
		],
		references: [
			'slsa:source-L3',
			'iso_27001:A.5.36',
			'dora:streamlining-change-approval',
			'ossf_scorecard:Branch-Protection',
			'nist_ai_rmf:MEASURE-1.2',
			'iso_42001:A.9.2',
			'nist_ai_rmf:GOVERN-1.4',
			'nis2:Art-21.2.a'
		]
	},
	{
		id: 'gov_accountability',
		kind: 'practice',
		dimension: 'governance',
		theme: 'ownership',
		text: 'Who owns how AI is used in engineering?',
		why: 'Decisions about AI tools, data and agents need one owner who can say no.',
		weight: 1,
		options: [
			{
				id: 'nobody',
				label: 'Nobody in particular',
				score: 0,
				reaches: 'named_owner',
				next: step(
					'Name an owner for AI governance',
					'Name one person accountable for how AI is used in engineering and operations, give them time for it, and announce it.',
					'low'
				)
			},
			{
				id: 'each_team',
				label: 'Each team decides',
				score: 33,
				next: step(
					'Name one owner across teams',
					'Name a single accountable owner; team leads keep deciding locally within the owner’s rules.',
					'low'
				)
			},
			{
				id: 'named_owner',
				label: 'A named owner',
				score: 67,
				next: step(
					'Give the owner a forum',
					'Start a monthly forum of security, platform and engineering leads that records its decisions and reviews the policy.',
					'low'
				)
			},
			{ id: 'owner_and_forum', label: 'A named owner and a forum that records decisions', score: 100 }
		],
		references: [
			'nist_ai_rmf:GOVERN-2.1',
			'nist_ai_rmf:GOVERN-2.3',
			'iso_42001:A.3.2',
			'iso_42001:Clause-5.3',
			'iso_27001:A.5.2',
			'nist_ai_rmf:GOVERN-1.5',
			'nis2:Art-20.1'
		]
	},
	{
		id: 'gov_ai_inventory',
		kind: 'practice',
		dimension: 'governance',
		theme: 'inventory',
		text: 'Could you list the AI tools, models and agents in use, each with an owner?',
		why: 'You cannot govern, revoke or audit what you cannot list.',
		weight: 2,
		options: [
			{
				id: 'none',
				label: 'No',
				score: 0,
				next: step(
					'Take a first inventory',
					'List every AI tool, model and agent you know of — from licences, expense reports, single sign-on logs and a short survey of teams — and give each an owner.',
					'low'
				)
			},
			{
				id: 'partial',
				label: 'Licensed tools only, not what teams adopted',
				score: 33,
				next: step(
					'Find what teams adopted themselves',
					'Search single sign-on and egress logs and repositories for AI services and keys; add what you find, each with an owner.',
					'medium'
				)
			},
			{
				id: 'maintained',
				label: 'Yes, a maintained list with owners',
				score: 67,
				next: step(
					'Tie the inventory to access',
					'Make an inventory entry the precondition for credentials and network access, and remove an entry’s identities when it is retired.',
					'medium'
				)
			},
			{ id: 'enforced', label: 'Yes; no entry, no access; identities removed on retirement', score: 100 }
		],
		references: [
			'nist_ai_rmf:GOVERN-1.6',
			'nist_ai_600_1:GV-1.6-001',
			'iso_27001:A.5.9',
			'iso_27001:A.5.16',
			'iso_27001:A.5.18',
			'nist_ai_rmf:GOVERN-1.7',
			'iso_42001:A.4.2',
			'nis2:Art-21.2.i'
		]
	},
	{
		id: 'gov_tool_supply_chain',
		kind: 'practice',
		dimension: 'governance',
		theme: 'ai_supply_chain',
		text: 'How are AI tools, models and their vendors approved?',
		why: 'A vendor’s data-use terms decide whether your code and prompts train someone else’s model.',
		weight: 2,
		options: [
			{
				id: 'anything',
				label: 'They are not: people use what they like',
				score: 0,
				next: step(
					'Publish a list of approved AI tools',
					'Publish the AI tools you already pay for as the approved list and ask teams to request anything else.',
					'low'
				)
			},
			{
				id: 'informal_list',
				label: 'An informal list of preferred tools',
				score: 33,
				next: step(
					'Review vendors’ data-use terms before approval',
					'For each tool, check whether your data trains models, how long it is kept, where it is stored and whether you are told of model changes; approve or drop it.',
					'medium'
				)
			},
			{
				id: 'reviewed',
				label: 'Approved after a security and data-use review',
				score: 67,
				next: step(
					'Enforce the approved list',
					'Block unapproved AI services at the proxy or single sign-on, and repeat the reviews yearly and whenever a vendor changes its terms or models.',
					'medium'
				)
			},
			{ id: 'enforced', label: 'Only reviewed tools are reachable; reviews repeat', score: 100 }
		],
		references: [
			'nist_ai_600_1:GV-6.1-007',
			'nist_ai_600_1:GV-6.2-007',
			'iso_27001:A.5.20',
			'nist_ai_rmf:GOVERN-6.1',
			'iso_42001:A.10.3',
			'iso_27001:A.5.19',
			'iso_27001:A.5.22',
			'nis2:Art-21.2.d'
		]
	},
	{
		id: 'gov_mcp_allowlist',
		kind: 'practice',
		dimension: 'governance',
		theme: 'ai_supply_chain',
		text: 'Which MCP servers and plugins may AI assistants and agents use (or would)?',
		why: 'An MCP server or plugin runs with the assistant’s access; a bad one, or a bad update, acts as you.',
		weight: 2,
		options: [
			{
				id: 'anything',
				label: 'Any that people add',
				score: 0,
				weakGuard: 'Any MCP server or plugin can run with an AI assistant’s access.',
				next: step(
					'Find and prune the MCP servers in use',
					'Collect the MCP server and plugin configuration of your assistants and agents; remove the unknown and the unused.',
					'low'
				)
			},
			{
				id: 'guidance',
				label: 'Guidance only; nothing is checked',
				score: 33,
				next: step(
					'Publish an allow-list',
					'Publish the servers and plugins you trust and apply the list through managed assistant configuration.',
					'low'
				)
			},
			{
				id: 'allowlist',
				label: 'An allow-list in managed configuration',
				score: 67,
				next: step(
					'Enforce the allow-list at pinned versions',
					'Make unlisted servers impossible to start, pin their versions, and review updates before they roll out.',
					'medium'
				)
			},
			{ id: 'pinned', label: 'Only allow-listed servers run, at pinned versions', score: 100 }
		],
		references: [
			'mitre_atlas:AML.T0010.005',
			'owasp_agentic:ASI04',
			'mitre_atlas:AML.T0109',
			'owasp_llm:LLM03',
			'owasp_llm:LLM06',
			'iso_27001:A.5.21',
			'nist_ai_rmf:MAP-4.2',
			'nis2:Art-21.2.d'
		]
	},
	{
		id: 'gov_ai_literacy',
		kind: 'practice',
		dimension: 'governance',
		theme: 'literacy',
		text: 'What training do people who use or review AI output get?',
		why: 'Reviewers miss what they were never shown: hallucinated packages, insecure defaults, injected instructions.',
		weight: 1,
		options: [
			{
				id: 'none',
				label: 'None',
				score: 0,
				next: step(
					'Run a first AI risk briefing',
					'Hold a one-hour session on how AI fails in code and infrastructure (hallucinated packages, insecure defaults, prompt injection) and record it.',
					'low'
				)
			},
			{
				id: 'optional',
				label: 'Optional material',
				score: 33,
				next: step(
					'Make AI training part of onboarding',
					'Require the briefing of everyone with an AI assistant, and track completion.',
					'low'
				)
			},
			{
				id: 'required',
				label: 'Required, completion tracked',
				score: 67,
				next: step(
					'Train reviewers on AI-specific failures',
					'Give everyone who approves changes hands-on review exercises with planted AI mistakes, refreshed yearly.',
					'medium'
				)
			},
			{ id: 'role_based', label: 'Role-based, with hands-on review exercises', score: 100 }
		],
		references: [
			'eu_ai_act:Art-4',
			'iso_27001:A.6.3',
			'nist_ai_rmf:GOVERN-2.2',
			'nist_ai_rmf:MAP-3.4',
			'iso_42001:Clause-7.2',
			'iso_42001:Clause-7.3',
			'nis2:Art-21.2.g'
		]
	},
	{
		id: 'gov_track_error_rates',
		kind: 'practice',
		dimension: 'governance',
		theme: 'measurement',
		text: 'Do you track how often AI-generated changes fail (rollbacks, hotfixes, failed applies)?',
		why: 'Only 20 % of surveyed organisations do; without it, AI-caused failures stay anecdotes.',
		weight: 2,
		options: [
			{
				id: 'no',
				label: 'No: AI changes are not told apart',
				score: 0,
				next: step(
					'Label AI-generated changes',
					'Add a pull-request label or commit trailer for AI-assisted changes, set by the assistant’s integration where it can be.',
					'low'
				)
			},
			{
				id: 'anecdotal',
				label: 'Only when an incident review mentions AI',
				score: 33,
				next: step(
					'Count failures of labelled changes',
					'Join the label with rollbacks, hotfixes and failed applies in one query and publish the rate monthly.',
					'medium'
				)
			},
			{
				id: 'some_teams',
				label: 'Some teams count them',
				score: 67,
				next: step(
					'Report the rate for every team',
					'Run the same query across all repositories and review the rates in the governance forum.',
					'medium'
				)
			},
			{ id: 'tracked_reviewed', label: 'Tracked for all teams and reviewed', score: 100 }
		],
		benchmarks: [
			{
				figure: 'track_ai_error_rates',
				matches: ['some_teams', 'tracked_reviewed'],
				direction: 'better',
				youDo: 'You track error rates of AI-generated changes',
				youDoNot: 'You do not track error rates of AI-generated changes'
			}
		],
		references: [
			'dora:metric-change-fail-rate',
			'dora:metric-deployment-rework-rate',
			'nist_ai_600_1:MG-4.3-002',
			'nist_ai_rmf:MEASURE-1.2',
			'nist_ai_rmf:MANAGE-4.1',
			'nist_ai_rmf:MANAGE-4.3',
			'iso_42001:A.6.2.6',
			'nis2:Art-21.2.f'
		]
	},
	{
		id: 'gov_incident_playbook',
		kind: 'practice',
		dimension: 'governance',
		theme: 'incident_response',
		text: 'Does incident response cover AI causes: AI-generated changes, agent actions, prompt injection?',
		why: 'An incident review that never asks about AI cannot find an AI cause.',
		weight: 2,
		options: [
			{
				id: 'none',
				label: 'No',
				score: 0,
				next: step(
					'Add AI causes to incident reviews',
					'Add one question to every incident review: was an AI-generated change, an agent action or injected input involved?',
					'low'
				)
			},
			{
				id: 'mentions',
				label: 'Mentioned, without specific steps',
				score: 33,
				next: step(
					'Write the AI-specific response steps',
					'Write the steps for revoking an agent’s access, finding every change it made and checking code AI touched.',
					'medium'
				)
			},
			{
				id: 'specific',
				label: 'Specific steps exist',
				score: 67,
				next: step(
					'Rehearse an AI incident',
					'Run a tabletop exercise of a prompt-injected agent changing production, and fix what it shows.',
					'medium'
				)
			},
			{ id: 'rehearsed', label: 'Specific steps, rehearsed this year', score: 100 }
		],
		references: [
			'iso_27001:A.5.24',
			'iso_27001:A.5.26',
			'nist_ai_600_1:GV-6.2-003',
			'nist_ai_rmf:MANAGE-4.3',
			'mitre_atlas:AML.T0051',
			'iso_42001:A.8.4',
			'nist_ai_rmf:GOVERN-6.2',
			'nis2:Art-21.2.b',
			'nis2:Art-23.4'
		]
	},
	{
		id: 'gov_control_monitoring',
		kind: 'practice',
		dimension: 'governance',
		theme: 'control_monitoring',
		text: 'How do you know your compliance controls keep working?',
		why: 'A violation you find yourself is a fix; one an auditor finds is a finding.',
		weight: 2,
		options: [
			{
				id: 'annual_audit',
				label: 'We find out at the audit',
				score: 0,
				next: step(
					'Check key controls every quarter',
					'List the five controls your auditors test most and check them each quarter against live systems, not documents.',
					'low'
				)
			},
			{
				id: 'periodic_manual',
				label: 'Periodic manual checks',
				score: 33,
				next: step(
					'Collect evidence automatically',
					'Have pipelines and cloud accounts export evidence for key controls (reviews, access, encryption) to one place.',
					'medium'
				)
			},
			{
				id: 'automated_key',
				label: 'Key controls’ evidence is collected automatically',
				score: 67,
				next: step(
					'Alert on failing controls',
					'Alert the control’s owner when automated evidence shows it failing, and track the fix.',
					'medium'
				)
			},
			{ id: 'continuous', label: 'Monitored continuously; failures alert an owner', score: 100 }
		],
		references: [
			'iso_27001:A.5.36',
			'nist_ai_rmf:MEASURE-1.2',
			'nist_ai_rmf:GOVERN-1.5',
			'nist_ai_600_1:MS-2.7-009',
			'nis2:Art-21.2.f'
		]
	}
];

export const AUTOMATION: QuestionInput[] = [
	{
		id: 'auto_policy_as_code',
		kind: 'practice',
		dimension: 'automation',
		theme: 'policy_as_code',
		text: 'Are infrastructure changes checked against policy as code before they apply?',
		why: 'Policy as code is how a review rule becomes a rule nobody can skip — including an AI.',
		weight: 3,
		options: [
			{
				id: 'none',
				label: 'No',
				score: 0,
				reaches: 'advisory',
				next: step(
					'Run policy-as-code checks in CI',
					'Add a policy engine (OPA/Conftest, Checkov or Sentinel) to infrastructure pipelines with five rules for your worst past mistakes, advisory at first.',
					'medium'
				)
			},
			{
				id: 'lint_only',
				label: 'Only formatting and syntax checks',
				score: 25,
				next: step(
					'Add policy rules beyond syntax',
					'Add rules for public exposure, encryption, required tags and IAM wildcards, advisory at first.',
					'medium'
				)
			},
			{
				id: 'advisory',
				label: 'Policy checks run; failures are advisory',
				score: 50,
				next: step(
					'Make policy failures block production',
					'Turn the rules that raise no false alarms into blocking checks for production changes, and record every override.',
					'medium'
				)
			},
			{
				id: 'blocking_prod',
				label: 'Failures block production changes',
				score: 75,
				next: step(
					'Block everywhere and test the policies',
					'Apply the blocking checks to every environment and give the policies tests of their own.',
					'medium'
				)
			},
			{ id: 'blocking_all', label: 'Failures block everywhere; policies are tested', score: 100 }
		],
		references: [
			'slsa:source-L3',
			'iso_27001:A.8.9',
			'iso_27001:A.8.32',
			'dora:pervasive-security',
			'dora:streamlining-change-approval',
			'iso_27001:A.8.29',
			'nis2:Art-21.2.e'
		]
	},
	{
		id: 'auto_infra_testing',
		kind: 'practice',
		dimension: 'automation',
		theme: 'testing',
		text: 'How are infrastructure changes tested before production?',
		why: 'AI drafts plausible code fast; tests are what tell plausible from correct.',
		weight: 2,
		options: [
			{
				id: 'none',
				label: 'Not tested before they apply',
				score: 0,
				next: step(
					'Review a plan before every apply',
					'Require a saved plan (terraform plan or its equivalent) attached to every change and read before apply.',
					'low'
				)
			},
			{
				id: 'manual_plan',
				label: 'Someone reads the plan',
				score: 25,
				next: step(
					'Validate and scan every change in CI',
					'Run validate, lint and a security scanner on every infrastructure change.',
					'low'
				)
			},
			{
				id: 'static_ci',
				label: 'CI validates, lints and scans every change',
				score: 50,
				next: step(
					'Test shared modules automatically',
					'Apply shared modules in a test account on every change and check the result with automated tests.',
					'medium'
				)
			},
			{
				id: 'automated_tests',
				label: 'Automated tests apply changes in a test environment',
				score: 75,
				next: step(
					'Test every change in an ephemeral environment',
					'Create a short-lived environment per change, apply and test there, then destroy it.',
					'high'
				)
			},
			{ id: 'ephemeral_tests', label: 'Every change is tested in an ephemeral environment', score: 100 }
		],
		references: [
			'dora:test-automation',
			'iso_27001:A.8.29',
			'dora:continuous-integration',
			'ossf_scorecard:CI-Tests',
			'ossf_scorecard:SAST',
			'owasp_llm:LLM05',
			'nis2:Art-21.2.e'
		]
	},
	{
		id: 'auto_drift_detection',
		kind: 'practice',
		dimension: 'automation',
		theme: 'drift',
		text: 'How do you detect drift between live infrastructure and its code?',
		why: 'Drift hides changes nobody reviewed; only a drift check shows it before it hurts.',
		weight: 2,
		options: [
			{
				id: 'none',
				label: 'When something breaks',
				score: 0,
				reaches: 'scheduled_report',
				next: step(
					'Detect drift on a schedule',
					'Run a plan against production every night for your most important stacks and send the difference to the owning team.',
					'low'
				)
			},
			{
				id: 'manual',
				label: 'Engineers check by hand now and then',
				score: 25,
				reaches: 'scheduled_report',
				next: step(
					'Automate the drift check',
					'Run the check you do by hand every night for each stack, and send the difference to its owner.',
					'low'
				)
			},
			{
				id: 'scheduled_report',
				label: 'A scheduled report someone may read',
				score: 50,
				next: step(
					'Alert on drift and assign it',
					'Turn the report into an alert routed to the stack’s owner, with a deadline to codify or revert the change.',
					'low'
				)
			},
			{
				id: 'scheduled_alert',
				label: 'Drift alerts an owner who must resolve it',
				score: 75,
				next: step(
					'Resolve drift through code',
					'Resolve each drift by codifying or reverting it through the pipeline, and record break-glass changes so emergency fixes are codified, not silently reverted.',
					'medium'
				)
			},
			{ id: 'reconciled', label: 'Resolved through code; break-glass changes recorded', score: 100 }
		],
		references: [
			'iso_27001:A.8.9',
			'dora:version-control',
			'dora:monitoring-and-observability',
			'dora:flexible-infrastructure'
		]
	},
	{
		id: 'auto_iac_coverage',
		kind: 'practice',
		dimension: 'automation',
		theme: 'iac',
		text: 'How much of your production infrastructure is managed as code?',
		why: 'Only codified infrastructure can be reviewed, tested and rolled back like code.',
		weight: 2,
		options: [
			{
				id: 'under_25',
				label: 'Under 25 %',
				score: 0,
				next: step(
					'Codify new infrastructure by default',
					'Make code the default for anything new; a console change needs a ticket that says why.',
					'low'
				)
			},
			{
				id: 'pct_25_50',
				label: '25–50 %',
				score: 33,
				next: step(
					'Import the systems that change most',
					'Import the ten resources changed most often into code; the rest follow as they change.',
					'medium'
				)
			},
			{
				id: 'pct_50_80',
				label: '50–80 %',
				score: 67,
				next: step(
					'Close the gap',
					'Import what remains and limit console write access to break-glass roles.',
					'medium'
				)
			},
			{ id: 'over_80', label: 'Over 80 %', score: 100 },
			{ id: 'managed_as_code', label: 'Mostly managed platforms, configured as code', score: 100 }
		],
		references: ['dora:flexible-infrastructure', 'dora:version-control', 'iso_27001:A.8.9']
	},
	{
		id: 'auto_rollback',
		kind: 'practice',
		dimension: 'automation',
		theme: 'recovery',
		text: 'When an infrastructure change goes wrong, how do you roll it back?',
		why: 'AI raises the number of changes; recovery time decides what each bad one costs.',
		weight: 2,
		options: [
			{
				id: 'rebuild',
				label: 'By hand; it can take hours or days',
				score: 0,
				reaches: 'runbook',
				next: step(
					'Write and test a rollback runbook',
					'Write a rollback runbook for your most critical stack and test it once in a non-production account.',
					'low'
				)
			},
			{
				id: 'manual_revert',
				label: 'Revert and re-apply by hand',
				score: 25,
				reaches: 'runbook',
				next: step(
					'Write the revert steps down',
					'Write the revert steps you already use for each stack into one runbook, and try it once in a non-production account.',
					'low'
				)
			},
			{
				id: 'runbook',
				label: 'A runbook exists, rarely tested',
				score: 50,
				next: step(
					'Make rollback a pipeline step',
					'Turn the runbook into one pipeline step that redeploys the last good version, and test it monthly.',
					'medium'
				)
			},
			{
				id: 'one_step',
				label: 'One tested pipeline step',
				score: 75,
				next: step(
					'Roll back automatically where it is safe',
					'Roll stateless changes back automatically on failed health checks; keep stateful ones (databases, storage) on the tested step.',
					'medium'
				)
			},
			{ id: 'automatic', label: 'Automatic where safe; a tested step for stateful changes', score: 100 }
		],
		references: [
			'dora:metric-failed-deployment-recovery-time',
			'dora:deployment-automation',
			'dora:version-control',
			'iso_27001:A.8.32',
			'nis2:Art-21.2.c'
		]
	},
	{
		id: 'auto_track_ai_iac_volume',
		kind: 'practice',
		dimension: 'automation',
		theme: 'measurement',
		text: 'Do you track how much of your infrastructure code is AI-generated?',
		why: 'Only 15 % of surveyed organisations do. No framework has a control for this yet.',
		weight: 2,
		options: [
			{
				id: 'no',
				label: 'No',
				score: 0,
				next: step(
					'Estimate the share once',
					'Take last month’s infrastructure pull requests and ask their authors which were AI-assisted: one estimate to start from.',
					'low'
				)
			},
			{
				id: 'estimate',
				label: 'We estimate it now and then',
				score: 33,
				next: step(
					'Label and count AI-generated infrastructure changes',
					'Label AI-assisted infrastructure changes and count them per repository each month.',
					'low'
				)
			},
			{
				id: 'labelled',
				label: 'AI-assisted changes are labelled and counted',
				score: 67,
				next: step(
					'Put the volume on a dashboard',
					'Show AI-generated infrastructure change volume per team over time beside its failure rate.',
					'medium'
				)
			},
			{ id: 'dashboard', label: 'A dashboard shows it per team over time', score: 100 }
		],
		benchmarks: [
			{
				figure: 'track_ai_iac_volume',
				matches: ['labelled', 'dashboard'],
				direction: 'better',
				youDo: 'You track the volume of AI-generated infrastructure code',
				youDoNot: 'You do not track the volume of AI-generated infrastructure code'
			}
		],
		references: ['nist_ai_600_1:MS-2.8-003']
	},
	{
		id: 'auto_dependency_checks',
		kind: 'practice',
		dimension: 'automation',
		theme: 'dependencies',
		text: 'What stops a hallucinated or look-alike package suggested by AI from entering builds? (Vulnerability scanning alone does not.)',
		why: 'Attackers register the package names AI tools invent; a new package has no advisory to match.',
		weight: 2,
		options: [
			{
				id: 'nothing',
				label: 'Nothing specific',
				score: 0,
				next: step(
					'Flag new dependencies for review',
					'Make CI list every dependency a change adds, and have the reviewer confirm each exists and is the package intended.',
					'low'
				)
			},
			{
				id: 'review',
				label: 'Reviewers check new dependencies by eye',
				score: 33,
				next: step(
					'Flag unknown and look-alike packages automatically',
					'Add a check that flags packages that are new, very young, rarely downloaded or one edit away from a popular name.',
					'medium'
				)
			},
			{
				id: 'flagged',
				label: 'New and look-alike packages are flagged automatically',
				score: 67,
				next: step(
					'Install only through a vetted proxy',
					'Route builds through an internal registry proxy that serves only vetted packages, with lock files pinned.',
					'high'
				)
			},
			{ id: 'proxy', label: 'Builds install only vetted packages through a proxy', score: 100 }
		],
		references: [
			'mitre_atlas:AML.T0060',
			'ossf_s2c2f:ENF-2',
			'ossf_s2c2f:ING-2',
			'owasp_llm:LLM09',
			'dora:pervasive-security',
			'nist_ssdf:PW.4',
			'ossf_s2c2f:ING-3',
			'nis2:Art-21.2.d'
		]
	},
	{
		id: 'auto_build_provenance',
		kind: 'practice',
		dimension: 'automation',
		theme: 'provenance',
		text: 'Can you prove where what runs in production came from?',
		why: 'Provenance ties what runs to a reviewed change, whoever — or whatever — wrote it.',
		weight: 2,
		options: [
			{
				id: 'none',
				label: 'No: unsigned commits, no build provenance',
				score: 0,
				next: step(
					'Require signed commits on protected branches',
					'Turn on commit signature verification for the repositories that deploy to production.',
					'low'
				)
			},
			{
				id: 'signed_commits',
				label: 'Signed commits on key repositories',
				score: 33,
				next: step(
					'Generate signed build provenance',
					'Have CI generate signed provenance for every artifact it builds (SLSA Build L2).',
					'medium'
				)
			},
			{
				id: 'provenance',
				label: 'Signed provenance for every artifact (SLSA Build L2)',
				score: 67,
				next: step(
					'Verify provenance before deploy',
					'Refuse to deploy artifacts whose provenance does not verify, and build on a hardened platform (SLSA Build L3).',
					'high'
				)
			},
			{ id: 'verified', label: 'Provenance verified before deploy (SLSA Build L3)', score: 100 }
		],
		references: [
			'slsa:build-L2',
			'slsa:build-L3',
			'slsa:verifying-artifacts',
			'nist_ssdf:PS.2',
			'ossf_scorecard:Signed-Releases',
			'ossf_scorecard:SBOM',
			'nis2:Art-21.2.d'
		]
	},
	{
		id: 'auto_cost_guardrails',
		kind: 'practice',
		dimension: 'automation',
		theme: 'cost',
		text: 'What guards against costly AI-generated infrastructure (oversized or forgotten resources)?',
		why: 'AI-drafted infrastructure often picks generous sizes and forgets to clean up.',
		weight: 1,
		options: [
			{
				id: 'none',
				label: 'We see costs on the monthly bill',
				score: 0,
				next: step(
					'Alert on budgets and anomalies',
					'Set budget alerts and cost-anomaly detection on every cloud account, routed to the owning team.',
					'low'
				)
			},
			{
				id: 'alerts',
				label: 'Budget and anomaly alerts',
				score: 33,
				next: step(
					'Show a cost estimate on every change',
					'Add a cost-estimate step (e.g. Infracost) to infrastructure pull requests.',
					'low'
				)
			},
			{
				id: 'estimates',
				label: 'A cost estimate on every change',
				score: 67,
				next: step(
					'Enforce cost policies in the pipeline',
					'Require an approval for changes whose estimate crosses a threshold, as a policy-as-code rule.',
					'medium'
				)
			},
			{
				id: 'enforced',
				label: 'Changes over a threshold need approval',
				score: 100,
				requires: [{ question: 'auto_policy_as_code', atLeast: 'advisory' }]
			}
		],
		references: [
			'finops:planning-estimating',
			'finops:governance-policy-risk',
			'finops:budgeting',
			'finops:anomaly-management',
			'dora:flexible-infrastructure'
		]
	},
	{
		id: 'auto_config_scanning',
		kind: 'practice',
		dimension: 'automation',
		theme: 'config_scanning',
		text: 'Is live production configuration scanned for security misconfigurations?',
		why: 'A misconfiguration you do not scan for is found by whoever looks first.',
		weight: 2,
		options: [
			{
				id: 'none',
				label: 'No',
				score: 0,
				reaches: 'scheduled',
				next: step(
					'Scan production configuration weekly',
					'Run a cloud security posture scanner (your provider’s own, or an open-source one such as Prowler) against production every week and send findings to their owners.',
					'low'
				)
			},
			{
				id: 'occasional',
				label: 'Occasionally, by hand or for audits',
				score: 33,
				next: step(
					'Scan on a schedule',
					'Run the scan you do for audits every week, automatically, with findings sent to their owners.',
					'low'
				)
			},
			{
				id: 'scheduled',
				label: 'Scheduled scans; findings go to owners',
				score: 67,
				next: step(
					'Scan continuously and alert',
					'Scan on every change and continuously, and alert the owner of a new high-severity finding within the hour.',
					'medium'
				)
			},
			{ id: 'continuous', label: 'Continuous scans alert an owner within hours', score: 100 }
		],
		references: ['iso_27001:A.8.9', 'iso_27001:A.8.8', 'iso_27001:A.8.16', 'nis2:Art-21.2.e']
	},
	{
		id: 'auto_secrets_scanning',
		kind: 'practice',
		dimension: 'automation',
		theme: 'secrets',
		text: 'How do you keep secrets out of code and out of AI tools’ context?',
		why: 'Assistants read what is in the repository and the terminal; a secret there ends up in a prompt.',
		weight: 2,
		options: [
			{
				id: 'nothing',
				label: 'Nothing specific',
				score: 0,
				weakGuard: 'Nothing keeps secrets out of code or out of AI tools’ context.',
				next: step(
					'Scan repositories for secrets',
					'Run a secrets scanner over every repository and its history, and revoke what it finds.',
					'low'
				)
			},
			{
				id: 'scanning',
				label: 'Repositories are scanned after the fact',
				score: 33,
				next: step(
					'Block secrets at push',
					'Turn on push protection so commits that contain secrets are refused.',
					'low'
				)
			},
			{
				id: 'push_protection',
				label: 'Push protection blocks secrets in commits',
				score: 67,
				next: step(
					'Keep secrets out of AI context',
					'Exclude secret files from assistants’ context, redact secrets from prompts, and scan what is sent to AI services.',
					'medium'
				)
			},
			{ id: 'ai_context', label: 'That, and secrets are kept out of AI context', score: 100 }
		],
		references: ['iso_27001:A.5.17', 'mitre_atlas:AML.T0083', 'owasp_llm:LLM02', 'iso_27001:A.8.12', 'nis2:Art-21.2.g']
	}
];

export const GUARDS: QuestionInput[] = [
	{
		id: 'risk_ai_iac_review',
		kind: 'practice',
		dimension: 'risk_exposure',
		theme: 'change_review',
		text: 'How would AI-generated infrastructure code reach production today? If paths differ, answer for the weakest.',
		why: 'The survey’s sharpest figure: 33 % would apply it with no review, 43 % after a quick look.',
		weight: 3,
		inUseUnless: { question: 'ai_iac_generation', answers: ['none'] },
		options: [
			{
				id: 'direct_no_review',
				label: 'Applied directly, with no review',
				score: 0,
				critical: 'AI-generated infrastructure code can reach production with no review.',
				reaches: 'peer_review',
				next: step(
					'Stop unreviewed applies to production',
					'Remove direct production apply rights, and require an engineer other than the author to approve the code and the plan before every apply.',
					'medium'
				)
			},
			{
				id: 'author_glance',
				label: 'After a quick look by its author',
				score: 25,
				weakGuard: 'AI-generated infrastructure code reaches production after only its author’s look.',
				next: step(
					'Require a second reviewer on the plan',
					'Require approval by an engineer other than the author before any production apply, enforced in the repository or pipeline.',
					'low'
				)
			},
			{
				id: 'peer_review',
				label: 'Another engineer reviews the code and the plan',
				score: 50,
				next: step(
					'Add automated checks before the review',
					'Run validation, security scans and policy checks on every change so reviewers see their results first.',
					'medium'
				)
			},
			{
				id: 'peer_review_checks',
				label: 'Peer review after policy and security checks pass',
				score: 75,
				requires: [{ question: 'auto_policy_as_code', atLeast: 'advisory' }],
				next: step(
					'Apply only from a governed pipeline',
					'Take production apply rights away from people; only the pipeline applies, after review and blocking policy checks.',
					'high'
				)
			},
			{
				id: 'governed_pipeline',
				label: 'Only a governed pipeline applies it, after review and blocking checks',
				score: 100,
				requires: [{ question: 'auto_policy_as_code', atLeast: 'blocking_prod' }]
			}
		],
		benchmarks: [
			{
				figure: 'hcl_no_review',
				matches: ['direct_no_review'],
				direction: 'worse',
				youDo: 'AI-generated infrastructure code would reach your production with no review',
				youDoNot: 'AI-generated infrastructure code would not reach your production unreviewed'
			},
			{
				figure: 'hcl_minimal_review',
				matches: ['author_glance'],
				direction: 'worse',
				youDo: 'AI-generated infrastructure code would reach your production after only a quick look',
				youDoNot: 'AI-generated infrastructure code would get more than a quick look before your production'
			},
			{
				figure: 'iac_unreviewed',
				matches: ['direct_no_review', 'author_glance'],
				direction: 'worse',
				youDo: 'AI-generated infrastructure code reaches production without thorough review',
				youDoNot: 'AI-generated infrastructure code is thoroughly reviewed before production'
			}
		],
		references: [
			'iso_27001:A.8.32',
			'slsa:source-L4',
			'nist_ssdf:PW.7',
			'nist_ai_600_1:MS-2.6-004',
			'nist_ai_rmf:MAP-3.5',
			'dora:streamlining-change-approval',
			'owasp_llm:LLM05',
			'nis2:Art-21.2.e'
		]
	},
	{
		id: 'risk_app_code_review',
		kind: 'practice',
		dimension: 'risk_exposure',
		theme: 'change_review',
		text: 'How is AI-generated application code reviewed before merge? An AI reviewer does not count as the peer.',
		why: '79 % of surveyed organisations ship AI-generated code without thorough review.',
		weight: 3,
		inUseUnless: { question: 'ai_code_share', answers: ['under_5'] },
		options: [
			{
				id: 'unreviewed',
				label: 'It can be merged with no review',
				score: 0,
				critical: 'AI-generated application code can be merged without review.',
				reaches: 'peer_review',
				next: step(
					'Require a reviewer on every merge',
					'Turn on branch protection with one required approval by someone other than the author, on every repository that deploys.',
					'low'
				)
			},
			{
				id: 'author_only',
				label: 'The author checks it; a second review is optional',
				score: 25,
				weakGuard: 'AI-generated application code is checked only by its author.',
				next: step(
					'Make the second review required',
					'Make one approval by someone other than the author required on protected branches.',
					'low'
				)
			},
			{
				id: 'peer_review',
				label: 'A required second review, often a quick look',
				score: 50,
				next: step(
					'Back reviews with tests and scans',
					'Require passing tests and a security scan before a reviewer can approve.',
					'medium'
				)
			},
			{
				id: 'peer_review_tests',
				label: 'Peer review, plus passing tests and scans',
				score: 75,
				next: step(
					'Give reviewers an AI-aware checklist',
					'Add a short checklist for AI-assisted changes: new dependencies, permissions, error handling, secrets.',
					'low'
				)
			},
			{ id: 'ai_aware_review', label: 'That, plus an AI-aware checklist', score: 100 }
		],
		benchmarks: [
			{
				figure: 'dev_code_unreviewed',
				matches: ['unreviewed', 'author_only', 'peer_review'],
				direction: 'worse',
				youDo: 'AI-generated application code is merged without thorough review',
				youDoNot: 'AI-generated application code gets a thorough review'
			}
		],
		references: [
			'slsa:source-L4',
			'nist_ssdf:PW.7',
			'nist_ai_600_1:MS-2.6-004',
			'iso_27001:A.8.28',
			'ossf_scorecard:Code-Review',
			'owasp_llm:LLM09',
			'nist_ai_rmf:MAP-3.5',
			'nis2:Art-21.2.e'
		]
	},
	{
		id: 'risk_ai_credentials',
		kind: 'practice',
		dimension: 'risk_exposure',
		theme: 'credentials',
		text: 'What credentials do AI tools and agents use to reach your systems?',
		why: 'An AI tool acts with whatever it holds; a leaked or injected one acts with it too.',
		weight: 3,
		inUseUnless: { question: 'ai_tool_access', answers: ['nobody'] },
		options: [
			{
				id: 'shared_admin',
				label: 'Shared admin keys',
				score: 0,
				critical: 'AI tools or agents hold shared admin credentials.',
				reaches: 'own_scoped',
				next: step(
					'Revoke shared admin keys from AI tools',
					'Revoke the shared keys today and stop putting keys into prompts or tool configuration; an AI tool or agent that needs access gets an identity of its own with only the permissions its task needs.',
					'medium'
				)
			},
			{
				id: 'personal_admin',
				label: 'Engineers’ long-lived admin credentials',
				score: 20,
				critical: 'AI tools or agents act with engineers’ long-lived admin credentials.',
				reaches: 'own_scoped',
				next: step(
					'Take admin credentials out of AI tools',
					'Remove engineers’ long-lived keys from AI tool configuration, and give each AI tool and agent an identity of its own with only the permissions its task needs.',
					'medium'
				)
			},
			{
				id: 'service_broad',
				label: 'Their own identities, with broad permissions',
				score: 40,
				weakGuard: 'AI tools hold broad standing permissions.',
				next: step(
					'Cut AI identities to least privilege',
					'Review each AI identity’s permissions against what its task needs over a month of logs, and remove the rest.',
					'medium'
				)
			},
			{
				id: 'sso_session',
				label: 'The engineer’s own short-lived sign-in session',
				score: 40,
				weakGuard: 'AI tools and agents act with an engineer’s own rights.',
				// Short-lived already: the step keeps that and adds a scoped identity, rather than trading it for a
				// long-lived secret (the next level up).
				reaches: 'short_lived_scoped',
				next: step(
					'Give agents identities of their own',
					'Give each agent its own least-privilege identity with short-lived credentials per task (workload identity or a secrets broker) instead of the engineer’s session, so its actions are limited, attributable and expire.',
					'medium'
				)
			},
			{
				id: 'own_scoped',
				label: 'Own least-privilege identities, long-lived secrets',
				score: 80,
				next: step(
					'Move AI identities to short-lived credentials',
					'Issue AI identities short-lived credentials per task (workload identity or a secrets broker) instead of stored secrets.',
					'medium'
				)
			},
			{ id: 'short_lived_scoped', label: 'Own least-privilege, short-lived credentials per task', score: 100 },
			{
				id: 'none_needed',
				label: 'None: AI only suggests; people apply',
				score: 100,
				contradicts: [{ question: 'ai_agents', answers: ['non_prod', 'prod_scoped', 'prod_broad'] }]
			}
		],
		references: [
			'iso_27001:A.8.2',
			'owasp_agentic:ASI03',
			'iso_27001:A.5.17',
			'mitre_atlas:AML.M0027',
			'iso_27001:A.5.18',
			'owasp_llm:LLM06',
			'nist_ai_rmf:MEASURE-2.7',
			'nis2:Art-21.2.i'
		]
	},
	{
		id: 'risk_agent_guardrails',
		kind: 'practice',
		dimension: 'risk_exposure',
		theme: 'agent_guardrails',
		text: 'What limits what AI agents can do? If none act yet, what would your rules require?',
		why: 'Agents act faster than anyone can watch; limits have to be built in, not supervised.',
		weight: 3,
		inUseUnless: AGENTS_NOT_IN_USE,
		options: [
			{
				id: 'unrestricted',
				label: 'Nothing: broad permissions, no approval',
				score: 0,
				critical: 'AI agents can change production with broad standing permissions and no approval.',
				reaches: 'approval_gated',
				next: step(
					'Put approval and scope on agents’ production actions',
					'Cut each agent’s permissions to its task, and require a person to approve any action that changes production.',
					'medium'
				)
			},
			{
				id: 'no_rules',
				label: 'No agents yet, and no rule for them',
				score: 20,
				weakGuard: 'Nothing decides what an AI agent may do.',
				reaches: 'non_prod_by_design',
				next: step(
					'Decide what agents may do before one acts',
					'Write the rule now: an agent is kept out of production by its credentials until it has a scoped identity of its own and human approval in front of every production action.',
					'low'
				)
			},
			{
				id: 'watched',
				label: 'Broad permissions; a person watches',
				score: 35,
				weakGuard: 'AI agents act with broad permissions while a person watches.',
				next: step(
					'Confine agents by their credentials',
					'Replace watching with limits: scope each agent’s permissions to its task and gate production actions on approval.',
					'medium'
				)
			},
			{
				id: 'approval_gated',
				label: 'Scoped permissions; production actions need approval',
				score: 70,
				requires: [{ question: 'risk_ai_credentials', atLeast: 'own_scoped' }],
				reaches: 'full_guardrails',
				next: step(
					'Limit the blast radius',
					'Cap what one agent run may change (resources, accounts, spend) and log every action it takes.',
					'medium'
				)
			},
			{
				id: 'non_prod_by_design',
				label: 'Kept out of production by their credentials, by design',
				score: 100,
				contradicts: [{ question: 'ai_agents', answers: ['prod_scoped', 'prod_broad'] }]
			},
			{
				id: 'full_guardrails',
				label: 'Per-task permissions, approvals and blast-radius limits',
				score: 100,
				requires: [{ question: 'risk_ai_credentials', atLeast: 'own_scoped' }]
			}
		],
		references: [
			'owasp_llm:LLM06',
			'owasp_agentic:ASI02',
			'mitre_atlas:AML.M0029',
			'mitre_atlas:AML.M0026',
			'iso_27001:A.8.31',
			'iso_27001:A.8.2',
			'iso_42001:A.9.4',
			'nis2:Art-21.2.i'
		]
	},
	{
		id: 'risk_agent_separation',
		kind: 'practice',
		dimension: 'risk_exposure',
		theme: 'agent_guardrails',
		text: 'Who approves the changes an AI agent authors (or would author)?',
		why: 'If the person who prompted the agent approves its work, nobody independent has.',
		weight: 2,
		inUseUnless: AGENTS_NOT_IN_USE,
		options: [
			{
				id: 'self_merge',
				label: 'The agent can merge or apply them itself',
				score: 0,
				critical: 'AI agents can merge or apply their own changes.',
				reaches: 'second_person',
				next: step(
					'Stop agents merging their own changes',
					'Remove agents’ merge and apply rights, and require approval by someone other than the person who prompted the agent.',
					'low'
				)
			},
			{
				id: 'no_rule',
				label: 'No agents yet, and no rule',
				score: 20,
				weakGuard: 'Nothing says who approves an AI agent’s changes.',
				reaches: 'second_person',
				next: step(
					'Decide who approves agents’ changes',
					'Write the rule now: an agent never approves, and the person who prompted it is never the only approver.',
					'low'
				)
			},
			{
				id: 'prompter',
				label: 'The engineer who prompted it',
				score: 35,
				weakGuard: 'The person who prompted an agent is the only approver of its changes.',
				next: step(
					'Require an approver other than the prompter',
					'Require approval by someone other than the person who prompted the agent, recorded on the change.',
					'low'
				)
			},
			{
				id: 'second_person',
				label: 'Someone other than the prompter, by convention',
				score: 67,
				next: step(
					'Enforce the separation technically',
					'Make agent identities unable to approve, and block a merge approved only by the prompter.',
					'medium'
				)
			},
			{ id: 'enforced', label: 'Enforced: agents never approve; prompters never alone', score: 100 }
		],
		references: [
			'slsa:source-L4',
			'iso_27001:A.5.3',
			'mitre_atlas:AML.M0029',
			'nist_ai_rmf:GOVERN-3.2',
			'dora:streamlining-change-approval',
			'ossf_scorecard:Branch-Protection',
			'iso_42001:A.3.2',
			'nis2:Art-21.2.i'
		]
	},
	{
		id: 'risk_agent_audit_trail',
		kind: 'practice',
		dimension: 'risk_exposure',
		theme: 'provenance',
		text: 'Could you reconstruct what an AI tool or agent did — prompts, outputs, actions — and for whom?',
		why: 'After an incident, the first question is what the AI did and who asked it to.',
		weight: 2,
		options: [
			{
				id: 'none',
				label: 'No: AI actions look like any automation',
				score: 0,
				weakGuard: 'What an AI tool or agent did cannot be reconstructed.',
				next: step(
					'Give each AI agent its own identity in the logs',
					'Run every agent under an identity of its own so its actions are told apart in audit logs.',
					'low'
				)
			},
			{
				id: 'partial',
				label: 'Actions only, not prompt or requester',
				score: 33,
				next: step(
					'Log the prompt and requester with each action',
					'Record the task, prompt and requesting person with each agent action and AI tool call.',
					'medium'
				)
			},
			{
				id: 'full',
				label: 'Yes: each action links to prompt and requester',
				score: 67,
				next: step(
					'Keep the trail tamper-evident and review it',
					'Ship the trail to logs the AI identities cannot write or delete, and review a sample monthly.',
					'medium'
				)
			},
			{ id: 'tamper_evident', label: 'Yes, in tamper-evident logs out of AI’s reach', score: 100 },
			{
				id: 'nothing_acts',
				label: 'Nothing to reconstruct: no AI acts on our systems',
				score: 100,
				contradicts: [
					{ question: 'ai_agents', answers: ['non_prod', 'prod_scoped', 'prod_broad'] },
					{ question: 'ai_pipelines_ops', answers: ['acts_in_pipeline'] }
				]
			}
		],
		references: [
			'mitre_atlas:AML.M0024',
			'iso_27001:A.8.15',
			'iso_42001:A.6.2.8',
			'nist_ai_600_1:MS-2.8-003',
			'nist_ai_rmf:MEASURE-2.4',
			'slsa:source-identity-management',
			'slsa:source-L2',
			'nis2:Art-21.2.b'
		]
	},
	{
		id: 'risk_prompt_injection',
		kind: 'practice',
		dimension: 'risk_exposure',
		theme: 'injection',
		text: 'What keeps prompt injection from steering AI tools that can write?',
		why: 'An issue, web page or log line can carry instructions; an agent that reads it and can write may follow them.',
		weight: 2,
		options: [
			{
				id: 'nothing',
				label: 'Nothing specific',
				score: 0,
				weakGuard: 'Nothing keeps untrusted input away from AI tools that can write.',
				next: step(
					'Keep untrusted input away from write access',
					'List where AI reads untrusted text (issues, tickets, web pages, logs, review comments) and make sure a task that reads it cannot write or call write tools.',
					'medium'
				)
			},
			{
				id: 'untrusted_kept_out',
				label: 'Untrusted input never reaches AI that can write',
				score: 50,
				next: step(
					'Give each task an allow-list of tools',
					'Let each agent task call only the tools it needs, declared up front.',
					'medium'
				)
			},
			{
				id: 'tool_allowlists',
				label: 'That, plus per-task tool allow-lists',
				score: 75,
				next: step(
					'Limit where agents can send data',
					'Restrict agents’ network egress to the hosts their task needs.',
					'medium'
				)
			},
			{ id: 'egress_limits', label: 'That, plus network egress limits', score: 100 }
		],
		references: [
			'mitre_atlas:AML.M0030',
			'mitre_atlas:AML.T0051.001',
			'owasp_llm:LLM01',
			'owasp_agentic:ASI02',
			'mitre_atlas:AML.M0032',
			'ossf_scorecard:Dangerous-Workflow',
			'owasp_llm:LLM06'
		]
	},
	{
		id: 'risk_kill_switch',
		kind: 'practice',
		dimension: 'risk_exposure',
		theme: 'kill_switch',
		text: 'Could you stop every AI agent and cut AI tools’ access at once?',
		why: 'When an agent misbehaves, minutes matter; nobody should be hunting for tokens.',
		weight: 2,
		options: [
			{
				id: 'no',
				label: 'No',
				score: 0,
				weakGuard: 'Nothing stops every AI agent and tool at once.',
				next: step(
					'Write down how to stop AI at once',
					'List every AI identity and token, who can revoke each and how; keep the list with the incident playbook.',
					'low'
				)
			},
			{
				id: 'documented',
				label: 'A written procedure, never tested',
				score: 33,
				next: step(
					'Test the procedure',
					'Rehearse revoking all AI access in a non-production account and time it.',
					'low'
				)
			},
			{
				id: 'tested',
				label: 'A tested procedure, under an hour',
				score: 67,
				next: step(
					'Make it one switch',
					'Put every AI identity behind one revocable grant or group so one action stops them all; test it each quarter.',
					'medium'
				)
			},
			{ id: 'one_switch', label: 'One tested switch', score: 100 },
			{
				id: 'nothing_to_stop',
				label: 'Nothing to stop: no AI holds access',
				score: 100,
				contradicts: [{ question: 'ai_agents', answers: ['non_prod', 'prod_scoped', 'prod_broad'] }]
			}
		],
		references: [
			'nist_ai_rmf:MANAGE-2.4',
			'nist_ai_600_1:GV-1.7-001',
			'iso_27001:A.5.18',
			'iso_27001:A.5.26',
			'nis2:Art-21.2.b'
		]
	},
	{
		id: 'risk_control_plane',
		kind: 'practice',
		dimension: 'risk_exposure',
		theme: 'control_plane',
		text: 'Can AI tools or agents change what controls them: CI configuration, branch protection, CODEOWNERS, policies, IAM?',
		why: 'An AI that can edit its own guardrails has none.',
		weight: 3,
		inUseUnless: AGENTS_NOT_IN_USE,
		options: [
			{
				id: 'unrestricted',
				label: 'Yes, like any other change',
				score: 0,
				critical: 'AI tools or agents can change the controls that govern them.',
				reaches: 'owner_approval',
				next: step(
					'Put the controls under code-owner approval',
					'Make CI configuration, branch protection, CODEOWNERS, policy and IAM changes need a code owner’s approval, never an AI identity’s.',
					'low'
				)
			},
			{
				id: 'no_rule',
				label: 'No agents yet, and no rule against it',
				score: 25,
				weakGuard: 'Nothing stops an AI agent from changing the controls that govern it.',
				next: step(
					'Protect the controls before agents arrive',
					'List the files and settings that control change (CI, branch protection, CODEOWNERS, policies, IAM) and require a code owner’s approval for them.',
					'low'
				)
			},
			{
				id: 'owner_approval',
				label: 'Only through a code owner’s approval',
				score: 67,
				next: step(
					'Deny AI identities write access to the controls',
					'Remove AI identities’ write access to CI configuration, branch protection, CODEOWNERS, policy repositories and IAM.',
					'medium'
				)
			},
			{ id: 'denied', label: 'No: AI identities cannot write to them', score: 100 }
		],
		references: [
			'iso_27001:A.8.4',
			'nist_ssdf:PS.1',
			'ossf_scorecard:Branch-Protection',
			'slsa:source-L3',
			'iso_27001:A.8.2',
			'ossf_scorecard:Dangerous-Workflow',
			'iso_27001:A.5.3',
			'nis2:Art-21.2.i'
		]
	}
];

export const PLATFORM: QuestionInput[] = [
	{
		id: 'plat_platform_team',
		kind: 'practice',
		dimension: 'platform',
		theme: 'platform_team',
		text: 'Who provides the shared infrastructure tooling your teams build on?',
		why: 'Shared tooling is where a guardrail is built once instead of in every team.',
		weight: 3,
		options: [
			{
				id: 'own_way',
				label: 'Nobody: each team builds its own',
				score: 0,
				reaches: 'part_time',
				next: step(
					'Start a small shared platform effort',
					'Pick the two infrastructure tasks every team repeats and have two engineers build shared modules for them, part-time.',
					'medium'
				)
			},
			{
				id: 'ops_tickets',
				label: 'A central team makes changes on request',
				score: 25,
				next: step(
					'Turn ticket work into shared tooling',
					'Take the three most common ticket types and give teams a reviewed, self-service way to do them.',
					'medium'
				)
			},
			{
				id: 'part_time',
				label: 'A few engineers maintain it part-time',
				score: 40,
				next: step(
					'Give the platform an owner and dedicated time',
					'Name an owner with a roadmap and protected time — a team in a large organisation, named engineers in a small one.',
					'medium'
				)
			},
			{
				id: 'owned',
				label: 'A named owner with dedicated time and a roadmap',
				score: 75,
				next: step(
					'Run the platform as a product',
					'Measure adoption and ask teams each quarter what slows them down; plan the roadmap from the answers.',
					'medium'
				)
			},
			{ id: 'product', label: 'Run as a product; adoption is measured', score: 100 }
		],
		references: ['cncf_pemm:investment-L2', 'cncf_pemm:investment-L3', 'dora:platform-engineering']
	},
	{
		id: 'plat_self_service',
		kind: 'practice',
		dimension: 'platform',
		theme: 'golden_paths',
		text: 'Can teams provision what they need themselves, with guardrails built in?',
		why: 'A golden path makes the safe way the easy way, for people and for AI.',
		weight: 3,
		options: [
			{
				id: 'tickets',
				label: 'No: every request is a ticket',
				score: 0,
				next: step(
					'Publish shared, versioned modules',
					'Turn the most common requests into shared, versioned modules with an owner that teams can use themselves.',
					'medium'
				)
			},
			{
				id: 'copy_paste',
				label: 'Teams copy configuration from other projects',
				score: 0,
				next: step(
					'Publish shared, versioned modules',
					'Turn the most copied configuration into versioned modules with an owner.',
					'medium'
				)
			},
			{
				id: 'shared_modules',
				label: 'Shared modules; provisioning needs manual approval',
				score: 50,
				next: step(
					'Let policy checks replace manual approval',
					'Approve requests that pass policy-as-code checks automatically; keep people for the exceptions.',
					'medium'
				)
			},
			{
				id: 'golden_paths',
				label: 'Golden paths with guardrails cover common needs',
				score: 75,
				next: step(
					'Measure and widen the golden paths',
					'Measure which requests still leave the paths and build paths for the largest gaps.',
					'medium'
				)
			},
			{ id: 'golden_paths_measured', label: 'Golden paths cover nearly all; gaps are measured', score: 100 }
		],
		references: [
			'cncf_pemm:interfaces-L2',
			'cncf_pemm:interfaces-L3',
			'cncf_pemm:adoption-L3',
			'dora:platform-engineering',
			'dora:flexible-infrastructure'
		]
	},
	{
		id: 'plat_infra_pace',
		kind: 'practice',
		dimension: 'platform',
		theme: 'standards',
		text: 'Do infrastructure standards and tooling keep pace with AI-driven development?',
		why: '67 % of surveyed organisations say development is ahead of infrastructure in AI adoption.',
		weight: 2,
		inUseUnless: { question: 'ai_code_share', answers: ['under_5'] },
		options: [
			{
				id: 'far_behind',
				label: 'No plan for AI-driven change',
				score: 0,
				next: step(
					'Agree a plan for AI-driven change',
					'Estimate how much more change AI will bring next year and agree what infrastructure must do first.',
					'low'
				)
			},
			{
				id: 'reacting',
				label: 'We react after the volume arrives',
				score: 33,
				next: step(
					'Plan ahead of adoption',
					'Review infrastructure standards before each new AI tool or agent rolls out, not after.',
					'low'
				)
			},
			{
				id: 'catching_up',
				label: 'A plan exists to catch up',
				score: 67,
				next: step(
					'Update standards with each AI rollout',
					'Make an infrastructure standards review part of approving any new AI tool or agent.',
					'medium'
				)
			},
			{ id: 'in_step', label: 'Standards are updated as AI use grows', score: 100 }
		],
		benchmarks: [
			{
				figure: 'dev_ahead_of_infra',
				matches: ['far_behind', 'reacting', 'catching_up'],
				direction: 'worse',
				youDo: 'Your development is ahead of your infrastructure in AI adoption',
				youDoNot: 'Your infrastructure keeps pace with development in AI adoption'
			}
		],
		references: ['dora:platform-engineering', 'cncf_pemm:operations-L3', 'cncf_pemm:measurement-L3']
	},
	{
		id: 'plat_pipeline_capacity',
		kind: 'practice',
		dimension: 'platform',
		theme: 'capacity',
		text: 'How do your delivery pipelines cope with the volume of change?',
		why: '35 % of surveyed organisations report pipeline strain from AI-driven change.',
		weight: 2,
		options: [
			{
				id: 'delays',
				label: 'Queues and failed runs often delay changes',
				score: 0,
				next: step(
					'Measure and fix pipeline queues',
					'Measure queue time and failure causes for a month and fix the largest one.',
					'low'
				)
			},
			{
				id: 'peaks',
				label: 'They strain at peaks; capacity is added by hand',
				score: 33,
				next: step(
					'Scale pipeline runners automatically',
					'Run pipeline runners on autoscaling capacity with a ceiling.',
					'medium'
				)
			},
			{
				id: 'autoscale',
				label: 'Runners scale automatically; slowdowns are rare',
				score: 67,
				next: step(
					'Monitor pipeline health against targets',
					'Set targets for queue time and success rate and alert when they slip.',
					'low'
				)
			},
			{ id: 'monitored', label: 'They scale automatically; health is monitored', score: 100 }
		],
		benchmarks: [
			{
				figure: 'pipeline_strain',
				matches: ['delays', 'peaks'],
				direction: 'worse',
				youDo: 'Your pipelines strain under the volume of change',
				youDoNot: 'Your pipelines cope with the volume of change'
			}
		],
		references: [
			'dora:continuous-integration',
			'iso_27001:A.8.6',
			'dora:platform-engineering',
			'dora:working-in-small-batches'
		]
	},
	{
		id: 'plat_sandbox_envs',
		kind: 'practice',
		dimension: 'platform',
		theme: 'environments',
		text: 'Where can engineers and agents try AI-generated infrastructure changes safely?',
		why: 'Without a safe place to try, the first real test of an AI change is production.',
		weight: 2,
		options: [
			{
				id: 'shared_or_prod',
				label: 'Only in shared environments, sometimes production',
				score: 0,
				next: step(
					'Provide a sandbox account',
					'Create one sandbox account with a budget cap where anyone can try infrastructure changes.',
					'low'
				)
			},
			{
				id: 'staging',
				label: 'In one shared staging environment',
				score: 33,
				next: step(
					'Give every team its own sandbox',
					'Give each team a sandbox account with a budget cap and no production access.',
					'medium'
				)
			},
			{
				id: 'sandboxes',
				label: 'In per-team sandbox accounts',
				score: 67,
				next: step(
					'Create ephemeral environments on demand',
					'Let anyone create a short-lived environment from the golden path and destroy it automatically.',
					'high'
				)
			},
			{ id: 'ephemeral', label: 'In ephemeral environments on demand', score: 100 }
		],
		references: [
			'iso_27001:A.8.31',
			'nist_ssdf:PO.5',
			'dora:flexible-infrastructure',
			'mitre_atlas:AML.M0032',
			'cncf_pemm:interfaces-L3',
			'nist_ai_rmf:GOVERN-4.3'
		]
	}
];
