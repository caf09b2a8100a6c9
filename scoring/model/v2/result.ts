/**
 * The result of the frozen models (bank 1.x and 2.0.0) — the schema as it was at bank 2.0.0, frozen with the models
 * so that their output keeps its exact shape. Model 3.0's result is `scoring/model/v3/result.ts`.
 */
import { z } from 'zod';
import { DimensionId, Slug, SemVer, TierId } from '../../schema';

const Score = z.number().min(0).max(100);

export const DimensionResultSchema = z.strictObject({
	dimension: DimensionId,
	/** 0–100 as reported (exposure for risk_exposure); null when no question of the dimension was answered. */
	score: Score.nullable(),
	/** 0–100, higher = better, as it enters the index (100 − exposure for risk_exposure). */
	contribution: Score.nullable(),
	answered: z.number().int().min(0),
	notApplicable: z.number().int().min(0),
	/** Answered "don't know" (bank 2.0.0; scored as the weakest answer, not counted as answered). */
	dontKnow: z.number().int().min(0),
	skipped: z.number().int().min(0),
	/** Questions that apply (gated-off questions excluded). */
	total: z.number().int().min(0),
	/** answered ÷ total, 0–1 (1 when nothing applies). */
	coverage: z.number().min(0).max(1)
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
	/** Prerequisites first. Bank 2.0.0: practice questions only, each raised by at most two levels. */
	changes: z.array(AnswerChangeSchema)
});
export type LiftPlan = z.infer<typeof LiftPlanSchema>;

/**
 * Why a placed result below Pioneer has no lift plan: `deeper_use` — only deeper AI use would lift it (adoption is
 * context, never advice); `outcomes` — recent incidents hold it down whatever the practice; `no_steps` — no set
 * of realistic practice steps (two levels per question) lifts it.
 */
export const LiftContext = z.enum(['deeper_use', 'outcomes', 'no_steps']);
export type LiftContext = z.infer<typeof LiftContext>;

/** For a result below deep use: whether its practice would hold at the Pioneer bar if use deepened, and how to get there. */
export const ReadinessSchema = z.strictObject({
	ready: z.boolean(),
	/** The fewest practice steps to be ready (empty when ready, or when no realistic steps suffice). */
	changes: z.array(AnswerChangeSchema),
	/** False when no realistic set of steps makes the practice ready. */
	reachable: z.boolean()
});
export type Readiness = z.infer<typeof ReadinessSchema>;

/** The cut-off a borderline result sits near, and the group on its other side. */
export const NearestCutoffSchema = z.strictObject({
	rule: z.string().min(1),
	axis: z.enum(['use', 'control', 'exposure']),
	value: z.number(),
	cutoff: z.number(),
	/** The uncertainty margin of this cut-off (points), from the norming's sensitivity runs. */
	margin: z.number().min(0),
	/** The tier the result would be in just across this cut-off. */
	across: TierId
});

/** The parts risk exposure is computed from (bank 2.0.0), each 0–100. */
export const ExposurePartsSchema = z.strictObject({
	/** How much AI-driven change there is: the use axis as exposure sees it ("don't know" counts as deep use). */
	aiChange: Score,
	/** How strong the guards on AI-driven change are: the weighted mean of the risk dimension's practice questions. */
	guards: Score,
	/** How much the last 12 months' outcomes count against you: 0 = no incidents, 100 = the worst on every question. */
	outcomes: Score
});

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
	/** Whether the answer is what the figure counts. */
	matches: z.boolean(),
	/** What matching the figure says about practice (see `QuestionBenchmark.direction`). */
	direction: z.enum(['better', 'worse', 'neutral']),
	you: z.string(),
	peers: z.string(),
	source: z.string()
});
export type BenchmarkLine = z.infer<typeof BenchmarkLineSchema>;

export const RecommendationSchema = z.strictObject({
	questionId: Slug,
	dimension: DimensionId,
	/** Order of the roadmap (higher first); internal, never shown. */
	priority: z.number(),
	title: z.string(),
	action: z.string(),
	effort: z.enum(['low', 'medium', 'high']),
	/** Bank 2.0.0: the level the step starts from (null for "don't know" / skipped) and the level it reaches. */
	from: Slug.nullable(),
	to: Slug.nullable(),
	/** The answer is a critical gap; such steps head the roadmap. */
	critical: z.boolean(),
	/** The step is part of the lift plan (or the readiness plan). */
	lifts: z.boolean(),
	theme: Slug.nullable(),
	references: z.array(z.string()),
	/** The answers that triggered it. */
	because: z.array(z.strictObject({ questionId: Slug, optionId: Slug }))
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** Everything a results page, PDF or CSV shows, computed by `score(bank, answers)`. */
export const LegacyResultSchema = z.strictObject({
	bank: Slug,
	version: SemVer,
	/** The scoring model the bank is scored by (see `QuestionBank.model`). */
	model: z.union([z.literal(1), z.literal(2)]),
	dimensions: z.array(DimensionResultSchema),
	/** How deeply AI is used: the ai_integration score. */
	use: Score.nullable(),
	/** How well AI is controlled: weighted mean of governance, automation, platform and (100 − exposure). */
	control: Score.nullable(),
	index: Score.nullable(),
	/** Share of scored questions that apply and were answered with an option (not skipped, N/A or "don't know"), 0–1. */
	coverage: z.number().min(0).max(1),
	answered: z.number().int().min(0),
	notApplicable: z.number().int().min(0),
	dontKnow: z.number().int().min(0),
	skipped: z.number().int().min(0),
	/** Null when too little was answered to place a tier. */
	tier: TierId.nullable(),
	reasons: z.array(ReasonSchema),
	/** Bank 2.0.0: AI is used above the floor below which an organisation is never Exposed. */
	inUse: z.boolean(),
	/** Bank 2.0.0: questions whose answer is a critical gap (a critical option, or "don't know" / skipped where one exists), bank order. */
	criticalGaps: z.array(Slug),
	/** A dimension's coverage is thin: read the tier as provisional. */
	provisional: z.boolean(),
	/** The dimensions with thin coverage, in display order. */
	thinDimensions: z.array(DimensionId),
	exposure: ExposurePartsSchema.nullable(),
	borderline: z.boolean(),
	nearestCutoff: NearestCutoffSchema.nullable(),
	liftPlan: LiftPlanSchema.nullable(),
	/** Why a placed result below Pioneer has no lift plan; null otherwise. */
	liftContext: LiftContext.nullable(),
	/** Bank 2.0.0, results below deep use: readiness of practice for deeper use. */
	readiness: ReadinessSchema.nullable(),
	confidenceGaps: z.array(ConfidenceGapSchema),
	benchmarkLines: z.array(BenchmarkLineSchema),
	recommendations: z.array(RecommendationSchema)
});
export type LegacyResult = z.infer<typeof LegacyResultSchema>;
