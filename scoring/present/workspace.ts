/**
 * The words of a workspace: its milestones over time (a trend of the group and the five dimensions, with its table),
 * what changed since the last milestone, the evidence per answer, the tracked plan and what the done items changed.
 * The workspace pages render a {@link WorkspaceView} or a {@link MilestoneView} and word nothing themselves. Each
 * milestone is scored by the model of its own bank and labelled with it. Pure.
 */
import { answerOf } from '../answers';
import { encodeAnswerCode } from '../export/answer-code';
import { carryAnswers } from '../content/migrate';
import type { AnyResult } from '../model';
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
	type PlanItem,
	type PlanItemStatus
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Every heading, label and fixed sentence of the workspace surfaces, once. */
export const WORKSPACE_LABELS = Object.freeze({
	product: 'AI infrastructure readiness check',
	eyebrow: 'Workspace',
	listHeading: 'Workspaces',
	listDescription:
		'Workspaces of the AI infrastructure readiness check: results kept over time for an organisation or a team, with evidence and a tracked plan.',
	listLead:
		'A workspace keeps an organisation’s or a team’s results over time: the trend across re-assessments, what changed since the last one, evidence for each answer, and the plan as items with owners and due dates.',
	listBrowser: 'Workspaces this browser can open',
	listAccount: 'Workspaces of your account',
	listNone:
		'This browser holds no workspace yet. Take the assessment and choose “Save to a workspace” on the result, or open a workspace’s private link.',
	listHowTo: 'To start a workspace, take the assessment and choose “Save to a workspace” on the result.',
	startAssessment: 'Take the assessment',
	milestoneCount: (n: number) => plural(n, 'milestone', 'milestones'),
	openWorkspace: 'Open',
	// Saving a result (on the results page).
	saveHeading: 'Save to a workspace',
	saveLead:
		'A workspace keeps your results over time for an organisation or a team: the trend across re-assessments, what changed since the last one, evidence for each answer, and the plan as tracked items with owners and due dates.',
	savePrivacy:
		'Saving sends this result’s answers to this site’s server, which keeps them in the workspace — with the name you give, if any — until the workspace is deleted; anyone who can open the workspace can read them. Nothing of this result is stored on the server unless you press “Save to workspace”.',
	saveWhere: 'Save to',
	saveNew: 'A new workspace',
	saveName: 'Organisation or team (the workspace’s name)',
	saveSavedBy: 'Your name (optional, shown beside this milestone)',
	saveButton: 'Save to workspace',
	saveSignIn: 'With sign-in on, a new workspace belongs to accounts: sign in to create one.',
	saveSignInButton: 'Sign in to save',
	// The workspace page.
	description:
		'A workspace of the AI infrastructure readiness check: results over time, evidence per answer and a tracked plan.',
	latest: 'Latest milestone',
	trend: 'Trend',
	trendCaption: 'Group and dimension scores at each milestone (0–100; risk exposure: higher = more exposed)',
	trendChart: 'The trend as a chart',
	trendOne: 'The trend starts with the second milestone: save another result here after a re-assessment.',
	since: 'Since the last milestone',
	doneReview: 'Plan items done since the last milestone',
	plan: 'The plan, tracked',
	planLead:
		'Each step of a milestone’s 30 / 60 / 90-day plan becomes an item here, once: give it an owner (a person or a team, as free text), a due date and a status. The next milestone shows which done items changed answers and which did not.',
	planEmpty: 'No plan steps yet: the plan of a milestone scored by model 3.0 fills this list.',
	planOther: 'Other steps',
	planExports: 'Export the plan',
	jiraCsv: 'Download for Jira (CSV)',
	checklist: 'Download as a Markdown checklist',
	jiraNote:
		'The CSV is made for Jira’s CSV importer: the docs say which field each column maps to and which settings to choose in its wizard.',
	item: {
		owner: 'Owner',
		ownerHint: 'A person or a team, as free text (Jira gets it in the description).',
		due: 'Due date',
		status: 'Status',
		notes: 'Notes',
		save: 'Save item',
		update: 'Update',
		from: 'From milestone',
		critical: 'Closes a critical gap',
		references: 'Framework references (a mapping, not conformance)',
		noOwner: 'No owner yet',
		noDue: 'No due date'
	},
	statuses: Object.freeze({ todo: 'To do', doing: 'Doing', done: 'Done', wont_do: 'Won’t do' } as Record<
		PlanItemStatus,
		string
	>),
	milestones: 'Milestones',
	milestoneColumns: {
		milestone: 'Milestone',
		date: 'Date',
		kind: 'What',
		bank: 'Question bank',
		group: 'Group',
		savedBy: 'Saved by',
		evidence: 'Evidence'
	},
	savedResult: 'Saved result',
	notNamed: 'not named',
	addTeam: 'Add a closed workshop’s team result',
	addTeamLead:
		'A workshop you facilitate from this browser can add its team result here once it is closed: the team answers as they stood at close, frozen — later changes to the workshop do not change this milestone.',
	addTeamNone:
		'This browser facilitates no closed workshop with a team result. Close a workshop (from its dashboard) once the minimum group size has submitted, then come back.',
	addTeamChoose: 'Workshop',
	addTeamButton: 'Add its team result',
	another: 'Add a milestone',
	anotherLead:
		'Re-assess and save the new result here: take the assessment again starting from the latest answers, change what has changed, and choose “Save to a workspace” on the result.',
	retake: 'Re-assess, starting from the latest answers',
	share: 'Who can open this workspace',
	privateLink: 'Private link',
	privateLinkNote:
		'Anyone holding this link can open this workspace, read its answers and evidence, change the plan and save results to it: share it like a password.',
	privateLinkUnknown:
		'This browser opened the workspace through your account, so it does not hold the private link (only its hash is kept). Whoever saved the first result has it.',
	inviteHeading: 'Invite a co-owner',
	inviteLead:
		'A co-owner signs in with their own account and then opens this workspace from “Workspaces” on any device. The link works once, within 7 days.',
	inviteButton: 'Create a one-time link',
	inviteLink: 'One-time link (works once, for 7 days):',
	members: 'Accounts',
	roles: Object.freeze({ owner: 'Owner', 'co-owner': 'Co-owner' }),
	// The milestone page.
	milestone: (seq: number) => `Milestone ${seq}`,
	milestoneDescription:
		'A milestone of a workspace of the AI infrastructure readiness check: the result as it was saved, and the evidence for each answer.',
	evidence: 'Evidence per answer',
	evidenceLead:
		'For each answer, a note and links to what backs it — a policy, a dashboard, a ticket, a pipeline run. Links must be web addresses (https://…); nothing is uploaded. Evidence stays with this milestone; the next milestone starts with the evidence of every answer that did not change.',
	evidenceNote: 'Note',
	evidenceLinks: 'Links (one web address per line)',
	evidenceSave: 'Save evidence',
	evidenceAdd: 'Add evidence',
	evidenceEdit: 'Edit evidence',
	evidenceNone: 'Asserted: no evidence given.',
	answer: 'Answer',
	downloads: 'Download this milestone',
	csvWithEvidence: 'Download CSV (answers with evidence)',
	openResult: 'Open as a result page',
	backToWorkspace: 'Back to the workspace',
	invite: {
		heading: (name: string) => `Co-own the workspace “${name}”`,
		description: 'An invitation to co-own a workspace of the AI infrastructure readiness check.',
		lead: 'You have been invited to co-own this workspace: you will find it under “Workspaces” when signed in, on any device. The link works once.',
		accept: 'Accept and add to my workspaces',
		signIn: 'Sign in first; you come back here to accept.',
		signInButton: 'Sign in with your organisation account'
	},
	footer:
		'Results saved to a workspace are stored on this site’s server; anyone who holds the workspace’s private link, or whose account it belongs to, can read them.'
});

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
	const reaches = new Map(result.recommendations.map((r) => [r.questionId, r.to]));
	return plan.horizons.flatMap((h) =>
		h.items.flatMap((item) =>
			item.steps.map((step) => ({
				key: `${step.questionId}:${item.theme === 'root_cause' ? 'fixed' : (reaches.get(step.questionId) ?? 'next')}`,
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

function groupLabel(result: AnyResult): string {
	return result.tier ? TIER_LABELS[result.tier] : METRIC_LABELS.notPlaced;
}

/** One done item as the milestone that reviewed it found it. */
export interface DoneReviewLine {
	title: string;
	owner: string | null;
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
		kind: string;
		bank: string;
		savedBy: string;
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
}

const horizonLabel = (h: PlanHorizon | null) => HORIZONS.find((x) => x.id === h)?.label ?? WORKSPACE_LABELS.planOther;

/** "12 items: 3 to do, 2 doing, 6 done, 1 won’t do." */
function statusCounts(items: readonly PlanItem[]): string {
	if (items.length === 0) return WORKSPACE_LABELS.planEmpty;
	const parts = PLAN_ITEM_STATUSES.map((s) => ({ s, n: items.filter((i) => i.status === s).length }))
		.filter((x) => x.n > 0)
		.map((x) => `${x.n} ${WORKSPACE_LABELS.statuses[x.s].toLowerCase()}`);
	return `${plural(items.length, 'item', 'items')}: ${parts.join(', ')}.`;
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
			bank: bankLabel(m.bank),
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

/** Builds everything the workspace page shows. */
export function presentWorkspace(input: WorkspaceInput): WorkspaceView {
	const { milestones, items } = input;
	const latest = milestones[milestones.length - 1];
	if (!latest) throw new Error('a workspace has at least one milestone');
	const previous = milestones.length > 1 ? milestones[milestones.length - 2]! : null;
	const byseq = new Map(milestones.map((m) => [m.seq, m]));
	const evidenceOf = (m: ScoredMilestone) => evidenceCounts(m.bank, m.answers, input.evidence.get(m.id) ?? []);
	const latestKeys = new Set(trackedSteps(latest.bank, latest.result).map((s) => s.key));
	const view = presentResult({ bank: latest.bank, answers: latest.answers, result: latest.result });
	const itemViews: PlanItemView[] = items.map((item) => {
		const from = byseq.get(item.fromMilestone);
		return {
			...item,
			statusLabel: WORKSPACE_LABELS.statuses[item.status],
			horizonLabel: horizonLabel(item.horizon),
			fromLine: `${WORKSPACE_LABELS.item.from} ${item.fromMilestone}${from ? ` (${isoDate(from.createdAt)})` : ''}`,
			stale:
				(item.status === 'todo' || item.status === 'doing') && !latestKeys.has(item.key)
					? `Not in the plan of the latest milestone (${latest.seq}): the answer has moved on, or the step changed.`
					: null,
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
			kind: milestoneKind(latest),
			bank: bankLabel(latest.bank),
			savedBy: `Saved by ${latest.savedBy ?? WORKSPACE_LABELS.notNamed} on ${isoDate(latest.createdAt)}.`,
			evidence: evidenceSentence(evidenceOf(latest)),
			retakeCode: retakeCode(latest, input.current)
		},
		trend: trendOf(milestones),
		since: previous
			? {
					...sinceView(latest.bank, latest.answers, latest.result, {
						bank: previous.bank,
						answers: previous.answers,
						result: previous.result,
						date: isoDate(previous.createdAt)
					}),
					heading: `${WORKSPACE_LABELS.since} (${previous.seq}, ${isoDate(previous.createdAt)})`
				}
			: null,
		doneReview: previous ? doneReviewLines(latest.doneReview, previous.bank, latest.bank) : null,
		plan: {
			counts: statusCounts(items),
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
	kind: string;
	bank: string;
	savedBy: string;
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
		kind: milestoneKind(m),
		bank: bankLabel(m.bank),
		savedBy: `Saved by ${m.savedBy ?? WORKSPACE_LABELS.notNamed} on ${isoDate(m.createdAt)}.`,
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
