/**
 * The assessment model's schemas: one zod schema per concept, with the TypeScript type inferred from it.
 * Everything else (question bank data, scoring, the browser, the server, exports) imports from here.
 */
import { z } from 'zod';
import { DONT_KNOW, NOT_APPLICABLE, NOT_TRACKED, RESERVED_ANSWERS, VARIES } from './reserved';

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

export { DONT_KNOW, NOT_APPLICABLE, NOT_TRACKED, RESERVED_ANSWERS, VARIES };

/** Semantic version string, e.g. `1.0.0`. */
export const SemVer = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version like 1.0.0');

/** What to do next from one answer level: the step a practice recommendation names. */
export const NextStepSchema = z.strictObject({
	title: z.string().min(1).max(120),
	action: z.string().min(1).max(600),
	effort: z.enum(['low', 'medium', 'high'])
});

/** A prerequisite of an option: another practice question answered at least at `atLeast`. */
export const PrerequisiteSchema = z.strictObject({
	question: Slug,
	atLeast: Slug
});

/**
 * One behaviourally anchored option. `score` is 0–100 where higher always means better practice (safer, more
 * mature) on practice questions, deeper use on use questions, and a better record on outcome questions.
 */
export const OptionSchema = z.strictObject({
	id: Slug,
	label: z.string().min(1).max(300),
	score: z.number().min(0).max(100),
	/**
	 * Bank 2.0.0: set on an answer that is unacceptable whatever else is true; the sentence names the gap
	 * ("AI-generated infrastructure code can reach production without review"). Caps the tier below Pioneer.
	 */
	critical: z.string().min(1).max(200).optional(),
	/** Bank 2.0.0, practice questions: the next step from this level (absent on the top level). */
	next: NextStepSchema.optional(),
	/** Bank 2.0.0: practices this level builds on, so a plan raises them first. */
	requires: z.array(PrerequisiteSchema).max(4).optional(),
	/**
	 * Bank 3.0.0, critical options (and weak guards whose next level is weak too): the option the step reaches —
	 * written by a person: the first level that is neither critical nor a weak guard and that the step's action
	 * produces. The roadmap and the plan target exactly this option.
	 */
	reaches: Slug.optional(),
	/**
	 * Bank 3.0.0, practice options: a weak guard — not unacceptable, but no Pioneer relies on it (the author's quick
	 * look at AI-generated infrastructure code, author-only review, broad standing credentials). The sentence names it.
	 */
	weakGuard: z.string().min(1).max(200).optional(),
	/**
	 * Bank 3.0.0: answers elsewhere that this option cannot be true beside ("AI only suggests" beside agents acting in
	 * production). A contradiction is listed and asked about before the result; it never changes the score.
	 */
	contradicts: z
		.array(z.strictObject({ question: Slug, answers: z.array(Slug).min(1) }))
		.max(4)
		.optional(),
	/** Bank 3.0.0, outcome options: "none that we know of" (scored by how well the organisation looks). */
	nothingFound: z.literal(true).optional(),
	/**
	 * Bank 3.0.0, outcome options: a severe finding — severe by impact, or found by an attacker or an outside party.
	 * It keeps an organisation out of Pioneer until its root cause is fixed and verified. The sentence names it.
	 */
	severe: z.string().min(1).max(200).optional(),
	/** Bank 3.0.0, the root-cause question: the option saying the root cause is fixed and the fix verified. */
	verifiesFix: z.literal(true).optional()
});
export type Option = z.infer<typeof OptionSchema>;

/** Ties a question to a survey figure: which options count as doing what the survey asked about. */
export const QuestionBenchmarkSchema = z.strictObject({
	/** Id of a figure in `scoring/benchmark`. */
	figure: Slug,
	/** Options whose choice means "you do what the figure counts". */
	matches: z.array(Slug).min(1),
	/**
	 * What doing what the figure counts says about you: `worse` for a "bad behaviour" figure (33 % would apply
	 * AI-generated HCL with no review), `better` for a good one, `neutral` for adoption context.
	 */
	direction: z.enum(['better', 'worse', 'neutral']).default('neutral'),
	/** Sentence about the respondent when their answer matches, e.g. "You track error rates of AI-generated changes". */
	youDo: z.string().min(1),
	/** Sentence when it does not match, e.g. "You do not track error rates of AI-generated changes". */
	youDoNot: z.string().min(1)
});

/** What to do when a practice question is answered low. */
export const RecommendationTemplateSchema = z.strictObject({
	title: z.string().min(1).max(120),
	action: z.string().min(1).max(600),
	effort: z.enum(['low', 'medium', 'high'])
});

