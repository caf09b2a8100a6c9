/**
 * The assessment model's schemas: one zod schema per concept, with the TypeScript type inferred from it.
 * Everything else (question bank data, scoring, the browser, the server, exports) imports from here.
 */
import { z } from 'zod';

/** Lower-case slug used for question, option, figure and dimension ids. */
export const Slug = z
	.string()
	.min(1)
	.max(64)
	.regex(/^[a-z][a-z0-9_]*$/, 'must be a lower-case slug (a-z, 0-9, _)');

/** The five measures of the survey's AI Maturity Index, in display order. */
export const DIMENSION_IDS = ['ai_integration', 'governance', 'automation', 'risk_exposure', 'platform'] as const;
export const DimensionId = z.enum(DIMENSION_IDS);
export type DimensionId = z.infer<typeof DimensionId>;

/** The reserved answer for "Not applicable / don't know": excluded from scores, counted against coverage. */
export const NOT_APPLICABLE = 'na' as const;

/** Semantic version string, e.g. `1.0.0`. */
export const SemVer = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version like 1.0.0');

/**
 * One behaviourally anchored option. `score` is 0–100 where higher always means better practice (safer, more
 * mature); risk-exposure questions therefore score the *control* of exposure and the dimension is reported inverted.
 */
export const OptionSchema = z.strictObject({
	id: Slug,
	label: z.string().min(1).max(300),
	score: z.number().min(0).max(100)
});
export type Option = z.infer<typeof OptionSchema>;

/** Ties a question to a survey figure: which options count as doing what the survey asked about. */
export const QuestionBenchmarkSchema = z.strictObject({
	/** Id of a figure in `scoring/benchmark`. */
	figure: Slug,
	/** Options whose choice means "you do what the figure counts". */
	matches: z.array(Slug).min(1),
	/** Sentence about the respondent when their answer matches, e.g. "You track error rates of AI-generated changes". */
	youDo: z.string().min(1),
	/** Sentence when it does not match, e.g. "You do not track error rates of AI-generated changes". */
	youDoNot: z.string().min(1)
});
export type QuestionBenchmark = z.infer<typeof QuestionBenchmarkSchema>;

/** What to do when a practice question is answered low. */
export const RecommendationTemplateSchema = z.strictObject({
	title: z.string().min(1).max(120),
	action: z.string().min(1).max(600),
	effort: z.enum(['low', 'medium', 'high'])
});
export type RecommendationTemplate = z.infer<typeof RecommendationTemplateSchema>;

/**
 * A question. `practice` questions are scored; `confidence` questions (one per dimension) are the self-rating
 * compared with the practice score; `profile` questions (role, size, industry) are optional and never scored.
 */
export const QuestionSchema = z.strictObject({
	id: Slug,
	kind: z.enum(['practice', 'confidence', 'profile']),
	/** Practice and confidence questions belong to a dimension; profile questions do not. */
	dimension: DimensionId.optional(),
	text: z.string().min(1).max(300),
	/** A short "why we ask" line shown under the question. */
	why: z.string().max(300).optional(),
	/** Relative weight inside its dimension (practice questions only). */
	weight: z.number().positive().max(10).optional(),
	options: z.array(OptionSchema).min(2).max(12),
	benchmark: QuestionBenchmarkSchema.optional(),
	recommendation: RecommendationTemplateSchema.optional()
});
export type Question = z.infer<typeof QuestionSchema>;

export const DimensionSchema = z.strictObject({
	id: DimensionId,
	label: z.string().min(1),
	description: z.string().min(1),
	/** `higher-is-worse` for risk exposure: reported as exposure, entering the index inverted. */
	orientation: z.enum(['higher-is-better', 'higher-is-worse'])
});
export type Dimension = z.infer<typeof DimensionSchema>;

/** The question bank: versioned content as data, validated at load. */
export const QuestionBankSchema = z
	.strictObject({
		id: Slug,
		version: SemVer,
		title: z.string().min(1),
		dimensions: z.array(DimensionSchema).length(DIMENSION_IDS.length),
		questions: z.array(QuestionSchema).min(1)
	})
	.superRefine((bank, ctx) => {
		const ids = new Set<string>();
		bank.questions.forEach((q, i) => {
			if (ids.has(q.id))
				ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
			ids.add(q.id);
			const optionIds = new Set(q.options.map((o) => o.id));
			if (optionIds.size !== q.options.length)
				ctx.addIssue({
					code: 'custom',
					path: ['questions', i, 'options'],
					message: `duplicate option id in "${q.id}"`
				});
			if (optionIds.has(NOT_APPLICABLE))
				ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: `"${NOT_APPLICABLE}" is reserved` });
			if (q.kind !== 'profile' && !q.dimension)
				ctx.addIssue({ code: 'custom', path: ['questions', i, 'dimension'], message: `"${q.id}" needs a dimension` });
			if (q.kind === 'practice' && q.weight === undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['questions', i, 'weight'],
					message: `practice question "${q.id}" needs a weight`
				});
			for (const m of q.benchmark?.matches ?? [])
				if (!optionIds.has(m))
					ctx.addIssue({
						code: 'custom',
						path: ['questions', i, 'benchmark'],
						message: `"${q.id}" benchmark names unknown option "${m}"`
					});
		});
	});
