/**
 * The presentation model: from a scored result (and an optional custom benchmark, profile, organisation name and
 * earlier result) every sentence, label, number and empty state any result surface shows. The results page, the
 * PDF and the CSV render a {@link ResultView} and word nothing themselves, so they cannot drift apart. A sentence that
 * states a number is built from tokens whose values are the displayed figures (`view.figures`), so no sentence can
 * say a number other than the one shown beside it. Pure.
 */
import { answerOf } from '../answers';
import { SURVEY_2026, sourceUrlOf, surveyShareOf, tierShares, type Benchmark } from '../content/survey';
import { frameworkOf, frameworkReference } from '../content/frameworks';
import { ADOPTION_CONFIDENCE_NOT_COMPARED, RESULT_LABELS } from './result-labels';
import { customBenchmarkLines, type CustomBenchmark } from '../export/custom-benchmark';
import { isCurrent, type AnyResult, type LegacyResult, type Result } from '../model';
import { ADOPTION_DIMENSION, OVERCONFIDENCE_GAP } from '../model/v3/lines';
import { CRITICAL_CAP, CUTOFFS, GROUP_ORDER } from '../model/v3/tiers';
import { VARIES, type Answers, type DimensionId, type QuestionBank, type TierId } from '../schema';
import { answerText, DONT_KNOW_LABEL, SKIPPED_LABEL, VARIES_LABEL } from './answer-labels';
import { compareResults, type ResultSnapshot } from './compare';
import { inSentence, percent, points, signedPoints } from './format';
import { METRIC_LABELS, TIER_LABELS } from './labels';
import { MODELLED_PROFILES } from './modelled';

/** "… and 4 more, with your answers, under “Gaps, findings … in detail”." */
export function moreInDetail(n: number): string {
	return `… and ${n} more, with your answers, under “${RESULT_LABELS.gapsInDetail}”.`;
}

/** "Compared with Acme portfolio" */
export function comparedWith(name: string): string {
	return `Compared with ${name}`;
}

/** "48 organisations." */
export function organisationsCount(n: number): string {
	return `${n} organisation${n === 1 ? '' : 's'}.`;
}

/** What an effort reads as, everywhere. */
export const EFFORT_LABELS = Object.freeze({ low: 'Low effort', medium: 'Medium effort', high: 'High effort' });

/** The plan's three horizons. */
export const HORIZONS = [
	{ id: 'd30', label: 'First 30 days' },
	{ id: 'd60', label: 'Days 31–60' },
	{ id: 'd90', label: 'Days 61–90' }
] as const;
export type HorizonId = (typeof HORIZONS)[number]['id'];

/** A cut-off within this many points is named in the why. */
export const NEAR_CUTOFF = 10;

/** At most this many practice themes in the 30/60/90 plan; the rest go to the appendix. */
export const PLAN_SIZE = 8;

/** Our model's one-line reading of each group (never the survey's wording passed off as ours). */
export const GROUP_SUMMARIES: Readonly<Record<TierId, string>> = Object.freeze({
	pioneer: 'Robust foundations for AI-driven change: no critical gap, no weak guard, no severe finding.',
	outpacing: 'Advancing with AI, on foundations that still lack what a Pioneer has.',
	fragmented: 'Foundations not yet robust, and AI use not yet deep.',
	exposed: 'AI in real use without the foundations to support it.'
});

/** A sentence and the displayed figures it states (field of `view.figures`, and the value as displayed). */
export interface Sentence {
	text: string;
	tokens: { field: string; value: string }[];
}

/** One framework reference as shown beside a step. */
export interface ReferenceView {
	id: string;
	code: string;
	/** The code after the framework's short name, where a surface prints references without their framework. */
	label: string;
	framework: string;
	title: string;
	url: string;
}

/** One step of the plan: the next step from the level answered for one practice question. */
export interface StepView {
	questionId: string;
	title: string;
	action: string;
	effort: string;
	/** "Now: … Next: …" from the level answered; "Find out …" when it is not known. */
	fromTo: string;
	critical: boolean;
	references: ReferenceView[];
}

/** One practice theme of the plan, its steps prerequisites first. */
export interface PlanItem {
	theme: string;
	label: string;
	horizon: HorizonId | null;
	critical: boolean;
	why: string | null;
	steps: StepView[];
}

/** One critical gap, weak guard, severe finding or question not ruled out, worded. */
export interface GapLine {
	questionId: string;
	kind: 'critical_gap' | 'not_ruled_out' | 'severe_finding' | 'weak_guard';
	sentence: string;
	/** "You answered “…” to “…”", or what would have caught it. */
	detail: string;
}

/** A benchmark line with its verdict. */
export interface BenchmarkLineView {
	questionId: string;
	question: string;
	you: string;
	peers: string;
	share: number;
	verdict: 'ahead' | 'in_line' | 'behind' | 'context';
	verdictLabel: string;
	footnote: number;
}

/** A radar series: the result or a modelled typical profile. */
export interface RadarSeries {
	label: string;
	values: Record<DimensionId, number | null>;
	modelled: boolean;
}

/** One row of the dimension scores table (and one point of the radar chart). */
export interface DimensionRow {
	dimension: DimensionId;
	label: string;
	/** As reported: exposure for risk exposure (higher = more exposed). */
	score: number | null;
	contribution: number | null;
	higherIsWorse: boolean;
	answered: number;
	total: number;
}

/** One bar of the survey's group distribution and one row of its table (most ready first). */
export interface DistributionRow {
	tier: TierId;
	label: string;
	share: number;
	you: boolean;
}

/** One change of a lift plan, in words. */
export interface LiftStep {
	questionId: string;
	question: string;
	dimension: string;
	from: string;
	to: string;
}

/** The custom benchmark section, when one is loaded. */
export interface CustomView {
	name: string;
	sample: number;
	position: string | null;
	tiers: { tier: TierId; label: string; share: number; you: boolean }[];
	lines: { questionId: string; question: string; peers: string; matches: boolean | null }[];
}

/** "Since last time" against an earlier result. */
export interface SinceView {
	heading: string;
	tier: string;
	foundations: string;
	dimensions: { label: string; before: string; after: string; change: string; improved: boolean | null }[];
	answers: { question: string; from: string; to: string }[];
	unchanged: boolean;
	note: string;
}

/**
 * The verdict picture: the organisation on its two axes — AI adoption across, foundations up — among the four
 * groups' regions, with the survey's share of each, and the rule that decided where the position alone would not.
 */
export interface PictureView {
	title: string;
	/** A text alternative that gives the picture's data. */
	alt: string;
	x: { label: string };
	y: { label: string };
	regions: { group: TierId; label: string; share: string; x0: number; x1: number; y0: number; y1: number }[];
	point: { x: number; y: number; label: string };
	/** The group the position alone falls in. */
	region: TierId;
	/** Why the group differs from the region (a gap, a finding, a floor, provisional), or null. */
	override: string | null;
	rows: { label: string; value: string }[];
}

