/**
 * The workspace's rules and words without a server: done items reviewed by the next milestone, evidence counted and
 * carried over, the plan's steps keyed across milestones, the trend labelled by model, the Jira CSV and the Markdown
 * checklist safe with anything people type, and the milestone record an exporter reads.
 */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { BANK_V2, CURRENT_BANK } from '$scoring/content/banks';
import { milestoneRecord } from '$scoring/export/milestone-record';
import { markdownText, planToChecklist } from '$scoring/export/plan-checklist';
import { JIRA_CSV_COLUMNS, planToJiraCsv } from '$scoring/export/plan-jira';
import { parseResultCsv, resultToCsv } from '$scoring/export/result-csv';
import { SURVEY_2026 } from '$scoring/content/survey';
import { score } from '$scoring/model';
import {
	carryEvidence,
	evidenceCounts,
	reviewDoneItems,
	type Evidence,
	type Milestone,
	type PlanItem
} from '$scoring/model/workspace';
import { presentResult } from '$scoring/present/result';
import { presentWorkspace, trackedSteps, type ScoredMilestone } from '$scoring/present/workspace';
import type { Answers, QuestionBank } from '$scoring/schema';
import { allAt } from '../fixtures/answers';

const worst = allAt(CURRENT_BANK, 'worst');
const best = allAt(CURRENT_BANK, 'best');
const practice = CURRENT_BANK.questions.filter((q) => q.kind === 'practice');

function item(extra: Partial<PlanItem> = {}): PlanItem {
	return {
		id: '00000000-0000-4000-8000-000000000001',
		key: `${practice[0]!.id}:x`,
		questionId: practice[0]!.id,
		title: 'A step',
		action: 'Do it.',
		fromTo: 'Now: a. Next: b.',
		horizon: 'd30',
		critical: false,
		references: [],
		owner: null,
		due: null,
		status: 'todo',
		notes: null,
		fromMilestone: 1,
		doneAt: null,
		updatedAt: '2026-11-02T09:30:00.000Z',
		...extra
	};
}

function milestone(seq: number, bank: QuestionBank, answers: Answers, extra: Partial<Milestone> = {}): ScoredMilestone {
	return {
		id: `00000000-0000-4000-8000-00000000010${seq}`,
		seq,
		createdAt: new Date(Date.UTC(2026, 0, seq)),
		source: 'result',
		bankId: bank.id,
		bankVersion: bank.version,
		answers,
		savedBy: null,
		workshop: null,
		doneReview: [],
		...extra,
		bank,
		result: score(bank, answers)
	};
}

describe('done items reviewed by the next milestone', () => {
	const q = practice[0]!.id;
	const previous = { createdAt: new Date('2026-01-10T00:00:00Z'), answers: worst };

	test('items done since the previous milestone, with the answer then and now; nothing without a previous one', () => {
		const done = item({ status: 'done', doneAt: '2026-01-11T00:00:00.000Z' });
		const before = item({ id: 'b', status: 'done', doneAt: '2026-01-09T00:00:00.000Z' });
		const open = item({ id: 'c', status: 'doing' });
		const after = { ...worst, [q]: best[q]! };
		expect(reviewDoneItems([done, before, open], previous, after)).toEqual([
			{ itemId: done.id, title: 'A step', owner: null, questionId: q, before: worst[q], after: best[q] }
		]);
		expect(reviewDoneItems([done], null, after)).toEqual([]);
	});
});

describe('evidence', () => {
	const [a, b, c] = practice;

	test('practice answers with a level count; "don’t know" and unanswered do not; a note or a link backs one', () => {
		const answers: Answers = { ...worst, [b!.id]: 'dk' };
		delete answers[c!.id];
		const evidence: Evidence[] = [
			{ questionId: a!.id, note: null, links: ['https://example.org/'], carriedFrom: null },
			{ questionId: b!.id, note: 'finding out', links: [], carriedFrom: null }
		];
		const counts = evidenceCounts(CURRENT_BANK, answers, evidence);
		expect(counts).toEqual({ practiceAnswers: practice.length - 2, backed: 1, asserted: practice.length - 3 });
	});

	test('carried to the next milestone only for answers that did not change, marked with where it was first given', () => {
		const evidence: Evidence[] = [
			{ questionId: a!.id, note: 'kept', links: [], carriedFrom: null },
			{ questionId: b!.id, note: 'changed', links: [], carriedFrom: null },
			{ questionId: c!.id, note: 'older', links: [], carriedFrom: 1 }
		];
		const next = { ...worst, [b!.id]: best[b!.id]! };
		expect(carryEvidence({ seq: 3, answers: worst, evidence }, next)).toEqual([
			{ questionId: a!.id, note: 'kept', links: [], carriedFrom: 3 },
			{ questionId: c!.id, note: 'older', links: [], carriedFrom: 1 }
		]);
	});
});

