/**
 * The words of a workspace: its milestones over time (a trend of the group and the five dimensions, with its table),
 * what changed since the last milestone, the evidence per answer, the tracked plan and what the done items changed.
 * The workspace pages render a {@link WorkspaceView} or a {@link MilestoneView} and word nothing themselves. Each
 * milestone is scored by the model of its own bank and labelled with it. Pure.
 */
import { answerOf } from '../answers';
import { encodeAnswerCode } from '../export/answer-code';
import { carryAnswers } from '../content/migrate';
import type { AnyResult, Result } from '../model';
import { isCurrent } from '../model';
import {
	changedAnswer,
	evidenceCounts,
	hasEvidence,
	PLAN_ITEM_STATUSES,
	type DoneReview,
	type Evidence,
	type Milestone,
	type PlanHorizon,
	type PlanItem
} from '../model/workspace';
import { DIMENSION_IDS, type DimensionId, type QuestionBank, type QuestionKind } from '../schema';
import { answerText } from './answer-labels';
import { isoDate, points } from './format';
import { METRIC_LABELS, TIER_LABELS } from './labels';
import {
	answerLabel,
	dimensionLabel,
	HORIZONS,
	planOf,
	presentResult,
	questionText,
	referenceView,
	sinceView,
	type ReferenceView,
	type SinceView
} from './result';
import { RESULT_LABELS } from './result-labels';
import { plural, WORKSPACE_LABELS } from './workspace-labels';

export * from './workspace-labels';

/** The name of the scoring model a bank is scored by, as the methodology names it. */
export function modelName(bank: QuestionBank): string {
	return bank.model === 3 ? 'model 3.0' : bank.model === 2 ? 'model 2.0' : 'model 1.x';
}

/** "Question bank 2.0.0 (model 2.0)" — how every milestone is labelled. */
export function bankLabel(bank: QuestionBank): string {
	return `Question bank ${bank.version} (${modelName(bank)})`;
}

/** A milestone with the bank it answers and its result, each scored by its own bank's model. */
export interface ScoredMilestone extends Milestone {
	bank: QuestionBank;
	result: AnyResult;
}

/** One step of a milestone's 30 / 60 / 90-day plan, as the workspace first tracks it. */
export interface TrackedStep {
	key: string;
	questionId: string;
	title: string;
	action: string;
	fromTo: string;
	horizon: PlanHorizon;
	critical: boolean;
	references: string[];
}

/**
 * The steps of a result's 30 / 60 / 90-day plan (not its appendix), in plan order, each keyed by its question and
 * the answer it reaches — so a step done and answered moves on to a new key. Results of the frozen models have no
 * plan of steps: none.
 */
export function trackedSteps(bank: QuestionBank, result: AnyResult): TrackedStep[] {
	if (!isCurrent(result)) return [];
	const plan = planOf(bank, result);
	const key = stepKeyOf(result);
	return plan.horizons.flatMap((h) =>
		h.items.flatMap((item) =>
			item.steps.map((step) => ({
				key: key(item, step),
				questionId: step.questionId,
				title: step.title,
				action: step.action,
				fromTo: step.fromTo,
				horizon: h.id,
				critical: step.critical,
				references: step.references.map((r) => r.id)
			}))
		)
	);
}

/** A plan step's tracking key: its question and the answer it reaches (`fixed` for a root cause). */
function stepKeyOf(result: Result) {
	const reaches = new Map(result.recommendations.map((r) => [r.questionId, r.to]));
	return (item: { theme: string }, step: { questionId: string }) =>
		`${step.questionId}:${item.theme === 'root_cause' ? 'fixed' : (reaches.get(step.questionId) ?? 'next')}`;
}

/** The keys of the steps a result lists after its 30 / 60 / 90-day plan ("More steps, after the plan"). */
function laterStepKeys(bank: QuestionBank, result: AnyResult): Set<string> {
	if (!isCurrent(result)) return new Set();
	const key = stepKeyOf(result);
	return new Set(planOf(bank, result).appendix.flatMap((item) => item.steps.map((step) => key(item, step))));
}

/** "4 of 31 practice answers are backed by evidence; 27 are asserted." */
export function evidenceSentence(counts: { practiceAnswers: number; backed: number; asserted: number }): string {
	if (counts.practiceAnswers === 0)
		return 'No practice question is answered with a level, so there is nothing to back.';
	return `${counts.backed} of ${plural(counts.practiceAnswers, 'practice answer', 'practice answers')} ${counts.backed === 1 ? 'is' : 'are'} backed by evidence; ${counts.asserted} ${counts.asserted === 1 ? 'is' : 'are'} asserted.`;
}