/**
 * What a question measures. `use`: adoption of AI (context, never advice); `practice`: a control the organisation
 * decides; `outcome`: what happened in the last 12 months; `confidence`: the self-rating compared with practice;
 * `profile`: who answers (never scored). Bank 1.x has no `use` or `outcome` questions.
 */
export const QUESTION_KINDS = ['use', 'practice', 'outcome', 'confidence', 'profile'] as const;
export const QuestionKind = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** A gating rule: the question does not apply (and is skipped) when `question` was answered with one of `answers`. */
export const SkipRuleSchema = z.strictObject({
	question: Slug,
	answers: z.array(Slug).min(1)
});
export type SkipRule = z.infer<typeof SkipRuleSchema>;

/**
 * Bank 3.0.0, questions with a critical option: the practice is in use unless the use question `question` is
 * answered one of `answers` (AI-generated infrastructure code is not reviewed → not in use when no IaC is generated
 * with AI). "Don't know" or no answer on the use question counts as in use. An open critical gap on a practice in use
 * weighs towards Exposed.
 */
export const InUseRuleSchema = z.strictObject({
	question: Slug,
	answers: z.array(Slug).min(1)
});

/**
 * Bank 3.0.0, outcome questions: the practice that would detect what the question asks about, and the level from
 * which it counts as looking. Below it, "none that we know of" scores as the mildest reported outcome.
 */
export const DetectionSchema = z.strictObject({
	question: Slug,
	atLeast: Slug,
	/** What may have happened unseen while that practice is weak or the outcome unknown (one sentence). */
	unseen: z.string().min(1).max(160)
});

/**
 * A question. `practice` questions are scored; `confidence` questions (one per dimension) are the self-rating
 * compared with the practice score; `profile` questions (role, size, industry) are optional and never scored.
 */
export const QuestionSchema = z.strictObject({
	id: Slug,
	kind: QuestionKind,
	/** Practice and confidence questions belong to a dimension; profile questions do not. */
	dimension: DimensionId.optional(),
	text: z.string().min(1).max(300),
	/** A short "why we ask" line shown under the question. */
	why: z.string().max(300).optional(),
	/** Relative weight inside its dimension (practice questions only). */
	weight: z.number().positive().max(10).optional(),
	options: z.array(OptionSchema).min(2).max(12),
	/** Survey figures the answer is compared with; the line shown uses the first whose options include the answer. */
	benchmarks: z.array(QuestionBenchmarkSchema).max(3).optional(),
	/** Bank 1.x: one recommendation for any low answer (bank 2.0.0 words the next step per level instead). */
	recommendation: RecommendationTemplateSchema.optional(),
	/** Bank 2.0.0: when the question does not apply; only such a question accepts {@link NOT_APPLICABLE}. */
	skipWhen: SkipRuleSchema.optional(),
	/** Bank 2.0.0, practice questions: the practice theme recommendations are merged under. */
	theme: Slug.optional(),
	/** Bank 2.0.0: framework references (ids of `scoring/frameworks`), a mapping, not conformance. */
	references: z.array(z.string().min(1).max(80)).max(12).optional(),
	/**
	 * Bank 3.0.0: when the practice counts as in use (see {@link InUseRuleSchema}) — required on a question with a
	 * critical option (an open gap in use weighs towards Exposed); elsewhere it only keeps a survey comparison off a
	 * result it does not concern.
	 */
	inUseUnless: InUseRuleSchema.optional(),
	/**
	 * Bank 3.0.0, use questions: false for adoption that is not AI-driven change (access to tools, strategic priority):
	 * it counts in AI adoption but not in whether AI is in real use or in exposure.
	 */
	drivesChange: z.literal(false).optional(),
	/** Bank 3.0.0, outcome questions: the practice that detects it (see {@link DetectionSchema}). */
	detectedBy: DetectionSchema.optional(),
	/**
	 * Bank 3.0.0: the outcome question that asks whether the root cause of the most serious finding is fixed and
	 * verified; its top option lifts the Pioneer block of severe findings. Not scored into exposure.
	 */
	rootCause: z.literal(true).optional()
});
export type Question = z.infer<typeof QuestionSchema>;

export const DimensionSchema = z.strictObject({
	id: DimensionId,
	label: z.string().min(1),
	description: z.string().min(1),
	/** `higher-is-worse` for risk exposure: reported as exposure, entering the index inverted. */
	orientation: z.enum(['higher-is-better', 'higher-is-worse'])
});

