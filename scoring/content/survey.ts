/**
 * The survey benchmark: every figure the product may show, each with its source label, as validated data
 * (docs/survey.md lists them, generated from here). Questions reference figures by id; the UI, PDF and CSV show the
 * figure beside its source.
 */
import { z } from 'zod';
import { Slug, TierId, TIER_IDS, type TierId as Tier } from '../schema';

export const SourceSchema = z.strictObject({
	id: Slug,
	label: z.string().min(1),
	date: z.string().min(1),
	/** Where a reader can check the figures, when the source is published at one address. */
	url: z.url({ protocol: /^https$/ }).optional()
});

export const FigureSchema = z.strictObject({
	id: Slug,
	/** What the respondents do, as a verb phrase: "N % of surveyed organisations <statement>". */
	statement: z.string().min(1),
	share: z.number().min(0).max(100),
	/** Who the share is of: all respondents, or one group. */
	base: z.union([z.literal('all'), TierId]),
	source: Slug
});
export type Figure = z.infer<typeof FigureSchema>;

export const TierProfileSchema = z.strictObject({
	id: TierId,
	label: z.string().min(1),
	share: z.number().min(0).max(100),
	summary: z.string().min(1)
});

export const BenchmarkSchema = z
	.strictObject({
		id: Slug,
		name: z.string().min(1),
		sample: z.number().int().positive(),
		fielded: z.string().min(1),
		published: z.string().min(1),
		population: z.string().min(1),
		sources: z.array(SourceSchema).min(1),
		tiers: z.array(TierProfileSchema).length(TIER_IDS.length),
		figures: z.array(FigureSchema)
	})
	.superRefine((b, ctx) => {
		const sources = new Set(b.sources.map((s) => s.id));
		b.figures.forEach((f, i) => {
			if (!sources.has(f.source))
				ctx.addIssue({ code: 'custom', path: ['figures', i, 'source'], message: `unknown source "${f.source}"` });
		});
		const total = b.tiers.reduce((sum, t) => sum + t.share, 0);
		if (Math.abs(total - 100) > 1)
			ctx.addIssue({ code: 'custom', path: ['tiers'], message: `tier shares sum to ${total}, not 100` });
	});
export type Benchmark = z.infer<typeof BenchmarkSchema>;

