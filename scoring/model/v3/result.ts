/**
 * The result of model 3.0: everything `score()` computes from bank 3.0.0 answers, as data — numbers, ids and rule
 * names, never sentences (the presentation words them, `scoring/present/`). docs/formats.md documents it as the CLI
 * prints it.
 */
import { z } from 'zod';
import { DimensionId, Slug, SemVer, TierId } from '../../schema';

const Score = z.number().min(0).max(100);

/** One dimension: its score as reported (exposure for risk exposure) and how much of it was answered. */
export const DimensionResultSchema = z.strictObject({
	dimension: DimensionId,
	/** 0–100 as reported: for risk exposure, exposure (higher = more exposed); null when nothing was answered. */
	score: Score.nullable(),
	/** 0–100, higher = better (100 − exposure for risk exposure). */
	contribution: Score.nullable(),
	/** Practice (or use) questions of the dimension answered with an option, "varies by team" or "not tracked". */
	answered: z.number().int().min(0),
	dontKnow: z.number().int().min(0),
	unanswered: z.number().int().min(0),
	total: z.number().int().min(0),
	/** answered ÷ total, 0–1. */
	coverage: z.number().min(0).max(1)
});
export type DimensionResult = z.infer<typeof DimensionResultSchema>;

/** The rules that decide a group, in the order they are read (docs/methodology.md, "Groups"). */
export const RULE_IDS = [
	'coverage',
	'pioneer',
	'exposed_control',
	'exposed_exposure',
	'critical_gap',
	'severe_finding',
	'critical_unknown',
	'outcome_unknown',
	'provisional',
	'weak_guard',
	'floor',
	'control'
] as const;
export const RuleId = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleId>;

/** A condition of a rule with the numbers it compared; `holds` says whether the condition is met. */
export const ConditionSchema = z.strictObject({
	id: z.enum([
		'control_robust',
		'floor_governance',
		'floor_automation',
		'floor_platform',
		'no_critical_gap',
		'no_weak_guard',
		'no_severe_finding',
		'not_provisional',
		'in_use',
		'control_weak',
		'exposure_severe',
		'deep_use'
	]),
	value: z.number(),
	cutoff: z.number(),
	holds: z.boolean()
});
export type Condition = z.infer<typeof ConditionSchema>;

/** A cut-off the result sits near, whose crossing changes its group; `margin` is its uncertainty in points. */
export const NearestCutoffSchema = z.strictObject({
	condition: ConditionSchema.shape.id,
	value: z.number(),
	cutoff: z.number(),
	margin: z.number().min(0),
	/** The group just across it. */
	across: TierId
});

export const ExposurePartsSchema = z.strictObject({
	/** AI-driven change, from the use answers ("don't know" and no answer count as the deepest use). */
	aiChange: Score,
	/** The guards on AI-driven change: the weighted mean of the risk dimension's practice questions. */
	guards: Score,
	/** What the last 12 months brought, 0 = nothing, 100 = the worst on every outcome, weighed by detection. */
	outcomes: Score
});

/** A severe outcome: severe by impact, or found by an attacker or an outside party. */
export const CriticalFindingSchema = z.strictObject({
	questionId: Slug,
	optionId: Slug,
	/** The practice that would have caught it (the outcome's detection practice). */
	caughtBy: Slug.nullable(),
	/** Its root cause is fixed and the fix verified: listed, but no longer keeping the result from Pioneer. */
	fixed: z.boolean()
});
export type CriticalFinding = z.infer<typeof CriticalFindingSchema>;

/** An outcome the answers cannot rule out, and why. */
export const UnknownOutcomeSchema = z.strictObject({
	questionId: Slug,
	/**
	 * `weak_detection`: "none that we know of" where the practice that would detect it is weak; `not_tracked`; both
	 * score as the mildest reported outcome. `dont_know` and `unanswered` score as the worst and, where the outcome
	 * could be severe, keep the result from Pioneer.
	 */
	reason: z.enum(['weak_detection', 'not_tracked', 'dont_know', 'unanswered']),
	/** The practice that would detect it. */
	detectedBy: Slug.nullable()
});
export type UnknownOutcome = z.infer<typeof UnknownOutcomeSchema>;

