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
	/** What a reference's code is printed after where the full name would not fit ("ISO/IEC 42001 A.8.2"). */
	short: z.string().min(1).max(40),
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

/** The frameworks cited, in the order references are listed. */
export const FRAMEWORKS: readonly Framework[] = z.array(FrameworkSchema).parse([
	{
		id: 'nist_ai_rmf',
		short: 'NIST AI RMF',
		name: 'NIST AI Risk Management Framework 1.0 (NIST AI 100-1)',
		version: '1.0, January 2023',
		url: 'https://doi.org/10.6028/NIST.AI.100-1'
	},
	{
		id: 'iso_42001',
		short: 'ISO 42001',
		name: 'ISO/IEC 42001:2023 Information technology — Artificial intelligence — Management system',
		version:
			"2023 (1st edition, December 2023); paywalled — control ids checked against public listings, not the standard's text",
		url: 'https://www.iso.org/standard/81230.html'
	},
	{
		id: 'eu_ai_act',
		short: 'EU AI Act',
		name: 'EU Artificial Intelligence Act, Regulation (EU) 2024/1689',
		version:
			'OJ L, 12.7.2024 (original text; Digital Omnibus amendments reported as adopted mid-2026 but not verified here)',
		url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj'
	},
	{
		id: 'nis2',
		short: 'NIS2',
		name: 'NIS2 Directive, Directive (EU) 2022/2555 on measures for a high common level of cybersecurity across the Union',
		version:
			'OJ L 333, 27.12.2022 (original text); applies as transposed into each Member State’s law, which this mapping does not read',
		url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj'
	},
	{
		id: 'dora',
		short: 'dora.dev',
		name: 'dora.dev (DORA research programme): capability catalog, software delivery metrics and AI Capabilities Model; not Regulation (EU) 2022/2554',
		version: 'dora.dev content as of repo dora-team/dora.dev @fcaf07b; AI Capabilities Model 2025 (report v. 2025.1)',
		url: 'https://dora.dev/capabilities/'
	},
	{
		id: 'cncf_pemm',
		short: 'CNCF PEMM',
		name: 'CNCF Platform Engineering Maturity Model (TAG App Delivery)',
		version: 'v1 (completed October 2023)',
		url: 'https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/'
	},
	{
		id: 'slsa',
		short: 'SLSA',
		name: 'SLSA (Supply-chain Levels for Software Artifacts) specification',
		version: '1.2 (current approved; Build track levels unchanged from 1.0/1.1, Source track added in 1.2)',
		url: 'https://slsa.dev/spec/v1.2/'
	},
	{
		id: 'ossf_scorecard',
		short: 'Scorecard',
		name: 'OpenSSF Scorecard checks',
		version: 'docs/checks.md at v5.5.0 (same check list at main @40c1e35)',
		url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md'
	},
	{
		id: 'owasp_llm',
		short: 'OWASP LLM',
		name: 'OWASP Top 10 for LLM Applications 2025',
		version: '2025 (v2.0)',
		url: 'https://genai.owasp.org/llm-top-10/'
	},
	{
		id: 'iso_27001',
		short: 'ISO 27001',
		name: 'ISO/IEC 27001:2022 Information security, cybersecurity and privacy protection — Information security management systems — Requirements (Annex A)',
		version:
			"2022 (3rd edition, October 2022); paywalled — Annex A control ids and titles checked against public listings, not the standard's text",
		url: 'https://www.iso.org/standard/27001'
	},
	{
		id: 'nist_ai_600_1',
		short: 'NIST AI 600-1',
		name: 'NIST AI 600-1 Artificial Intelligence Risk Management Framework: Generative Artificial Intelligence Profile',
		version:
			'July 2024 final (approved 25 July 2024); action ids of the final text — the April 2024 public draft numbered several actions differently',
		url: 'https://doi.org/10.6028/NIST.AI.600-1'
	},
	{
		id: 'mitre_atlas',
		short: 'MITRE ATLAS',
		name: 'MITRE ATLAS (Adversarial Threat Landscape for Artificial-Intelligence Systems)',
		version: 'ATLAS data 5.6.0 (mitre-atlas/atlas-data release v5.6.1, 5 May 2026, @8ee2c68)',
		url: 'https://atlas.mitre.org/'
	},
	{
		id: 'nist_ssdf',
		short: 'NIST SSDF',
		name: 'NIST SP 800-218 Secure Software Development Framework (SSDF)',
		version: '1.1 (February 2022)',
		url: 'https://doi.org/10.6028/NIST.SP.800-218'
	},
	{
		id: 'ossf_s2c2f',
		short: 'S2C2F',
		name: 'OpenSSF Secure Supply Chain Consumption Framework (S2C2F)',
		version: '1.1 (tag v1.1 @790f70f); requirement ids and names unchanged at main @d0f0a7f (May 2025)',
		url: 'https://github.com/ossf/s2c2f/blob/main/specification/framework.md'
	},
	{
		id: 'owasp_agentic',
		short: 'OWASP Agentic',
		name: 'OWASP Top 10 for Agentic Applications 2026 (OWASP GenAI Security Project)',
		version:
			"2026 (published December 2025); ids and names checked against OWASP's GenAI project repository (draft and incident tracker), not the published PDF",
		url: 'https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/'
	},
	{
		id: 'finops',
		short: 'FinOps',
		name: 'FinOps Framework (FinOps Foundation)',
		version: 'Framework 2026 (updated 19 March 2026); capability names as published on finops.org',
		url: 'https://www.finops.org/framework/'
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
			id: 'nis2:Art-20.1',
			framework: 'nis2',
			code: 'Art. 20(1)',
			title:
				'Management bodies approve the cybersecurity risk-management measures, oversee how they are carried out and can be held liable for infringements',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_20'
		},
		{
			id: 'nis2:Art-21.2.a',
			framework: 'nis2',
			code: 'Art. 21(2)(a)',
			title: 'Policies on risk analysis and information system security',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_21'
		},
		{
			id: 'nis2:Art-21.2.b',
			framework: 'nis2',
			code: 'Art. 21(2)(b)',
			title: 'Incident handling',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_21'
		},
		{
			id: 'nis2:Art-21.2.c',
			framework: 'nis2',
			code: 'Art. 21(2)(c)',
			title: 'Business continuity: backup management, disaster recovery and crisis management',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_21'
		},
		{
			id: 'nis2:Art-21.2.d',
			framework: 'nis2',
			code: 'Art. 21(2)(d)',
			title:
				'Supply chain security, including the security of relationships with direct suppliers and service providers',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_21'
		},
		{
			id: 'nis2:Art-21.2.e',
			framework: 'nis2',
			code: 'Art. 21(2)(e)',
			title:
				'Security in acquiring, developing and maintaining network and information systems, including vulnerability handling and disclosure',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_21'
		},
		{
			id: 'nis2:Art-21.2.f',
			framework: 'nis2',
			code: 'Art. 21(2)(f)',
			title: 'Policies and procedures to assess whether the risk-management measures are effective',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_21'
		},
		{
			id: 'nis2:Art-21.2.g',
			framework: 'nis2',
			code: 'Art. 21(2)(g)',
			title: 'Basic cyber hygiene practices and cybersecurity training',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_21'
		},
		{
			id: 'nis2:Art-21.2.i',
			framework: 'nis2',
			code: 'Art. 21(2)(i)',
			title: 'Human resources security, access control policies and asset management',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_21'
		},
		{
			id: 'nis2:Art-23.4',
			framework: 'nis2',
			code: 'Art. 23(4)',
			title:
				'Significant incidents reported to the CSIRT or competent authority: an early warning within 24 hours, a notification within 72 hours, a final report within a month',
			url: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj#art_23'
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
			title:
				'Core capability: on-demand self-service infrastructure, commonly via IaC, with cost visibility per team and service',
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
		},
		{
			id: 'iso_27001:A.5.1',
			framework: 'iso_27001',
			code: 'A.5.1',
			title:
				'Policies for information security: a management-approved policy set that staff know and that is revisited on a schedule',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.2',
			framework: 'iso_27001',
			code: 'A.5.2',
			title: 'Information security roles and responsibilities: who does what for security is decided and assigned',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.3',
			framework: 'iso_27001',
			code: 'A.5.3',
			title: 'Segregation of duties: no one person holds duties that conflict, such as making and approving a change',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.9',
			framework: 'iso_27001',
			code: 'A.5.9',
			title: 'Inventory of information and other associated assets: a register of assets, each with an owner',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.10',
			framework: 'iso_27001',
			code: 'A.5.10',
			title: 'Acceptable use of information and other associated assets: written rules on how assets may be used',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.16',
			framework: 'iso_27001',
			code: 'A.5.16',
			title: 'Identity management: identities, including non-human ones, are handled from creation to retirement',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.17',
			framework: 'iso_27001',
			code: 'A.5.17',
			title:
				'Authentication information: passwords, keys and other secrets are issued and handled under a managed process',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.18',
			framework: 'iso_27001',
			code: 'A.5.18',
			title: 'Access rights: access is granted per policy, reviewed, and taken away when no longer needed',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.19',
			framework: 'iso_27001',
			code: 'A.5.19',
			title: 'Information security in supplier relationships: supplier risks are handled before and while using them',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.20',
			framework: 'iso_27001',
			code: 'A.5.20',
			title:
				'Addressing information security within supplier agreements: security terms are written into each contract',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.21',
			framework: 'iso_27001',
			code: 'A.5.21',
			title: 'Managing information security in the ICT supply chain: risks in bought technology and its components',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.22',
			framework: 'iso_27001',
			code: 'A.5.22',
			title: 'Monitoring, review and change management of supplier services: watch suppliers and manage their changes',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.24',
			framework: 'iso_27001',
			code: 'A.5.24',
			title: 'Incident management planning and preparation: roles, processes and readiness for security incidents',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.26',
			framework: 'iso_27001',
			code: 'A.5.26',
			title: 'Response to information security incidents: incidents are handled following written procedures',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.5.36',
			framework: 'iso_27001',
			code: 'A.5.36',
			title: 'Compliance with policies, rules and standards for information security: compliance is checked regularly',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.6.3',
			framework: 'iso_27001',
			code: 'A.6.3',
			title: "Information security awareness, education and training, fitted to each person's role",
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.2',
			framework: 'iso_27001',
			code: 'A.8.2',
			title: 'Privileged access rights: admin-level access is limited and controlled',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.4',
			framework: 'iso_27001',
			code: 'A.8.4',
			title: 'Access to source code: who may read or change code, development tools and libraries is controlled',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.6',
			framework: 'iso_27001',
			code: 'A.8.6',
			title: 'Capacity management: resource use is watched and capacity adjusted to present and future demand',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.8',
			framework: 'iso_27001',
			code: 'A.8.8',
			title: 'Management of technical vulnerabilities: weaknesses are found, assessed and dealt with',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.9',
			framework: 'iso_27001',
			code: 'A.8.9',
			title: 'Configuration management: secure configurations are defined, applied and kept under watch and review',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.12',
			framework: 'iso_27001',
			code: 'A.8.12',
			title: 'Data leakage prevention: measures stop sensitive information leaving through systems and devices',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.15',
			framework: 'iso_27001',
			code: 'A.8.15',
			title: 'Logging: records of activity and events are kept, protected from tampering and analysed',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.16',
			framework: 'iso_27001',
			code: 'A.8.16',
			title: 'Monitoring activities: systems and networks are watched for unusual behaviour and acted on',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.28',
			framework: 'iso_27001',
			code: 'A.8.28',
			title: 'Secure coding: development follows secure coding principles',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.29',
			framework: 'iso_27001',
			code: 'A.8.29',
			title: 'Security testing in development and acceptance: security is tested before changes are accepted',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.31',
			framework: 'iso_27001',
			code: 'A.8.31',
			title: 'Separation of development, test and production environments, each protected',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'iso_27001:A.8.32',
			framework: 'iso_27001',
			code: 'A.8.32',
			title: 'Change management: changes to systems go through a controlled change procedure',
			url: 'https://www.iso.org/standard/27001'
		},
		{
			id: 'nist_ai_rmf:GOVERN-1.7',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 1.7',
			title: 'Processes exist to decommission and phase out AI systems safely without raising risk',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:GOVERN-6.2',
			framework: 'nist_ai_rmf',
			code: 'GOVERN 6.2',
			title: 'Contingency processes handle failures or incidents in high-risk third-party data or AI systems',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MAP-3.4',
			framework: 'nist_ai_rmf',
			code: 'MAP 3.4',
			title:
				'Processes for operator and practitioner proficiency with the AI system are defined, assessed and documented',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MEASURE-2.4',
			framework: 'nist_ai_rmf',
			code: 'MEASURE 2.4',
			title: 'Functionality and behaviour of the AI system and its components are monitored in production',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_rmf:MANAGE-4.1',
			framework: 'nist_ai_rmf',
			code: 'MANAGE 4.1',
			title:
				'Post-deployment monitoring plans cover user input, override, decommissioning, incident response, recovery and change management',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.100-1.pdf'
		},
		{
			id: 'nist_ai_600_1:GV-1.4-002',
			framework: 'nist_ai_600_1',
			code: 'GV-1.4-002',
			title: 'Publish clear acceptable-use rules for generative AI, including what uses are forbidden',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'nist_ai_600_1:GV-1.6-001',
			framework: 'nist_ai_600_1',
			code: 'GV-1.6-001',
			title: 'Add every generative AI system to the AI inventory, with inventory rules adapted to GAI-specific risks',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'nist_ai_600_1:GV-1.7-001',
			framework: 'nist_ai_600_1',
			code: 'GV-1.7-001',
			title: 'Be able to switch generative AI systems off when needed, following agreed protocols',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'nist_ai_600_1:GV-6.1-007',
			framework: 'nist_ai_600_1',
			code: 'GV-6.1-007',
			title: 'Know every third party that can reach your content, and keep a list of approved GAI tools and providers',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'nist_ai_600_1:GV-6.2-003',
			framework: 'nist_ai_600_1',
			code: 'GV-6.2-003',
			title:
				'Incident plans for third-party GAI, with owners, shared with those involved and rehearsed on a regular cadence',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'nist_ai_600_1:GV-6.2-007',
			framework: 'nist_ai_600_1',
			code: 'GV-6.2-007',
			title:
				'Check GAI vendor contracts for secondary use of your data, liability, model changes over time and incident notice',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'nist_ai_600_1:MS-2.6-004',
			framework: 'nist_ai_600_1',
			code: 'MS-2.6-004',
			title: 'Check what generative AI produces for validity and safety, including generated code',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'nist_ai_600_1:MS-2.7-009',
			framework: 'nist_ai_600_1',
			code: 'MS-2.7-009',
			title: 'Check on a regular basis that security controls still work and have not been subverted',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'nist_ai_600_1:MS-2.8-003',
			framework: 'nist_ai_600_1',
			code: 'MS-2.8-003',
			title: 'Keep a tamper-evident record of when content was generated or changed by AI (version control is one way)',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'nist_ai_600_1:MG-4.3-002',
			framework: 'nist_ai_600_1',
			code: 'MG-4.3-002',
			title: 'Log and follow up errors, near-misses and harms reported for generative AI systems',
			url: 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.600-1.pdf'
		},
		{
			id: 'mitre_atlas:AML.T0051',
			framework: 'mitre_atlas',
			code: 'AML.T0051 LLM Prompt Injection',
			title: 'Technique: crafted prompts make an LLM act in unintended ways',
			url: 'https://atlas.mitre.org/techniques/AML.T0051'
		},
		{
			id: 'mitre_atlas:AML.T0051.001',
			framework: 'mitre_atlas',
			code: 'AML.T0051.001 LLM Prompt Injection: Indirect',
			title:
				'Technique: prompts injected through data the LLM ingests (web pages, files, tool output), often hidden from the user',
			url: 'https://atlas.mitre.org/techniques/AML.T0051.001'
		},
		{
			id: 'mitre_atlas:AML.T0060',
			framework: 'mitre_atlas',
			code: 'AML.T0060 Publish Hallucinated Entities',
			title:
				'Technique: attacker registers a package, site or address an LLM hallucinated, so users of the output reach it',
			url: 'https://atlas.mitre.org/techniques/AML.T0060'
		},
		{
			id: 'mitre_atlas:AML.T0010.005',
			framework: 'mitre_atlas',
			code: 'AML.T0010.005 AI Supply Chain Compromise: AI Agent Tool',
			title: 'Technique: compromising the tools (e.g. MCP servers) that give agents their capabilities and access',
			url: 'https://atlas.mitre.org/techniques/AML.T0010.005'
		},
		{
			id: 'mitre_atlas:AML.T0109',
			framework: 'mitre_atlas',
			code: 'AML.T0109 AI Supply Chain Rug Pull',
			title: 'Technique: a legitimate AI component or tool gains adoption, then ships a malicious update',
			url: 'https://atlas.mitre.org/techniques/AML.T0109'
		},
		{
			id: 'mitre_atlas:AML.T0083',
			framework: 'mitre_atlas',
			code: 'AML.T0083 Credentials from AI Agent Configuration',
			title: "Technique: harvesting API keys and tokens stored in an AI agent's configuration",
			url: 'https://atlas.mitre.org/techniques/AML.T0083'
		},
		{
			id: 'mitre_atlas:AML.M0024',
			framework: 'mitre_atlas',
			code: 'AML.M0024 AI Telemetry Logging',
			title: 'Mitigation: log model inputs and outputs and each agent step, tool call, data access and agent identity',
			url: 'https://atlas.mitre.org/mitigations/AML.M0024'
		},
		{
			id: 'mitre_atlas:AML.M0026',
			framework: 'mitre_atlas',
			code: 'AML.M0026 Privileged AI Agent Permissions Configuration',
			title: 'Mitigation: least privilege, RBAC/ABAC for agents holding elevated permissions',
			url: 'https://atlas.mitre.org/mitigations/AML.M0026'
		},
		{
			id: 'mitre_atlas:AML.M0027',
			framework: 'mitre_atlas',
			code: 'AML.M0027 Single-User AI Agent Permissions Configuration',
			title:
				'Mitigation: an agent acting for a user gets delegated, least-privilege access and a managed lifecycle, incl. decommissioning',
			url: 'https://atlas.mitre.org/mitigations/AML.M0027'
		},
		{
			id: 'mitre_atlas:AML.M0029',
			framework: 'mitre_atlas',
			code: 'AML.M0029 Human In-the-Loop for AI Agent Actions',
			title: 'Mitigation: a human approves agent actions before they run, in proportion to their consequence',
			url: 'https://atlas.mitre.org/mitigations/AML.M0029'
		},
		{
			id: 'mitre_atlas:AML.M0030',
			framework: 'mitre_atlas',
			code: 'AML.M0030 Restrict AI Agent Tool Invocation on Untrusted Data',
			title: 'Mitigation: block or require confirmation for tool calls once untrusted data is in the context',
			url: 'https://atlas.mitre.org/mitigations/AML.M0030'
		},
		{
			id: 'mitre_atlas:AML.M0032',
			framework: 'mitre_atlas',
			code: 'AML.M0032 Segmentation of AI Agent Components',
			title: 'Mitigation: isolate agent tools and data sources (sandboxes, limited network access, clean images)',
			url: 'https://atlas.mitre.org/mitigations/AML.M0032'
		},
		{
			id: 'nist_ssdf:PO.5',
			framework: 'nist_ssdf',
			code: 'PO.5',
			title:
				'Keep every software development environment (development, build, test, distribution) separated and protected',
			url: 'https://csrc.nist.gov/pubs/sp/800/218/final'
		},
		{
			id: 'nist_ssdf:PS.1',
			framework: 'nist_ssdf',
			code: 'PS.1',
			title:
				'Protect all forms of code, including configuration-as-code, from unauthorised access and tampering (least privilege)',
			url: 'https://csrc.nist.gov/pubs/sp/800/218/final'
		},
		{
			id: 'nist_ssdf:PS.2',
			framework: 'nist_ssdf',
			code: 'PS.2',
			title: 'Provide a way for consumers to verify the integrity of released software (hashes, signatures)',
			url: 'https://csrc.nist.gov/pubs/sp/800/218/final'
		},
		{
			id: 'nist_ssdf:PW.4',
			framework: 'nist_ssdf',
			code: 'PW.4',
			title: "Reuse well-secured third-party components, acquired and verified against the organisation's requirements",
			url: 'https://csrc.nist.gov/pubs/sp/800/218/final'
		},
		{
			id: 'nist_ssdf:PW.7',
			framework: 'nist_ssdf',
			code: 'PW.7',
			title: 'Review and/or analyse human-readable code for vulnerabilities and compliance with security requirements',
			url: 'https://csrc.nist.gov/pubs/sp/800/218/final'
		},
		{
			id: 'ossf_s2c2f:ING-2',
			framework: 'ossf_s2c2f',
			code: 'ING-2',
			title: 'Consume open-source packages through an internal binary repository manager (cache/proxy)',
			url: 'https://github.com/ossf/s2c2f/blob/main/specification/framework.md#secure-supply-chain-consumption-framework-requirements'
		},
		{
			id: 'ossf_s2c2f:ING-3',
			framework: 'ossf_s2c2f',
			code: 'ING-3',
			title: 'Be able to deny-list known malicious open-source components so they cannot be consumed',
			url: 'https://github.com/ossf/s2c2f/blob/main/specification/framework.md#secure-supply-chain-consumption-framework-requirements'
		},
		{
			id: 'ossf_s2c2f:ENF-2',
			framework: 'ossf_s2c2f',
			code: 'ENF-2',
			title: 'Enforce use of a curated open-source feed; developers cannot consume packages from outside it',
			url: 'https://github.com/ossf/s2c2f/blob/main/specification/framework.md#secure-supply-chain-consumption-framework-requirements'
		},
		{
			id: 'ossf_scorecard:Dangerous-Workflow',
			framework: 'ossf_scorecard',
			code: 'Dangerous-Workflow',
			title:
				'Whether GitHub workflows avoid dangerous patterns: untrusted code checkout, untrusted input in inline scripts',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#dangerous-workflow'
		},
		{
			id: 'ossf_scorecard:SBOM',
			framework: 'ossf_scorecard',
			code: 'SBOM',
			title: 'Whether the project publishes a software bill of materials, ideally as a release artifact',
			url: 'https://github.com/ossf/scorecard/blob/main/docs/checks.md#sbom'
		},
		{
			id: 'owasp_agentic:ASI02',
			framework: 'owasp_agentic',
			code: 'ASI02 Tool Misuse and Exploitation',
			title:
				'Agents use legitimate tools in harmful or unintended ways (over-broad tools, poisoned input, unsafe chaining)',
			url: 'https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/'
		},
		{
			id: 'owasp_agentic:ASI03',
			framework: 'owasp_agentic',
			code: 'ASI03 Identity and Privilege Abuse',
			title: 'Agents reuse, inherit or escalate credentials and delegated privileges beyond what the task needs',
			url: 'https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/'
		},
		{
			id: 'owasp_agentic:ASI04',
			framework: 'owasp_agentic',
			code: 'ASI04 Agentic Supply Chain Vulnerabilities',
			title: 'Compromised or tampered third-party agents, tools, plugins, prompts or models undermine the agent',
			url: 'https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/'
		},
		{
			id: 'finops:planning-estimating',
			framework: 'finops',
			code: 'Planning & Estimating',
			title: 'Estimate the cost and value of a planned workload or change, from a single service change upward',
			url: 'https://www.finops.org/framework/capabilities/planning-estimating/'
		},
		{
			id: 'finops:budgeting',
			framework: 'finops',
			code: 'Budgeting',
			title: 'Agreed spending limits per team or cost centre, tracked and adjusted during the year',
			url: 'https://www.finops.org/framework/capabilities/budgeting/'
		},
		{
			id: 'finops:anomaly-management',
			framework: 'finops',
			code: 'Anomaly Management',
			title: 'Spot unexpected spend or usage early, alert the owner and resolve it',
			url: 'https://www.finops.org/framework/capabilities/anomaly-management/'
		},
		{
			id: 'finops:governance-policy-risk',
			framework: 'finops',
			code: 'Governance, Policy & Risk',
			title:
				'Set and enforce policies and guardrails (incl. automated) on how technology is acquired, used and retired',
			url: 'https://www.finops.org/framework/capabilities/governance-policy-risk/'
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