describe('the plan’s steps', () => {
	test('one per step of the 30 / 60 / 90-day plan, keyed by question and the answer it reaches; unique', () => {
		const steps = trackedSteps(CURRENT_BANK, score(CURRENT_BANK, worst));
		expect(steps.length).toBeGreaterThan(3);
		expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
		for (const s of steps) expect(s.key.startsWith(`${s.questionId}:`)).toBe(true);
		expect(steps.every((s) => ['d30', 'd60', 'd90'].includes(s.horizon))).toBe(true);
	});

	test('a result of a frozen model has no steps to track', () => {
		expect(trackedSteps(BANK_V2, score(BANK_V2, allAt(BANK_V2, 'worst')))).toEqual([]);
	});
});

describe('the workspace in words', () => {
	test('a milestone from bank 2.0.0 is labelled with its own model; the trend says a change of model is not a change of practice', () => {
		const view = presentWorkspace({
			name: 'Acme',
			milestones: [milestone(1, BANK_V2, allAt(BANK_V2, 'worst')), milestone(2, CURRENT_BANK, worst)],
			items: [],
			evidence: new Map(),
			current: CURRENT_BANK,
			today: '2026-12-06'
		});
		expect(view.trend.rows.map((r) => r.bank)).toEqual(['2.0.0 (model 2.0)', `${CURRENT_BANK.version} (model 3.0)`]);
		expect(view.trend.note).toMatch(/scored by their own model and labelled with it/);
		expect(view.trend.chart.models).toEqual([2, 3]);
		expect(view.milestones.map((m) => m.bank)).toEqual([
			'Question bank 3.0.0 (model 3.0)',
			'Question bank 2.0.0 (model 2.0)'
		]);
		expect(view.since?.note).toMatch(/earlier result used question bank 2.0.0, scored by its own model/);
		// The latest answers to re-assess from are on the current bank.
		expect(view.latest.retakeCode.startsWith(`${CURRENT_BANK.id}.${CURRENT_BANK.version}.`)).toBe(true);
	});

	test('one bank: no note on models; an open item whose step left the latest plan is flagged', () => {
		const q = practice[0]!.id;
		const improved = { ...worst, [q]: best[q]! };
		const view = presentWorkspace({
			name: 'Acme',
			milestones: [milestone(1, CURRENT_BANK, worst), milestone(2, CURRENT_BANK, improved)],
			items: [item({ key: `${q}:gone` }), item({ id: 'done', key: `${q}:gone2`, status: 'done' })],
			evidence: new Map(),
			current: CURRENT_BANK,
			today: '2026-12-06'
		});
		expect(view.trend.note).toBeNull();
		const [open, done] = view.plan.groups[0]!.items;
		expect(open!.stale).toBe(
			'Not in the 30 / 60 / 90-day plan of the latest milestone (2): its answer has changed since milestone 1.'
		);
		expect(done!.stale).toBeNull();
		expect(view.plan.counts).toBe('2 items: 1 to do, 1 done.');
	});

	test('an open item whose answer did not change says so: moved after the plan, or the step changed — never "the answer moved on"', () => {
		// A platform lead read "the answer has moved on" for a step pushed into "More steps, after the plan", with the
		// answer exactly as before, and took the item as resolved.
		const latest = milestone(2, CURRENT_BANK, worst);
		const later = presentResult({ bank: CURRENT_BANK, answers: worst, result: latest.result }).plan.appendix[0]!;
		const questionId = later.steps[0]!.questionId;
		const reaches = latest.result.recommendations.find((r) => r.questionId === questionId)?.to ?? 'next';
		const view = presentWorkspace({
			name: 'Acme',
			milestones: [milestone(1, CURRENT_BANK, worst), latest],
			items: [
				item({ key: `${questionId}:${reaches}`, questionId }),
				item({ id: 'changed-step', key: `${questionId}:another-level`, questionId })
			],
			evidence: new Map(),
			current: CURRENT_BANK,
			today: '2026-12-06'
		});
		const stale = view.plan.groups.flatMap((g) => g.items).map((i) => i.stale);
		expect(stale).toEqual([
			'Not in the 30 / 60 / 90-day plan of the latest milestone (2): the answer has not changed, and the step now comes after the plan (“More steps, after the plan”), behind more pressing ones.',
			'Not in the 30 / 60 / 90-day plan of the latest milestone (2): the answer has not changed, but the step has (it now reaches another level, or the question bank changed).'
		]);
	});
});