/** How a milestone came about: a saved result, or a workshop's team result. */
export function milestoneKind(m: Pick<Milestone, 'source' | 'workshop'>): string {
	return m.workshop
		? `Team result of the workshop “${m.workshop.title}” (${plural(m.workshop.size, 'response', 'responses')}), frozen at close`
		: WORKSPACE_LABELS.savedResult;
}

/** "Saved result. Question bank 3.0.0 (model 3.0). Saved by Ada on 2026-12-01." */
function aboutLine(m: ScoredMilestone): string {
	return `${milestoneKind(m)}. ${bankLabel(m.bank)}. Saved by ${m.savedBy ?? WORKSPACE_LABELS.notNamed} on ${isoDate(m.createdAt)}.`;
}

function groupLabel(result: AnyResult): string {
	return result.tier ? TIER_LABELS[result.tier] : METRIC_LABELS.notPlaced;
}

/** One done item as the milestone that reviewed it found it. */
export interface DoneReviewLine {
	title: string;
	owner: string | null;
	/** "(Platform team)", or null without an owner. */
	ownerNote: string | null;
	changed: boolean;
	sentence: string;
}

/** The done items a milestone reviewed, worded; answers read in each milestone's own bank. */
export function doneReviewLines(
	reviews: readonly DoneReview[],
	before: QuestionBank | null,
	after: QuestionBank
): { summary: string; lines: DoneReviewLine[] } {
	const label = (bank: QuestionBank | null, questionId: string, answer: string | null) => {
		const b = bank ?? after;
		const question = b.questions.find((q) => q.id === questionId);
		return question ? answerText(question, answer ?? undefined) : (answer ?? '—');
	};
	const lines = reviews.map((r) => {
		const changed = changedAnswer(r);
		const was = label(before, r.questionId, r.before);
		const now = label(after, r.questionId, r.after);
		return {
			title: r.title,
			owner: r.owner,
			ownerNote: r.owner ? `(${r.owner})` : null,
			changed,
			sentence: changed
				? `Done, and the answer moved: “${was}” → “${now}”.`
				: `Done, but the answer did not change: still “${now}”. Check whether the work took hold, or whether the answer should have changed.`
		};
	});
	const moved = lines.filter((l) => l.changed).length;
	const still = lines.length - moved;
	return {
		summary:
			lines.length === 0
				? 'No plan item was set to done between the last two milestones.'
				: `${plural(moved, 'done item', 'done items')} changed ${moved === 1 ? 'its answer' : 'their answers'}; ${still} did not.`,
		lines
	};
}

/** A plan item as the page shows it (and the values its form starts from). */
export interface PlanItemView extends PlanItem {
	statusLabel: string;
	horizonLabel: string;
	fromLine: string;
	/** Set when an open item's step is not in the latest milestone's plan. */
	stale: string | null;
	/** Set when an open item is past its due date: "Overdue: due 2026-11-30." */
	overdue: string | null;
	/** Set when an item is done: "Done on 2026-12-02." */
	doneLine: string | null;
	referenceViews: ReferenceView[];
}

/** One row of the trend table and one point of each series of the chart. */
export interface TrendRow {
	seq: number;
	date: string;
	bank: string;
	/** The model that scored it: a change of model is a break in the series. */
	model: number;
	group: string;
	/** The five dimensions as reported, in bank order, as displayed. */
	scores: string[];
}

/** The trend: a table (always) and what the chart draws (the same numbers). */
export interface TrendView {
	caption: string;
	columns: string[];
	rows: TrendRow[];
	/** Set when milestones were scored by different models. */
	note: string | null;
	chart: {
		/** Per milestone: its date and group (two lines under the axis). */
		labels: string[][];
		models: number[];
		series: { dimension: DimensionId; label: string; values: (number | null)[] }[];
	};
}

/** A milestone in the list. */
export interface MilestoneLine {
	seq: number;
	date: string;
	kind: string;
	bank: string;
	group: string;
	savedBy: string;
	evidence: string;
}

/** Everything the workspace page shows. */
export interface WorkspaceView {
	meta: { title: string; description: string };
	name: string;
	latest: {
		seq: number;
		date: string;
		headline: string;
		summary: string;
		/** What it is, its question bank and who saved it, when. */
		about: string;
		evidence: string;
		/** The latest answers as an answer code on the current bank, to re-assess from. */
		retakeCode: string;
	};
	trend: TrendView;
	since: SinceView | null;
	doneReview: { summary: string; lines: DoneReviewLine[] } | null;
	plan: {
		counts: string;
		groups: { id: PlanHorizon | 'other'; label: string; items: PlanItemView[] }[];
		empty: string | null;
	};
	milestones: MilestoneLine[];
}