/**
 * Answers that do not fit together. `prerequisite`: an answer its prerequisites do not allow, counted at the highest
 * level below it that they do allow. `root_cause`: "nothing serious happened" beside a severe finding, counted as not
 * fixed. `contradiction`: an answer that cannot be true beside another (AI "only suggests" while agents act in
 * production) — listed and asked about before the result, never counted differently, so no answer about AI use can
 * move a result into or out of Pioneer.
 */
export const InconsistencySchema = z.strictObject({
	kind: z.enum(['prerequisite', 'root_cause', 'contradiction']),
	questionId: Slug,
	given: Slug,
	/** What the answer is counted as; null for a contradiction (counted as given). */
	countedAs: Slug.nullable(),
	requires: z.array(z.strictObject({ question: Slug, atLeast: Slug })),
	/** For a contradiction: the answer it cannot be true beside. */
	with: z.strictObject({ question: Slug, answer: Slug }).nullable()
});
export type Inconsistency = z.infer<typeof InconsistencySchema>;

/** A guard question whose answer leaves a critical gap or a weak guard open — stated, or not ruled out. */
export const GuardGapSchema = z.strictObject({
	questionId: Slug,
	/** The option answered; null when "don't know", "varies by team" or unanswered (not ruled out). */
	optionId: Slug.nullable(),
	/** The practice is in use (for critical gaps: an open gap in use weighs towards Exposed). */
	inUse: z.boolean()
});
export type GuardGap = z.infer<typeof GuardGapSchema>;

export const AnswerChangeSchema = z.strictObject({
	questionId: Slug,
	/** The option answered; null for "don't know", "varies by team" or no answer (the step starts by finding out). */
	from: Slug.nullable(),
	to: Slug,
	/** Why the plan takes it. */
	reason: z.enum(['critical_gap', 'weak_guard', 'prerequisite', 'detection', 'floor', 'control', 'exposure'])
});
export type AnswerChange = z.infer<typeof AnswerChangeSchema>;

export const LiftPlanSchema = z.strictObject({
	/** The next group: out of Exposed for Exposed, Pioneer for Fragmented and Outpacing. */
	target: z.enum(['out_of_exposed', 'pioneer']),
	/** Applying the changes reaches the target; false: the first steps of a longer way (or one practice cannot walk). */
	lifts: z.boolean(),
	/** At most five; critical gaps first, then weak guards, detection and the search; each after the steps it needs. */
	changes: z.array(AnswerChangeSchema).max(5)
});
export type LiftPlan = z.infer<typeof LiftPlanSchema>;

export const ConfidenceGapSchema = z.strictObject({
	dimension: DimensionId,
	confidence: Score.nullable(),
	/** The practice evidence, higher = better (100 − exposure for risk exposure). */
	practice: Score.nullable(),
	gap: z.number().nullable(),
	overconfident: z.boolean()
});
export type ConfidenceGap = z.infer<typeof ConfidenceGapSchema>;

export const BenchmarkLineSchema = z.strictObject({
	questionId: Slug,
	figure: Slug,
	share: z.number().min(0).max(100),
	matches: z.boolean(),
	direction: z.enum(['better', 'worse', 'neutral']),
	you: z.string(),
	peers: z.string(),
	source: z.string()
});
export type BenchmarkLine = z.infer<typeof BenchmarkLineSchema>;