export type QuestionBank = z.infer<typeof QuestionBankSchema>;

/** An answer is an option id of its question, or {@link NOT_APPLICABLE}. A missing key means "skipped". */
export const AnswersSchema = z
	.custom<Record<string, unknown>>(
		// zod's record silently drops a `__proto__` key; refuse it so no answer is ever lost without a word.
		(value) => typeof value !== 'object' || value === null || !Object.hasOwn(value, '__proto__'),
		{ message: '"__proto__" is not a question id' }
	)
	.pipe(z.record(Slug, Slug));
export type Answers = z.infer<typeof AnswersSchema>;

/** A set of answers tied to the bank they answer (the CLI's and the JSON API's input). */
export const AnswerSetSchema = z.strictObject({
	bank: Slug,
	version: SemVer,
	answers: AnswersSchema
});
export type AnswerSet = z.infer<typeof AnswerSetSchema>;

/** Tiers in ascending order of maturity. */
export const TIER_IDS = ['exposed', 'fragmented', 'outpacing', 'pioneer'] as const;
export const TierId = z.enum(TIER_IDS);
export type TierId = z.infer<typeof TierId>;

const Score = z.number().min(0).max(100);

export const DimensionResultSchema = z.strictObject({
	dimension: DimensionId,
	/** 0–100 as reported (exposure for risk_exposure); null when no question of the dimension was answered. */
	score: Score.nullable(),
	/** 0–100, higher = better, as it enters the index (100 − exposure for risk_exposure). */
	contribution: Score.nullable(),
	answered: z.number().int().min(0),
	notApplicable: z.number().int().min(0),
	skipped: z.number().int().min(0),
	total: z.number().int().min(0)
});
export type DimensionResult = z.infer<typeof DimensionResultSchema>;

/** A rule that fired (or nearly did) when placing the tier, with the numbers it compared. */
export const ReasonSchema = z.strictObject({
	rule: z.string().min(1),
	text: z.string().min(1),
	value: z.number(),
	cutoff: z.number(),
	passed: z.boolean()
});
export type Reason = z.infer<typeof ReasonSchema>;

export const AnswerChangeSchema = z.strictObject({
	questionId: Slug,
	from: Slug.nullable(),
	to: Slug
});
export type AnswerChange = z.infer<typeof AnswerChangeSchema>;

export const LiftPlanSchema = z.strictObject({
	target: TierId,
	changes: z.array(AnswerChangeSchema)
});
export type LiftPlan = z.infer<typeof LiftPlanSchema>;

export const ConfidenceGapSchema = z.strictObject({
	dimension: DimensionId,
	/** Self-rated confidence, 0–100; null when not answered. */
	confidence: Score.nullable(),
	/** Evidence: the dimension's contribution (higher = better). */
	practice: Score.nullable(),
	/** confidence − practice; positive = confidence exceeds the evidence. */
	gap: z.number().nullable(),
	overconfident: z.boolean()
});
export type ConfidenceGap = z.infer<typeof ConfidenceGapSchema>;

export const BenchmarkLineSchema = z.strictObject({
	questionId: Slug,
	figure: Slug,
	share: z.number().min(0).max(100),
	matches: z.boolean(),
	you: z.string(),
	peers: z.string(),
	source: z.string()
});
export type BenchmarkLine = z.infer<typeof BenchmarkLineSchema>;

export const RecommendationSchema = z.strictObject({
	questionId: Slug,
	dimension: DimensionId,
	priority: z.number(),
	title: z.string(),
	action: z.string(),
	effort: z.enum(['low', 'medium', 'high']),
	/** The answers that triggered it. */
	because: z.array(z.strictObject({ questionId: Slug, optionId: Slug }))
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** Everything a results page, PDF or CSV shows, computed by `score(bank, answers)`. */
export const ResultSchema = z.strictObject({
	bank: Slug,
	version: SemVer,
	dimensions: z.array(DimensionResultSchema),
	/** How deeply AI is used: the ai_integration score. */
	use: Score.nullable(),
	/** How well AI is controlled: weighted mean of governance, automation, platform and (100 − exposure). */
	control: Score.nullable(),
	index: Score.nullable(),
	/** Share of practice questions answered (not skipped, not N/A), 0–1. */
	coverage: z.number().min(0).max(1),
	answered: z.number().int().min(0),
	notApplicable: z.number().int().min(0),
	skipped: z.number().int().min(0),
	/** Null when too little was answered to place a tier. */
	tier: TierId.nullable(),
	reasons: z.array(ReasonSchema),
	borderline: z.boolean(),
	liftPlan: LiftPlanSchema.nullable(),
	confidenceGaps: z.array(ConfidenceGapSchema),
	benchmarkLines: z.array(BenchmarkLineSchema),
	recommendations: z.array(RecommendationSchema)
});
export type Result = z.infer<typeof ResultSchema>;