/** What {@link presentWorkspace} needs. */
export interface WorkspaceInput {
	name: string;
	/** Ascending by `seq`; at least one. */
	milestones: ScoredMilestone[];
	items: PlanItem[];
	/** Evidence per milestone id. */
	evidence: ReadonlyMap<string, readonly Evidence[]>;
	/** The bank new assessments use. */
	current: QuestionBank;
	/** Today, `YYYY-MM-DD` (UTC), for what is overdue: the caller reads the clock, this module does not. */
	today: string;
}

const horizonLabel = (h: PlanHorizon | null) => HORIZONS.find((x) => x.id === h)?.label ?? WORKSPACE_LABELS.planOther;

/** Whether an item is still to be done and past its due date (`today` and `due` are both `YYYY-MM-DD`). */
export function isOverdue(item: Pick<PlanItem, 'status' | 'due'>, today: string): boolean {
	return (item.status === 'todo' || item.status === 'doing') && item.due !== null && item.due < today;
}

/** "12 items: 3 to do, 2 doing, 6 done, 1 won’t do; 2 overdue." */
function statusCounts(items: readonly PlanItem[], today: string): string {
	if (items.length === 0) return WORKSPACE_LABELS.planEmpty;
	const parts = PLAN_ITEM_STATUSES.map((s) => ({ s, n: items.filter((i) => i.status === s).length }))
		.filter((x) => x.n > 0)
		.map((x) => `${x.n} ${WORKSPACE_LABELS.statuses[x.s].toLowerCase()}`);
	const overdue = items.filter((i) => isOverdue(i, today)).length;
	return `${plural(items.length, 'item', 'items')}: ${parts.join(', ')}${overdue ? `; ${overdue} overdue` : ''}.`;
}

function trendOf(milestones: readonly ScoredMilestone[]): TrendView {
	const last = milestones[milestones.length - 1]!;
	const dimensions = DIMENSION_IDS.map((d) => ({ id: d, label: dimensionLabel(last.bank, d) }));
	const scoreOf = (m: ScoredMilestone, d: DimensionId) =>
		m.result.dimensions.find((x) => x.dimension === d)?.score ?? null;
	const models = new Set(milestones.map((m) => m.bank.model));
	return {
		caption: WORKSPACE_LABELS.trendCaption,
		columns: [
			WORKSPACE_LABELS.milestoneColumns.milestone,
			WORKSPACE_LABELS.milestoneColumns.date,
			WORKSPACE_LABELS.milestoneColumns.bank,
			WORKSPACE_LABELS.milestoneColumns.group,
			...dimensions.map((d) => d.label)
		],
		rows: milestones.map((m) => ({
			seq: m.seq,
			date: isoDate(m.createdAt),
			bank: `${m.bank.version} (${modelName(m.bank)})`,
			model: m.bank.model,
			group: groupLabel(m.result),
			scores: dimensions.map((d) => points(scoreOf(m, d.id)))
		})),
		note:
			models.size > 1
				? `Milestones from older question banks are scored by their own model and labelled with it: their group and scores are read as that model read them then, so a change of model is not a change of practice. The chart draws them as hollow points, joined to the rest by a dashed line.`
				: null,
		chart: {
			labels: milestones.map((m) => [isoDate(m.createdAt), groupLabel(m.result)]),
			models: milestones.map((m) => m.bank.model),
			series: dimensions.map((d) => ({
				dimension: d.id,
				label: d.id === 'risk_exposure' ? `${d.label} (${METRIC_LABELS.exposureScale})` : d.label,
				values: milestones.map((m) => scoreOf(m, d.id))
			}))
		}
	};
}

/** The latest answers on the current bank (carried over from an older bank where they still hold), as a code. */
function retakeCode(latest: ScoredMilestone, current: QuestionBank): string {
	if (latest.bank.id === current.id && latest.bank.version === current.version)
		return encodeAnswerCode(current, latest.answers);
	return encodeAnswerCode(current, carryAnswers(latest.bank, latest.answers, current).answers);
}

/**
 * Why an open item is not in the latest milestone's 90 days, each said only where it is so: its answer moved, the
 * step was moved after the plan, or the step itself changed (a new bank, or a step that now reaches another level).
 */