/** The June 2026 survey, "The AI Readiness Gap" (Spacelift; fieldwork by Panterra Group). */
export const SURVEY_2026: Benchmark = BenchmarkSchema.parse({
	id: 'spacelift_2026',
	name: 'The AI Readiness Gap (Spacelift, fieldwork by Panterra Group)',
	sample: 406,
	fielded: 'April 2026',
	published: '24–26 June 2026',
	population: 'IT decision-makers and platform-engineering leaders, North America, organisations with 250+ employees',
	sources: [
		{
			id: 'securitybrief',
			label: 'SecurityBrief US, "AI infrastructure incidents hit 93%, Spacelift warns"',
			date: '26 June 2026',
			url: 'https://securitybrief.news/story/ai-infrastructure-incidents-hit-93-spacelift-warns'
		},
		{ id: 'press_release', label: 'Spacelift press release, "The AI Readiness Gap"', date: '24 June 2026' },
		{ id: 'coverage', label: 'Coverage by The Register, IT Brief and unite.ai', date: 'June 2026' }
	],
	tiers: [
		{ id: 'exposed', label: 'Exposed', share: 24, summary: 'Uses AI without the governance to support it.' },
		{ id: 'fragmented', label: 'Fragmented', share: 32, summary: 'Inconsistent across the five measures.' },
		{
			id: 'outpacing',
			label: 'Outpacing',
			share: 25,
			summary: 'Advancing with AI but still lacking foundational governance.'
		},
		{ id: 'pioneer', label: 'Pioneer', share: 19, summary: 'Leverages AI with robust governance.' }
	],
	figures: [
		// Group profiles
		{
			id: 'pioneer_enforce_policy',
			statement: 'actively enforce a formal AI governance policy',
			share: 71,
			base: 'pioneer',
			source: 'securitybrief'
		},
		{
			id: 'pioneer_no_concerns',
			statement: 'report no outstanding AI governance concerns',
			share: 24,
			base: 'pioneer',
			source: 'securitybrief'
		},
		{
			// As the source states it: 86 % of Pioneers use AI-generated infrastructure code. The report explains it by
			// governed pipelines; the figure itself does not say how the code is governed.
			id: 'pioneer_ai_iac',
			statement: 'use AI-generated infrastructure code',
			share: 86,
			base: 'pioneer',
			source: 'securitybrief'
		},
		{
			id: 'exposed_confident',
			statement: 'are confident in their governance',
			share: 70,
			base: 'exposed',
			source: 'securitybrief'
		},
		{
			id: 'exposed_formal_policy',
			statement: 'have a formal AI governance policy',
			share: 4,
			base: 'exposed',
			source: 'securitybrief'
		},
		{
			id: 'exposed_ai_iac',
			statement: 'use AI-generated infrastructure code',
			share: 69,
			base: 'exposed',
			source: 'securitybrief'
		},
		// All respondents
		{
			id: 'ai_incident',
			statement: 'have experienced an AI-caused infrastructure incident',
			share: 93,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'governance_foundations',
			statement: 'have the governance foundations needed for AI readiness',
			share: 19,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'confident_governance',
			statement: 'are confident in their ability to govern AI',
			share: 86,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'formal_policy',
			statement: 'have a formal AI governance policy',
			share: 30,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'dev_ahead_of_infra',
			statement: 'say development is ahead of infrastructure in AI adoption',
			share: 67,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'infra_demands_up',
			statement: 'say AI has increased demands on infrastructure teams',
			share: 86,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'vulns_faster',
			statement: 'see security vulnerabilities appearing faster',
			share: 40,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'governance_harder',
			statement: 'say governance is becoming harder',
			share: 40,
			base: 'all',
			source: 'securitybrief'
		},
		{ id: 'change_volume_up', statement: 'see higher change volume', share: 37, base: 'all', source: 'securitybrief' },
		{
			id: 'pipeline_strain',
			statement: 'see increased pipeline strain',
			share: 35,
			base: 'all',
			source: 'securitybrief'
		},
		{ id: 'more_drift', statement: 'see more infrastructure drift', share: 35, base: 'all', source: 'securitybrief' },
		{
			id: 'dev_code_unreviewed',
			statement: 'use AI to generate developer code without thorough review',
			share: 79,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'iac_unreviewed',
			statement: 'use AI to generate IaC or policy-as-code without thorough review',
			share: 78,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'hcl_no_review',
			statement: 'would apply AI-generated HCL directly to production with no review',
			share: 33,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'hcl_minimal_review',
			statement: 'would apply AI-generated HCL to production with only minimal review',
			share: 43,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'track_ai_iac_volume',
			statement: 'track the volume of AI-generated IaC in their pipelines',
			share: 15,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'track_ai_error_rates',
			statement: 'track error rates of AI-generated changes',
			share: 20,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'plan_agentic',
			statement: 'plan to adopt agentic AI for infrastructure',
			share: 89,
			base: 'all',
			source: 'securitybrief'
		},
		{
			id: 'outcome_rework',
			statement: 'had to rework AI-generated changes after an incident',
			share: 37,
			base: 'all',
			source: 'coverage'
		},
		{
			id: 'outcome_misconfig',
			statement: 'saw security misconfigurations reach production',
			share: 36,
			base: 'all',
			source: 'coverage'
		},
		{ id: 'outcome_compliance', statement: 'had compliance violations', share: 36, base: 'all', source: 'coverage' },
		{ id: 'outcome_drift', statement: 'had infrastructure drift', share: 35, base: 'all', source: 'coverage' },
		{
			id: 'outcome_agentic_incident',
			statement: 'had incidents caused by agentic systems',
			share: 33,
			base: 'all',
			source: 'coverage'
		},
		{
			id: 'velocity_up',
			statement: 'say developer velocity increased with AI',
			share: 89,
			base: 'all',
			source: 'coverage'
		},
		{
			id: 'code_ai_assisted_25_75',
			statement: 'have 25–75 % of their code AI-assisted',
			share: 82,
			base: 'all',
			source: 'coverage'
		},
		{
			id: 'ai_top_priority',
			statement: 'rank AI as a top strategic priority',
			share: 25,
			base: 'all',
			source: 'coverage'
		}
	]
});

/** Context from the vendor's 2025 "Infrastructure Automation" report (413 respondents); shown as context only. */
export const SURVEY_2025_CONTEXT = [
	'45 % believed their automation maturity was high; 14 % showed "leader" behaviour.',
	'Leaders were 5× as likely to have a platform team and over 3× as likely to test infrastructure changes automatically.',
	'Half of all respondents need a week or more to deploy an infrastructure change.'
] as const;

/** The address of the source a {@link sourceLabel} names, or null when it has none. */
export function sourceUrlOf(benchmark: Benchmark, label: string): string | null {
	return benchmark.sources.find((s) => `${s.label}, ${s.date}` === label)?.url ?? null;
}

/** Source label of a figure, for showing beside it. */
export function sourceLabel(benchmark: Benchmark, figure: Figure): string {
	const source = benchmark.sources.find((s) => s.id === figure.source);
	return source ? `${source.label}, ${source.date}` : benchmark.name;
}

/** Share (percent) of the benchmark's organisations in each tier, ascending maturity order. */
export function tierShares(benchmark: Benchmark): Record<Tier, number> {
	return Object.fromEntries(TIER_IDS.map((t) => [t, benchmark.tiers.find((p) => p.id === t)?.share ?? 0])) as Record<
		Tier,
		number
	>;
}

/**
 * The survey's share of one group, with its 95 % sampling interval at the survey's sample size (Wilson score
 * interval): the published share is itself an estimate from 406 organisations.
 */
export function surveyShareOf(
	benchmark: Benchmark,
	tier: Tier
): { group: Tier; share: number; interval: { low: number; high: number; level: 0.95 }; sample: number } {
	const share = tierShares(benchmark)[tier];
	return {
		group: tier,
		share,
		interval: { ...wilson(share / 100, benchmark.sample), level: 0.95 },
		sample: benchmark.sample
	};
}

/** Wilson score interval (95 %) of a proportion `p` from `n` observations, in percent with one decimal. */
export function wilson(p: number, n: number): { low: number; high: number } {
	const z = 1.959964;
	const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
	const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
	const pct = (x: number) => Math.round(x * 1000) / 10;
	return { low: pct(centre - half), high: pct(centre + half) };
}
