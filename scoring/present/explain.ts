/**
 * Plain-language sentences and table rows for a result, computed from the result, its bank and a benchmark — never
 * written by hand — so the results page and the PDF say the same thing, and a different benchmark (e.g. a
 * consultant's client portfolio) changes every comparison consistently. Numbers are formatted by `./format`.
 */
import { answerText } from './answer-labels';
import { SURVEY_2026, shareAbove, shareBelow, tierShares, type Benchmark } from '../content/survey';
import { customTierPosition, type CustomBenchmark } from '../export/custom-benchmark';
import { percent, points } from './format';
import {
	TIER_IDS,
	type ConfidenceGap,
	type DimensionId,
	type LiftPlan,
	type QuestionBank,
	type Result,
	type TierId
} from '../schema';
import { MODELLED_BELOW } from './modelled';
import { TIER_LABELS } from '../model/v2/tiers';

/** Who the benchmark's respondents are, for sentences: "surveyed organisations". */
const PEERS = 'surveyed organisations';

/** Where a tier sits in the benchmark's distribution, with the sentence that says it. */
export interface SurveyPosition {
	tier: TierId;
	/** Percent of the benchmark's organisations in a lower tier. */
	below: number;
	/** Percent in the same tier. */
	same: number;
	/** Percent in a higher tier. */
	above: number;
	sentence: string;
}

/**
 * The sentence for a position in a tier distribution, naming who the percentages are of: "56 % of surveyed
 * organisations sit in a lower group than yours, and 19 % in a higher one. 25 % share the Outpacing group with you."
 */
export function positionSentence(
	tier: TierId,
	{ below, same, above }: { below: number; same: number; above: number },
	peers: string = PEERS
): string {
	const label = TIER_LABELS[tier];
	let sentence: string;
	if (below > 0 && above > 0)
		sentence = `${percent(below)} of ${peers} sit in a lower group than yours, and ${percent(above)} in a higher one.`;
	else if (below > 0)
		sentence = `${percent(below)} of ${peers} sit in a lower group than yours; ${label} is the highest group.`;
	else if (above > 0)
		sentence = `${percent(above)} of ${peers} sit in a higher group than yours; ${label} is the lowest group.`;
	else sentence = `All ${peers} sit in the ${label} group.`;
	return `${sentence} ${percent(same)} share the ${label} group with you.`;
}

/**
 * Where a tier sits among the surveyed organisations, said as what it is — our model's reading, not the survey's
 * placement: "If the surveyed organisations answered as our model assumes, about 56 % (±5) would be placed in a
 * lower group than yours." The shares are the survey's published group sizes; the ± is the norming's uncertainty.
 */
export function surveyPosition(benchmark: Benchmark, tier: TierId): SurveyPosition {
	const position = {
		below: shareBelow(benchmark, tier),
		same: tierShares(benchmark)[tier],
		above: shareAbove(benchmark, tier)
	};
	// The modelled figures are the survey's; another benchmark's own distribution is said as it is.
	if (benchmark.id !== SURVEY_2026.id) return { tier, ...position, sentence: positionSentence(tier, position) };
	const modelled = MODELLED_BELOW[tier];
	const sentence =
		tier === 'exposed'
			? `${TIER_LABELS.exposed} is the lowest group: the survey placed ${percent(position.same)} of its organisations there.`
			: `If the surveyed organisations answered as our model assumes, about ${percent(modelled.share)} (±${modelled.plusMinus}) would be placed in a lower group than yours. The survey itself placed ${percent(position.same)} in ${TIER_LABELS[tier]}.`;
	return { tier, ...position, sentence };
}

/** Where a tier sits in a consultant's custom benchmark, with the sentence naming that benchmark. */
export function customPosition(custom: CustomBenchmark, tier: TierId): SurveyPosition {
	const position = customTierPosition(custom, tier);
	return { tier, ...position, sentence: positionSentence(tier, position, `organisations in ${custom.name}`) };
}

/** Who was surveyed, when, and the source: the caption of every comparison with `benchmark`. */
export function surveySource(benchmark: Benchmark): string {
	const survey = benchmark.sources[0];
	return `${benchmark.sample} respondents (${benchmark.population}), fielded ${benchmark.fielded}. Source: ${survey ? `${survey.label}, ${survey.date}` : benchmark.name}.`;
}

/** One bar of the tier distribution chart and one row of its table. */
export interface DistributionRow {
	tier: TierId;
	label: string;
	share: number;
	you: boolean;
}