function staleReason(
	item: { key: string; questionId: string },
	from: ScoredMilestone | undefined,
	latest: ScoredMilestone,
	laterKeys: Set<string>
): string {
	const lead = `Not in the 30 / 60 / 90-day plan of the latest milestone (${latest.seq})`;
	if (from && answerOf(from.answers, item.questionId) !== answerOf(latest.answers, item.questionId))
		return `${lead}: its answer has changed since milestone ${from.seq}.`;
	if (laterKeys.has(item.key))
		return `${lead}: the answer has not changed, and the step now comes after the plan (“${RESULT_LABELS.appendix}”), behind more pressing ones.`;
	return `${lead}: the answer has not changed, but the step has (it now reaches another level, or the question bank changed).`;
}

/** Builds everything the workspace page shows. */
export function presentWorkspace(input: WorkspaceInput): WorkspaceView {
	const { milestones, items } = input;
	const latest = milestones[milestones.length - 1];
	if (!latest) throw new Error('a workspace has at least one milestone');
	const previous = milestones.length > 1 ? milestones[milestones.length - 2]! : null;
	const byseq = new Map(milestones.map((m) => [m.seq, m]));
	const evidenceOf = (m: ScoredMilestone) => evidenceCounts(m.bank, m.answers, input.evidence.get(m.id) ?? []);
	const latestKeys = new Set(trackedSteps(latest.bank, latest.result).map((s) => s.key));
	const laterKeys = laterStepKeys(latest.bank, latest.result);
	const view = presentResult({ bank: latest.bank, answers: latest.answers, result: latest.result });
	const itemViews: PlanItemView[] = items.map((item) => {
		const from = byseq.get(item.fromMilestone);
		return {
			...item,
			statusLabel: WORKSPACE_LABELS.statuses[item.status],
			horizonLabel: horizonLabel(item.horizon),
			fromLine: `${WORKSPACE_LABELS.item.from} ${item.fromMilestone}${from ? ` (${isoDate(from.createdAt)})` : ''}.`,
			stale:
				(item.status === 'todo' || item.status === 'doing') && !latestKeys.has(item.key)
					? staleReason(item, from, latest, laterKeys)
					: null,
			overdue: isOverdue(item, input.today) ? `${WORKSPACE_LABELS.item.overdue}: due ${item.due}.` : null,
			doneLine:
				item.status === 'done' && item.doneAt ? `${WORKSPACE_LABELS.item.doneOn} ${item.doneAt.slice(0, 10)}.` : null,
			referenceViews: item.references.flatMap((id) => referenceView(id) ?? [])
		};
	});
	const sections: { id: PlanHorizon | 'other'; label: string }[] = [
		...HORIZONS.map((h) => ({ id: h.id, label: h.label })),
		{ id: 'other', label: WORKSPACE_LABELS.planOther }
	];
	const groups = sections
		.map((g) => ({
			...g,
			items: itemViews.filter((i) => (i.horizon ?? 'other') === g.id)
		}))
		.filter((g) => g.items.length > 0);
	return {
		meta: {
			title: `${input.name} · ${WORKSPACE_LABELS.eyebrow} · ${WORKSPACE_LABELS.product}`,
			description: WORKSPACE_LABELS.description
		},
		name: input.name,
		latest: {
			seq: latest.seq,
			date: isoDate(latest.createdAt),
			headline: `${groupLabel(latest.result)}${isCurrent(latest.result) ? '' : ` (${bankLabel(latest.bank)})`}`,
			summary: view.verdict.summary,
			about: aboutLine(latest),
			evidence: evidenceSentence(evidenceOf(latest)),
			retakeCode: retakeCode(latest, input.current)
		},
		trend: trendOf(milestones),
		since: milestoneSince(latest, previous),
		doneReview: previous ? doneReviewLines(latest.doneReview, previous.bank, latest.bank) : null,
		plan: {
			counts: statusCounts(items, input.today),
			groups,
			empty: items.length === 0 ? WORKSPACE_LABELS.planEmpty : null
		},
		milestones: [...milestones].reverse().map((m) => ({
			seq: m.seq,
			date: isoDate(m.createdAt),
			kind: milestoneKind(m),
			bank: bankLabel(m.bank),
			group: groupLabel(m.result),
			savedBy: m.savedBy ?? WORKSPACE_LABELS.notNamed,
			evidence: evidenceSentence(evidenceOf(m))
		}))
	};
}

