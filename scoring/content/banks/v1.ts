/**
 * Question bank v1: the assessment's content as data, validated by {@link QuestionBankSchema} when the module loads.
 * Options are ordered worst first, best last; a higher score is always the better (safer, more mature) practice,
 * except in ai_integration where it means deeper use of AI. Risk-exposure questions score how well exposure is
 * controlled; the dimension is reported inverted (as exposure). "Not applicable / don't know" is the reserved
 * answer `na`, added by the UI, never an option here.
 */
import { QuestionBankSchema, type QuestionBank } from '../../schema';

const CONFIDENCE_OPTIONS = [
	{ id: 'not_at_all', label: 'Not at all confident', score: 0 },
	{ id: 'slightly', label: 'Slightly confident', score: 25 },
	{ id: 'moderately', label: 'Moderately confident', score: 50 },
	{ id: 'confident', label: 'Confident', score: 75 },
	{ id: 'very', label: 'Very confident', score: 100 }
];

/** Version 1.0.0 of the `ai_readiness` bank. */
export const BANK_V1: QuestionBank = QuestionBankSchema.parse({
	id: 'ai_readiness',
	version: '1.0.0',
	model: 1,
	title: 'AI infrastructure readiness self-assessment',
	dimensions: [
		{
			id: 'ai_integration',
			label: 'AI integration depth',
			description: 'How widely and deeply AI is used to write code, generate infrastructure and run operations.',
			orientation: 'higher-is-better'
		},
		{
			id: 'governance',
			label: 'Governance maturity',
			description: 'Whether AI use is covered by a formal policy that is owned, enforced, reviewed and measured.',
			orientation: 'higher-is-better'
		},
		{
			id: 'automation',
			label: 'Infrastructure automation maturity',
			description:
				'How much infrastructure change is codified, tested, validated by policy and recoverable by automation.',
			orientation: 'higher-is-better'
		},
		{
			id: 'risk_exposure',
			label: 'Risk exposure',
			description: 'How exposed the organisation is to AI-caused incidents, misconfigurations, violations and drift.',
			orientation: 'higher-is-worse'
		},
		{
			id: 'platform',
			label: 'Platform readiness',
			description: 'Whether a platform team and self-service golden paths let infrastructure absorb AI-driven change.',
			orientation: 'higher-is-better'
		}
	],
	questions: [
		// ── AI integration depth (higher score = deeper use) ──────────────────────────────────────────────────
		{
			id: 'ai_code_share',
			kind: 'practice',
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
					youDo: 'Between 25 and 75 % of your code is AI-assisted',
					youDoNot: 'Your share of AI-assisted code is outside the 25–75 % band'
				}
			],
			recommendation: {
				title: 'Measure and widen AI-assisted coding',
				action:
					'Roll out an organisation-approved coding assistant to one willing team, label AI-assisted pull requests, and compare their lead time and review findings with other teams for a quarter before widening access.',
				effort: 'medium'
			}
		},
		{
			id: 'ai_iac_generation',
			kind: 'practice',
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
			],
			recommendation: {
				title: 'Pilot AI-drafted infrastructure code inside a governed pipeline',
				action:
					'Pick one low-risk repository, let engineers draft Terraform modules with an approved assistant, and require every change to pass plan review and policy checks in CI before it can be applied.',
				effort: 'medium'
			}
		},
		{
			id: 'ai_pipelines_ops',
			kind: 'practice',
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
				{
					id: 'acts_in_pipeline',
					label: 'AI proposes or applies fixes in pipelines and incidents, with results tracked',
					score: 100
				}
			],
			recommendation: {
				title: 'Add AI assistance to one pipeline step',
				action:
					'Add an AI step that summarises each Terraform plan and flags destructive or security-relevant changes in the pull request, keeping the human approval; review its usefulness after a month.',
				effort: 'low'
			}
		},
		{
			id: 'ai_agentic_plans',
			kind: 'practice',
			dimension: 'ai_integration',
			text: 'What are your plans for agentic AI, i.e. AI agents that act on infrastructure themselves?',
			why: 'Agents that change infrastructure on their own are the next step of AI adoption and the biggest jump in risk.',
			weight: 2,
			options: [
				{ id: 'no_plans', label: 'No plans to let AI agents act on infrastructure', score: 0 },
				{ id: 'exploring', label: 'Exploring the idea; no decision or budget yet', score: 25 },
				{ id: 'planned', label: 'Adoption is planned within the next 12 months', score: 50 },
				{ id: 'piloting', label: 'Agents are piloted in sandbox or non-production environments', score: 75 },
				{ id: 'in_production', label: 'Agents perform scoped infrastructure tasks in production today', score: 100 }
			],
			benchmarks: [
				{
					figure: 'plan_agentic',
					matches: ['planned', 'piloting', 'in_production'],
					youDo: 'You plan to adopt (or already use) agentic AI for infrastructure',
					youDoNot: 'You have no concrete plan to adopt agentic AI for infrastructure'
				}
			],
			recommendation: {
				title: 'Define a first, bounded agent use case',
				action:
					'Choose one read-mostly task (e.g. drift triage or cost reports), run an agent in a sandbox account with read-only credentials, and write down the guardrails it would need before getting write access.',
				effort: 'medium'
			}
		},
		{
			id: 'ai_strategic_priority',
			kind: 'practice',
			dimension: 'ai_integration',
			text: 'How high is AI on your organisation’s strategic agenda?',
			why: 'Priority decides budget, tooling and the time teams get to adopt AI well.',
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
					youDo: 'AI is a top strategic priority for you',
					youDoNot: 'AI is not (yet) a top strategic priority for you'
				}
			],
			recommendation: {
				title: 'Give AI adoption an owner and a target',
				action:
					'Name an executive sponsor, set two or three measurable goals for AI in engineering (e.g. share of AI-assisted changes reviewed, lead time) and fund the tooling and training for the next two quarters.',
				effort: 'medium'
			}
		},
		{
			id: 'ai_dev_velocity',
			kind: 'practice',
			dimension: 'ai_integration',
			text: 'What has AI done to developer delivery speed, as you measure it?',
			why: 'Velocity gains show AI is used in earnest; measuring them shows it is used deliberately.',
			weight: 1,
			options: [
				{ id: 'not_used', label: 'Developers do not use AI enough to tell', score: 0 },
				{ id: 'no_change', label: 'No noticeable change in delivery speed', score: 25 },
				{ id: 'anecdotal', label: 'Teams say they are faster, but we have not measured it', score: 50 },
				{
					id: 'measured_some',
					label: 'Measured faster delivery (e.g. lead time, throughput) in some teams',
					score: 75
				},
				{ id: 'measured_broad', label: 'Measured, sustained faster delivery across most teams', score: 100 }
			],
			benchmarks: [
				{
					figure: 'velocity_up',
					matches: ['anecdotal', 'measured_some', 'measured_broad'],
					youDo: 'Developer velocity has increased with AI for you',
					youDoNot: 'You have not seen developer velocity increase with AI'
				}
			],
			recommendation: {
				title: 'Measure the effect of AI on delivery',
				action:
					'Track lead time for changes and deployment frequency (DORA) per team, label AI-assisted pull requests, and compare the two groups each quarter so decisions rest on numbers rather than impressions.',
				effort: 'low'
			}
		},
		{
			id: 'ai_tool_access',
			kind: 'practice',
			dimension: 'ai_integration',
			text: 'Who has access to organisation-provided AI tools for engineering work?',
			why: 'Provided tools, rather than personal accounts, decide how broadly AI can be used and governed.',
			weight: 1,
			options: [
				{ id: 'nobody', label: 'Nobody: the organisation provides no AI tools for engineering', score: 0 },
				{ id: 'individuals', label: 'A few individuals with their own or trial accounts', score: 25 },
				{ id: 'some_teams', label: 'Some teams have licences for an approved assistant', score: 50 },
				{ id: 'most_engineers', label: 'Most engineers have an approved assistant in their IDE', score: 75 },
				{
					id: 'all_integrated',
					label: 'All engineers have approved assistants in IDE, CLI and code review, provisioned via SSO',
					score: 100
				}
			],
			recommendation: {
				title: 'Provide approved AI tools centrally',
				action:
					'Buy organisation licences for one approved assistant, provision it through SSO so access and usage can be seen, and retire personal accounts used for work code.',
				effort: 'low'
			}
		},

		// ── Governance maturity ────────────────────────────────────────────────────────────────────────────────
		{
			id: 'gov_formal_policy',
			kind: 'practice',
			dimension: 'governance',
			text: 'Does your organisation have a formal AI governance policy?',
			why: 'Only 30 % of surveyed organisations have one, and only 4 % of the “Exposed” group.',
			weight: 3,
			options: [
				{ id: 'none', label: 'No: there is no written guidance on using AI', score: 0 },
				{ id: 'informal', label: 'Informal guidance only (a wiki page, an email, team habits)', score: 25 },
				{ id: 'draft', label: 'A written policy is drafted but not yet approved', score: 50 },
				{ id: 'approved', label: 'An approved, written policy covers AI-generated code', score: 75 },
				{
					id: 'approved_full',
					label: 'An approved policy covers code, IaC, data and agents, has an owner and is reviewed at least yearly',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'formal_policy',
					matches: ['approved', 'approved_full'],
					youDo: 'You have a formal AI governance policy',
					youDoNot: 'You do not have a formal AI governance policy'
				}
			],
			recommendation: {
				title: 'Write and approve an AI governance policy',
				action:
					'Draft a two-page policy stating which AI tools are approved, what data may be shared with them, and that AI-generated code and IaC get the same review and policy checks as human code; get it signed off by the CTO and CISO.',
				effort: 'medium'
			}
		},
		{
			id: 'gov_policy_enforcement',
			kind: 'practice',
			dimension: 'governance',
			text: 'How is your AI governance policy enforced in practice?',
			why: 'A policy only counts when it is enforced: 71 % of the survey’s Pioneers actively enforce theirs.',
			weight: 3,
			options: [
				{ id: 'not_enforced', label: 'It is not enforced (or there is no policy to enforce)', score: 0 },
				{ id: 'individuals', label: 'It relies on individuals reading and following it', score: 25 },
				{ id: 'spot_checks', label: 'Occasional audits or spot checks after changes ship', score: 50 },
				{
					id: 'key_rules_automated',
					label: 'Key rules are enforced as pipeline checks; exceptions are recorded',
					score: 75
				},
				{
					id: 'fully_automated',
					label: 'All enforceable rules run as blocking checks; exceptions are approved, time-limited and reviewed',
					score: 100
				}
			],
			recommendation: {
				title: 'Turn policy rules into pipeline checks',
				action:
					'List the three policy rules that matter most (e.g. mandatory review, no public storage, approved regions), implement each as a blocking CI check, and log every override with an owner and an expiry date.',
				effort: 'medium'
			}
		},
		{
			id: 'gov_app_code_review',
			kind: 'practice',
			dimension: 'governance',
			text: 'How is AI-generated application code reviewed before it reaches production?',
			why: '79 % of surveyed organisations use AI to generate developer code without thorough review.',
			weight: 3,
			options: [
				{ id: 'unreviewed', label: 'It can be merged and deployed without anyone else reviewing it', score: 0 },
				{ id: 'author_only', label: 'The author checks it; a second reviewer is optional', score: 25 },
				{ id: 'skim', label: 'A reviewer approves the pull request, often after only a quick look', score: 50 },
				{
					id: 'peer_review_tests',
					label: 'Mandatory peer review plus automated tests and security scanning before merge',
					score: 75
				},
				{
					id: 'ai_aware_review',
					label: 'Mandatory review with an AI-specific checklist, tests and scanning; AI-assisted changes are labelled',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'dev_code_unreviewed',
					matches: ['unreviewed', 'author_only', 'skim'],
					youDo: 'You use AI-generated code without thorough review',
					youDoNot: 'You review AI-generated code thoroughly before production'
				}
			],
			recommendation: {
				title: 'Require thorough review of AI-generated code',
				action:
					'Enable branch protection with at least one required reviewer and required status checks (tests, SAST, secret scanning) on every production repository, and add an “AI-assisted” label with a short review checklist.',
				effort: 'low'
			}
		},
		{
			id: 'gov_track_error_rates',
			kind: 'practice',
			dimension: 'governance',
			text: 'Do you track the error rate of AI-generated changes (failed plans, rollbacks, incidents, review rejections)?',
			why: 'Only 20 % of surveyed organisations track error rates of AI-generated changes.',
			weight: 2,
			options: [
				{ id: 'no', label: 'No: we do not distinguish AI-generated changes from others', score: 0 },
				{ id: 'anecdotal', label: 'Only anecdotally, when an incident review mentions AI', score: 33 },
				{ id: 'some_teams', label: 'Some teams count failures of labelled AI-generated changes', score: 67 },
				{
					id: 'tracked_reviewed',
					label: 'Error rates of AI-generated changes are tracked for all teams and reviewed against a threshold',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'track_ai_error_rates',
					matches: ['some_teams', 'tracked_reviewed'],
					youDo: 'You track error rates of AI-generated changes',
					youDoNot: 'You do not track error rates of AI-generated changes'
				}
			],
			recommendation: {
				title: 'Track the error rate of AI-generated changes',
				action:
					'Label AI-assisted pull requests, then report monthly the share of them that failed CI, were reverted or were linked to an incident, next to the same rate for other changes; agree a threshold that triggers a review.',
				effort: 'medium'
			}
		},
		{
			id: 'gov_agent_guardrails',
			kind: 'practice',
			dimension: 'governance',
			text: 'What guardrails apply (or would apply) to AI agents that act on infrastructure?',
			why: 'Agents act faster than people can watch; guardrails must exist before they get write access.',
			weight: 2,
			options: [
				{ id: 'none', label: 'None defined: agents would use the same broad credentials as engineers', score: 0 },
				{ id: 'human_watch', label: 'A person watches agent runs, but permissions are broad', score: 25 },
				{
					id: 'non_prod_only',
					label: 'Agents are limited to non-production accounts with scoped permissions',
					score: 50
				},
				{
					id: 'scoped_approved',
					label: 'Scoped credentials, policy checks and human approval for every production change; actions logged',
					score: 75
				},
				{
					id: 'full_guardrails',
					label: 'Also blast-radius limits, a kill switch and regular review of agent action logs',
					score: 100
				}
			],
			recommendation: {
				title: 'Define guardrails before agents get write access',
				action:
					'Give each agent its own identity with least-privilege, short-lived credentials, route its changes through the same policy-as-code checks as humans, require approval for production applies, and log every action.',
				effort: 'high'
			}
		},
		{
			id: 'gov_accountability',
			kind: 'practice',
			dimension: 'governance',
			text: 'Who is accountable for AI governance?',
			why: 'Without a named owner, AI risk falls between security, platform and development teams.',
			weight: 1,
			options: [
				{ id: 'nobody', label: 'Nobody in particular', score: 0 },
				{ id: 'each_team', label: 'Each team decides for itself', score: 33 },
				{ id: 'named_owner', label: 'A named person or team owns AI governance', score: 67 },
				{
					id: 'owner_and_forum',
					label: 'A named owner plus a cross-functional group that meets regularly and reports AI risk metrics',
					score: 100
				}
			],
			recommendation: {
				title: 'Name an owner for AI governance',
				action:
					'Assign AI governance to a named leader, set up a monthly meeting with security, platform and development leads, and have it report AI incidents and error rates to leadership each quarter.',
				effort: 'low'
			}
		},
		{
			id: 'gov_ai_tool_approval',
			kind: 'practice',
			dimension: 'governance',
			text: 'How do you control which AI tools engineers may use and what they may share with them?',
			why: 'Unapproved tools can leak code, credentials and customer data outside your control.',
			weight: 1,
			options: [
				{ id: 'anything', label: 'Engineers use any AI tool they like', score: 0 },
				{ id: 'informal_list', label: 'There is an informal list of tools people are asked to use', score: 33 },
				{
					id: 'approved_list',
					label: 'An approved tool list with written rules on code and data that may be shared',
					score: 67
				},
				{
					id: 'enforced',
					label: 'Approved tools only, through SSO with usage logs; other AI endpoints are blocked',
					score: 100
				}
			],
			recommendation: {
				title: 'Publish and enforce an approved AI tool list',
				action:
					'Publish the approved AI tools with the data each may receive, provision them through SSO, and block unapproved AI endpoints at the proxy or with your endpoint management tool.',
				effort: 'low'
			}
		},

		// ── Infrastructure automation maturity ────────────────────────────────────────────────────────────────
		{
			id: 'auto_policy_as_code',
			kind: 'practice',
			dimension: 'automation',
			text: 'Do policy-as-code checks automatically validate infrastructure changes in your pipelines?',
			why: 'Mature organisations let AI-generated IaC in only through governed pipelines with automated policy checks.',
			weight: 3,
			options: [
				{ id: 'none', label: 'No: changes are checked by people, if at all', score: 0 },
				{ id: 'lint_only', label: 'Only formatting and syntax checks (fmt, validate, lint)', score: 25 },
				{ id: 'advisory', label: 'Policy-as-code checks run, but their failures are advisory', score: 50 },
				{
					id: 'blocking_prod',
					label: 'Policy-as-code checks block failing changes to production',
					score: 75
				},
				{
					id: 'blocking_all',
					label: 'Versioned, tested policies block failing changes in every environment (security, cost, compliance)',
					score: 100
				}
			],
			recommendation: {
				title: 'Add blocking policy-as-code checks to the plan stage',
				action:
					'Add an OPA/Conftest or Sentinel check to the plan stage that fails on public storage, open security groups, missing encryption or missing tags; start advisory for two weeks, then make it blocking for production.',
				effort: 'medium'
			}
		},
		{
			id: 'auto_infra_testing',
			kind: 'practice',
			dimension: 'automation',
			text: 'How are infrastructure changes tested before they are applied?',
			why: 'In the 2025 survey, leaders were over 3× as likely to test infrastructure changes automatically.',
			weight: 2,
			options: [
				{ id: 'none', label: 'Not tested: changes are applied and checked afterwards', score: 0 },
				{ id: 'manual_plan', label: 'Someone reads the plan output before applying', score: 25 },
				{ id: 'static_ci', label: 'CI runs validate, lint and security scans on every change', score: 50 },
				{
					id: 'automated_tests',
					label: 'CI also runs automated tests (plan assertions, module tests) that block failures',
					score: 75
				},
				{
					id: 'ephemeral_tests',
					label: 'Changes are also applied to an ephemeral environment and integration-tested before production',
					score: 100
				}
			],
			recommendation: {
				title: 'Test infrastructure changes automatically',
				action:
					'Add `terraform test` (or Terratest / Pulumi unit tests) for your most-used modules and run them with validate, tflint and a security scanner (Checkov, Trivy) on every pull request as required checks.',
				effort: 'medium'
			}
		},
		{
			id: 'auto_drift_detection',
			kind: 'practice',
			dimension: 'automation',
			text: 'How do you detect drift between your infrastructure code and what is actually running?',
			why: '35 % of surveyed organisations report more infrastructure drift since adopting AI.',
			weight: 2,
			options: [
				{ id: 'none', label: 'We find drift when something breaks', score: 0 },
				{ id: 'manual', label: 'Engineers run plans by hand now and then to look for drift', score: 25 },
				{ id: 'scheduled_report', label: 'Scheduled drift detection produces a report someone may read', score: 50 },
				{
					id: 'scheduled_alert',
					label: 'Drift detection runs at least daily and alerts the owning team',
					score: 75
				},
				{
					id: 'continuous_reconcile',
					label: 'Continuous detection with automatic reconciliation or tickets; manual console changes are blocked',
					score: 100
				}
			],
			recommendation: {
				title: 'Schedule drift detection with alerts',
				action:
					'Run a scheduled `terraform plan -detailed-exitcode` (or your platform’s drift detection) at least daily for every production stack, alert the owning team on drift, and restrict console write access to break-glass roles.',
				effort: 'low'
			}
		},
		{
			id: 'auto_track_ai_iac_volume',
			kind: 'practice',
			dimension: 'automation',
			text: 'Do you track how much AI-generated infrastructure code flows through your pipelines?',
			why: 'Only 15 % of surveyed organisations track the volume of AI-generated IaC in their pipelines.',
			weight: 2,
			options: [
				{ id: 'no', label: 'No: we could not say how much IaC is AI-generated', score: 0 },
				{ id: 'estimate', label: 'We estimate it occasionally from surveys or anecdotes', score: 33 },
				{ id: 'labelled', label: 'AI-assisted IaC changes are labelled and counted', score: 67 },
				{
					id: 'dashboard',
					label: 'Volume of AI-generated IaC per pipeline and team is on a dashboard and reviewed regularly',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'track_ai_iac_volume',
					matches: ['labelled', 'dashboard'],
					youDo: 'You track the volume of AI-generated IaC in your pipelines',
					youDoNot: 'You do not track the volume of AI-generated IaC in your pipelines'
				}
			],
			recommendation: {
				title: 'Count AI-generated IaC changes',
				action:
					'Add an “AI-assisted” pull-request label or commit trailer to infrastructure repositories, enforce it via the PR template, and chart labelled changes per pipeline and team each month.',
				effort: 'low'
			}
		},
		{
			id: 'auto_iac_coverage',
			kind: 'practice',
			dimension: 'automation',
			text: 'How much of your infrastructure is managed as code?',
			why: 'Only infrastructure managed as code can be reviewed, validated and rolled back automatically.',
			weight: 2,
			options: [
				{ id: 'under_25', label: 'Under 25 %: most changes are made in consoles or by scripts', score: 0 },
				{ id: 'pct_25_50', label: '25–50 %: new projects use IaC, older systems do not', score: 33 },
				{ id: 'pct_50_80', label: '50–80 %: most production systems are codified', score: 67 },
				{ id: 'over_80', label: 'Over 80 %: console changes are rare, break-glass exceptions', score: 100 }
			],
			recommendation: {
				title: 'Bring production infrastructure under code',
				action:
					'List production resources not managed by IaC, import the most critical ones (`terraform import` blocks or your tool’s equivalent) a stack at a time, and make IaC the only approved path for new resources.',
				effort: 'high'
			}
		},
		{
			id: 'auto_deploy_lead_time',
			kind: 'practice',
			dimension: 'automation',
			text: 'How long does a typical infrastructure change take from approved code to running in production?',
			why: 'In the 2025 survey, half of organisations needed a week or more to deploy an infrastructure change.',
			weight: 1,
			options: [
				{ id: 'over_month', label: 'More than a month', score: 0 },
				{ id: 'weeks', label: 'One to four weeks', score: 25 },
				{ id: 'days', label: 'One day to a week', score: 50 },
				{ id: 'same_day', label: 'Within the same day', score: 75 },
				{ id: 'under_hour', label: 'Under an hour, through an automated pipeline', score: 100 }
			],
			recommendation: {
				title: 'Shorten infrastructure lead time',
				action:
					'Map the steps from merge to apply for one stack, remove manual hand-offs (ticket queues, change boards for low-risk changes) by replacing them with automated policy checks, and measure lead time monthly.',
				effort: 'medium'
			}
		},
		{
			id: 'auto_rollback',
			kind: 'practice',
			dimension: 'automation',
			text: 'How do you roll back a bad infrastructure change?',
			why: 'AI raises change volume; fast, tested rollback limits the damage a bad change can do.',
			weight: 2,
			options: [
				{ id: 'rebuild', label: 'We fix forward by hand; restoring can take hours or days', score: 0 },
				{ id: 'manual_revert', label: 'We revert the code and re-apply manually, case by case', score: 25 },
				{ id: 'runbook', label: 'A documented rollback runbook exists but is rarely tested', score: 50 },
				{
					id: 'one_step',
					label: 'One-step automated rollback to the last known good state, tested regularly',
					score: 75
				},
				{
					id: 'automatic',
					label: 'Automatic rollback on failed health checks, rehearsed in game days',
					score: 100
				}
			],
			recommendation: {
				title: 'Make rollback one tested step',
				action:
					'Keep state and module versions pinned so the previous commit can be re-applied by a single pipeline job, add it as a runbook button, and rehearse it in a quarterly game day on a non-production stack.',
				effort: 'medium'
			}
		},

		// ── Risk exposure (score = how well exposure is controlled; the dimension is reported inverted) ─────────
		{
			id: 'risk_ai_iac_review',
			kind: 'practice',
			dimension: 'risk_exposure',
			text: 'What happens to AI-generated infrastructure code (e.g. HCL) or policy-as-code before it is applied to production?',
			why: 'In the survey 33 % would apply AI-generated HCL to production with no review, and 43 % with only minimal review.',
			weight: 3,
			options: [
				{
					id: 'direct_no_review',
					label: 'We would apply AI-generated IaC straight to production with no review',
					score: 0
				},
				{
					id: 'minimal_review',
					label: 'Only minimal review: someone glances at it, then applies it to production',
					score: 25
				},
				{ id: 'plan_review', label: 'An engineer reads the code and plan carefully before applying', score: 50 },
				{
					id: 'peer_review_checks',
					label: 'Peer review of code and plan plus automated policy checks before any production apply',
					score: 75
				},
				{
					id: 'governed_pipeline',
					label:
						'Only through a governed pipeline (review, policy checks, approval gate); direct applies are impossible',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'hcl_no_review',
					matches: ['direct_no_review'],
					youDo: 'You would apply AI-generated IaC directly to production with no review',
					youDoNot: 'You would not apply AI-generated IaC to production without review'
				}
			],
			recommendation: {
				title: 'Route all AI-generated IaC through a governed pipeline',
				action:
					'Remove production write credentials from engineers and AI tools, make the pipeline the only path to apply, and require a reviewed plan plus passing policy-as-code checks before the apply job runs.',
				effort: 'medium'
			}
		},
		{
			id: 'risk_ai_incidents',
			kind: 'practice',
			dimension: 'risk_exposure',
			text: 'How many infrastructure incidents have AI-generated changes caused in the past 12 months?',
			why: '93 % of surveyed organisations have experienced an AI-caused infrastructure incident.',
			weight: 2,
			options: [
				{ id: 'repeated_customer', label: 'Several, including at least one that affected customers', score: 0 },
				{ id: 'several_contained', label: 'Several, all contained before customers noticed', score: 33 },
				{ id: 'one', label: 'One, followed by a review and a fix to prevent a repeat', score: 67 },
				{
					id: 'none_tracked',
					label: 'None, and incidents are tagged by cause, so we would know',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'ai_incident',
					matches: ['repeated_customer', 'several_contained', 'one'],
					youDo: 'You have experienced an AI-caused infrastructure incident',
					youDoNot: 'You have not experienced an AI-caused infrastructure incident'
				}
			],
			recommendation: {
				title: 'Tag incidents by cause and learn from AI-caused ones',
				action:
					'Add a “change source: AI-assisted” field to your incident template, run a blameless review for each AI-caused incident, and turn each finding into a pipeline check or review rule.',
				effort: 'low'
			}
		},
		{
			id: 'risk_misconfig_prod',
			kind: 'practice',
			dimension: 'risk_exposure',
			text: 'Have security misconfigurations from AI-generated changes reached production in the past 12 months?',
			why: '36 % of surveyed organisations saw security misconfigurations reach production.',
			weight: 3,
			options: [
				{
					id: 'found_externally',
					label: 'Yes, and some were found by outsiders (customers, researchers, attackers)',
					score: 0
				},
				{ id: 'found_later', label: 'Yes, found by our own scans or audits after deployment', score: 33 },
				{ id: 'blocked_some', label: 'No, but only because reviewers caught them by hand', score: 67 },
				{
					id: 'blocked_automatically',
					label: 'No: security scanners and policy checks block them in the pipeline, and catches are tracked',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'outcome_misconfig',
					matches: ['found_externally', 'found_later'],
					youDo: 'Security misconfigurations have reached your production',
					youDoNot: 'No security misconfigurations have reached your production'
				}
			],
			recommendation: {
				title: 'Block security misconfigurations before apply',
				action:
					'Run an IaC security scanner (Checkov, Trivy or tfsec) and policy checks as required pull-request checks, fail on high-severity findings, and scan live cloud configuration weekly to catch what slips through.',
				effort: 'low'
			}
		},
		{
			id: 'risk_compliance_violations',
			kind: 'practice',
			dimension: 'risk_exposure',
			text: 'Have AI-generated changes led to compliance violations (e.g. data residency, encryption, access rules)?',
			why: '36 % of surveyed organisations reported compliance violations.',
			weight: 2,
			options: [
				{ id: 'found_by_auditors', label: 'Yes, found by auditors, regulators or customers', score: 0 },
				{ id: 'found_internally', label: 'Yes, found internally after the change was live', score: 33 },
				{ id: 'near_misses', label: 'No, though reviewers have caught near misses before release', score: 67 },
				{
					id: 'controls_as_code',
					label: 'No: compliance controls run as policy-as-code and evidence is collected automatically',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'outcome_compliance',
					matches: ['found_by_auditors', 'found_internally'],
					youDo: 'You have had compliance violations from AI-generated changes',
					youDoNot: 'You have not had compliance violations from AI-generated changes'
				}
			],
			recommendation: {
				title: 'Encode compliance controls as policy',
				action:
					'Translate your top compliance controls (approved regions, encryption at rest, no public data stores, required tags) into policy-as-code rules that block non-compliant plans and keep their results as audit evidence.',
				effort: 'medium'
			}
		},
		{
			id: 'risk_rework',
			kind: 'practice',
			dimension: 'risk_exposure',
			text: 'How often have you had to rework or revert AI-generated changes after they caused a problem?',
			why: '37 % of surveyed organisations had to rework AI-generated changes.',
			weight: 1,
			options: [
				{ id: 'monthly', label: 'Most months', score: 0 },
				{ id: 'several', label: 'Several times in the past 12 months', score: 33 },
				{ id: 'once', label: 'Once in the past 12 months', score: 67 },
				{ id: 'never', label: 'Never: problems are caught in review or the pipeline before they land', score: 100 }
			],
			benchmarks: [
				{
					figure: 'outcome_rework',
					matches: ['monthly', 'several', 'once'],
					youDo: 'You have had to rework AI-generated changes',
					youDoNot: 'You have not had to rework AI-generated changes'
				}
			],
			recommendation: {
				title: 'Catch bad AI-generated changes before they land',
				action:
					'For each reworked change, record what the pipeline could have caught, add that test or policy rule, and review the rework count monthly alongside the error rate of AI-generated changes.',
				effort: 'low'
			}
		},
		{
			id: 'risk_agentic_incidents',
			kind: 'practice',
			dimension: 'risk_exposure',
			text: 'Have AI agents acting on infrastructure caused incidents?',
			why: '33 % of surveyed organisations had incidents caused by agentic systems. Answer N/A if you run no agents.',
			weight: 2,
			options: [
				{ id: 'repeated_prod', label: 'Yes, more than once, including in production', score: 0 },
				{ id: 'once_prod', label: 'Yes, once in production', score: 33 },
				{ id: 'non_prod_only', label: 'Yes, but only in sandbox or non-production environments', score: 67 },
				{
					id: 'none_contained',
					label: 'No: agents work in sandboxes or need approval for every production change',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'outcome_agentic_incident',
					matches: ['repeated_prod', 'once_prod', 'non_prod_only'],
					youDo: 'You have had incidents caused by agentic systems',
					youDoNot: 'You have not had incidents caused by agentic systems'
				}
			],
			recommendation: {
				title: 'Contain what agents can break',
				action:
					'Move agents to their own least-privilege identities, restrict them to non-production until their runs pass review for a month, and require human approval plus policy checks for every production change they propose.',
				effort: 'medium'
			}
		},
		{
			id: 'risk_drift_incidents',
			kind: 'practice',
			dimension: 'risk_exposure',
			text: 'Has infrastructure drift (live state differing from code) caused problems in the past 12 months?',
			why: '35 % of surveyed organisations had infrastructure drift.',
			weight: 1,
			options: [
				{ id: 'outage', label: 'Yes, drift caused an outage or a security gap', score: 0 },
				{ id: 'broke_deploys', label: 'Yes, drift broke or blocked deployments', score: 33 },
				{ id: 'found_fixed', label: 'Drift was found and fixed before it caused harm', score: 67 },
				{
					id: 'prevented',
					label: 'No drift beyond minutes: changes outside the pipeline are blocked or reverted automatically',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'outcome_drift',
					matches: ['outage', 'broke_deploys', 'found_fixed'],
					youDo: 'You have had infrastructure drift',
					youDoNot: 'You have not had infrastructure drift'
				}
			],
			recommendation: {
				title: 'Prevent drift at its source',
				action:
					'Remove standing console write access in production (use break-glass roles with alerts), run daily drift detection, and reconcile or codify every drift finding within a set number of days.',
				effort: 'medium'
			}
		},
		{
			id: 'risk_secrets_least_privilege',
			kind: 'practice',
			dimension: 'risk_exposure',
			text: 'What credentials and access do AI tools and agents have to your code, secrets and cloud accounts?',
			why: 'AI tools with broad or long-lived credentials turn one bad suggestion or prompt injection into an incident.',
			weight: 3,
			options: [
				{
					id: 'shared_admin',
					label: 'Shared admin credentials or long-lived keys, sometimes pasted into prompts',
					score: 0
				},
				{ id: 'personal_keys', label: 'Engineers’ personal long-lived credentials, with their full rights', score: 25 },
				{ id: 'service_broad', label: 'Dedicated service identities, but with broad permissions', score: 50 },
				{
					id: 'least_privilege',
					label: 'Dedicated least-privilege identities; secrets come from a vault, never from prompts',
					score: 75
				},
				{
					id: 'short_lived_scoped',
					label:
						'Short-lived, task-scoped credentials, secret scanning of prompts and output, access reviewed quarterly',
					score: 100
				}
			],
			recommendation: {
				title: 'Give AI tools least privilege and no standing secrets',
				action:
					'Create a dedicated identity per AI tool or agent, grant only the permissions its task needs via short-lived OIDC credentials, keep secrets in a vault, and turn on secret scanning for repositories and prompts.',
				effort: 'medium'
			}
		},

		// ── Platform readiness ─────────────────────────────────────────────────────────────────────────────────
		{
			id: 'plat_platform_team',
			kind: 'practice',
			dimension: 'platform',
			text: 'Do you have a platform team that builds and runs shared infrastructure for other teams?',
			why: 'In the 2025 survey, automation leaders were 5× as likely to have a platform team.',
			weight: 3,
			options: [
				{ id: 'none', label: 'No: each team looks after its own infrastructure', score: 0 },
				{ id: 'ops_tickets', label: 'An operations team handles infrastructure requests by ticket', score: 25 },
				{ id: 'part_time', label: 'A few engineers work on shared platform tooling part-time', score: 50 },
				{ id: 'dedicated', label: 'A dedicated platform team with its own roadmap', score: 75 },
				{
					id: 'product',
					label: 'A dedicated platform team runs the platform as a product, with users’ feedback and SLOs',
					score: 100
				}
			],
			recommendation: {
				title: 'Form a platform team',
				action:
					'Dedicate a small team (three to five engineers) to shared infrastructure, give it a roadmap driven by internal users’ top pain points, and measure it by adoption and lead time of the teams it serves.',
				effort: 'high'
			}
		},
		{
			id: 'plat_self_service',
			kind: 'practice',
			dimension: 'platform',
			text: 'Can development teams provision infrastructure themselves through golden paths?',
			why: 'Self-service golden paths let AI-driven change volume flow through vetted templates instead of tickets.',
			weight: 3,
			options: [
				{ id: 'tickets', label: 'No: every environment or resource needs a ticket to another team', score: 0 },
				{ id: 'copy_paste', label: 'Teams copy and adapt configuration from other projects', score: 25 },
				{ id: 'shared_modules', label: 'Shared modules exist; provisioning still needs manual approval', score: 50 },
				{
					id: 'golden_paths',
					label: 'Self-service golden paths for common stacks, with policy checks built in',
					score: 75
				},
				{
					id: 'golden_paths_measured',
					label: 'Golden paths cover most workloads, AI-generated changes flow through them, adoption is measured',
					score: 100
				}
			],
			recommendation: {
				title: 'Build a first golden path',
				action:
					'Pick the most requested stack (e.g. a service with database and queue), publish a self-service template with policy checks built in, and move its ticket-based requests to it.',
				effort: 'high'
			}
		},
		{
			id: 'plat_infra_pace',
			kind: 'practice',
			dimension: 'platform',
			text: 'How does infrastructure keep pace with development in adopting AI?',
			why: '67 % of surveyed organisations say development is ahead of infrastructure in AI adoption.',
			weight: 2,
			options: [
				{
					id: 'far_behind',
					label: 'Development uses AI widely; infrastructure has no plan for AI-driven change',
					score: 0
				},
				{ id: 'reacting', label: 'Infrastructure reacts to AI-driven change volume after the fact', score: 33 },
				{
					id: 'catching_up',
					label: 'Infrastructure is behind, with a funded plan to close the gap',
					score: 67
				},
				{ id: 'in_step', label: 'Development and infrastructure adopt AI in step, with shared standards', score: 100 }
			],
			benchmarks: [
				{
					figure: 'dev_ahead_of_infra',
					matches: ['far_behind', 'reacting', 'catching_up'],
					youDo: 'Development is ahead of infrastructure in AI adoption',
					youDoNot: 'Infrastructure keeps pace with development in AI adoption'
				}
			],
			recommendation: {
				title: 'Plan infrastructure’s AI adoption with development',
				action:
					'Hold a joint planning session between development and platform leads, list the AI-driven changes coming in the next two quarters, and fund the pipeline, policy and capacity work needed before they land.',
				effort: 'medium'
			}
		},
		{
			id: 'plat_pipeline_capacity',
			kind: 'practice',
			dimension: 'platform',
			text: 'How do your delivery pipelines cope with the change volume AI produces?',
			why: '35 % of surveyed organisations see increased pipeline strain.',
			weight: 2,
			options: [
				{ id: 'delays', label: 'Queues and failed runs regularly delay changes', score: 0 },
				{ id: 'peaks', label: 'They strain at peaks; we add capacity by hand', score: 33 },
				{ id: 'autoscale', label: 'Runners scale automatically; slowdowns are rare', score: 67 },
				{
					id: 'monitored',
					label: 'Runners scale automatically and queue time and failure rate are monitored with alerts',
					score: 100
				}
			],
			benchmarks: [
				{
					figure: 'pipeline_strain',
					matches: ['delays', 'peaks'],
					youDo: 'Your pipelines are strained by change volume',
					youDoNot: 'Your pipelines are not strained by change volume'
				}
			],
			recommendation: {
				title: 'Scale and watch pipeline capacity',
				action:
					'Move CI runners to autoscaling pools, alert when queue time or failure rate crosses a threshold, and split slow infrastructure pipelines per stack so one change no longer waits for another.',
				effort: 'medium'
			}
		},
		{
			id: 'plat_sandbox_envs',
			kind: 'practice',
			dimension: 'platform',
			text: 'Where can engineers and AI tools try out infrastructure changes safely?',
			why: 'A safe place to try AI-generated changes keeps experiments out of shared and production environments.',
			weight: 2,
			options: [
				{ id: 'shared_or_prod', label: 'Only in shared environments, sometimes production', score: 0 },
				{ id: 'staging', label: 'In one shared staging environment', score: 33 },
				{ id: 'sandboxes', label: 'In per-team sandbox accounts, on request', score: 67 },
				{
					id: 'ephemeral',
					label: 'In ephemeral preview environments created per change and torn down automatically',
					score: 100
				}
			],
			recommendation: {
				title: 'Offer ephemeral environments',
				action:
					'Create a pipeline job that applies a change to a short-lived, isolated account or namespace with a time-to-live, runs checks there and destroys it, so AI-generated changes are tried out away from shared environments.',
				effort: 'high'
			}
		},
		{
			id: 'plat_module_registry',
			kind: 'practice',
			dimension: 'platform',
			text: 'How are reusable infrastructure modules shared across teams?',
			why: 'Vetted modules give people and AI tools a safe default to build on instead of generating from scratch.',
			weight: 1,
			options: [
				{ id: 'none', label: 'They are not: every team writes its own', score: 0 },
				{ id: 'shared_repo', label: 'A shared repository, without versions or tests', score: 33 },
				{ id: 'versioned', label: 'A versioned private registry of modules', score: 67 },
				{
					id: 'tested_default',
					label: 'A versioned registry of policy-tested modules that AI tools are instructed to use',
					score: 100
				}
			],
			recommendation: {
				title: 'Publish vetted modules in a registry',
				action:
					'Move the most reused modules into a versioned private registry, test each with policy checks on release, and point AI assistants at them through repository instructions or context files.',
				effort: 'medium'
			}
		},

		// ── Confidence (self-rating per dimension, compared with the practice score) ─────────────────────────────
		{
			id: 'conf_ai_integration',
			kind: 'confidence',
			dimension: 'ai_integration',
			text: 'How confident are you that your organisation uses AI deeply and effectively in engineering and operations?',
			options: CONFIDENCE_OPTIONS
		},
		{
			id: 'conf_governance',
			kind: 'confidence',
			dimension: 'governance',
			text: 'How confident are you in your organisation’s ability to govern AI?',
			why: '86 % of surveyed leaders are confident, yet only 30 % have a formal AI governance policy.',
			options: CONFIDENCE_OPTIONS,
			benchmarks: [
				{
					figure: 'confident_governance',
					matches: ['confident', 'very'],
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

		// ── Profile (optional, never scored) ─────────────────────────────────────────────────────────────────────
		{
			id: 'profile_role',
			kind: 'profile',
			text: 'What is your role?',
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
			why: 'The survey covered organisations with 250 or more employees.',
			options: [
				{ id: 'under_250', label: 'Fewer than 250', score: 0 },
				{ id: 'e250_999', label: '250–999', score: 0 },
				{ id: 'e1000_4999', label: '1,000–4,999', score: 0 },
				{ id: 'e5000_19999', label: '5,000–19,999', score: 0 },
				{ id: 'e20000_plus', label: '20,000 or more', score: 0 }
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