describe('plan items against the calendar', () => {
	test('an open item past its due date is overdue and counted; due today, done or won’t do is not; done says when', () => {
		const view = presentWorkspace({
			name: 'Acme',
			milestones: [milestone(1, CURRENT_BANK, worst)],
			items: [
				item({ id: 'late', key: 'a:1', due: '2026-12-05' }),
				item({ id: 'late-doing', key: 'a:2', due: '2026-01-31', status: 'doing' }),
				item({ id: 'today', key: 'a:3', due: '2026-12-06' }),
				item({ id: 'done-late', key: 'a:4', due: '2026-11-01', status: 'done', doneAt: '2026-11-20T23:30:00.000Z' }),
				item({ id: 'dropped', key: 'a:5', due: '2026-11-01', status: 'wont_do' }),
				item({ id: 'no-date', key: 'a:6' })
			],
			evidence: new Map(),
			current: CURRENT_BANK,
			today: '2026-12-06'
		});
		const byId = new Map(view.plan.groups.flatMap((g) => g.items).map((i) => [i.id, i]));
		expect(byId.get('late')!.overdue).toBe('Overdue: due 2026-12-05.');
		expect(byId.get('late-doing')!.overdue).toBe('Overdue: due 2026-01-31.');
		for (const id of ['today', 'done-late', 'dropped', 'no-date']) expect(byId.get(id)!.overdue, id).toBeNull();
		expect(byId.get('done-late')!.doneLine).toBe('Done on 2026-11-20.');
		expect(byId.get('late')!.doneLine).toBeNull();
		expect(view.plan.counts).toBe('6 items: 3 to do, 1 doing, 1 done, 1 won’t do; 2 overdue.');
	});
});

describe('exports are safe with anything people type', () => {
	const hostile = '=HYPERLINK("https://evil.example","x")';
	const source = {
		workspace: '# [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
		milestone: { seq: 1, date: '2026-01-01', bankVersion: '3.0.0' }
	};

	test('Jira CSV: a formula typed as the owner or notes is escaped; every row has every column', () => {
		const csv = planToJiraCsv([item({ owner: hostile, notes: '-1+1\n@SUM(A1)' })], source);
		const rows = Papa.parse<string[]>(csv).data.filter((r) => r.length > 1);
		expect(rows[0]).toEqual([...JIRA_CSV_COLUMNS]);
		for (const row of rows) {
			expect(row).toHaveLength(JIRA_CSV_COLUMNS.length);
			for (const cell of row) expect(cell).not.toMatch(/^\s*[=+\-@]/);
		}
		expect(rows[1]![JIRA_CSV_COLUMNS.length - 1]).toContain(`Owner: ${hostile}`);
	});

	test('checklist: links, images, HTML and headings typed by people stay text', () => {
		expect(markdownText('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
		expect(markdownText('<script>')).toBe('\\<script\\>');
		expect(markdownText('- not a list')).toBe('\\- not a list');
		expect(markdownText('1. not a list')).toBe('1\\. not a list');
		const md = planToChecklist(
			[item({ owner: '![x](https://evil.example/p.png)', notes: '# heading\n> quote\n- item', status: 'wont_do' })],
			source,
			'2026-01-02'
		);
		expect(md.split('\n')[0]).toBe('# Plan: \\# \\[x\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>');
		expect(md).toContain(
			'- [x] ~~**A step**~~ — won’t do · owner: \\!\\[x\\](https://evil.example/p.png) · no due date'
		);
		expect(md).toContain('    \\# heading\n    \\> quote\n    \\- item');
		expect(md).not.toMatch(/^#+ heading/m);
	});
});

describe('the record an exporter reads', () => {
	test('every question of the bank with answer, support, evidence and references; items up to this milestone', () => {
		const [a, b] = practice;
		const answers = { ...worst };
		delete answers[b!.id];
		const m = milestone(2, CURRENT_BANK, answers);
		const record = milestoneRecord({
			workspaceName: 'Acme',
			milestone: m,
			bank: CURRENT_BANK,
			evidence: [{ questionId: a!.id, note: 'policy', links: ['https://example.org/p'], carriedFrom: 1 }],
			items: [item({ fromMilestone: 1 }), item({ id: 'later', fromMilestone: 3 })]
		});
		expect(record.answers.map((r) => r.questionId)).toEqual(CURRENT_BANK.questions.map((q) => q.id));
		const byId = new Map(record.answers.map((r) => [r.questionId, r]));
		expect(byId.get(a!.id)).toMatchObject({
			support: 'backed',
			evidence: { note: 'policy', links: ['https://example.org/p'], carriedFrom: 1 },
			answer: { id: worst[a!.id] }
		});
		expect(byId.get(b!.id)).toMatchObject({ support: 'unanswered', answer: null, evidence: null });
		expect(byId.get(a!.id)!.references.length).toBe((a!.references ?? []).length);
		expect(record.items.map((i) => i.id)).toEqual([item().id]);
		expect(record.milestone).toMatchObject({ seq: 2, bank: { version: CURRENT_BANK.version, model: 3 } });
	});
});

test('a milestone’s CSV with evidence still imports, to the same answers', () => {
	const csv = resultToCsv(CURRENT_BANK, worst, score(CURRENT_BANK, worst), {
		exportedAt: '2026-01-01T00:00:00.000Z',
		benchmark: SURVEY_2026,
		evidence: [
			{ questionId: practice[0]!.id, note: '=cmd|" /C calc"!A0\nsecond line', links: ['https://example.org/'] }
		]
	});
	expect(parseResultCsv(csv).answers).toEqual(worst);
});