/** One answer of a milestone with its evidence. */
export interface AnswerEvidenceView {
	questionId: string;
	kind: QuestionKind;
	question: string;
	answer: string;
	evidence: Evidence | null;
	/** "Carried from milestone 1: the answer has not changed since." */
	carried: string | null;
	/** The links field's starting text: one link a line. */
	linksText: string;
}

/** Everything the milestone page shows. */
export interface MilestoneView {
	meta: { title: string; description: string };
	heading: string;
	date: string;
	/** What it is, its question bank and who saved it, when. */
	about: string;
	headline: string;
	summary: string;
	evidence: string;
	/** The answers as an answer code, for the result page. */
	code: string;
	dimensions: { dimension: DimensionId; label: string; answers: AnswerEvidenceView[] }[];
	doneReview: { summary: string; lines: DoneReviewLine[] } | null;
}

/** Builds the milestone page: the result as saved and, per answered scored question, its evidence. */
export function presentMilestone(input: {
	workspaceName: string;
	milestone: ScoredMilestone;
	previous: ScoredMilestone | null;
	evidence: readonly Evidence[];
}): MilestoneView {
	const { milestone: m, evidence } = input;
	const byQuestion = new Map(evidence.filter(hasEvidence).map((e) => [e.questionId, e]));
	const view = presentResult({ bank: m.bank, answers: m.answers, result: m.result });
	const heading = WORKSPACE_LABELS.milestone(m.seq);
	return {
		meta: {
			title: `${heading} · ${input.workspaceName} · ${WORKSPACE_LABELS.product}`,
			description: WORKSPACE_LABELS.milestoneDescription
		},
		heading,
		date: isoDate(m.createdAt),
		about: aboutLine(m),
		headline: groupLabel(m.result),
		summary: view.verdict.summary,
		evidence: evidenceSentence(evidenceCounts(m.bank, m.answers, evidence)),
		code: encodeAnswerCode(m.bank, m.answers),
		dimensions: m.bank.dimensions.map((d) => ({
			dimension: d.id,
			label: d.label,
			answers: m.bank.questions
				.filter(
					(q) =>
						q.dimension === d.id &&
						(q.kind === 'practice' || q.kind === 'outcome' || q.kind === 'use') &&
						answerOf(m.answers, q.id) !== undefined
				)
				.map((q) => {
					const e = byQuestion.get(q.id) ?? null;
					return {
						questionId: q.id,
						kind: q.kind,
						question: questionText(m.bank, q.id),
						answer: answerLabel(m.bank, q.id, answerOf(m.answers, q.id)),
						evidence: e,
						carried:
							e?.carriedFrom != null
								? `Carried from milestone ${e.carriedFrom}: the answer has not changed since.`
								: null,
						linksText: e ? e.links.join('\n') : ''
					};
				})
		})),
		doneReview: input.previous ? doneReviewLines(m.doneReview, input.previous.bank, m.bank) : null
	};
}

/**
 * What changed from the milestone before to this one — the group, foundations, each dimension, every answer — headed
 * "Since the last milestone (2, 2026-11-02)"; null for the first. The workspace page and the milestone's report PDF.
 */
export function milestoneSince(milestone: ScoredMilestone, previous: ScoredMilestone | null): SinceView | null {
	if (!previous) return null;
	return {
		...sinceView(milestone.bank, milestone.answers, milestone.result, {
			bank: previous.bank,
			answers: previous.answers,
			result: previous.result,
			date: isoDate(previous.createdAt)
		}),
		heading: `${WORKSPACE_LABELS.since} (${previous.seq}, ${isoDate(previous.createdAt)})`
	};
}

/** The evidence of a milestone as the report prints it: the count sentence and each answer that has evidence. */
export interface EvidenceReport {
	heading: string;
	sentence: string;
	columns: { question: string; answer: string; evidence: string };
	rows: { question: string; answer: string; note: string | null; links: string[]; carried: string | null }[];
}

/** The evidence section of a milestone's report, from its page's view. */
export function evidenceReport(view: MilestoneView): EvidenceReport {
	return {
		heading: WORKSPACE_LABELS.evidence,
		sentence: view.evidence,
		columns: {
			question: WORKSPACE_LABELS.reportColumns.question,
			answer: WORKSPACE_LABELS.answer,
			evidence: WORKSPACE_LABELS.reportColumns.evidence
		},
		rows: view.dimensions.flatMap((d) =>
			d.answers
				.filter((a) => a.evidence)
				.map((a) => ({
					question: a.question,
					answer: a.answer,
					note: a.evidence!.note,
					links: a.evidence!.links,
					carried: a.carried
				}))
		)
	};
}
