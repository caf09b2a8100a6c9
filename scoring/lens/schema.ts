/**
 * A lens: a question set a consultant or an operator brings beside the survey model (docs/lenses.md). Its answers
 * give findings — high or medium risk, with next steps and framework references — and never change the survey group,
 * which stays the normed model's. One zod schema is the format; `docs/lens.schema.json` is generated from it
 * (`LENS_JSON_SCHEMA`), and a test holds the two equal. What a schema cannot say (unique ids, references that
 * resolve, sound risk rules) is checked in `./check.ts`.
 */
import { z } from 'zod';

/** The file format's version (the `lens` field): a lens file says which format it is written in. */
export const LENS_FORMAT = 1;

/** A lens id: lower case, digits, `-` and `_`; it appears in answer codes and addresses. */
export const LensId = z
	.string()
	.regex(/^[a-z][a-z0-9_-]{1,62}$/, 'must be 2–63 characters: a-z first, then a-z, 0-9, - or _');

/** An id inside a lens (a section, question, option, source or reference). */
const LocalId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a-z first, then a-z, 0-9 or _ (at most 64)');

/** A lens version: `major.minor`. A published version never changes (see docs/lenses.md). */
export const LensVersion = z
	.string()
	.regex(/^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})$/, 'must be major.minor, e.g. 1.0 (no leading zeros)');

const text = (max: number) =>
	z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// address' });

/** A public source the lens is built from. */
export const LensSourceSchema = z.strictObject({
	id: LocalId,
	title: text(300),
	publisher: text(200).optional(),
	url: httpsUrl,
	/** When the source was published or last consulted, YYYY-MM-DD. */
	date: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
		.optional()
});

/** A framework reference: a provision of a source that a question maps to (a mapping, not conformance). */
export const LensReferenceSchema = z.strictObject({
	id: LocalId,
	/** The id of the source it is in. */
	source: LocalId,
	/** The provision as the source numbers it, e.g. "Art. 9(4)(e)". */
	code: text(80),
	/** What the provision is about, in the lens author's own words. */
	title: text(240),
	url: httpsUrl.optional()
});

/** One behaviourally anchored option: what an organisation at this level does, and its level (0 = weakest). */
export const LensOptionSchema = z.strictObject({
	id: LocalId,
	label: text(400),
	level: z
		.int({
			error: (issue) =>
				issue.input === undefined ? 'every option needs a level (0 = weakest)' : 'must be a whole number from 0 to 10'
		})
		.min(0, 'must be a whole number from 0 to 10')
		.max(10, 'must be a whole number from 0 to 10')
		.describe('The level of practice this option describes: 0 is the weakest; higher is better.')
});

/** A condition on another question's answer. */
export const LensConditionSchema = z.strictObject({
	question: LocalId,
	answers: z.array(LocalId).min(1, 'must name at least one option')
});

/**
 * "Not applicable" offered on a question, with the label the respondent sees. With `onlyIf`, the answer counts only
 * when that other answer was given; otherwise it counts as unanswered (it never helps).
 */
export const LensNotApplicableSchema = z.strictObject({
	label: text(200),
	onlyIf: LensConditionSchema.optional()
});

export const LensQuestionSchema = z.strictObject({
	id: LocalId,
	text: text(400),
	/** Why the question is asked (optional reading under it). */
	why: text(800).optional(),
	options: z.array(LensOptionSchema).min(2, 'must have at least 2 options').max(8, 'must have at most 8 options'),
	/** Offer "Don't know" (default true). It counts as the weakest option: it never helps. */
	dontKnow: z
		.boolean()
		.optional()
		.describe('Offer "Don’t know" (default true). It counts as the weakest option: it never helps.'),
	notApplicable: LensNotApplicableSchema.optional().describe(
		'Offer "not applicable" with this label; with onlyIf it counts only when that other answer was given (an answer of "na" there means that question was answered not applicable).'
	),
	/** Ids of framework references (the lens's `references`). */
	references: z.array(LocalId).max(12).optional()
});

export const LensSectionSchema = z.strictObject({
	id: LocalId,
	title: text(120),
	description: text(600).optional(),
	questions: z.array(LensQuestionSchema).min(1, 'must have at least one question').max(20)
});

/** The two risks a rule marks; an answer no rule names is no risk. */
export const LENS_RISKS = ['high', 'medium'] as const;
export type LensRisk = (typeof LENS_RISKS)[number];

/** Which answers of a question are high or medium risk, and why. */
export const LensRiskRuleSchema = z.strictObject({
	question: LocalId,
	answers: z.array(LocalId).min(1, 'must name at least one option'),
	risk: z.enum(LENS_RISKS, { error: 'must be high or medium' }),
	because: text(300)
});

/** What to do next from the named answers of a question. */
export const LensNextStepSchema = z.strictObject({
	question: LocalId,
	answers: z.array(LocalId).min(1, 'must name at least one option'),
	title: text(120),
	action: text(600)
});

export const LensSchema = z.strictObject({
	/** The format version ({@link LENS_FORMAT}). */
	lens: z
		.literal(LENS_FORMAT, { error: `must be ${LENS_FORMAT} (the lens format this site reads)` })
		.describe('The lens file format version.'),
	id: LensId.describe('The lens id, used in links (/assess?lens=<id>) and answer codes.'),
	title: text(120),
	version: LensVersion.describe('major.minor. A published version never changes: a change is a new version.'),
	/** What changed in this version (the first version: what it is). */
	changes: text(600).describe('What changed in this version (for the first version, what the lens is).'),
	description: text(1200),
	sources: z.array(LensSourceSchema).min(1, 'must cite at least one source').max(30),
	references: z.array(LensReferenceSchema).max(100).optional(),
	sections: z.array(LensSectionSchema).min(1, 'must have at least one section').max(12),
	risks: z
		.array(LensRiskRuleSchema)
		.max(200)
		.describe(
			'Which answers are high or medium risk. An answer has one risk; risk never rises with the level; the best option is never a risk.'
		),
	nextSteps: z
		.array(LensNextStepSchema)
		.max(200)
		.describe('What to do next from the named answers. Every answer a risk rule marks needs one.')
});
export type Lens = z.infer<typeof LensSchema>;
export type LensQuestion = z.infer<typeof LensQuestionSchema>;

/** The JSON Schema published at docs/lens.schema.json (draft 2020-12), generated from {@link LensSchema}. */
export function lensJsonSchema(): Record<string, unknown> {
	return {
		title: 'Readiness check lens',
		description:
			'A lens: questions beside the survey model, with risk rules, next steps and framework references. See docs/lenses.md.',
		...z.toJSONSchema(LensSchema, { target: 'draft-2020-12', io: 'input' })
	};
}
