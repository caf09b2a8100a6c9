/**
 * The presentation model: from a scored result (and an optional custom benchmark, profile, organisation name and
 * earlier result) every sentence, label, number format and empty state any surface shows. The results page, the
 * PDF and the CSV render a {@link ResultView} and word nothing themselves, so they cannot drift apart. Pure.
 */
import { answerOf } from '../answers';
import { SURVEY_2026, type Benchmark } from '../content/survey';
import { compareResults, type ResultSnapshot } from './compare';
import { customBenchmarkLines, type CustomBenchmark } from '../export/custom-benchmark';
import {
	answerLabel,
	borderlineNote,
	confidenceGapSentence,
	coverageSentence,
	criticalGapLines,
	customPosition,
	dimensionLabel,
	dimensionRows,
	liftContextNote,
	liftSteps,
	provisionalNote,
	questionText,
	readinessNote,
	retiredBankNote,
	surveyPosition,
	surveySource,
	tierDistribution,
	type CriticalGapLine,
	type DimensionRow,
	type DistributionRow,
	type LiftStep
} from './explain';
import { percent, points, signedPoints } from './format';
import { frameworkOf, frameworkReference, MAPPING_NOT_CONFORMANCE } from '../content/frameworks';
import { METRIC_LABELS } from './labels';
import { MODELLED_PROFILES } from './modelled';
import {
	TIER_IDS,
	type Answers,
	type DimensionId,
	type QuestionBank,
	type Recommendation,
	type Result,
	type TierId
} from '../schema';
import { TIER_LABELS, nextTier } from '../model/v2/tiers';

/** Every heading and button label the result surfaces show, once. */
export const RESULT_LABELS = Object.freeze({
	eyebrow: 'Your result',
	why: 'Why this group',
	whyNone: 'Why no group yet',
	criticalGaps: 'Critical gaps',
	criticalGapsLead: 'These answers keep you below Pioneer whatever else is true. Close them first.',
	topActions: 'Your first three actions',
	plan: 'Your 30 / 60 / 90-day plan',
	appendix: 'More steps, after the plan',
	lift: 'What would move you up',
	readiness: 'Ready for deeper AI use?',
	scores: 'Your scores',
	survey: 'You against the survey',
	practices: 'Your practices against the survey’s figures',
	confidence: 'Confidence against practice',
	since: 'Since last time',
	consultant: 'For consultants: compare with your own benchmark',
	keep: 'Keep, share or change these results',
	download: 'Download',
	downloadPdf: 'Download PDF',
	downloadCsv: 'Download CSV',
	share: 'Share',
	editAnswers: 'Edit answers',
	retake: 'Retake, starting from my last answers',
	retired: 'An earlier version of the questions',
	retireRetake: 'Retake on the current questions, starting from these answers',
	methodology: 'How this was worked out',
	frameworks: MAPPING_NOT_CONFORMANCE,
	modelled: 'modelled, not survey data',
	executiveSummary: 'Executive summary',
	appendixHeading: 'Appendix',
	critical: 'Critical',
	youAreHere: 'you are here',
	lowerIsBetter: 'lower is better',
	columns: {
		group: 'Group',
		share: 'Share',
		practice: 'Your practice',
		verdict: 'Against most',
		survey: 'Survey',
		dimension: 'Dimension',
		score: 'Score',
		answered: 'Answered',
		confidence: 'Confidence',
		evidence: 'Practice',
		gap: 'Gap'
	},
	coverTitle: 'Readiness for AI-driven change',
	methodologyNote:
		'Every weight, rule, cut-off and the norming against the survey are published on the methodology page. Framework references are a mapping, not conformance. Typical group profiles on the radar are modelled from the norming simulation, not survey data.'
});