/** One step of the roadmap: the next step from the level answered on one practice question. */
export const RecommendationSchema = z.strictObject({
	questionId: Slug,
	dimension: DimensionId,
	/** Roadmap order (higher first); internal. */
	priority: z.number(),
	title: z.string(),
	action: z.string(),
	effort: z.enum(['low', 'medium', 'high']),
	/** The option answered, `varies`, or null ("don't know" or no answer: the step starts by finding out). */
	from: Slug.nullable(),
	/** The option the step reaches: a critical step's `reaches`, else the next level. */
	to: Slug,
	critical: z.boolean(),
	weakGuard: z.boolean(),
	/** The plan takes this step. */
	lifts: z.boolean(),
	/** Severe findings (outcome ids) this practice would have caught. */
	catches: z.array(Slug),
	theme: Slug.nullable(),
	references: z.array(z.string())
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** The survey's share of the group the model places the result in, with its sampling interval at n = 406. */
export const SurveyShareSchema = z.strictObject({
	group: TierId,
	share: z.number().min(0).max(100),
	interval: z.strictObject({ low: z.number(), high: z.number(), level: z.literal(0.95) }),
	sample: z.number().int().positive()
});

/** Everything model 3.0 says about a set of answers. */
export const ResultSchema = z.strictObject({
	bank: Slug,
	version: SemVer,
	model: z.literal(3),
	dimensions: z.array(DimensionResultSchema),
	/** AI adoption (0–100): the use answers, crediting only what is known. Context, never a condition of Pioneer. */
	use: Score,
	/** Foundations (0–100): governance, automation, guards and platform practice, weighted. */
	control: Score,
	/** Risk exposure (0–100, higher = more exposed) and its parts. */
	exposure: Score,
	exposureParts: ExposurePartsSchema,
	/** Share of practice and outcome questions answered (an option, "varies by team" or "not tracked"), 0–1. */
	coverage: z.number().min(0).max(1),
	/** Share of practice questions answered, 0–1. */
	practiceCoverage: z.number().min(0).max(1),
	answered: z.number().int().min(0),
	dontKnow: z.number().int().min(0),
	/** Scored and confidence questions left unanswered, bank order: asked again, never counted in anyone's favour. */
	unanswered: z.array(Slug),
	tier: TierId.nullable(),
	/** The rule that decided (see {@link RULE_IDS}). */
	rule: RuleId,
	/** Every condition the rules check, with its numbers. */
	conditions: z.array(ConditionSchema),
	/** Dimensions below the Pioneer floor. */
	floorsBelow: z.array(DimensionId),
	/** AI is in real use (from the use answers alone): a condition of Exposed. */
	inUse: z.boolean(),
	/** Stated critical gaps: question ids, bank order. */
	criticalGaps: z.array(Slug),
	/** Every critical question not closed — stated or not ruled out — with whether the practice is in use. */
	criticalOpen: z.array(GuardGapSchema),
	/** Weak guards, stated or not ruled out. */
	weakGuards: z.array(GuardGapSchema),
	criticalFindings: z.array(CriticalFindingSchema),
	unknownOutcomes: z.array(UnknownOutcomeSchema),
	inconsistencies: z.array(InconsistencySchema),
	provisional: z.boolean(),
	provisionalBecause: z.array(z.enum(['coverage', 'thin_dimension', 'unanswered_critical'])),
	thinDimensions: z.array(DimensionId),
	borderline: z.boolean(),
	nearestCutoff: NearestCutoffSchema.nullable(),
	/** `ready_ahead_of_use`: a Pioneer whose use is not deep; `not_in_use`: not a Pioneer, and AI not in real use. */
	context: z.enum(['ready_ahead_of_use', 'not_in_use']).nullable(),
	surveyShare: SurveyShareSchema.nullable(),
	liftPlan: LiftPlanSchema.nullable(),
	confidenceGaps: z.array(ConfidenceGapSchema),
	benchmarkLines: z.array(BenchmarkLineSchema),
	recommendations: z.array(RecommendationSchema)
});
export type Result = z.infer<typeof ResultSchema>;
