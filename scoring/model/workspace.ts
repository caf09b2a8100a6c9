/**
 * What a workspace keeps, as data — milestones (a saved result or a closed workshop's team result), the evidence
 * given per answer, and the tracked plan — and the rules that need no words: which answers count as practice
 * answers backed by evidence, and which done plan items changed answers by the next milestone. Pure; the server
 * stores these shapes (src/lib/server/workspaces/) and `scoring/present/workspace.ts` words them.
 */
import { answerOf } from '../answers';
import { DONT_KNOW, NOT_APPLICABLE, type Answers, type QuestionBank } from '../schema';

/** Where a plan item stands. `wont_do`: decided against; it stays in the list, and in the exports, as such. */
export const PLAN_ITEM_STATUSES = ['todo', 'doing', 'done', 'wont_do'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

/** The plan's horizons, as ids (`scoring/present/result.ts` words them). */
export type PlanHorizon = 'd30' | 'd60' | 'd90';

/** Evidence for one answer of one milestone: a note and links (web addresses only; nothing is uploaded). */
export interface Evidence {
	questionId: string;
	note: string | null;
	links: string[];
	/** The milestone (its number) this evidence was first given on, when it was carried over with an unchanged answer. */
	carriedFrom: number | null;
}

/** One step of a milestone's plan as the workspace tracks it: who owns it, by when, and where it stands. */
export interface PlanItem {
	id: string;
	/** The step's identity across milestones: the question and the answer the step reaches (`<question>:<option>`). */
	key: string;
	questionId: string;
	title: string;
	action: string;
	/** Where the step started and where it goes ("Now: … Next: …"), as the milestone's plan said it. */
	fromTo: string;
	horizon: PlanHorizon | null;
	critical: boolean;
	/** Framework reference ids (`scoring/content/frameworks`), a mapping, not conformance. */
	references: string[];
	/** Free text: a person or a team. Never an account. */
	owner: string | null;
	/** `YYYY-MM-DD`, or null. */
	due: string | null;
	status: PlanItemStatus;
	notes: string | null;
	/** The milestone (its number) whose plan first held this step. */
	fromMilestone: number;
	/** When it was last set to done, ISO 8601; null unless done. */
	doneAt: string | null;
	/**
	 * When it was last saved, ISO 8601 to the millisecond. The item's form sends it back, and a save is refused when
	 * the item has been saved since: two people editing one item never silently overwrite each other.
	 */
	updatedAt: string;
}

/** A done plan item as a later milestone found it: its question's answer at the milestone before and at this one. */
export interface DoneReview {
	itemId: string;
	title: string;
	owner: string | null;
	questionId: string;
	before: string | null;
	after: string | null;
}

/** Where a milestone came from. */
export type MilestoneSource = 'result' | 'workshop';

/** One milestone: a result as it was saved, with its date, bank version and who saved it. */
export interface Milestone {
	id: string;
	/** 1 for the workspace's first milestone, then 2, 3, … */
	seq: number;
	createdAt: Date;
	source: MilestoneSource;
	bankId: string;
	bankVersion: string;
	answers: Answers;
	/** A name the saver gave, or the signed-in account's name; null when neither. */
	savedBy: string | null;
	/** A team result: the workshop's title and how many responses formed it. */
	workshop: { title: string; size: number } | null;
	/** The done plan items this milestone found (see {@link reviewDoneItems}). */
	doneReview: DoneReview[];
}

/** The answer to a question, or null when it was not answered. */
function answered(answers: Answers, questionId: string): string | null {
	return answerOf(answers, questionId) ?? null;
}

/**
 * The plan items done since the previous milestone (`since`, the time it was saved), each with its question's
 * answer then and now: what the next milestone says about the work done. Without a previous milestone there is
 * nothing to review.
 */
export function reviewDoneItems(
	items: readonly PlanItem[],
	previous: { createdAt: Date; answers: Answers } | null,
	answers: Answers
): DoneReview[] {
	if (!previous) return [];
	return items
		.filter((i) => i.status === 'done' && i.doneAt !== null && Date.parse(i.doneAt) > previous.createdAt.getTime())
		.map((i) => ({
			itemId: i.id,
			title: i.title,
			owner: i.owner,
			questionId: i.questionId,
			before: answered(previous.answers, i.questionId),
			after: answered(answers, i.questionId)
		}));
}

/** Whether a done item's question is answered differently at the milestone that reviewed it. */
export function changedAnswer(review: DoneReview): boolean {
	return review.before !== review.after;
}

/** Evidence that holds something: a note or at least one link. */
export function hasEvidence(evidence: Evidence | undefined): boolean {
	return !!evidence && (evidence.note !== null || evidence.links.length > 0);
}

/**
 * The practice questions answered with a level (an option, or "varies by team") — not "don't know", not left
 * unanswered, not N/A — and how many of those answers are backed by evidence; the rest are asserted.
 */
export function evidenceCounts(
	bank: QuestionBank,
	answers: Answers,
	evidence: readonly Evidence[]
): { practiceAnswers: number; backed: number; asserted: number } {
	const byQuestion = new Map(evidence.map((e) => [e.questionId, e]));
	let practiceAnswers = 0;
	let backed = 0;
	for (const q of bank.questions) {
		if (q.kind !== 'practice') continue;
		const answer = answerOf(answers, q.id);
		if (answer === undefined || answer === DONT_KNOW || answer === NOT_APPLICABLE) continue;
		practiceAnswers++;
		if (hasEvidence(byQuestion.get(q.id))) backed++;
	}
	return { practiceAnswers, backed, asserted: practiceAnswers - backed };
}

/**
 * The evidence a new milestone starts with: the previous milestone's evidence for every question answered the same
 * in both (same question id, same answer), marked as carried from where it was first given.
 */
export function carryEvidence(
	previous: { seq: number; answers: Answers; evidence: readonly Evidence[] } | null,
	answers: Answers
): Evidence[] {
	if (!previous) return [];
	return previous.evidence
		.filter(
			(e) =>
				hasEvidence(e) &&
				answerOf(previous.answers, e.questionId) !== undefined &&
				answerOf(previous.answers, e.questionId) === answerOf(answers, e.questionId)
		)
		.map((e) => ({ ...e, carriedFrom: e.carriedFrom ?? previous.seq }));
}