/** "Governance: who owns AI governance? — from “Nobody” to “A named owner”." */
export function changeSentence(step: LiftStep): string {
	return `${step.question} — from “${step.from}” to “${step.to}”`;
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

/** One framework reference as shown beside a step. */
export interface ReferenceView {
	id: string;
	code: string;
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
	/** "Now: … Next: …", from the level answered. */
	fromTo: string;
	/** "Next: …" alone, for compact surfaces. */
	next: string;
	critical: boolean;
	references: ReferenceView[];
}

/** One practice theme of the plan, its steps prerequisites first. */
export interface PlanItem {
	theme: string;
	label: string;
	horizon: HorizonId | null;
	critical: boolean;
	/** "Lifts you to Pioneer", "Closes a critical gap", or null. */
	why: string | null;
	steps: StepView[];
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
	/** Index into the view's footnotes. */
	footnote: number;
}

/** A radar series: the result or a modelled typical profile. */
export interface RadarSeries {
	label: string;
	values: Record<DimensionId, number | null>;
	modelled: boolean;
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
	index: string;
	dimensions: { label: string; before: string; after: string; change: string; improved: boolean | null }[];
	answers: { question: string; from: string; to: string }[];
	unchanged: boolean;
	note: string;
}

/** Everything a result surface shows. */
export interface ResultView {
	meta: { title: string; description: string; bank: string; benchmark: string; methodologyPath: string };
	organisation: string | null;
	date: string;
	verdict: {
		tier: TierId | null;
		label: string;
		headline: string;
		summary: string;
		/** Plain-language why: the deciding dimensions, the nearest cut-off and the group across it. */
		why: string[];
		borderline: string | null;
		provisional: string | null;
		caveats: string[];
	};
	retired: { note: string } | null;
	criticalGaps: CriticalGapLine[];
	topActions: StepView[];
	plan: { horizons: { id: HorizonId; label: string; items: PlanItem[] }[]; appendix: PlanItem[]; empty: string | null };
	lift: { heading: string; steps: LiftStep[] } | { heading: string; note: string } | null;
	readiness: { note: string; steps: LiftStep[] } | null;
	scores: { cards: { label: string; value: string }[]; coverage: string; dimensions: DimensionRow[] };
	radar: RadarSeries[];
	survey: { sentence: string | null; distribution: DistributionRow[]; source: string };
	benchmark: { lines: BenchmarkLineView[]; footnotes: string[]; empty: string | null };
	confidence: {
		label: string;
		confidence: string;
		practice: string;
		gap: string;
		sentence: string;
		overconfident: boolean;
	}[];
	custom: CustomView | null;
	since: SinceView | null;
}

/** What {@link presentResult} needs; all but `bank`, `answers` and `result` optional. */
export interface PresentInput {
	bank: QuestionBank;
	answers: Answers;
	result: Result;
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

function referenceView(id: string): ReferenceView | null {
	const ref = frameworkReference(id);
	if (!ref) return null;
	return { id, code: ref.code, framework: frameworkOf(ref).name, title: ref.title, url: ref.url };
}

function stepView(bank: QuestionBank, answers: Answers, r: Recommendation): StepView {
	const q = bank.questions.find((x) => x.id === r.questionId);
	const now = answerLabel(bank, r.questionId, answerOf(answers, r.questionId));
	const next = r.to ? answerLabel(bank, r.questionId, r.to) : '';
	return {
		questionId: r.questionId,
		title: r.title,
		action: r.action,
		effort: EFFORT_LABELS[r.effort],
		fromTo: next ? `Now: ${now}. Next: ${next}.` : `Now: ${now}.`,
		next: next ? `Next: ${next}.` : '',
		critical: r.critical,
		references: (q?.references ?? r.references).flatMap((id) => referenceView(id) ?? [])
	};
}

/**
 * The plan: recommendations merged into practice themes (steps in roadmap order, prerequisites first), themes
 * ordered by their most urgent step (critical gaps, then the lift or readiness plan, then shortfall and effort),
 * the first {@link PLAN_SIZE} spread over 30 / 60 / 90 days — critical gaps and the lift plan first, then by effort
 * — and the rest in an appendix.
 */
export function planOf(bank: QuestionBank, answers: Answers, result: Result): ResultView['plan'] {
	const themes = new Map<string, { best: number; recs: Recommendation[] }>();
	for (const r of result.recommendations) {
		const key = r.theme ?? r.questionId;
		const entry = themes.get(key) ?? { best: r.priority, recs: [] };
		entry.recs.push(r);
		entry.best = Math.max(entry.best, r.priority);
		themes.set(key, entry);
	}
	// Prerequisites first inside a theme: a step whose target requires another step's question follows it.
	const requires = (a: Recommendation, b: Recommendation) =>
		bank.questions
			.find((q) => q.id === a.questionId)
			?.options.find((o) => o.id === a.to)
			?.requires?.some((x) => x.question === b.questionId) ?? false;
	const ordered = [...themes.entries()].sort((a, b) => b[1].best - a[1].best);
	const items: PlanItem[] = ordered.map(([theme, { recs }]) => {
		const steps = [...recs].sort((a, b) => (requires(a, b) ? 1 : requires(b, a) ? -1 : b.priority - a.priority));
		const critical = steps.some((s) => s.critical);
		const lifts = steps.some((s) => s.lifts);
		const target = result.liftPlan?.target;
		return {
			theme,
			label: bank.themes?.[theme] ?? questionText(bank, steps[0]!.questionId),
			horizon: null,
			critical,
			why: critical
				? 'Closes a critical gap.'
				: lifts && target
					? `Part of what lifts you to ${TIER_LABELS[target]}.`
					: lifts && result.readiness
						? 'Part of what makes your practice ready for deeper AI use.'
						: null,
			steps: steps.map((r) => stepView(bank, answers, r))
		};
	});
	const planned = items.slice(0, PLAN_SIZE);
	// Horizons, in plan order: up to three themes in the first 30 days (critical gaps always, high effort never
	// unless critical), up to six by day 60, the rest by day 90.
	let filled = 0;
	for (const item of planned) {
		const high = item.steps.every((st) => st.effort === EFFORT_LABELS.high);
		if (item.critical || (filled < 3 && !high)) item.horizon = 'd30';
		else item.horizon = filled < 6 ? 'd60' : 'd90';
		filled++;
	}
	// A theme never comes before a theme it needs (prerequisites first across the plan).
	for (const item of planned)
		for (const other of planned)
			if (
				item !== other &&
				item.steps.some((s) =>
					bank.questions
						.find((q) => q.id === s.questionId)
						?.options.some((o) => o.requires?.some((x) => other.steps.some((t) => t.questionId === x.question)))
				)
			) {
				const rank = (h: HorizonId | null) => HORIZONS.findIndex((x) => x.id === h);
				if (rank(other.horizon) > rank(item.horizon)) other.horizon = item.horizon;
			}
	return {
		horizons: HORIZONS.map((h) => ({ id: h.id, label: h.label, items: planned.filter((p) => p.horizon === h.id) })),
		appendix: items.slice(PLAN_SIZE),
		empty:
			items.length === 0
				? 'Every practice is at its strongest level: nothing to add. Re-assess as your AI use changes.'
				: null
	};
}

/** The verdict of a benchmark line: ahead, in line or behind the surveyed organisations, or context for adoption. */
export function lineVerdict(line: Result['benchmarkLines'][number]): BenchmarkLineView['verdict'] {
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

/** The dimensions ahead of and behind the rest, for the plain-language why. */
function spreadSentence(bank: QuestionBank, result: Result): string | null {
	const rows = result.dimensions
		.filter((d) => d.dimension !== 'ai_integration' && d.contribution !== null)
		.map((d) => ({ label: dimensionLabel(bank, d.dimension), value: d.contribution as number }));
	if (rows.length < 2) return null;
	const sorted = [...rows].sort((a, b) => b.value - a.value);
	const top = sorted[0]!;
	const bottom = sorted[sorted.length - 1]!;
	if (top.value - bottom.value < 15)
		return `Your readiness is even across the dimensions (${points(bottom.value)}–${points(top.value)}).`;
	return `${top.label} is ahead (${points(top.value)}); ${bottom.label.toLowerCase()} is behind (${points(bottom.value)}).`;
}

/** The plain-language why of the group: what decided it, in one to three sentences. */
function whySentences(bank: QuestionBank, result: Result): string[] {
	if (result.tier === null)
		return [coverageSentence(result), 'Answer more of the questions to be placed in one of the survey’s four groups.'];
	if (result.model === 1)
		return result.reasons.filter((r) => r.rule !== 'coverage' && r.rule !== 'dimensions_answered').map((r) => r.text);
	const out: string[] = [];
	const control = points(result.control);
	const use = points(result.use);
	switch (result.tier) {
		case 'pioneer':
			out.push(
				`You use AI deeply (${use}) with robust control (${control}), no critical gap and contained risk exposure.`
			);
			break;
		case 'outpacing':
			out.push(
				result.criticalGaps.length
					? `You use AI deeply (${use}), but ${result.criticalGaps.length === 1 ? 'a critical gap keeps' : `${result.criticalGaps.length} critical gaps keep`} you below Pioneer.`
					: `You use AI deeply (${use}); your control (${control}) has not caught up${(result.dimensions.find((d) => d.dimension === 'risk_exposure')?.score ?? 0) >= 50 ? ' and your risk exposure is high' : ''}.`
			);
			break;
		case 'exposed':
			out.push(
				result.control !== null && result.control < 29
					? `AI is in use, but your control of the change it brings is weak (${control}).`
					: `AI is in use, and your risk exposure is severe: AI-driven change meets weak guards.`
			);
			break;
		case 'fragmented':
			out.push(
				result.inUse
					? `Your AI use (${use}) is not yet deep, and your control (${control}) is neither weak nor robust.`
					: `You barely use AI yet (${use}), so you cannot be Exposed; this result is about readiness for when you do.`
			);
	}
	const spread = spreadSentence(bank, result);
	if (spread) out.push(spread);
	const near = result.nearestCutoff;
	// Only a cut-off close enough to matter is worth a sentence.
	if (near && Math.abs(near.value - near.cutoff) <= NEAR_CUTOFF) {
		const axis = near.axis === 'exposure' ? 'risk exposure' : near.axis === 'use' ? 'AI use' : 'control';
		out.push(
			`The nearest cut-off is ${axis} at ${points(near.cutoff)} (you: ${points(near.value)}); across it you would be ${TIER_LABELS[near.across]}.`
		);
	}
	return out;
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

/** The one-line summary, worded for the respondent's role (risk first for security, the plan first for executives). */
function summaryFor(result: Result, benchmark: Benchmark, answers: Answers): string {
	if (result.tier === null) return 'Too few questions were answered to place you in one of the survey’s four groups.';
	const profile = benchmark.tiers.find((t) => t.id === result.tier)?.summary ?? '';
	const exposure = points(result.dimensions.find((d) => d.dimension === 'risk_exposure')?.score ?? null);
	const gaps = result.criticalGaps.length;
	const gapText = gaps ? `${gaps} critical gap${gaps === 1 ? '' : 's'}` : 'no critical gap';
	switch (answers.profile_role) {
		case 'security':
			return `Risk exposure ${exposure} of 100, ${gapText}. ${profile}`;
		case 'executive':
			return `${profile} ${gaps ? `Close ${gapText} first, then follow the 30 / 60 / 90-day plan.` : 'The 30 / 60 / 90-day plan below says what to do next.'}`;
		default:
			return `${profile} ${gaps ? `${gapText[0]!.toUpperCase()}${gapText.slice(1)} to close first.` : ''}`.trim();
	}
}

function sinceView(
	bank: QuestionBank,
	answers: Answers,
	result: Result,
	earlier: NonNullable<PresentInput['earlier']>
): SinceView {
	const c = compareResults(earlier, { bank, answers, result });
	const tier = (t: TierId | null) => (t ? TIER_LABELS[t] : METRIC_LABELS.notPlaced);
	const moved = c.tier.direction === 'up' ? 'up from' : c.tier.direction === 'down' ? 'down from' : 'the same as';
	return {
		heading: `${RESULT_LABELS.since} (${earlier.date})`,
		tier: `${tier(c.tier.after)}, ${moved} ${tier(c.tier.before)}.`,
		index: `Readiness index ${points(c.index.after)} (${signedPoints(c.index.change)}).`,
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
				? `The earlier result used question bank ${earlier.bank.version}; questions that changed are compared by id where they still exist.`
				: c.unchanged
					? 'Nothing changed since then.'
					: `${c.answers.length} answer${c.answers.length === 1 ? '' : 's'} changed.`
	};
}

/** Builds everything a result surface shows. */
export function presentResult(input: PresentInput): ResultView {
	const { bank, answers, result } = input;
	const benchmark = input.benchmark ?? SURVEY_2026;
	const current = input.current ?? bank;
	const date = (input.date ?? new Date()).toISOString().slice(0, 10);
	const tierLabel = result.tier ? TIER_LABELS[result.tier] : METRIC_LABELS.notPlaced;
	const retiredNote = retiredBankNote(bank, current);
	const plan = retiredNote
		? { horizons: HORIZONS.map((h) => ({ ...h, items: [] })), appendix: [], empty: retiredNote }
		: planOf(bank, answers, result);
	const allSteps = [...plan.horizons.flatMap((h) => h.items), ...plan.appendix].flatMap((i) => i.steps);
	// The three actions that matter most: critical gaps first, then the plan in order.
	const topActions = [...allSteps.filter((s) => s.critical), ...allSteps.filter((s) => !s.critical)].slice(0, 3);

	const lines = result.benchmarkLines;
	const footnotes = [...new Set(lines.map((l) => l.source))];
	const dims = dimensionRows(bank, result);
	const radar: RadarSeries[] = [
		{
			label: input.organisation ? input.organisation : 'You',
			values: Object.fromEntries(dims.map((d) => [d.dimension, d.score])) as Record<DimensionId, number | null>,
			modelled: false
		}
	];
	if (result.tier && result.model === 2) {
		radar.push({
			label: `Typical ${TIER_LABELS[result.tier]} (${RESULT_LABELS.modelled})`,
			values: { ...MODELLED_PROFILES[result.tier] },
			modelled: true
		});
		const up = nextTier(result.tier);
		if (up)
			radar.push({
				label: `Typical ${TIER_LABELS[up]} (${RESULT_LABELS.modelled})`,
				values: { ...MODELLED_PROFILES[up] },
				modelled: true
			});
	}
	const surveySentence = result.tier ? surveyPosition(benchmark, result.tier).sentence : null;

	let lift: ResultView['lift'] = null;
	if (!retiredNote) {
		if (result.liftPlan)
			lift = {
				heading: `What would lift you to ${TIER_LABELS[result.liftPlan.target]}`,
				steps: liftSteps(bank, result.liftPlan)
			};
		else if (result.liftContext) lift = { heading: RESULT_LABELS.lift, note: liftContextNote(result)! };
		else if (result.tier === 'pioneer')
			lift = {
				heading: 'Staying a Pioneer',
				note: 'You are in the highest group. The plan lists what would still strengthen your weakest practices.'
			};
	}

	const custom: CustomView | null = input.custom
		? {
				name: input.custom.name,
				sample: input.custom.sample,
				position: result.tier ? customPosition(input.custom, result.tier).sentence : null,
				tiers: TIER_IDS.toReversed().map((t) => ({
					tier: t,
					label: TIER_LABELS[t],
					share: input.custom!.tiers[t],
					you: t === result.tier
				})),
				lines: customBenchmarkLines(input.custom, bank, answers).map((l) => ({
					...l,
					question: questionText(bank, l.questionId)
				}))
			}
		: null;

	return {
		meta: {
			title: `${tierLabel} · AI infrastructure readiness check`,
			description:
				'An AI infrastructure readiness result: the group, critical gaps, a 30/60/90-day plan and the comparison with 406 surveyed organisations.',
			bank: `Question bank ${bank.id} version ${bank.version}${retiredNote ? ' (retired)' : ''}.`,
			benchmark: `Benchmark: ${benchmark.name}.`,
			methodologyPath: '/methodology'
		},
		organisation: input.organisation?.trim() || null,
		date,
		verdict: {
			tier: result.tier,
			label: tierLabel,
			headline: result.tier
				? `${input.organisation?.trim() || 'Your organisation'} is ${tierLabel}`
				: 'Not enough answers to place you in a group',
			summary: summaryFor(result, benchmark, answers),
			why: whySentences(bank, result),
			borderline: borderlineNote(result),
			provisional: provisionalNote(bank, result),
			caveats: profileCaveats(answers)
		},
		retired: retiredNote ? { note: retiredNote } : null,
		criticalGaps: criticalGapLines(bank, result, answers),
		topActions,
		plan,
		lift,
		readiness:
			result.readiness && !retiredNote
				? {
						note: readinessNote(result)!,
						steps: liftSteps(bank, { target: 'pioneer', changes: result.readiness.changes })
					}
				: null,
		scores: {
			cards: [
				{ label: METRIC_LABELS.index, value: points(result.index) },
				{ label: METRIC_LABELS.use, value: points(result.use) },
				{ label: METRIC_LABELS.control, value: points(result.control) },
				{ label: METRIC_LABELS.coverage, value: percent(result.coverage * 100) }
			],
			coverage: coverageSentence(result),
			dimensions: dims
		},
		radar,
		survey: {
			sentence: surveySentence,
			distribution: tierDistribution(benchmark, result.tier),
			source: surveySource(benchmark)
		},
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
					footnote: footnotes.indexOf(l.source) + 1
				};
			}),
			footnotes,
			empty: lines.length ? null : 'None of your answers can be compared with a survey figure.'
		},
		confidence: result.confidenceGaps.map((g) => {
			const label = dimensionLabel(bank, g.dimension);
			return {
				label,
				confidence: points(g.confidence),
				practice: points(g.practice),
				gap: signedPoints(g.gap),
				sentence: confidenceGapSentence(g, label),
				overconfident: g.overconfident
			};
		}),
		custom,
		since: input.earlier ? sinceView(bank, answers, result, input.earlier) : null
	};
}