/** The benchmark's tier distribution in ascending maturity, marking the respondent's tier. */
export function tierDistribution(benchmark: Benchmark, tier: TierId | null): DistributionRow[] {
	const shares = tierShares(benchmark);
	return TIER_IDS.map((t) => ({ tier: t, label: TIER_LABELS[t], share: shares[t], you: t === tier }));
}

/**
 * How an answer to a question reads: its option's label, the N/A label, or "Not answered" (see
 * `scoring/answer-labels`); the option id itself when the bank does not have the question.
 */
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

/** The tier the result sits in, as the page's heading says it. */
export function tierHeadline(result: Result): string {
	return result.tier === null
		? 'Not enough answers to place you in a group'
		: `Your organisation is ${TIER_LABELS[result.tier]}`;
}

/** Why the tier was placed: the benchmark's one-line profile of the group and the sentences of the rules checked. */
export interface TierExplanation {
	summary: string;
	reasons: string[];
}

/** The plain "why" of a result, from its reasons (the rules that fired, with the numbers). */
export function tierExplanation(result: Result, benchmark: Benchmark): TierExplanation {
	if (result.tier === null)
		return {
			summary: 'Answer more of the practice questions to be placed in one of the survey’s four groups.',
			reasons: result.reasons.filter((r) => !r.passed).map((r) => r.text)
		};
	const profile = benchmark.tiers.find((t) => t.id === result.tier);
	// Coverage and "every dimension answered" only matter when they fail, which places no tier.
	const rules = result.reasons.filter((r) => r.rule !== 'coverage' && r.rule !== 'dimensions_answered');
	return { summary: profile?.summary ?? '', reasons: rules.map((r) => r.text) };
}

/** The borderline note, naming the cut-off and the group across it when known, or null. */
export function borderlineNote(result: Result): string | null {
	if (!result.borderline || result.tier === null) return null;
	const near = result.nearestCutoff;
	if (near)
		return `Borderline: your ${near.axis === 'exposure' ? 'risk exposure' : near.axis === 'use' ? 'AI use' : 'control'} (${points(near.value)}) is within ${near.margin} points of the cut-off at ${points(near.cutoff)}; across it you would be ${TIER_LABELS[near.across]}. Read the group as a range rather than a verdict.`;
	return `Borderline: you are within a few points of a cut-off, so a small change in one answer could move you out of ${TIER_LABELS[result.tier]}. Read the group as a range rather than a verdict.`;
}

/** "You answered 30 of 35 questions that apply (86 % coverage); 3 answered “don’t know”, 2 skipped." */
export function coverageSentence(result: Result): string {
	if (result.model === 1) {
		const total = result.answered + result.notApplicable + result.skipped;
		const rest: string[] = [];
		if (result.notApplicable > 0) rest.push(`${result.notApplicable} marked not applicable or don’t know`);
		if (result.skipped > 0) rest.push(`${result.skipped} skipped`);
		if (rest.length === 0) rest.push('none skipped');
		return `You answered ${result.answered} of ${total} practice questions (${percent(result.coverage * 100)} coverage); ${rest.join(', ')}.`;
	}
	const total = result.answered + result.dontKnow + result.skipped;
	const rest: string[] = [];
	if (result.dontKnow > 0) rest.push(`${result.dontKnow} answered “don’t know”`);
	if (result.skipped > 0) rest.push(`${result.skipped} skipped`);
	if (rest.length === 0) rest.push('none skipped');
	const gated = result.notApplicable > 0 ? ` ${result.notApplicable} did not apply and were not asked.` : '';
	return `You answered ${result.answered} of ${total} questions that apply (${percent(result.coverage * 100)} coverage); ${rest.join(', ')}.${gated}`;
}

/** One critical gap: the question, the answer given, and the gap in a sentence. */
export interface CriticalGapLine {
	questionId: string;
	question: string;
	answer: string;
	sentence: string;
}

/**
 * The critical gaps of a result, in bank order: the option's critical sentence, or, for "don't know" or no answer
 * on a question with a critical option, that the gap cannot be ruled out.
 */
export function criticalGapLines(
	bank: QuestionBank,
	result: Result,
	answers: Record<string, string>
): CriticalGapLine[] {
	return result.criticalGaps.map((id) => {
		const q = bank.questions.find((x) => x.id === id);
		const option = q?.options.find((o) => o.id === answers[id]);
		const first = q?.options.find((o) => o.critical);
		return {
			questionId: id,
			question: q?.text ?? id,
			answer: answerLabel(bank, id, answers[id]),
			sentence: option?.critical ?? `You could not rule this out: ${first?.critical ?? q?.text ?? id}`
		};
	});
}