/** Everything a result surface shows. */
export interface ResultView {
	meta: { title: string; description: string; bank: string; benchmark: string; methodologyPath: string };
	organisation: string | null;
	date: string;
	/** Every figure a sentence may state, as displayed. */
	figures: Record<string, string>;
	verdict: {
		tier: TierId | null;
		label: string;
		headline: string;
		summary: string;
		why: Sentence[];
		borderline: string | null;
		provisional: string | null;
		/** Answers that contradict each other, said before anything else is read into the result. */
		contradictions: string | null;
		context: string | null;
		caveats: string[];
	};
	picture: PictureView | null;
	survey: { sentence: string | null; distribution: DistributionRow[]; source: string };
	retired: { note: string } | null;
	gaps: GapLine[];
	notRuledOut: GapLine[];
	unanswered: {
		count: number;
		sentence: string | null;
		/** Each unanswered question, with what it leaves not ruled out (the same sentences as in `notRuledOut`). */
		questions: { questionId: string; text: string; notRuledOut: string[] }[];
	};
	inconsistencies: string[];
	topActions: StepView[];
	plan: { horizons: { id: HorizonId; label: string; items: PlanItem[] }[]; appendix: PlanItem[]; empty: string | null };
	lift: { heading: string; note: string; steps: LiftStep[] } | null;
	scores: { cards: { label: string; value: string }[]; coverage: string; dimensions: DimensionRow[] };
	radar: RadarSeries[];
	/** Each source once, in the order the lines cite them, with its address when it has one. */
	benchmark: { lines: BenchmarkLineView[]; footnotes: { label: string; url: string | null }[]; empty: string | null };
	confidence: {
		label: string;
		confidence: string;
		practice: string;
		gap: string;
		sentence: string;
		overconfident: boolean;
	}[];
	/** Said instead of the flagged sentences when no dimension is flagged, with the gap that would be. */
	confidenceNone: string | null;
	custom: CustomView | null;
	since: SinceView | null;
}

/** What {@link presentResult} needs; all but `bank`, `answers` and `result` optional. */
export interface PresentInput {
	bank: QuestionBank;
	answers: Answers;
	result: AnyResult;
	/** The bank new assessments use (a result on an older bank says so). */
	current?: QuestionBank;
	benchmark?: Benchmark;
	custom?: CustomBenchmark | null;
	/** An earlier result to compare with, and when it was made. */
	earlier?: (ResultSnapshot & { date: string }) | null;
	/** User text, printed verbatim. */
	organisation?: string | null;
	date?: Date;
}

// ── Small readers ──────────────────────────────────────────────────────────────────────────────────────────────

/** How an answer to a question reads; the option id itself when the bank does not have the question. */
export function answerLabel(bank: QuestionBank, questionId: string, optionId: string | null | undefined): string {
	const question = bank.questions.find((q) => q.id === questionId);
	if (!question) return optionId ?? '';
	return answerText(question, optionId ?? undefined);
}

/** A question's text, or its id when the bank does not have it. */
export function questionText(bank: QuestionBank, questionId: string): string {
	return bank.questions.find((q) => q.id === questionId)?.text ?? questionId;
}

/** A dimension's label, or its id when the bank does not have it. */
export function dimensionLabel(bank: QuestionBank, dimension: DimensionId): string {
	return bank.dimensions.find((d) => d.id === dimension)?.label ?? dimension;
}

/** Who was surveyed, when, and the source: the caption of every comparison with `benchmark`. */
export function surveySource(benchmark: Benchmark): string {
	const survey = benchmark.sources[0];
	return `${benchmark.sample} respondents (${benchmark.population}), fielded ${benchmark.fielded}. Source: ${survey ? `${survey.label}, ${survey.date}` : benchmark.name}.`;
}

/** The benchmark's group distribution, most ready first (Outpacing and Fragmented side by side, not ranked). */
export function tierDistribution(benchmark: Benchmark, tier: TierId | null): DistributionRow[] {
	const shares = tierShares(benchmark);
	return GROUP_ORDER.map((t) => ({ tier: t, label: TIER_LABELS[t], share: shares[t], you: t === tier }));
}

/**
 * The survey's share of the group our model places you in, with its sampling interval — never how many would be
 * "lower": the survey did not order Outpacing and Fragmented, and our model is not the survey's.
 */
export function surveyShareSentence(benchmark: Benchmark, tier: TierId): string {
	const s = surveyShareOf(benchmark, tier);
	if (benchmark.id !== SURVEY_2026.id)
		return `${percent(s.share)} of the organisations in ${benchmark.name} are ${TIER_LABELS[tier]}.`;
	return `Our model places you in ${TIER_LABELS[tier]}. The survey placed ${percent(s.share)} of its ${s.sample} organisations in its ${TIER_LABELS[tier]} group (95 % interval ${s.interval.low}–${s.interval.high} %, from its sample size); its method is not public, so the groups are comparable in name and spirit, not by construction.`;
}

/** The dimension scores of a result in the bank's display order. */
export function dimensionRows(bank: QuestionBank, result: AnyResult): DimensionRow[] {
	return bank.dimensions.map((d) => {
		const r = result.dimensions.find((x) => x.dimension === d.id);
		return {
			dimension: d.id,
			label: d.label,
			score: r?.score ?? null,
			contribution: r?.contribution ?? null,
			higherIsWorse: d.orientation === 'higher-is-worse',
			answered: r?.answered ?? 0,
			total: r?.total ?? 0
		};
	});
}

/**
 * The radar chart's text alternative, which gives its data: the scale, then each series (the result first, then
 * any modelled profile) with its value on every axis, in the axes' order.
 */
export function radarAlternative(
	axes: readonly string[],
	series: readonly { label: string; values: readonly (number | null)[] }[]
): string {
	const value = (v: number | null | undefined) => (v === null || v === undefined ? 'not answered' : points(v));
	return [
		'Radar chart of the dimension scores, 0 at the centre to 100 at the edge.',
		...series.map((s) => `${s.label}: ${axes.map((a, i) => `${a} ${value(s.values[i])}`).join(', ')}.`)
	].join(' ');
}

/** The confidence-vs-practice gap of one dimension in a sentence. */
export function confidenceGapSentence(
	gap: { confidence: number | null; practice: number | null; gap: number | null; overconfident: boolean },
	label: string,
	dimension: DimensionId
): string {
	const name = inSentence(label);
	if (gap.confidence === null) return `You did not rate your confidence in ${name}.`;
	if (dimension === ADOPTION_DIMENSION)
		return `You rated your confidence in ${name} at ${points(gap.confidence)}; ${ADOPTION_CONFIDENCE_NOT_COMPARED}.`;
	if (gap.practice === null || gap.gap === null)
		return `You rated your confidence in ${name} at ${points(gap.confidence)}, but answered too few of its practice questions to compare.`;
	if (gap.overconfident)
		return `Your confidence in ${name} (${points(gap.confidence)}) is ${points(gap.gap)} points above what your practice shows (${points(gap.practice)}).`;
	if (gap.gap < 0)
		return `Your practice in ${name} (${points(gap.practice)}) is ahead of your confidence (${points(gap.confidence)}).`;
	return `Your confidence in ${name} (${points(gap.confidence)}) is in line with your practice (${points(gap.practice)}).`;
}

/** The note on a result made with a retired bank version, or null for the current one. */
export function retiredBankNote(bank: QuestionBank, current: QuestionBank): string | null {
	if (bank.id !== current.id || bank.version === current.version) return null;
	return `This result was made with question bank ${bank.version} and is shown as that version scored it then. Bank ${current.version} reads readiness from your foundations alone (adoption is context), names weak guards and severe findings, and asks every guard of everyone: retake it for a current result.`;
}

/** Caveats from the profile: where the survey's sample differs from the respondent. */
export function profileCaveats(answers: Answers): string[] {
	const out: string[] = [];
	if (answers.profile_size === 'under_250')
		out.push(
			'The survey covered organisations with 250 or more employees; yours is smaller, so read the comparison as indicative.'
		);
	const region = answers.profile_region;
	if (region && region !== 'north_america' && region !== 'na')
		out.push(
			'The survey sampled organisations in North America; yours is elsewhere, so read the comparison as indicative.'
		);
	return out;
}

