/**
 * Framework references: every identifier a practice question or recommendation cites, with its framework, code,
 * a one-line title in our words, and where to read it. A reference is a mapping, not conformance: answering a
 * question well does not make an organisation compliant with anything. Each identifier was checked against the
 * framework's own text (ISO/IEC 42001 against public listings of its Annex A; see docs/frameworks.md). Validated
 * when the module loads; `tests/scoring/frameworks.test.ts` checks that the bank cites only these.
 */
import { z } from 'zod';

export const FrameworkSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9_]+$/),
	name: z.string().min(1),
	version: z.string().min(1),
	url: z.url()
});
export type Framework = z.infer<typeof FrameworkSchema>;

export const FrameworkReferenceSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9_]+:[A-Za-z0-9._-]+$/),
	framework: z.string().min(1),
	code: z.string().min(1),
	title: z.string().min(1).max(240),
	url: z.url()
});
export type FrameworkReference = z.infer<typeof FrameworkReferenceSchema>;

/** The label every surface shows beside framework references. */
export const MAPPING_NOT_CONFORMANCE = 'Mapping, not conformance';

/** The frameworks cited, in the order references are listed. */
export const FRAMEWORKS: readonly Framework[] = z.array(FrameworkSchema).parse([
	{
		id: 'nist_ai_rmf',
		name: 'NIST AI Risk Management Framework 1.0 (NIST AI 100-1)',
		version: '1.0, January 2023',
		url: 'https://doi.org/10.6028/NIST.AI.100-1'
	},
	{
		id: 'iso_42001',
		name: 'ISO/IEC 42001:2023 Information technology — Artificial intelligence — Management system',
		version:
			"2023 (1st edition, December 2023); paywalled — control ids checked against public listings, not the standard's text",
		url: 'https://www.iso.org/standard/81230.html'
	},
	{
		id: 'eu_ai_act',
		name: 'EU Artificial Intelligence Act, Regulation (EU) 2024/1689',
		version:
			'OJ L, 12.7.2024 (original text; Digital Omnibus amendments reported as adopted mid-2026 but not verified here)',
		url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj'
	},
	{
		id: 'dora',
		name: 'DORA capability catalog, software delivery metrics and DORA AI Capabilities Model (dora.dev)',
		version: 'dora.dev content as of repo dora-team/dora.dev @fcaf07b; AI Capabilities Model 2025 (report v. 2025.1)',
		url: 'https://dora.dev/capabilities/'
	},
	{
		id: 'cncf_pemm',
		name: 'CNCF Platform Engineering Maturity Model (TAG App Delivery)',
		version: 'v1 (completed October 2023)',
		url: 'https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/'
	},
	{
		id: 'slsa',
		name: 'SLSA (Supply-chain Levels for Software Artifacts) specification',
		version: '1.2 (current approved; Build track levels unchanged from 1.0/1.1, Source track added in 1.2)',
		url: 'https://slsa.dev/spec/v1.2/'
	},
	{
		id: 'ossf_scorecard',
		name: 'OpenSSF Scorecard checks',
		version: 'docs/checks.md at v5.5.0 (same check list at main @40c1e35)',
		url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md'
	},
	{
		id: 'owasp_llm',
		name: 'OWASP Top 10 for LLM Applications 2025',
		version: '2025 (v2.0)',
		url: 'https://genai.owasp.org/llm-top-10/'
	}
]);