/** The provisional note naming the thin dimensions, or null. */
export function provisionalNote(bank: QuestionBank, result: Result): string | null {
	if (!result.provisional) return null;
	const names = result.thinDimensions.map((d) => dimensionLabel(bank, d));
	return `Provisional: fewer than 60 % of the questions were answered in ${names.join(', ')}. Answer more of ${names.length === 1 ? 'it' : 'them'} to firm up this result.`;
}

/** Why there is no lift plan, in a sentence, or null. */
export function liftContextNote(result: Result): string | null {
	switch (result.liftContext) {
		case 'deeper_use':
			return result.inUse
				? 'Your practice, not more AI, is what the plan below works on: only deeper AI use would move you to a higher group, and that is your choice, not our advice.'
				: 'You are not yet using AI at depth, so no group above this one applies. The question is whether your practice is ready for when AI use deepens.';
		case 'outcomes':
			return 'The incidents of the last 12 months hold your risk exposure at the “high” bar whatever your practice; the roadmap strengthens what would keep the next year quieter.';
		case 'no_steps':
			return 'No short set of realistic next steps lifts your group on its own; work through the roadmap from the top.';
		default:
			return null;
	}
}

/** Readiness for deeper use in a sentence, or null. */
export function readinessNote(result: Result): string | null {
	const r = result.readiness;
	if (!r) return null;
	if (r.ready) return 'Your practice would hold at the Pioneer bar if your AI use deepened.';
	if (!r.reachable)
		return 'Before AI use deepens, your practice needs more than a few steps: start with the roadmap from the top.';
	return `Before AI use deepens, ${r.changes.length} practice step${r.changes.length === 1 ? '' : 's'} would make it hold at the Pioneer bar; the plan marks ${r.changes.length === 1 ? 'it' : 'them'}.`;
}

/** The note on a result made with a retired bank version, or null for the current one. */
export function retiredBankNote(bank: QuestionBank, current: QuestionBank): string | null {
	if (bank.id !== current.id || bank.version === current.version) return null;
	return `This result was made with question bank ${bank.version} and is scored as it was then. Bank ${current.version} judges readiness differently (critical gaps, “don’t know” never helps, no advice to use more AI): retake it for a current result.`;
}

/** One row of the dimension scores table (and one point of the radar chart). */
export interface DimensionRow {
	dimension: DimensionId;
	label: string;
	/** As reported: exposure for risk exposure (higher = worse). */
	score: number | null;
	/** As it enters the index: higher = better. */
	contribution: number | null;
	higherIsWorse: boolean;
	answered: number;
	total: number;
}

/** The dimension scores of a result in the bank's display order. */
export function dimensionRows(bank: QuestionBank, result: Result): DimensionRow[] {
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

/** One change of a lift plan, in words: the question, the answer now, the answer that would lift. */
export interface LiftStep {
	questionId: string;
	question: string;
	dimension: string;
	from: string;
	to: string;
}

/** The lift plan's changes as the question text and the answer labels, from → to. */
export function liftSteps(bank: QuestionBank, plan: LiftPlan): LiftStep[] {
	return plan.changes.map((c) => {
		const question = bank.questions.find((q) => q.id === c.questionId);
		return {
			questionId: c.questionId,
			question: question?.text ?? c.questionId,
			dimension: question?.dimension ? dimensionLabel(bank, question.dimension) : '',
			from: answerLabel(bank, c.questionId, c.from),
			to: answerLabel(bank, c.questionId, c.to)
		};
	});
}

/** "What would lift you to Pioneer" */
export function liftHeading(plan: LiftPlan): string {
	return `What would lift you to ${TIER_LABELS[plan.target]}`;
}

/** The confidence-vs-practice gap of one dimension in a sentence. */
export function confidenceGapSentence(gap: ConfidenceGap, label: string): string {
	if (gap.confidence === null) return `You did not rate your confidence in ${label.toLowerCase()}.`;
	if (gap.practice === null || gap.gap === null)
		return `You rated your confidence in ${label.toLowerCase()} at ${points(gap.confidence)}, but answered too few of its practice questions to compare.`;
	if (gap.overconfident)
		return `Your confidence in ${label.toLowerCase()} (${points(gap.confidence)}) is ${points(gap.gap)} points above what your practice shows (${points(gap.practice)}).`;
	if (gap.gap < 0)
		return `Your practice in ${label.toLowerCase()} (${points(gap.practice)}) is ahead of your confidence (${points(gap.confidence)}).`;
	return `Your confidence in ${label.toLowerCase()} (${points(gap.confidence)}) is in line with your practice (${points(gap.practice)}).`;
}