/** A framework reference as shown beside a step, or null for an unknown id. */
export function referenceView(id: string): ReferenceView | null {
	const ref = frameworkReference(id);
	if (!ref) return null;
	const framework = frameworkOf(ref);
	return {
		id,
		code: ref.code,
		label: `${framework.short} ${ref.code}`,
		framework: framework.name,
		title: ref.title,
		url: ref.url
	};
}

/** A sentence from parts: literal text and `[field]` placeholders filled from the displayed figures. */
function say(figures: Record<string, string>, ...parts: (string | [string])[]): Sentence {
	const tokens: Sentence['tokens'] = [];
	const text = parts
		.map((p) => {
			if (typeof p === 'string') return p;
			const value = figures[p[0]];
			if (value === undefined) throw new Error(`no displayed figure "${p[0]}"`);
			tokens.push({ field: p[0], value });
			return value;
		})
		.join('');
	return { text, tokens };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** "1 point", "0.5 points": how far apart two displayed scores are, as displayed. */
function pointsApart(a: number, b: number): string {
	const shown = (x: number) => Math.round(x * 10) / 10;
	const apart = Math.round(Math.abs(shown(a) - shown(b)) * 10) / 10;
	return `${points(apart)} ${plural(apart, 'point', 'points')}`;
}

// ── Model 3.0 ──────────────────────────────────────────────────────────────────────────────────────────────────

const CONDITION_NAMES: Record<string, string> = {
	control_robust: 'foundations',
	control_weak: 'foundations',
	floor_governance: 'governance',
	floor_automation: 'automation',
	floor_platform: 'platform readiness',
	exposure_severe: 'risk exposure',
	in_use: 'AI-driven change'
};

/** The displayed figures of a model 3.0 result: every number a first-screen sentence may state. */
function figuresOf(bank: QuestionBank, result: Result): Record<string, string> {
	const cond = (id: string) => result.conditions.find((c) => c.id === id)!;
	const dim = (d: DimensionId) => points(result.dimensions.find((x) => x.dimension === d)?.score ?? null);
	const severe = result.criticalFindings.filter((f) => !f.fixed).length;
	return {
		control: points(result.control),
		use: points(result.use),
		aiChange: points(result.exposureParts.aiChange),
		exposure: points(result.exposure),
		governance: dim('governance'),
		automation: dim('automation'),
		platform: dim('platform'),
		controlHigh: points(CUTOFFS.controlHigh),
		controlLow: points(CUTOFFS.controlLow),
		weakBar: points(cond('control_weak').cutoff),
		floor: points(CUTOFFS.floor),
		useFloor: points(CUTOFFS.useFloor),
		useDeep: points(CUTOFFS.useDeep),
		exposureSevere: points(CUTOFFS.exposureSevere),
		criticalCount: String(result.criticalGaps.length),
		criticalInUse: String(result.criticalOpen.filter((g) => g.inUse).length),
		criticalWeight: points(CUTOFFS.criticalWeight),
		// How many open critical questions on practices in use raise the weak bar (at most CRITICAL_CAP count).
		criticalRaised: String(Math.min(CRITICAL_CAP, result.criticalOpen.filter((g) => g.inUse).length)),
		notRuledOutCount: String(result.criticalOpen.length - result.criticalGaps.length),
		weakCount: String(result.weakGuards.length),
		severeCount: String(severe),
		// As the model counts them for its rule: not known for any reason (not looked for, not tracked, "don't know",
		// unanswered) on an outcome that could be severe.
		outcomesUnknown: String(
			result.unknownOutcomes.filter((u) =>
				bank.questions.find((q) => q.id === u.questionId)?.options.some((o) => o.severe)
			).length
		),
		unansweredCount: String(result.unanswered.length),
		practiceCoverage: percent(result.practiceCoverage * 100),
		...(result.nearestCutoff
			? { nearValue: points(result.nearestCutoff.value), nearCutoff: points(result.nearestCutoff.cutoff) }
			: {})
	};
}

/** The strongest and weakest of the three floored dimensions, or that they are even. */
function shapeSentence(bank: QuestionBank, result: Result, f: Record<string, string>): Sentence {
	const dims = (['governance', 'automation', 'platform'] as const)
		.map((d) => ({ d, value: result.dimensions.find((x) => x.dimension === d)?.score ?? 0 }))
		.sort((a, b) => b.value - a.value);
	const top = dims[0]!;
	const bottom = dims[dims.length - 1]!;
	if (top.value - bottom.value < 15)
		return say(f, 'Your governance, automation and platform are even: from ', [bottom.d], ' to ', [top.d], '.');
	const label = (d: DimensionId) => dimensionLabel(bank, d);
	return say(
		f,
		`${label(top.d)} is your strongest foundation (`,
		[top.d],
		`); ${inSentence(label(bottom.d))} your weakest (`,
		[bottom.d],
		').'
	);
}

/** The plain "why" of the group: the rule that decided, then what shape the rest takes, then the nearest cut-off. */
function whyOf(bank: QuestionBank, result: Result, f: Record<string, string>): Sentence[] {
	const out: Sentence[] = [];
	switch (result.rule) {
		case 'coverage':
			return [
				say(
					f,
					'Too few practice and outcome questions are answered to place you: ',
					['unansweredCount'],
					' questions are unanswered. Answer them to be placed.'
				)
			];
		case 'pioneer':
			out.push(
				say(
					f,
					'Your foundations are robust: ',
					['control'],
					' against the cut-off of ',
					['controlHigh'],
					', with governance, automation and platform each at ',
					['floor'],
					' or more, and no critical gap, weak guard or severe finding.'
				)
			);
			if (result.context === 'ready_ahead_of_use')
				out.push(say(f, 'Your AI adoption (', ['use'], ') is modest: your foundations are ready ahead of your use.'));
			break;
		case 'exposed_control':
			out.push(
				Number(f.criticalInUse) > 0
					? say(
							f,
							'AI is in real use, and your foundations (',
							['control'],
							') are below the weak-control bar of ',
							['weakBar'],
							', raised from ',
							['controlLow'],
							' by ',
							['criticalInUse'],
							` open critical ${plural(Number(f.criticalInUse), 'question', 'questions')} on practices you use.`
						)
					: say(
							f,
							'AI is in real use, and your foundations (',
							['control'],
							') are below the weak-control bar of ',
							['weakBar'],
							'.'
						)
			);
			break;
		case 'exposed_exposure':
			out.push(
				say(
					f,
					'AI is in real use, and your risk exposure is severe: ',
					['exposure'],
					` (${METRIC_LABELS.exposureScale}) against the bar of `,
					['exposureSevere'],
					': much AI-driven change meets weak guards.'
				)
			);
			break;
		case 'critical_gap': {
			// Name the first gap on the first screen: a count alone leaves the reader scrolling for what it is.
			const first = result.criticalOpen.find((g) => g.optionId && g.questionId === result.criticalGaps[0]);
			const named = bank.questions
				.find((q) => q.id === first?.questionId)
				?.options.find((o) => o.id === first?.optionId)?.critical;
			const many = result.criticalGaps.length > 1;
			out.push(
				say(
					f,
					'',
					['criticalCount'],
					` critical ${plural(result.criticalGaps.length, 'gap keeps', 'gaps keep')} you out of Pioneer, whatever else is true${named ? `${many ? '; the first' : ''}: ${named}` : '.'}`
				)
			);
			break;
		}
		case 'severe_finding':
			out.push(
				say(
					f,
					'',
					['severeCount'],
					` severe ${plural(Number(f.severeCount), 'finding', 'findings')} of the past year ${plural(Number(f.severeCount), 'keeps', 'keep')} you out of Pioneer until the root cause is fixed and the fix verified.`
				)
			);
			break;
		case 'critical_unknown':
			out.push(
				say(
					f,
					'',
					['notRuledOutCount'],
					` critical ${plural(Number(f.notRuledOutCount), 'question is', 'questions are')} not ruled out (“don’t know”, varies by team, or unanswered): find out first.`
				)
			);
			break;
		case 'outcome_unknown':
			out.push(
				say(
					f,
					'',
					['outcomesUnknown'],
					` ${plural(Number(f.outcomesUnknown), 'outcome that could have been severe is', 'outcomes that could have been severe are')} unknown: find out what happened.`
				)
			);
			break;
		case 'provisional':
			out.push(
				say(
					f,
					'Too little is answered to rely on: ',
					['practiceCoverage'],
					' of the practice questions, with ',
					['unansweredCount'],
					' questions unanswered. Answer them to firm up the result.'
				)
			);
			break;
		case 'weak_guard': {
			const first = result.weakGuards[0]!;
			const q = bank.questions.find((x) => x.id === first.questionId);
			const sentence = first.optionId
				? q?.options.find((o) => o.id === first.optionId)?.weakGuard
				: `Not ruled out: ${q?.options.find((o) => o.weakGuard)?.weakGuard ?? ''}`;
			out.push(
				say(
					f,
					'',
					['weakCount'],
					` weak ${plural(result.weakGuards.length, 'guard keeps', 'guards keep')} you out of Pioneer. ${sentence ?? ''}`.trimEnd()
				)
			);
			break;
		}
		case 'floor':
			for (const d of result.floorsBelow)
				out.push(say(f, `${dimensionLabel(bank, d)} (`, [d], ') is below the Pioneer floor of ', ['floor'], '.'));
			break;
		case 'control':
			out.push(say(f, 'Your foundations (', ['control'], ') are below the robust cut-off of ', ['controlHigh'], '.'));
			break;
	}
	// "Ahead of the foundations" only where they are short of Pioneer's; robust foundations held back by a gap, a
	// finding or an unknown are not outpaced by adoption.
	const foundationsShort =
		result.control !== null && (result.control < CUTOFFS.controlHigh || result.floorsBelow.length > 0);
	if (result.tier === 'outpacing')
		out.push(
			foundationsShort
				? say(
						f,
						'Your AI adoption (',
						['use'],
						') is deep, ahead of what your foundations support: Outpacing is a shape, not a rung.'
					)
				: say(
						f,
						'Your AI adoption (',
						['use'],
						') is deep and your foundations (',
						['control'],
						') are robust: what keeps you from Pioneer is said above, never how much AI you use.'
					)
		);
	if (result.tier === 'fragmented') {
		out.push(shapeSentence(bank, result, f));
		if (result.context === 'not_in_use')
			out.push(
				say(
					f,
					'AI is not in real use here yet (',
					['aiChange'],
					' against ',
					['useFloor'],
					'), so you cannot be Exposed; the result reads how ready your foundations are.'
				)
			);
	}
	const near = result.nearestCutoff;
	if (near && Math.abs(near.value - near.cutoff) <= NEAR_CUTOFF) {
		const raised = Number(f.criticalRaised);
		// The weak bar moves with the answers: say why it stands where it does, or the number looks arbitrary (an
		// Exposed result's first reason says it already).
		const why: (string | [string])[] =
			near.condition === 'control_weak' && raised > 0 && result.rule !== 'exposed_control'
				? [
						', which is ',
						['controlLow'],
						' raised ',
						['criticalWeight'],
						` for ${raised === 1 ? '' : 'each of '}`,
						['criticalRaised'],
						` open critical ${plural(raised, 'question', 'questions')}`
					]
				: [];
		out.push(
			say(
				f,
				`The nearest cut-off is ${CONDITION_NAMES[near.condition]} at `,
				['nearCutoff'],
				' (you: ',
				['nearValue'],
				')',
				...why,
				`; across it you would be ${TIER_LABELS[near.across]}.`
			)
		);
	}
	return out;
}

/** The verdict picture of a model 3.0 result. */
export function pictureOf(
	result: Result,
	benchmark: Benchmark = SURVEY_2026,
	organisation: string | null = null
): PictureView | null {
	if (result.tier === null) return null;
	const c = CUTOFFS;
	const shares = tierShares(benchmark);
	const bar = result.conditions.find((x) => x.id === 'control_weak')!.cutoff;
	const regions: PictureView['regions'] = [
		{
			group: 'fragmented',
			label: TIER_LABELS.fragmented,
			share: percent(shares.fragmented),
			x0: 0,
			x1: c.useDeep,
			y0: 0,
			y1: c.controlHigh
		},
		{
			group: 'outpacing',
			label: TIER_LABELS.outpacing,
			share: percent(shares.outpacing),
			x0: c.useDeep,
			x1: 100,
			y0: 0,
			y1: c.controlHigh
		},
		{
			group: 'exposed',
			label: TIER_LABELS.exposed,
			share: percent(shares.exposed),
			x0: c.useFloor,
			x1: 100,
			y0: 0,
			y1: Math.min(bar, c.controlHigh)
		},
		{
			group: 'pioneer',
			label: TIER_LABELS.pioneer,
			share: percent(shares.pioneer),
			x0: 0,
			x1: 100,
			y0: c.controlHigh,
			y1: 100
		}
	];
	const x = result.use;
	const y = result.control;
	const region: TierId =
		y >= c.controlHigh
			? 'pioneer'
			: x >= c.useFloor && y < bar
				? 'exposed'
				: x >= c.useDeep
					? 'outpacing'
					: 'fragmented';
	const overrides: Record<string, string> = {
		critical_gap: 'a critical gap keeps you out of Pioneer',
		severe_finding: 'a severe finding keeps you out of Pioneer',
		critical_unknown: 'a critical question not ruled out keeps you out of Pioneer',
		outcome_unknown: 'an unknown outcome keeps you out of Pioneer',
		provisional: 'too little is answered for Pioneer',
		weak_guard: 'a weak guard keeps you out of Pioneer',
		floor: 'a dimension below its floor keeps you out of Pioneer',
		exposed_exposure: 'severe risk exposure makes you Exposed',
		exposed_control: 'AI counted as in use (some use answers unknown) makes you Exposed'
	};
	const override =
		region === result.tier ? null : `Placed ${TIER_LABELS[result.tier]}: ${overrides[result.rule] ?? result.rule}.`;
	const you = organisation ?? 'You';
	const rows = [
		{ label: METRIC_LABELS.tier, value: TIER_LABELS[result.tier] },
		{ label: `${METRIC_LABELS.control} (0–100)`, value: points(y) },
		{ label: `${METRIC_LABELS.use} (0–100)`, value: points(x) },
		{ label: `${METRIC_LABELS.exposure} (0–100, ${METRIC_LABELS.exposureScale})`, value: points(result.exposure) },
		...GROUP_ORDER.map((t) => ({ label: `Survey: ${TIER_LABELS[t]}`, value: percent(shares[t]) })),
		...(override ? [{ label: 'Decided by', value: override }] : [])
	];
	return {
		title: RESULT_LABELS.picture,
		alt: `${you}: ${METRIC_LABELS.control.toLowerCase()} ${points(y)} of 100 (up), ${METRIC_LABELS.use.toLowerCase()} ${points(x)} of 100 (across), in the ${TIER_LABELS[region]} region; placed ${TIER_LABELS[result.tier]}${override ? ` because ${overrides[result.rule] ?? result.rule}` : ''}. Regions: Pioneer at foundations ${points(c.controlHigh)} or more; Exposed at adoption ${points(c.useFloor)} or more with foundations below ${points(bar)}; Outpacing at adoption ${points(c.useDeep)} or more; Fragmented the rest. Survey shares: ${GROUP_ORDER.map((t) => `${TIER_LABELS[t]} ${percent(shares[t])}`).join(', ')}.`,
		x: { label: `${METRIC_LABELS.use} →` },
		y: { label: `${METRIC_LABELS.control} →` },
		regions,
		point: { x, y, label: you },
		region,
		override,
		rows
	};
}

/**
 * How much is answered, on two bases, each named: every scored question (use, practice, outcome; confidence and
 * "About you" are never scored), and the practice and outcome questions whose coverage decides whether you are placed.
 */
function coverageSentence(bank: QuestionBank, result: Result): string {
	const scored = new Set(bank.questions.filter((q) => SCORED_KINDS.includes(q.kind)).map((q) => q.id));
	const unanswered = result.unanswered.filter((id) => scored.has(id)).length;
	const rest = [
		result.dontKnow ? `${result.dontKnow} ${plural(result.dontKnow, 'is', 'are')} “don’t know”` : null,
		unanswered ? `${unanswered} ${plural(unanswered, 'is', 'are')} unanswered` : null
	].filter(Boolean);
	return `You answered ${result.answered} of the ${scored.size} scored questions${rest.length ? ` (${rest.join(', ')})` : ''}; ${percent(result.coverage * 100)} of the practice and outcome questions, which decide whether you are placed, are answered.`;
}

const SCORED_KINDS: readonly string[] = ['use', 'practice', 'outcome'];

/** The gaps, weak guards, severe findings and what is not ruled out, worded. */
function gapLines(bank: QuestionBank, result: Result, answers: Answers): { gaps: GapLine[]; notRuledOut: GapLine[] } {
	const q = (id: string) => bank.questions.find((x) => x.id === id);
	// An answer its prerequisites do not allow is counted lower: the line says so, or it would name a weaker level than
	// the answer quoted beside it.
	const downgraded = (id: string) =>
		result.inconsistencies.find((i) => i.questionId === id && i.kind === 'prerequisite' && i.countedAs !== i.given);
	const answered = (id: string) => {
		const d = downgraded(id);
		if (d) return inconsistencySentence(bank, d).replace(/\.$/, '');
		return answerOf(answers, id) === undefined
			? `You did not answer “${questionText(bank, id)}”`
			: `You answered “${answerLabel(bank, id, answerOf(answers, id))}” to “${questionText(bank, id)}”`;
	};
	const gaps: GapLine[] = [];
	const notRuledOut: GapLine[] = [];
	for (const g of result.criticalOpen) {
		const question = q(g.questionId);
		if (g.optionId)
			gaps.push({
				questionId: g.questionId,
				kind: 'critical_gap',
				sentence: question?.options.find((o) => o.id === g.optionId)?.critical ?? '',
				detail: answered(g.questionId)
			});
		else
			notRuledOut.push({
				questionId: g.questionId,
				kind: 'not_ruled_out',
				sentence: `Not ruled out: ${question?.options.find((o) => o.critical)?.critical ?? ''}`,
				detail: `${answered(g.questionId)}. Find out before anything else.`
			});
	}
	for (const f of result.criticalFindings) {
		const option = q(f.questionId)?.options.find((o) => o.id === f.optionId);
		gaps.push({
			questionId: f.questionId,
			kind: 'severe_finding',
			sentence: option?.severe ?? '',
			detail: f.fixed
				? 'Its root cause is fixed and the fix verified: it no longer keeps you out of Pioneer.'
				: f.caughtBy
					? `What would catch the next one sooner: ${q(f.caughtBy)?.text ?? f.caughtBy}`
					: ''
		});
	}
	for (const w of result.weakGuards) {
		const question = q(w.questionId);
		const line: GapLine = {
			questionId: w.questionId,
			kind: 'weak_guard',
			sentence: w.optionId
				? (question?.options.find((o) => o.id === w.optionId)?.weakGuard ?? '')
				: `Not ruled out: ${question?.options.find((o) => o.weakGuard)?.weakGuard ?? ''}`,
			detail: answered(w.questionId)
		};
		(w.optionId ? gaps : notRuledOut).push(line);
	}
	for (const u of result.unknownOutcomes) {
		const question = q(u.questionId);
		const detection = u.detectedBy ? questionText(bank, u.detectedBy) : null;
		notRuledOut.push({
			questionId: u.questionId,
			kind: 'not_ruled_out',
			sentence: question?.detectedBy?.unseen ?? `Not known: ${questionText(bank, u.questionId)}`,
			detail:
				u.reason === 'dont_know' || u.reason === 'unanswered'
					? `${answered(u.questionId)}: counted as the worst outcome until you find out.`
					: `${answered(u.questionId)}${detection ? `. What would tell you: ${detection}` : '.'}`
		});
	}
	return { gaps, notRuledOut };
}

function stepView(bank: QuestionBank, r: Result['recommendations'][number]): StepView {
	const q = bank.questions.find((x) => x.id === r.questionId);
	const next = answerLabel(bank, r.questionId, r.to);
	const fromTo =
		r.from === null
			? `Now: not known — find out. If it is below “${next}”: ${inSentence(r.title)}.`
			: r.from === VARIES
				? `Now: ${VARIES_LABEL.toLowerCase()}. Next: every team at “${next}”.`
				: `Now: ${answerLabel(bank, r.questionId, r.from)}. Next: ${next}.`;
	return {
		questionId: r.questionId,
		title: r.from === null ? `Find out: ${q?.text ?? r.questionId}` : r.title,
		action: r.action,
		effort: EFFORT_LABELS[r.effort],
		fromTo,
		critical: r.critical,
		references: (q?.references ?? r.references).flatMap((id) => referenceView(id) ?? [])
	};
}

/**
 * Whether plan item `item` needs `other` done first: a level one of its steps' questions offers requires an answer to
 * a question `other` steps on.
 */
export function planItemDependsOn(
	bank: QuestionBank,
	item: Pick<PlanItem, 'steps'>,
	other: Pick<PlanItem, 'steps'>
): boolean {
	return (
		item !== other &&
		item.steps.some((s) =>
			bank.questions
				.find((q) => q.id === s.questionId)
				?.options.some((o) => o.requires?.some((x) => other.steps.some((t) => t.questionId === x.question)))
		)
	);
}

/**
 * The plan: recommendations merged into practice themes (steps in roadmap order, prerequisites first), themes
 * ordered by their most urgent step, the first {@link PLAN_SIZE} spread over 30 / 60 / 90 days — critical gaps and
 * the lift plan first, then by effort — and the rest in an appendix.
 */
export function planOf(bank: QuestionBank, result: Result): ResultView['plan'] {
	const themes = new Map<string, { best: number; recs: Result['recommendations'] }>();
	for (const r of result.recommendations) {
		const key = r.theme ?? r.questionId;
		const entry = themes.get(key) ?? { best: r.priority, recs: [] };
		entry.recs.push(r);
		entry.best = Math.max(entry.best, r.priority);
		themes.set(key, entry);
	}
	const requires = (a: { questionId: string; to: string }, b: { questionId: string }) =>
		bank.questions
			.find((q) => q.id === a.questionId)
			?.options.find((o) => o.id === a.to)
			?.requires?.some((x) => x.question === b.questionId) ?? false;
	const target = result.liftPlan?.target;
	const items: PlanItem[] = [...themes.entries()]
		.sort((a, b) => b[1].best - a[1].best)
		.map(([theme, { recs }]) => {
			const steps = [...recs].sort((a, b) => (requires(a, b) ? 1 : requires(b, a) ? -1 : b.priority - a.priority));
			const critical = steps.some((s) => s.critical);
			const lifts = steps.some((s) => s.lifts);
			return {
				theme,
				label: bank.themes?.[theme] ?? questionText(bank, steps[0]!.questionId),
				horizon: null,
				critical,
				why: critical
					? 'Closes a critical gap.'
					: steps.some((s) => s.catches.length)
						? 'Would have caught a severe finding.'
						: steps.some((s) => s.weakGuard)
							? 'Closes a weak guard.'
							: lifts && target
								? target === 'pioneer'
									? 'Part of what would make you a Pioneer.'
									: 'Part of what would take you out of Exposed.'
								: null,
				steps: steps.map((r) => stepView(bank, r))
			};
		});
	const rootCause = rootCauseItem(bank, result);
	if (rootCause) items.unshift(rootCause);
	const planned = items.slice(0, PLAN_SIZE);
	let filled = 0;
	for (const item of planned) {
		const high = item.steps.every((st) => st.effort === EFFORT_LABELS.high);
		if (item.critical || (filled < 3 && !high)) item.horizon = 'd30';
		else item.horizon = filled < 6 ? 'd60' : 'd90';
		filled++;
	}
	const rank = (h: HorizonId | null) => HORIZONS.findIndex((x) => x.id === h);
	const dependsOn = (item: PlanItem, other: PlanItem) => planItemDependsOn(bank, item, other);
	// A prerequisite is done no later than what needs it: pulled forward to its horizon, through chains.
	for (let moved = true; moved;) {
		moved = false;
		for (const item of planned)
			for (const other of planned)
				if (dependsOn(item, other) && rank(other.horizon) > rank(item.horizon)) {
					other.horizon = item.horizon;
					moved = true;
				}
	}
	// And listed before it: each next item is the most urgent whose prerequisites are already listed (a cycle keeps
	// the urgency order).
	const ordered: PlanItem[] = [];
	const rest = [...planned];
	while (rest.length) {
		const ready = rest.findIndex((item) => !rest.some((other) => dependsOn(item, other)));
		ordered.push(...rest.splice(Math.max(0, ready), 1));
	}
	return {
		horizons: HORIZONS.map((h) => ({ id: h.id, label: h.label, items: ordered.filter((p) => p.horizon === h.id) })),
		appendix: items.slice(PLAN_SIZE),
		empty:
			items.length === 0
				? 'Every practice is at its strongest level: nothing to add. Re-assess as your use of AI changes.'
				: null
	};
}

/** The lift plan's changes in words. */
export function liftSteps(
	bank: QuestionBank,
	changes: { questionId: string; from: string | null; to: string }[]
): LiftStep[] {
	return changes.map((c) => {
		const question = bank.questions.find((q) => q.id === c.questionId);
		return {
			questionId: c.questionId,
			question: question?.text ?? c.questionId,
			dimension: question?.dimension ? dimensionLabel(bank, question.dimension) : '',
			from:
				c.from === null
					? `${DONT_KNOW_LABEL} / ${SKIPPED_LABEL.toLowerCase()}: find out`
					: answerLabel(bank, c.questionId, c.from),
			to: answerLabel(bank, c.questionId, c.to)
		};
	});
}

function liftView(bank: QuestionBank, result: Result): ResultView['lift'] {
	const plan = result.liftPlan;
	if (result.tier === 'pioneer')
		return {
			heading: 'Staying a Pioneer',
			note: 'You are in the highest group. The plan lists what would still strengthen your weakest practices.',
			steps: []
		};
	if (!plan) return null;
	// The heading promises a path only where the changes reach it.
	const heading = plan.lifts
		? plan.target === 'pioneer'
			? 'What would make you a Pioneer'
			: 'What would take you out of Exposed'
		: plan.target === 'pioneer'
			? 'First steps towards Pioneer'
			: 'First steps out of Exposed';
	const blockedByOutcomes = result.criticalFindings.some((f) => !f.fixed) || result.rule === 'outcome_unknown';
	const n = plan.changes.length;
	const note = plan.lifts
		? `${n === 1 ? 'This change' : `These ${n} changes`}, with nothing else, would place you ${plan.target === 'pioneer' ? 'in Pioneer' : 'out of Exposed'}.`
		: blockedByOutcomes && plan.target === 'pioneer'
			? 'No practice change alone makes you a Pioneer while a severe finding is open or an outcome unknown: fix its root cause and verify the fix, or find out. These steps come first all the same; they are not shown to be enough on their own.'
			: n === 0
				? 'No practice change within reach moves you; answer the questions left open first.'
				: `Five changes are not enough to get there; these are the first ${n}, in order.`;
	return { heading, note, steps: liftSteps(bank, plan.changes) };
}

/** The verdict of a benchmark line: ahead, in line or behind the surveyed organisations, or context for adoption. */
export function lineVerdict(line: {
	direction: string;
	matches: boolean;
	share: number;
}): BenchmarkLineView['verdict'] {
	if (line.direction === 'neutral') return 'context';
	const good = line.direction === 'better' ? line.matches : !line.matches;
	const doingIt = line.matches ? line.share : 100 - line.share;
	if (good) return doingIt <= 50 ? 'ahead' : 'in_line';
	return doingIt >= 50 ? 'in_line' : 'behind';
}

const VERDICT_LABELS = {
	ahead: 'Ahead of most',
	in_line: 'In line with most',
	behind: 'Behind most',
	context: 'Context'
} as const;

/** The one-line summary, worded for the respondent's role. */
function summaryFor(result: Result, answers: Answers): string {
	if (result.tier === null) return 'Too few questions were answered to place you in one of the four groups.';
	const profile =
		result.context === 'ready_ahead_of_use'
			? 'Robust foundations, ready ahead of your AI use.'
			: GROUP_SUMMARIES[result.tier];
	// What the model counts against the weak bar: stated gaps and critical questions not ruled out, both named.
	const gaps = result.criticalGaps.length;
	const unknown = result.criticalOpen.length - gaps;
	const gapCount = gaps ? `${gaps} critical ${plural(gaps, 'gap', 'gaps')}` : '';
	const unknownCount = unknown ? `${unknown} critical ${plural(unknown, 'question', 'questions')}` : '';
	const both = (a: string, b: string) => [a, b].filter(Boolean).join(' and ');
	const upper = (t: string) => `${t[0]!.toUpperCase()}${t.slice(1)}`;
	const open = gaps + unknown > 0;
	switch (answers.profile_role) {
		case 'security':
			return `${METRIC_LABELS.exposure} ${points(result.exposure)} of 100 (${METRIC_LABELS.exposureScale}), ${open ? both(gapCount, unknownCount && `${unknownCount} not ruled out`) : 'no critical gap'}. ${profile}`;
		case 'executive':
			return `${profile} ${open ? `First ${both(gapCount && `close ${gapCount}`, unknownCount && `rule out ${unknownCount}`)}, then follow the 30 / 60 / 90-day plan.` : 'The 30 / 60 / 90-day plan below says what to do next.'}`;
		default:
			return `${profile}${open ? ` ${upper(both(gapCount && `${gapCount} to close`, unknownCount && `${unknownCount} to rule out`))} first.` : ''}`;
	}
}

/** "Since last time": this result against an earlier one, worded (the workspace words its milestones with it too). */
export function sinceView(
	bank: QuestionBank,
	answers: Answers,
	result: AnyResult,
	earlier: NonNullable<PresentInput['earlier']>
): SinceView {
	const c = compareResults(earlier, { bank, answers, result });
	const tier = (t: TierId | null) => (t ? TIER_LABELS[t] : METRIC_LABELS.notPlaced);
	const moved = {
		up: `${tier(c.tier.after)}, up from ${tier(c.tier.before)}.`,
		down: `${tier(c.tier.after)}, down from ${tier(c.tier.before)}.`,
		same: `${tier(c.tier.after)}, as before.`,
		changed_shape: `${tier(c.tier.after)}, was ${tier(c.tier.before)}: a different shape, neither above the other.`
	}[c.tier.direction];
	return {
		heading: `${RESULT_LABELS.since} (${earlier.date})`,
		tier: moved,
		foundations: `${METRIC_LABELS.control} ${points(c.control.after)} (${signedPoints(c.control.change)}).`,
		dimensions: c.dimensions.map((d) => ({
			label: d.label,
			before: points(d.before),
			after: points(d.after),
			change: signedPoints(d.change),
			improved: d.improved
		})),
		answers: c.answers.map((a) => ({ question: a.questionText, from: a.from.label, to: a.to.label })),
		unchanged: c.unchanged,
		note:
			earlier.bank.version !== bank.version
				? `The earlier result used question bank ${earlier.bank.version}, scored by its own model; questions are compared by id where they still exist.`
				: c.unchanged
					? 'Nothing changed since then.'
					: `${c.answers.length} ${plural(c.answers.length, 'answer', 'answers')} changed.`
	};
}

function customView(input: PresentInput, tier: TierId | null): CustomView | null {
	const custom = input.custom;
	if (!custom) return null;
	return {
		name: custom.name,
		sample: custom.sample,
		position: tier
			? `${percent(custom.tiers[tier])} of the organisations in ${custom.name} are ${TIER_LABELS[tier]}.`
			: null,
		tiers: GROUP_ORDER.map((t) => ({ tier: t, label: TIER_LABELS[t], share: custom.tiers[t], you: t === tier })),
		lines: customBenchmarkLines(custom, input.bank, input.answers).map((l) => ({
			...l,
			question: questionText(input.bank, l.questionId)
		}))
	};
}

/**
 * One inconsistency in a sentence: what was answered, what it is counted as, and why. `who` answered: a person
 * ("you", the default) or a team ("the team", whose answer a gap or plan step may be counted below).
 */
export function inconsistencySentence(
	bank: QuestionBank,
	i: Result['inconsistencies'][number],
	who: 'you' | 'the team' = 'you'
): string {
	const q = `“${questionText(bank, i.questionId)}”`;
	const given = `“${answerLabel(bank, i.questionId, i.given)}”`;
	if (i.kind === 'contradiction' && i.with)
		return `${q}: ${who} answered ${given}, which cannot be true beside “${answerLabel(bank, i.with.question, i.with.answer)}” to “${questionText(bank, i.with.question)}”. It is counted as given: correct the answer that is wrong.`;
	const counted = `“${answerLabel(bank, i.questionId, i.countedAs)}”`;
	if (i.kind === 'root_cause')
		return `${q}: ${who} answered ${given} beside a severe finding above; it is counted as ${counted}.`;
	return `${q}: ${who} answered ${given}, counted as ${counted} because ${i.requires.map((r) => `“${questionText(bank, r.question)}” is below “${answerLabel(bank, r.question, r.atLeast)}”`).join(' and ')}.`;
}

/** The first-screen note when answers contradict each other, or null. */
function contradictionsNote(result: Result): string | null {
	const n = result.inconsistencies.filter((i) => i.kind === 'contradiction').length;
	if (n === 0) return null;
	return `${n} ${plural(n, 'answer contradicts', 'answers contradict')} another (listed under “${RESULT_LABELS.notRuledOut}”): this result takes every answer as given, so correct the wrong one before you rely on it.`;
}

/** The plan item that comes before everything when a severe finding is open: fix its root cause and verify the fix. */
function rootCauseItem(bank: QuestionBank, result: Result): PlanItem | null {
	const open = result.criticalFindings.filter((f) => !f.fixed);
	if (open.length === 0) return null;
	return {
		theme: 'root_cause',
		label: 'Fix what the past year found',
		horizon: null,
		critical: true,
		why: 'Closes a severe finding.',
		steps: open.map((f) => {
			const option = bank.questions.find((q) => q.id === f.questionId)?.options.find((o) => o.id === f.optionId);
			const caughtBy = f.caughtBy ? questionText(bank, f.caughtBy) : null;
			return {
				questionId: f.questionId,
				title: 'Fix the root cause and verify the fix',
				action: `${option?.severe ?? ''} Find its root cause, fix it, and verify the fix by repeating the test, scan or audit that would have found it.${caughtBy ? ` What would catch the next one sooner: ${caughtBy}` : ''}`,
				effort: EFFORT_LABELS.medium,
				fromTo: `Now: ${answerLabel(bank, f.questionId, f.optionId)}. Next: root cause fixed and the fix verified.`,
				critical: true,
				references: []
			};
		})
	};
}

/** Builds everything a result surface shows. */
export function presentResult(input: PresentInput): ResultView {
	return isCurrent(input.result) ? presentCurrent(input, input.result) : presentLegacy(input, input.result);
}

function meta(input: PresentInput, label: string, retired: boolean, benchmark: Benchmark): ResultView['meta'] {
	return {
		title: `${label} · AI infrastructure readiness check`,
		description:
			'An AI infrastructure readiness result: the group, critical gaps, a 30/60/90-day plan and the comparison with 406 surveyed organisations.',
		bank: `Question bank ${input.bank.id} version ${input.bank.version}${retired ? ' (retired)' : ''}.`,
		benchmark: `Benchmark: ${benchmark.name}.`,
		methodologyPath: '/methodology'
	};
}

function presentCurrent(input: PresentInput, result: Result): ResultView {
	const { bank, answers } = input;
	const benchmark = input.benchmark ?? SURVEY_2026;
	const organisation = input.organisation?.trim() || null;
	const label = result.tier ? TIER_LABELS[result.tier] : METRIC_LABELS.notPlaced;
	const figures = figuresOf(bank, result);
	const plan = planOf(bank, result);
	const allSteps = [...plan.horizons.flatMap((h) => h.items), ...plan.appendix].flatMap((i) => i.steps);
	const topActions = [...allSteps.filter((s) => s.critical), ...allSteps.filter((s) => !s.critical)].slice(0, 3);
	const { gaps, notRuledOut } = gapLines(bank, result, answers);
	const dims = dimensionRows(bank, result);
	const radar: RadarSeries[] = [
		{
			label: organisation ?? 'You',
			values: Object.fromEntries(dims.map((d) => [d.dimension, d.score])) as Record<DimensionId, number | null>,
			modelled: false
		}
	];
	if (result.tier)
		radar.push({
			label: `Typical ${TIER_LABELS[result.tier]} (${RESULT_LABELS.modelled})`,
			values: { ...MODELLED_PROFILES[result.tier] },
			modelled: true
		});
	if (result.tier && result.tier !== 'pioneer')
		radar.push({
			label: `Typical ${TIER_LABELS.pioneer} (${RESULT_LABELS.modelled})`,
			values: { ...MODELLED_PROFILES.pioneer },
			modelled: true
		});
	const lines = result.benchmarkLines;
	const sources = [...new Set(lines.map((l) => l.source))];
	const footnotes = sources.map((label) => ({ label, url: sourceUrlOf(benchmark, label) }));
	// Those that leave something critical not ruled out first, as critical answers come first everywhere.
	const unanswered = result.unanswered
		.map((id) => ({
			questionId: id,
			text: questionText(bank, id),
			notRuledOut: notRuledOut.filter((line) => line.questionId === id).map((line) => line.sentence)
		}))
		.sort((a, b) => Number(b.notRuledOut.length > 0) - Number(a.notRuledOut.length > 0));
	const near = result.nearestCutoff;
	return {
		meta: meta(input, label, false, benchmark),
		organisation,
		date: (input.date ?? new Date()).toISOString().slice(0, 10),
		figures,
		verdict: {
			tier: result.tier,
			label,
			headline: result.tier
				? `${organisation ?? 'Your organisation'} is ${label}${result.context === 'ready_ahead_of_use' ? ', ready ahead of its AI use' : ''}`
				: 'Not enough answers to place you in a group',
			summary: summaryFor(result, answers),
			why: whyOf(bank, result, figures),
			borderline:
				result.borderline && near
					? `Borderline: your ${CONDITION_NAMES[near.condition]} score (${points(near.value)}) is ${pointsApart(near.value, near.cutoff)} from the cut-off at ${points(near.cutoff)}, inside its margin of ${near.margin}; across it you would be ${TIER_LABELS[near.across]}. Read the group as a range rather than a verdict.`
					: result.borderline
						? 'Borderline: whether AI counts as in real use here is within the margin of its cut-off. Read the group as a range rather than a verdict.'
						: null,
			provisional: result.provisional
				? `Provisional: ${[
						result.provisionalBecause.includes('coverage')
							? `${percent(result.practiceCoverage * 100)} of the practice questions are answered`
							: null,
						result.provisionalBecause.includes('thin_dimension')
							? `thin answers in ${result.thinDimensions.map((d) => inSentence(dimensionLabel(bank, d))).join(', ')}`
							: null,
						result.provisionalBecause.includes('unanswered_critical') ? 'a critical question is unanswered' : null
					]
						.filter(Boolean)
						.join('; ')}. Answer the rest to firm up this result.`
				: null,
			contradictions: contradictionsNote(result),
			context:
				result.context === 'ready_ahead_of_use'
					? 'Your foundations are ready ahead of your AI use: adoption is your choice, never our advice.'
					: result.context === 'not_in_use'
						? 'AI is not in real use here yet, so you cannot be Exposed; what matters is whether your foundations are ready.'
						: null,
			caveats: profileCaveats(answers)
		},
		picture: pictureOf(result, benchmark, organisation),
		survey: {
			sentence: result.tier ? surveyShareSentence(benchmark, result.tier) : null,
			distribution: tierDistribution(benchmark, result.tier),
			source: surveySource(benchmark)
		},
		retired: null,
		gaps,
		notRuledOut,
		unanswered: {
			count: unanswered.length,
			sentence: unanswered.length
				? `${unanswered.length} ${plural(unanswered.length, 'question is', 'questions are')} unanswered. Each counts as “don’t know” — never in your favour — until you answer it.`
				: null,
			questions: unanswered
		},
		inconsistencies: result.inconsistencies.map((i) => inconsistencySentence(bank, i)),
		topActions,
		plan,
		lift: liftView(bank, result),
		scores: {
			cards: [
				{ label: METRIC_LABELS.control, value: figures.control! },
				{ label: METRIC_LABELS.use, value: figures.use! },
				{ label: `${METRIC_LABELS.exposure} (${METRIC_LABELS.exposureScale})`, value: figures.exposure! },
				{ label: METRIC_LABELS.coverage, value: percent(result.coverage * 100) }
			],
			// Two bases, each named: every scored question (use, practice, outcome), and the practice and outcome
			// questions whose coverage decides whether you are placed.
			coverage: coverageSentence(bank, result),
			dimensions: dims
		},
		radar,
		benchmark: {
			lines: lines.map((l) => {
				const verdict = lineVerdict(l);
				return {
					questionId: l.questionId,
					question: questionText(bank, l.questionId),
					you: l.you,
					peers: l.peers,
					share: l.share,
					verdict,
					verdictLabel: VERDICT_LABELS[verdict],
					footnote: sources.indexOf(l.source) + 1
				};
			}),
			footnotes,
			empty: lines.length ? null : 'None of your answers can be compared with a survey figure.'
		},
		confidence: result.confidenceGaps.map((g) => {
			const name = dimensionLabel(bank, g.dimension);
			return {
				label: name,
				confidence: points(g.confidence),
				practice: points(g.practice),
				gap: signedPoints(g.gap),
				sentence: confidenceGapSentence(g, name, g.dimension),
				overconfident: g.overconfident
			};
		}),
		confidenceNone: result.confidenceGaps.some((g) => g.overconfident)
			? null
			: `Your confidence is not ${OVERCONFIDENCE_GAP} points or more above your practice in any dimension, the gap this result flags; smaller gaps are in the table.`,
		custom: customView(input, result.tier),
		since: input.earlier ? sinceView(bank, answers, result, input.earlier) : null
	};
}

/** A result of a retired bank: the group and scores as its own model gave them, and the offer to retake. */
function presentLegacy(input: PresentInput, result: LegacyResult): ResultView {
	const { bank, answers } = input;
	const benchmark = input.benchmark ?? SURVEY_2026;
	const current = input.current ?? bank;
	const organisation = input.organisation?.trim() || null;
	const label = result.tier ? TIER_LABELS[result.tier] : METRIC_LABELS.notPlaced;
	const note =
		retiredBankNote(bank, current) ??
		`This result was made with question bank ${bank.version} and is shown as that version scored it.`;
	const dims = dimensionRows(bank, result);
	return {
		meta: meta(input, label, true, benchmark),
		organisation,
		date: (input.date ?? new Date()).toISOString().slice(0, 10),
		figures: {},
		verdict: {
			tier: result.tier,
			label,
			headline: result.tier
				? `${organisation ?? 'Your organisation'} was ${label} (question bank ${bank.version})`
				: 'Not enough answers to place you in a group',
			summary: `Scored by the model of question bank ${bank.version}, as it was then.`,
			why: result.reasons
				.filter((r) => r.rule !== 'coverage' && r.rule !== 'dimensions_answered')
				.map((r) => ({ text: r.text, tokens: [] })),
			borderline: null,
			provisional: null,
			contradictions: null,
			context: null,
			caveats: profileCaveats(answers)
		},
		picture: null,
		survey: { sentence: null, distribution: tierDistribution(benchmark, result.tier), source: surveySource(benchmark) },
		retired: { note },
		gaps: [],
		notRuledOut: [],
		unanswered: { count: 0, sentence: null, questions: [] },
		inconsistencies: [],
		topActions: [],
		plan: { horizons: HORIZONS.map((h) => ({ ...h, items: [] })), appendix: [], empty: note },
		lift: null,
		scores: {
			cards: [
				{ label: METRIC_LABELS.index, value: points(result.index) },
				{ label: 'Control', value: points(result.control) },
				{ label: METRIC_LABELS.coverage, value: percent(result.coverage * 100) }
			],
			coverage: `You answered ${result.answered} questions (${percent(result.coverage * 100)} coverage).`,
			dimensions: dims
		},
		radar: [
			{
				label: organisation ?? 'You',
				values: Object.fromEntries(dims.map((d) => [d.dimension, d.score])) as Record<DimensionId, number | null>,
				modelled: false
			}
		],
		benchmark: { lines: [], footnotes: [], empty: note },
		confidence: [],
		confidenceNone: null,
		custom: customView(input, result.tier),
		since: input.earlier ? sinceView(bank, answers, result, input.earlier) : null
	};
}
