/**
 * One milestone of a workspace as plain data for exporters (an OSCAL assessment-results or POA&M writer, for one):
 * every question of its bank with the answer, the evidence and the framework references, and the plan items with
 * owner, due date, status and notes. Nothing is worded here beyond the bank's own labels; no clock is read. Pure.
 */
import type { Evidence, Milestone, PlanItem, PlanItemStatus } from '../model/workspace';
import { hasEvidence } from '../model/workspace';
import type { DimensionId, QuestionBank, QuestionKind } from '../schema';
import { answerText } from '../present/answer-labels';
import { referenceView, type ReferenceView } from '../present/result';

/** One question of the milestone's bank with what was answered and what backs it. */
export interface AnswerRecord {
	questionId: string;
	kind: QuestionKind;
	dimension: DimensionId | null;
	question: string;
	/** The option or reserved answer given, with its label; null when the question was not answered. */
	answer: { id: string; label: string } | null;
	/** `backed`: answered, with evidence; `asserted`: answered, without; `unanswered`. */
	support: 'backed' | 'asserted' | 'unanswered';
	evidence: { note: string | null; links: string[]; carriedFrom: number | null } | null;
	references: ReferenceView[];
}

/** One tracked plan item with its framework references resolved. */
export interface ItemRecord {
	id: string;
	key: string;
	questionId: string;
	title: string;
	action: string;
	fromTo: string;
	horizon: PlanItem['horizon'];
	critical: boolean;
	owner: string | null;
	due: string | null;
	status: PlanItemStatus;
	notes: string | null;
	fromMilestone: number;
	doneAt: string | null;
	references: ReferenceView[];
}

/** A milestone's answers, evidence and plan items: what an exporter needs and nothing it must work out. */
export interface MilestoneRecord {
	workspace: { name: string };
	milestone: {
		id: string;
		seq: number;
		/** ISO 8601. */
		savedAt: string;
		source: Milestone['source'];
		savedBy: string | null;
		workshop: Milestone['workshop'];
		bank: { id: string; version: string; model: number };
	};
	answers: AnswerRecord[];
	/** The workspace's plan items as they stand, from this milestone's plan and those before it. */
	items: ItemRecord[];
}

/**
 * The record of one milestone: every question of its bank in bank order (profile questions too, marked by kind),
 * and the plan items first tracked at this milestone or an earlier one.
 */
export function milestoneRecord(input: {
	workspaceName: string;
	milestone: Milestone;
	bank: QuestionBank;
	evidence: readonly Evidence[];
	items: readonly PlanItem[];
}): MilestoneRecord {
	const { milestone: m, bank } = input;
	const evidence = new Map(input.evidence.filter(hasEvidence).map((e) => [e.questionId, e]));
	const refs = (ids: readonly string[]) => ids.flatMap((id) => referenceView(id) ?? []);
	return {
		workspace: { name: input.workspaceName },
		milestone: {
			id: m.id,
			seq: m.seq,
			savedAt: m.createdAt.toISOString(),
			source: m.source,
			savedBy: m.savedBy,
			workshop: m.workshop,
			bank: { id: bank.id, version: bank.version, model: bank.model }
		},
		answers: bank.questions.map((q) => {
			const id = Object.hasOwn(m.answers, q.id) ? m.answers[q.id] : undefined;
			const e = evidence.get(q.id) ?? null;
			return {
				questionId: q.id,
				kind: q.kind,
				dimension: q.dimension ?? null,
				question: q.text,
				answer: id === undefined ? null : { id, label: answerText(q, id) },
				support: id === undefined ? 'unanswered' : e ? 'backed' : 'asserted',
				evidence: e && { note: e.note, links: [...e.links], carriedFrom: e.carriedFrom },
				references: refs(q.references ?? [])
			};
		}),
		items: input.items
			.filter((i) => i.fromMilestone <= m.seq)
			.map((i) => ({
				id: i.id,
				key: i.key,
				questionId: i.questionId,
				title: i.title,
				action: i.action,
				fromTo: i.fromTo,
				horizon: i.horizon,
				critical: i.critical,
				owner: i.owner,
				due: i.due,
				status: i.status,
				notes: i.notes,
				fromMilestone: i.fromMilestone,
				doneAt: i.doneAt,
				references: refs(i.references)
			}))
	};
}