/** The question bank: versioned content as data, validated at load. */
export const QuestionBankSchema = z
	.strictObject({
		id: Slug,
		version: SemVer,
		/**
		 * Which scoring model the bank is scored by: 1 = the frozen model of bank 1.x (kept so old results read as
		 * they did), 2 = the frozen model of bank 2.0.0, 3 = the model of bank 3.0.0 (docs/methodology.md).
		 */
		model: z.union([z.literal(1), z.literal(2), z.literal(3)]),
		title: z.string().min(1),
		dimensions: z.array(DimensionSchema).length(DIMENSION_IDS.length),
		/** Bank 2.0.0: the label of each practice theme recommendations are merged under. */
		themes: z.record(Slug, z.string().min(1).max(60)).optional(),
		questions: z.array(QuestionSchema).min(1)
	})
	.superRefine((bank, ctx) => {
		const ids = new Set<string>();
		const byId = new Map(bank.questions.map((q) => [q.id, q]));
		const issue = (i: number, field: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: ['questions', i, field], message });
		bank.questions.forEach((q, i) => {
			if (ids.has(q.id)) issue(i, 'id', `duplicate question id "${q.id}"`);
			ids.add(q.id);
			const optionIds = new Set(q.options.map((o) => o.id));
			if (optionIds.size !== q.options.length) issue(i, 'options', `duplicate option id in "${q.id}"`);
			for (const reserved of RESERVED_ANSWERS)
				if (optionIds.has(reserved)) issue(i, 'options', `"${reserved}" is reserved`);
			if (q.kind !== 'profile' && !q.dimension) issue(i, 'dimension', `"${q.id}" needs a dimension`);
			if ((q.kind === 'practice' || q.kind === 'use' || q.kind === 'outcome') && q.weight === undefined)
				issue(i, 'weight', `${q.kind} question "${q.id}" needs a weight`);
			for (const link of q.benchmarks ?? [])
				for (const m of link.matches)
					if (!optionIds.has(m)) issue(i, 'benchmarks', `"${q.id}" benchmark names unknown option "${m}"`);
			if (bank.model === 1) {
				if (q.kind === 'use' || q.kind === 'outcome') issue(i, 'kind', `bank model 1 has no ${q.kind} questions`);
				return;
			}
			// Model 2: kinds sit in their dimensions, practice carries its advice and references, gates point back.
			if (q.kind === 'use' && q.dimension !== 'ai_integration')
				issue(i, 'dimension', `use question "${q.id}" belongs to ai_integration`);
			if (q.kind !== 'use' && q.kind !== 'confidence' && q.dimension === 'ai_integration')
				issue(i, 'kind', `"${q.id}": ai_integration holds use and confidence questions only`);
			if (q.kind === 'outcome' && q.dimension !== 'risk_exposure')
				issue(i, 'dimension', `outcome question "${q.id}" belongs to risk_exposure`);
			if (q.kind === 'practice') {
				if (!q.theme) issue(i, 'theme', `practice question "${q.id}" needs a theme`);
				else if (!bank.themes?.[q.theme]) issue(i, 'theme', `theme "${q.theme}" of "${q.id}" has no label`);
				if (!q.references?.length) issue(i, 'references', `practice question "${q.id}" needs framework references`);
				const top = Math.max(...q.options.map((o) => o.score));
				for (const o of q.options) {
					if (o.score < top && !o.next) issue(i, 'options', `"${q.id}" option "${o.id}" needs a next step`);
					if (o.score === top && o.next) issue(i, 'options', `"${q.id}" top option "${o.id}" has a next step`);
				}
			} else
				for (const o of q.options)
					if (o.critical || o.next || o.requires || o.reaches || o.weakGuard)
						issue(i, 'options', `"${q.id}": only practice options can be critical, weak guards or carry steps`);
			if (q.kind !== 'outcome')
				for (const o of q.options)
					if (o.nothingFound || o.severe || o.verifiesFix)
						issue(i, 'options', `"${q.id}": only outcome options can be "none found" or severe`);
			if (bank.model === 3) model3Checks(q, i, bank, byId, issue);
			if (q.options.some((o, k) => k > 0 && o.score < (q.options[k - 1]?.score ?? 0)))
				issue(i, 'options', `"${q.id}" options must run from lowest to highest score`);
			for (const o of q.options)
				for (const r of o.requires ?? []) {
					const target = byId.get(r.question);
					if (!target || target.kind !== 'practice' || !target.options.some((x) => x.id === r.atLeast))
						issue(i, 'options', `"${q.id}" option "${o.id}" requires unknown "${r.question}.${r.atLeast}"`);
				}
			if (q.skipWhen) {
				const gate = byId.get(q.skipWhen.question);
				const earlier = bank.questions.findIndex((x) => x.id === q.skipWhen?.question) < i;
				if (!gate || gate.kind !== 'use' || !earlier || gate.skipWhen)
					issue(
						i,
						'skipWhen',
						`"${q.id}" is gated by "${q.skipWhen.question}", which must be an earlier ungated use question`
					);
				else
					for (const a of q.skipWhen.answers)
						if (!gate.options.some((o) => o.id === a))
							issue(i, 'skipWhen', `"${q.id}" gate names unknown option "${a}" of "${gate.id}"`);
			}
		});
	});