/** Every reference a question may cite. */
export const FRAMEWORK_REFERENCES: readonly FrameworkReference[] = z
	.array(FrameworkReferenceSchema)
	.parse([
		{
			id: 'nist_ai_rmf:GOVERN-1.2',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 1.2',
			title: 'Trustworthy-AI characteristics are built into organizational policies, processes and practices',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-1.4',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 1.4',
			title:
				'AI risk management process and outcomes are set through transparent policies, procedures and other controls',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-1.5',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 1.5',
			title: 'Ongoing monitoring and periodic review of AI risk management, with defined roles and review frequency',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-1.6',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 1.6',
			title: 'Mechanisms to inventory AI systems, resourced by organizational risk priorities',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-2.1',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 2.1',
			title: 'Roles, responsibilities and lines of communication for AI risk are documented and clear',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-2.2',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 2.2',
			title: 'Personnel and partners receive AI risk management training',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-2.3',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 2.3',
			title: 'Executive leadership takes responsibility for decisions about AI risks',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-3.2',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 3.2',
			title: 'Policies define and differentiate roles for human-AI configurations and oversight of AI systems',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-4.3',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 4.3',
			title: 'Organizational practices enable AI testing, identification of incidents and information sharing',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-6.1',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 6.1',
			title: 'Policies and procedures address AI risks from third-party entities (incl. IP/rights infringement)',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MAP-3.2',
			framework: 'nist_ai_rmf',
			code: 'MAP 3.2',
			title:
				'Potential costs (incl. non-monetary) of expected or realized AI errors are examined against risk tolerance',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MAP-3.5',
			framework: 'nist_ai_rmf',
			code: 'MAP 3.5',
			title: 'Processes for human oversight are defined, assessed and documented',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MAP-4.1',
			framework: 'nist_ai_rmf',
			code: 'MAP 4.1',
			title: 'Technology and legal risks of components, incl. third-party data or software, are mapped and documented',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MAP-4.2',
			framework: 'nist_ai_rmf',
			code: 'MAP 4.2',
			title:
				'Internal risk controls for AI system components, incl. third-party AI technologies, are identified and documented',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MEASURE-1.2',
			framework: 'nist_ai_rmf',
			code: 'MEASURE 1.2',
			title:
				'Appropriateness of metrics and effectiveness of existing controls are regularly assessed, incl. error reports',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MEASURE-2.3',
			framework: 'nist_ai_rmf',
			code: 'MEASURE 2.3',
			title: 'AI system performance/assurance criteria are measured under conditions similar to deployment',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MEASURE-2.6',
			framework: 'nist_ai_rmf',
			code: 'MEASURE 2.6',
			title: 'AI system is regularly evaluated for safety and shown to fail safely within risk tolerance',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MEASURE-2.7',
			framework: 'nist_ai_rmf',
			code: 'MEASURE 2.7',
			title: 'AI system security and resilience are evaluated and documented',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MEASURE-2.8',
			framework: 'nist_ai_rmf',
			code: 'MEASURE 2.8',
			title: 'Risks related to transparency and accountability are examined and documented',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MEASURE-3.1',
			framework: 'nist_ai_rmf',
			code: 'MEASURE 3.1',
			title:
				'Approaches and personnel are in place to track existing, unanticipated and emergent AI risks in deployment',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MANAGE-2.3',
			framework: 'nist_ai_rmf',
			code: 'MANAGE 2.3',
			title: 'Procedures are followed to respond to and recover from a previously unknown risk',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MANAGE-2.4',
			framework: 'nist_ai_rmf',
			code: 'MANAGE 2.4',
			title:
				'Mechanisms and assigned responsibility to supersede, disengage or deactivate AI systems behaving outside intended use',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MANAGE-3.1',
			framework: 'nist_ai_rmf',
			code: 'MANAGE 3.1',
			title: 'AI risks and benefits from third-party resources are regularly monitored and risk controls applied',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MANAGE-4.3',
			framework: 'nist_ai_rmf',
			code: 'MANAGE 4.3',
			title: 'Incidents and errors are communicated; processes to track, respond to and recover from them are followed',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'iso_42001:A.2.2',
			framework: 'iso_42001',
			code: 'A.2.2',
			title: 'AI policy',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.2.4',
			framework: 'iso_42001',
			code: 'A.2.4',
			title: 'Review of the AI policy',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.3.2',
			framework: 'iso_42001',
			code: 'A.3.2',
			title: 'AI roles and responsibilities',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.4.2',
			framework: 'iso_42001',
			code: 'A.4.2',
			title: 'Resource documentation',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.4.4',
			framework: 'iso_42001',
			code: 'A.4.4',
			title: 'Tooling resources',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.6.2.4',
			framework: 'iso_42001',
			code: 'A.6.2.4',
			title: 'AI system verification and validation',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.6.2.6',
			framework: 'iso_42001',
			code: 'A.6.2.6',
			title: 'AI system operation and monitoring',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.6.2.8',
			framework: 'iso_42001',
			code: 'A.6.2.8',
			title: 'AI system recording of event logs',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.8.4',
			framework: 'iso_42001',
			code: 'A.8.4',
			title: 'Communication of incidents',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.9.2',
			framework: 'iso_42001',
			code: 'A.9.2',
			title: 'Processes for responsible use of AI systems',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.9.4',
			framework: 'iso_42001',
			code: 'A.9.4',
			title: 'Intended use of the AI system',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.10.2',
			framework: 'iso_42001',
			code: 'A.10.2',
			title: 'Allocating responsibilities',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:A.10.3',
			framework: 'iso_42001',
			code: 'A.10.3',
			title: 'Suppliers',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:Clause-5.3',
			framework: 'iso_42001',
			code: 'Clause 5.3',
			title: 'Roles, responsibilities and authorities (main-body requirement clause, not an Annex A control)',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:Clause-7.2',
			framework: 'iso_42001',
			code: 'Clause 7.2',
			title: 'Competence (main-body requirement clause, not an Annex A control)',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'iso_42001:Clause-7.3',
			framework: 'iso_42001',
			code: 'Clause 7.3',
			title: 'Awareness (main-body requirement clause, not an Annex A control)',
			url: 'https://www.iso.org/standard/81230.html'
		},
		{
			id: 'eu_ai_act:Art-4',
			framework: 'eu_ai_act',
			code: 'Article 4',
			title:
				'AI literacy — applies to providers and deployers of any AI system, not only high-risk (in application since 2 Feb 2025; wording reported as softened by the 2026 Digital Omnibus)',
			url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj#art_4'
		},
		{
			id: 'dora:clear-and-communicated-ai-stance',
			framework: 'dora',
			code: 'Clear and communicated AI stance',
			title: 'AI capability: an official, widely understood position on which AI tools and uses are permitted',
			url: 'https://dora.dev/capabilities/clear-and-communicated-ai-stance/'
		},
		{
			id: 'dora:platform-engineering',
			framework: 'dora',
			code: 'Quality internal platform (capability page: Platform engineering)',
			title:
				'AI capability: an internal platform with self-service golden paths acting as the distribution and governance layer for AI',
			url: 'https://dora.dev/capabilities/platform-engineering/'
		},
		{
			id: 'dora:version-control',
			framework: 'dora',
			code: 'Strong version control practices (capability page: Version control)',
			title:
				'AI capability: all production artifacts (code, configuration, IaC) in version control as a revert and audit safety net',
			url: 'https://dora.dev/capabilities/version-control/'
		},
		{
			id: 'dora:working-in-small-batches',
			framework: 'dora',
			code: 'Working in small batches',
			title: 'AI capability and core capability: small changes for short lead times and fast feedback',
			url: 'https://dora.dev/capabilities/working-in-small-batches/'
		},
		{
			id: 'dora:streamlining-change-approval',
			framework: 'dora',
			code: 'Streamlining change approval',
			title:
				'Core capability: peer review plus automated checks instead of external change boards; peer review satisfies segregation of duties',
			url: 'https://dora.dev/capabilities/streamlining-change-approval/'
		},
		{
			id: 'dora:pervasive-security',
			framework: 'dora',
			code: 'Pervasive security',
			title:
				'Core capability: security built into design and automated tests, using pre-approved libraries and packages',
			url: 'https://dora.dev/capabilities/pervasive-security/'
		},
		{
			id: 'dora:test-automation',
			framework: 'dora',
			code: 'Test automation',
			title: 'Core capability: fast automated tests throughout delivery',
			url: 'https://dora.dev/capabilities/test-automation/'
		},
		{
			id: 'dora:continuous-integration',
			framework: 'dora',
			code: 'Continuous integration',
			title: 'Core capability: each check-in triggers quick automated tests and canonical builds',
			url: 'https://dora.dev/capabilities/continuous-integration/'
		},
		{
			id: 'dora:continuous-delivery',
			framework: 'dora',
			code: 'Continuous delivery',
			title: 'Core capability: deploy on demand with fast feedback on deployability',
			url: 'https://dora.dev/capabilities/continuous-delivery/'
		},
		{
			id: 'dora:deployment-automation',
			framework: 'dora',
			code: 'Deployment automation',
			title: 'Core capability: deployments fully automated, without manual intervention',
			url: 'https://dora.dev/capabilities/deployment-automation/'
		},
		{
			id: 'dora:flexible-infrastructure',
			framework: 'dora',
			code: 'Flexible infrastructure',
			title: 'Core capability: on-demand self-service infrastructure, commonly via infrastructure as code',
			url: 'https://dora.dev/capabilities/flexible-infrastructure/'
		},
		{
			id: 'dora:monitoring-and-observability',
			framework: 'dora',
			code: 'Monitoring and observability',
			title: 'Core capability: tooling to understand system health and debug emergent behaviour',
			url: 'https://dora.dev/capabilities/monitoring-and-observability/'
		},
		{
			id: 'dora:metric-change-lead-time',
			framework: 'dora',
			code: 'Metric: Change lead time',
			title: 'Throughput metric: time from commit to running in production',
			url: 'https://dora.dev/guides/dora-metrics/'
		},
		{
			id: 'dora:metric-deployment-frequency',
			framework: 'dora',
			code: 'Metric: Deployment frequency',
			title: 'Throughput metric: number of deployments in a period',
			url: 'https://dora.dev/guides/dora-metrics/'
		},
		{
			id: 'dora:metric-failed-deployment-recovery-time',
			framework: 'dora',
			code: 'Metric: Failed deployment recovery time',
			title: 'Throughput metric: time to recover from a deployment that needs immediate intervention',
			url: 'https://dora.dev/guides/dora-metrics/'
		},
		{
			id: 'dora:metric-change-fail-rate',
			framework: 'dora',
			code: 'Metric: Change fail rate',
			title: 'Instability metric: share of deployments needing immediate intervention (rollback or hotfix)',
			url: 'https://dora.dev/guides/dora-metrics/'
		},
		{
			id: 'dora:metric-deployment-rework-rate',
			framework: 'dora',
			code: 'Metric: Deployment rework rate',
			title: 'Instability metric: share of deployments that are unplanned, caused by production incidents',
			url: 'https://dora.dev/guides/dora-metrics/'
		},
		{
			id: 'cncf_pemm:investment-L2',
			framework: 'cncf_pemm',
			code: 'Investment — Level 2 Operational: Dedicated team',
			title: 'Persistent budget and people are allocated to provide common platform capabilities',
			url: 'https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/'
		},
		{
			id: 'cncf_pemm:investment-L3',
			framework: 'cncf_pemm',
			code: 'Investment — Level 3 Scalable: As product',
			title: 'Platforms are funded and managed like products, with product management and user experience',
			url: 'https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/'
		},
		{
			id: 'cncf_pemm:adoption-L3',
			framework: 'cncf_pemm',
			code: 'Adoption — Level 3 Scalable: Intrinsic pull',
			title: 'Teams choose the platform because of its clear value, not because they are told to',
			url: 'https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/'
		},
		{
			id: 'cncf_pemm:interfaces-L2',
			framework: 'cncf_pemm',
			code: 'Interfaces — Level 2 Operational: Standard tooling',
			title: 'Standard interfaces plus documented golden paths/templates using compliant, tested patterns',
			url: 'https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/'
		},
		{
			id: 'cncf_pemm:interfaces-L3',
			framework: 'cncf_pemm',
			code: 'Interfaces — Level 3 Scalable: Self-service solutions',
			title: 'Capabilities are consumed self-service with little support from maintainers',
			url: 'https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/'
		},
		{
			id: 'cncf_pemm:operations-L3',
			framework: 'cncf_pemm',
			code: 'Operations — Level 3 Scalable: Centrally enabled',
			title:
				'Capabilities are centrally registered and orchestrated; platform teams prioritize work across the organization',
			url: 'https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/'
		},
		{
			id: 'cncf_pemm:measurement-L3',
			framework: 'cncf_pemm',
			code: 'Measurement — Level 3 Scalable: Insights',
			title: 'Outcomes and standard metrics are chosen to yield strategic insights for the platform roadmap',
			url: 'https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/'
		},
		{
			id: 'slsa:build-L2',
			framework: 'slsa',
			code: 'Build L2',
			title: 'Hosted build platform generates and signs provenance (protects against tampering after the build)',
			url: 'https://slsa.dev/spec/v1.2/build-track-basics#build-l2'
		},
		{
			id: 'slsa:build-L3',
			framework: 'slsa',
			code: 'Build L3',
			title:
				'Hardened build platform with unforgeable provenance and isolated builds (protects against tampering during the build)',
			url: 'https://slsa.dev/spec/v1.2/build-track-basics#build-l3'
		},
		{
			id: 'slsa:verifying-artifacts',
			framework: 'slsa',
			code: 'Build: Verifying artifacts',
			title: 'Verify artifacts and their provenance against expectations before use (e.g. before deploy)',
			url: 'https://slsa.dev/spec/v1.2/verifying-artifacts'
		},
		{
			id: 'slsa:source-L2',
			framework: 'slsa',
			code: 'Source L2',
			title: 'Source track History & Provenance: preserved change history and contemporaneous source provenance',
			url: 'https://slsa.dev/spec/v1.2/source-requirements#source-l2'
		},
		{
			id: 'slsa:source-L3',
			framework: 'slsa',
			code: 'Source L3',
			title:
				"Source track Continuous technical controls: the source control system enforces the organization's controls on protected references",
			url: 'https://slsa.dev/spec/v1.2/source-requirements#source-l3'
		},
		{
			id: 'slsa:source-L4',
			framework: 'slsa',
			code: 'Source L4',
			title: 'Source track Two-party review: two trusted persons must agree to every change on protected branches',
			url: 'https://slsa.dev/spec/v1.2/source-requirements#source-l4'
		},
		{
			id: 'slsa:source-identity-management',
			framework: 'slsa',
			code: 'Source requirement: Identity Management',
			title:
				'Actors are identified and authenticated; organization specifies who may perform sensitive actions; activity attributed to identities (Source L2+)',
			url: 'https://slsa.dev/spec/v1.2/source-requirements#identity-management'
		},
		{
			id: 'ossf_scorecard:Code-Review',
			framework: 'ossf_scorecard',
			code: 'Code-Review',
			title: 'Whether human code review is required before changes are merged',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#code-review'
		},
		{
			id: 'ossf_scorecard:Branch-Protection',
			framework: 'ossf_scorecard',
			code: 'Branch-Protection',
			title: 'Whether default and release branches are protected by branch protection or repository rules',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#branch-protection'
		},
		{
			id: 'ossf_scorecard:Signed-Releases',
			framework: 'ossf_scorecard',
			code: 'Signed-Releases',
			title: 'Whether release artifacts are cryptographically signed (with provenance)',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#signed-releases'
		},
		{
			id: 'ossf_scorecard:Pinned-Dependencies',
			framework: 'ossf_scorecard',
			code: 'Pinned-Dependencies',
			title: 'Whether build/release dependencies are pinned to a specific hash',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies'
		},
		{
			id: 'ossf_scorecard:Token-Permissions',
			framework: 'ossf_scorecard',
			code: 'Token-Permissions',
			title: 'Whether automated workflow tokens follow least privilege',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#token-permissions'
		},
		{
			id: 'ossf_scorecard:Vulnerabilities',
			framework: 'ossf_scorecard',
			code: 'Vulnerabilities',
			title: 'Whether the project or its dependencies have open known vulnerabilities (OSV)',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#vulnerabilities'
		},
		{
			id: 'ossf_scorecard:SAST',
			framework: 'ossf_scorecard',
			code: 'SAST',
			title: 'Whether static application security testing runs on changes',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#sast'
		},
		{
			id: 'ossf_scorecard:CI-Tests',
			framework: 'ossf_scorecard',
			code: 'CI-Tests',
			title: 'Whether tests run before pull requests are merged',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#ci-tests'
		},
		{
			id: 'owasp_llm:LLM01',
			framework: 'owasp_llm',
			code: 'LLM01:2025 Prompt Injection',
			title:
				'Inputs (direct or indirect, e.g. in files or tool output) that alter model behaviour; mitigations include least privilege and human approval for high-risk actions',
			url: 'https://genai.owasp.org/llmrisk/llm01-prompt-injection/'
		},
		{
			id: 'owasp_llm:LLM02',
			framework: 'owasp_llm',
			code: 'LLM02:2025 Sensitive Information Disclosure',
			title: 'Exposure of sensitive data, including security credentials and confidential business data, via LLM use',
			url: 'https://genai.owasp.org/llmrisk/llm022025-sensitive-information-disclosure/'
		},
		{
			id: 'owasp_llm:LLM03',
			framework: 'owasp_llm',
			code: 'LLM03:2025 Supply Chain',
			title:
				'Risks from third-party models, packages, adapters and platforms, incl. weak provenance and unclear T&Cs/data-privacy policies',
			url: 'https://genai.owasp.org/llmrisk/llm032025-supply-chain/'
		},
		{
			id: 'owasp_llm:LLM05',
			framework: 'owasp_llm',
			code: 'LLM05:2025 Improper Output Handling',
			title: 'LLM output passed to downstream systems without validation or sanitization',
			url: 'https://genai.owasp.org/llmrisk/llm052025-improper-output-handling/'
		},
		{
			id: 'owasp_llm:LLM06',
			framework: 'owasp_llm',
			code: 'LLM06:2025 Excessive Agency',
			title: 'Excessive functionality, permissions or autonomy of LLM agents and their extensions/tools',
			url: 'https://genai.owasp.org/llmrisk/llm062025-excessive-agency/'
		},
		{
			id: 'owasp_llm:LLM09',
			framework: 'owasp_llm',
			code: 'LLM09:2025 Misinformation',
			title: 'Hallucinated or wrong output, incl. unsafe code generation and non-existent (hallucinated) packages',
			url: 'https://genai.owasp.org/llmrisk/llm092025-misinformation/'
		}
	])
	.map((r) => {
		if (!FRAMEWORKS.some((f) => f.id === r.framework))
			throw new Error(`reference ${r.id}: unknown framework ${r.framework}`);
		return r;
	});

const byId = new Map(FRAMEWORK_REFERENCES.map((r) => [r.id, r]));

/** The reference with this id, or undefined. */
export function frameworkReference(id: string): FrameworkReference | undefined {
	return byId.get(id);
}

/** The framework a reference belongs to. */
export function frameworkOf(reference: FrameworkReference): Framework {
	return FRAMEWORKS.find((f) => f.id === reference.framework)!;
}