export type QuestionBank = z.infer<typeof QuestionBankSchema>;

/**
 * What bank model 3 adds: every question is asked of everyone (no gates); a critical option names the non-critical
 * option its step reaches and a use question that says when the practice is in use; a weak guard is not also
 * critical; an outcome question names the practice that detects it and has one "none that we know of" option.
 */
function model3Checks(
	q: z.infer<typeof QuestionSchema>,
	i: number,
	bank: { questions: z.infer<typeof QuestionSchema>[] },
	byId: Map<string, z.infer<typeof QuestionSchema>>,
	issue: (i: number, field: string, message: string) => void
): void {
	if (q.skipWhen) issue(i, 'skipWhen', `"${q.id}": bank model 3 asks every question of everyone (no skipWhen)`);
	const critical = q.options.filter((o) => o.critical);
	const unsafe = (o: (typeof q.options)[number] | undefined) => Boolean(o?.critical || o?.weakGuard);
	for (const [k, o] of q.options.entries()) {
		if (o.critical && o.weakGuard) issue(i, 'options', `"${q.id}" option "${o.id}" is critical and a weak guard`);
		const next = q.options.slice(k + 1).find((x) => x.score > o.score);
		if ((o.critical || (o.weakGuard && unsafe(next))) && !o.reaches)
			issue(i, 'options', `"${q.id}" option "${o.id}" needs "reaches": its next level is not safe`);
		if (o.reaches) {
			const target = q.options.find((x) => x.id === o.reaches);
			if (!target || unsafe(target) || target.score <= o.score)
				issue(i, 'options', `"${q.id}" option "${o.id}" must reach a higher option that is neither critical nor weak`);
		}
		for (const c of o.contradicts ?? []) {
			const other = byId.get(c.question);
			if (!other || other === q || c.answers.some((a) => !other.options.some((x) => x.id === a)))
				issue(i, 'options', `"${q.id}" option "${o.id}" contradicts unknown "${c.question}" answers`);
		}
	}
	if (critical.length > 0 || q.inUseUnless) {
		const rule = q.inUseUnless;
		const use = rule && byId.get(rule.question);
		if (!rule || !use || use.kind !== 'use' || bank.questions.indexOf(use) > i)
			issue(i, 'inUseUnless', `"${q.id}" needs an earlier use question in inUseUnless`);
		else
			for (const a of rule.answers)
				if (!use.options.some((o) => o.id === a))
					issue(i, 'inUseUnless', `"${q.id}" inUseUnless names unknown option "${a}" of "${use.id}"`);
	}
	if (q.drivesChange === false && q.kind !== 'use') issue(i, 'drivesChange', `only use questions can drive change`);
	if (q.kind === 'outcome' && !q.rootCause) {
		const d = q.detectedBy && byId.get(q.detectedBy.question);
		if (!q.detectedBy || !d || d.kind !== 'practice' || !d.options.some((o) => o.id === q.detectedBy?.atLeast))
			issue(i, 'detectedBy', `outcome question "${q.id}" needs detectedBy naming a practice question and its option`);
		if (q.options.filter((o) => o.nothingFound).length !== 1)
			issue(i, 'options', `outcome question "${q.id}" needs exactly one "none that we know of" option`);
		else if (!q.options[q.options.length - 1]?.nothingFound)
			issue(i, 'options', `"${q.id}": "none that we know of" is the best outcome, so it comes last`);
	} else if (q.detectedBy) issue(i, 'detectedBy', `only outcome questions are detected`);
	if (q.rootCause && q.kind !== 'outcome')
		issue(i, 'rootCause', `"${q.id}": only an outcome question asks for root causes`);
	if (q.rootCause && bank.questions.filter((x) => x.rootCause).length > 1)
		issue(i, 'rootCause', 'only one question asks whether root causes are fixed');
}

/**
 * An answer is an option id of its question, or a reserved answer ({@link NOT_APPLICABLE}, {@link DONT_KNOW}).
 * A missing key means "skipped".
 */
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

/** Tiers in ascending order of maturity. */
export const TIER_IDS = ['exposed', 'fragmented', 'outpacing', 'pioneer'] as const;
export const TierId = z.enum(TIER_IDS);
export type TierId = z.infer<typeof TierId>;
