import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BANK_V1, BANK_V2, BANK_V3, CURRENT_BANK } from '$scoring/content/banks';
import { answerText } from '$scoring/present/answer-labels';
import { planOf } from '$scoring/present/result';
import { isCurrent } from '$scoring/model';
import { REPORT_SPLIT_QUESTIONS, type Agreement } from '$scoring/present/team';
import { SURVEY_2026 } from '$scoring/content/survey';
import { readCsvTable } from '$scoring/export/csv-table';
import { dimensionRows, surveyShareSentence } from '$scoring/present/result';
import { percent, points, signedPoints } from '$scoring/present/format';
import type { Answers } from '$scoring/schema';
import { TEAM_CSV_COLUMNS, teamStatsToCsv } from '$scoring/export/team-csv';
import { mostSplit, teamStats } from '$scoring/model/team-stats';
import { TIER_LABELS } from '$scoring/model/v2/tiers';
import { MOST_SPLIT_SHOWN, teamConfidenceSentence, teamView } from '$lib/server/dashboard';
import { renderTeamReport, teamReportView } from '$lib/server/team-report';
import { answersArb } from '../../fixtures/answers';
import { EMPTY_RECORD } from '../../fixtures/agreements';
import { pdfText } from '../report/pdf-text';

/** Every scored question at its first or last option, confidence questions at `confidence`. */
function answers(practice: 'best' | 'worst', confidence: 'best' | 'worst'): Answers {
	return Object.fromEntries(
		CURRENT_BANK.questions
			.filter((q) => q.kind !== 'profile')
			.map((q) => {
				const which = q.kind === 'confidence' ? confidence : practice;
				return [q.id, (which === 'best' ? q.options.at(-1) : q.options[0])!.id];
			})
	);
}

describe('the dashboard team view', () => {
	const sets = [answers('best', 'best'), answers('best', 'best'), answers('worst', 'best')];
	const stats = teamStats(CURRENT_BANK, sets, { minGroupSize: 3 })!;
	const view = teamView(CURRENT_BANK, stats);

	test('the radar and its table use the team result’s dimension rows', () => {
		expect(view.dimensions).toEqual(
			dimensionRows(CURRENT_BANK, stats.result).map((row) => ({ ...row, covered: true, scoreText: points(row.score) }))
		);
		expect(view.dimensions.every((d) => d.covered && d.scoreText === points(d.score))).toBe(true);
		expect(view.notCovered).toBeNull();
	});

	test('the team against the survey: the distribution marks the team’s tier, the sentence is computed', () => {
		expect(stats.result.tier).not.toBeNull();
		expect(view.survey.distribution.filter((r) => r.you).map((r) => r.tier)).toEqual([stats.result.tier]);
		expect(view.survey.sentence).toBe(surveyShareSentence(SURVEY_2026, stats.result.tier!));
		expect(view.survey.source).toContain(String(SURVEY_2026.sample));
	});

	test('the most split questions come first, with their option labels, lowest score first', () => {
		expect(view.mostSplit.length).toBeLessThanOrEqual(MOST_SPLIT_SHOWN);
		const first = view.mostSplit[0]!;
		const question = CURRENT_BANK.questions.find((q) => q.id === first.questionId)!;
		expect(first.options!.map((o) => o.label)).toEqual(
			[...question.options].sort((a, b) => a.score - b.score).map((o) => o.label)
		);
		expect(first.options!.map((o) => o.count).filter((n) => n > 0)).toEqual([1, 2]);
		expect(view.questions.map((q) => q.questionId).slice(0, view.mostSplit.length)).toEqual(
			view.mostSplit.map((q) => q.questionId)
		);
	});

	test('the confidence sentence states the team’s own gap', () => {
		const d = { dimension: 'governance' as const, confidence: 50, practice: 60, gap: -10, overconfident: false };
		expect(teamConfidenceSentence(d, 'Governance maturity')).toBe(
			'In governance maturity, the team’s confidence does not exceed its practice (confidence 50 against practice 60, gap −10).'
		);
		expect(teamConfidenceSentence({ ...d, confidence: 90, gap: 30, overconfident: true }, 'Platform')).toMatch(
			/runs well ahead of its practice \(confidence 90 against practice 60, gap \+30\)/
		);
		expect(teamConfidenceSentence({ ...d, gap: null }, 'Platform')).toMatch(/no team answer to compare/);
		// Adoption is context: a team's confidence in it is stated, never set against how much AI it uses.
		const adoption = { ...d, dimension: 'ai_integration' as const, practice: null, gap: null };
		expect(teamConfidenceSentence(adoption, 'AI integration depth')).toBe(
			'In AI integration depth, the team rated its confidence at 50; it is not compared with a practice score: this dimension measures how much AI is used, which is context, and using more is never the advice.'
		);
	});
});

/**
 * On the bank new workshops use and on the retired one earlier workshops keep, with agreed answers on three questions (one of them changing the team tier's
 * inputs): the dashboard's team view, the team CSV and the team PDF (read back with pdf.js) carry the same numbers.
 */
describe.each([
	['bank 1.0.0', BANK_V1],
	['bank 2.0.0', BANK_V2],
	['bank 3.0.0', BANK_V3]
] as const)('the dashboard, the team PDF and the team CSV show the same team numbers, on %s', (_name, bank) => {
	const sets = fc.sample(answersArb(bank), { numRuns: 6, seed: 11 });
	const plain = teamStats(bank, sets, { minGroupSize: 3 })!;
	// Agree three questions away from their median: the most split one at its strongest option, two more at their weakest.
	const picked = mostSplit(plain, 3);
	const agreed: Answers = {};
	picked.forEach((q, i) => {
		const options = bank.questions.find((x) => x.id === q.questionId)!.options;
		const target = (i === 0 ? options.at(-1) : options[0])!.id;
		agreed[q.questionId] = target === q.medianAnswer ? options[1]!.id : target;
	});
	const stats = teamStats(bank, sets, { minGroupSize: 3, agreed })!;
	const view = teamView(bank, stats, 'facilitated');
	// One action per agreed question, each in another status, with an owner and a due date.
	const agreements: Agreement[] = Object.entries(agreed).map(([questionId, answer], i) => ({
		...EMPTY_RECORD,
		questionId,
		agreedAnswer: answer,
		note: `Discussed ${questionId}.`,
		action: `Act on ${questionId}.`,
		actionOwner: `Owner ${i + 1}`,
		actionDue: `2026-0${7 + i}-15`,
		actionStatus: (['open', 'done', 'dropped'] as const)[i]!
	}));
	const csv = readCsvTable(teamStatsToCsv(bank, stats, { agreements }), {
		what: 'a team CSV',
		columns: TEAM_CSV_COLUMNS
	});
	const rows = csv.rows.map((r) => Object.fromEntries(TEAM_CSV_COLUMNS.map((c) => [c, csv.get(r, c)])));
	const metric = (section: string, name: string, where: Record<string, string> = {}) =>
		rows.find((r) => r.section === section && r.metric === name && Object.entries(where).every(([k, v]) => r[k] === v))
			?.value;
	const generatedAt = new Date('2026-07-01T10:00:00Z');
	const context = { agreements, generatedAt, methodologyUrl: 'https://readiness.example/methodology' };
	const workshop = { title: 'Same numbers', organisation: null, mode: 'facilitated' } as const;
	const report = teamReportView(workshop, bank, stats, context);
	const pdf = renderTeamReport(workshop, bank, stats, context).then((bytes) => pdfText(Buffer.from(bytes)));
	const csvNumber = (v: string | undefined) => (v === '' || v === undefined ? null : Number(v));
	const flat = (text: string) => text.replace(/\s+/g, ' ');

	test('the agreed answers are the team answers, and every surface says which were agreed', async () => {
		const { text } = await pdf;
		expect(stats.formed.agreed).toBe(3);
		expect(view.agreed).toBe(3);
		for (const [questionId, answer] of Object.entries(agreed)) {
			const q = view.questions.find((x) => x.questionId === questionId)!;
			const question = bank.questions.find((x) => x.id === questionId)!;
			expect(q.source).toBe('agreed');
			expect(q.teamAnswer).toBe(answerText(question, answer));
			expect(
				rows.find((r) => r.section === 'question' && r.metric === 'team_answer' && r.question_id === questionId)
			).toMatchObject({
				answer_id: answer,
				value: 'agreed'
			});
			expect(flat(text)).toContain(flat(`Agreed: ${answerText(question, answer)}`));
		}
		expect(csvNumber(metric('team', 'agreed_answers'))).toBe(3);
		for (const q of view.questions.filter((x) => x.source === 'median'))
			expect(
				rows.find((r) => r.section === 'question' && r.metric === 'team_answer' && r.question_id === q.questionId)!
					.value
			).toBe('median');
		expect(flat(text)).toContain(flat(view.formed));
		// The agreed answers changed the team result: it is not the plain medians' result.
		expect(stats.result.control).not.toBe(plain.result.control);
	}, 30_000);

	test('the PDF points to the public methodology page, never to a file in the repository', async () => {
		const { text } = await pdf;
		expect(text).toContain('https://readiness.example/methodology');
		expect(text).not.toMatch(/docs\/|\.md\b/);
	}, 30_000);

	test('team scores', async () => {
		const { text } = await pdf;
		expect(metric('team', 'tier')).toBe(view.tierLabel ?? 'Not placed (too few answers)');
		expect(csvNumber(metric('team', 'control'))).toBe(view.control);
		expect(flat(text)).toContain(`Team foundations ${points(view.control)} of 100`);
		for (const d of view.dimensions) {
			expect(csvNumber(metric('dimension', 'team_score', { dimension: d.dimension })), d.dimension).toBe(d.score);
			const spread = view.confidence.find((c) => c.dimension === d.dimension)!.spread;
			expect(flat(text), d.label).toContain(
				`${d.label}${d.higherIsWorse ? ' (lower is better)' : ''} ${points(d.score)} ${spread === null ? '—' : `±${points(spread)}`}`
			);
		}
	});

	test('confidence gap', async () => {
		const { text } = await pdf;
		for (const d of view.confidence) {
			expect(csvNumber(metric('dimension', 'team_confidence', { dimension: d.dimension }))).toBe(d.confidence);
			expect(csvNumber(metric('dimension', 'team_practice', { dimension: d.dimension }))).toBe(d.practice);
			expect(csvNumber(metric('dimension', 'confidence_gap', { dimension: d.dimension }))).toBe(d.gap);
			// The practice beside the gap is the dimension's team score (as it enters the index).
			expect(d.practice).toBe(view.dimensions.find((x) => x.dimension === d.dimension)!.contribution);
			expect(flat(text)).toContain(`${d.label} ${points(d.confidence)} ${points(d.practice)} ${signedPoints(d.gap)}`);
			expect(flat(text)).toContain(flat(d.sentence));
		}
	});

	test('disagreement: the most split questions in the same order with the same values; tier counts; spread', async () => {
		const { text } = await pdf;
		const split = mostSplit(stats, REPORT_SPLIT_QUESTIONS);
		expect(split.length).toBeGreaterThan(0);
		expect(view.mostSplit.map((q) => q.questionId)).toEqual(split.slice(0, MOST_SPLIT_SHOWN).map((q) => q.questionId));
		expect(report.split.questions.map((q) => q.questionId)).toEqual(split.map((q) => q.questionId));
		let at = flat(text).indexOf(report.labels.split);
		expect(at).toBeGreaterThan(-1);
		for (const q of report.split.questions) {
			const shown = view.questions.find((x) => x.questionId === q.questionId)!;
			const csvValue = csvNumber(metric('question', 'disagreement', { question_id: q.questionId }));
			expect(csvValue).toBe(Math.round(shown.disagreement! * 1000) / 10);
			// In the PDF, in the same order, with the same percentage and every option's count beside its label.
			const found = flat(text).indexOf(flat(q.question), at);
			expect(found, q.questionId).toBeGreaterThan(-1);
			at = found;
			const block = flat(text).slice(found, found + 3000);
			expect(block).toContain(`${shown.band} (${percent(shown.disagreement! * 100).replace('\u00a0', ' ')})`);
			for (const o of shown.options!)
				expect(block, `${q.questionId} ${o.label}`).toContain(flat(`${o.count} ${o.label}`));
			expect(block).toContain(flat(`Team answer: ${shown.teamAnswer}`));
		}
		for (const t of view.tierCounts) {
			expect(csvNumber(metric('tier', 'individuals', { answer_id: t.tier }))).toBe(t.count);
			if (t.count > 0 && t.tier !== 'unplaced') expect(text).toContain(`${t.count} ${TIER_LABELS[t.tier]}`);
		}
		for (const d of view.confidence)
			expect(csvNumber(metric('dimension', 'spread', { dimension: d.dimension }))).toBe(d.spread);
		// Every option count of every shown question, label for label.
		for (const q of view.questions)
			for (const o of q.options ?? [])
				expect(
					csvNumber(metric('answer', 'count', { question_id: q.questionId, answer_label: o.label })),
					`${q.questionId} ${o.label}`
				).toBe(o.count);
	}, 30_000);

	test('the PDF and the CSV carry each action with its owner, due date and status', () => {
		for (const a of agreements) {
			const where = { question_id: a.questionId };
			expect(metric('action', 'action', where)).toBe(a.action);
			expect(metric('action', 'owner', where)).toBe(a.actionOwner);
			expect(metric('action', 'due', where)).toBe(a.actionDue);
			expect(metric('action', 'status', where)).toBe(a.actionStatus);
			expect(metric('action', 'carried_from', where)).toBe('');
		}
		expect(report.summary).toContain('3 actions: 1 open, 1 done, 1 dropped.');
	});

	test('the PDF has the discussion notes, the agreed actions and the 30 / 60 / 90-day plan from the team answers (current bank)', async () => {
		const { text } = await pdf;
		for (const a of agreements) {
			expect(flat(text)).toContain(`Discussion: ${a.note}`);
			expect(flat(text)).toContain(
				`Agreed action: ${a.action} Owner: ${a.actionOwner} · due ${a.actionDue} · ${a.actionStatus}`
			);
		}
		if (!isCurrent(stats.result)) {
			// A workshop on an earlier bank keeps its numbers; its plan is not re-derived by today's rules.
			expect(report.plan.empty).toMatch(/earlier question bank/);
			expect(flat(text)).toContain(flat(report.plan.empty!));
			return;
		}
		const plan = planOf(bank, stats.result);
		expect(report.plan).toEqual(plan);
		for (const h of plan.horizons.filter((x) => x.items.length)) {
			expect(text).toContain(h.label);
			for (const item of h.items) expect(flat(text)).toContain(flat(item.steps[0]!.title));
		}
	}, 30_000);
});

describe('a workshop closed after one dimension: the dashboard, the team CSV and the team PDF', () => {
	const bank = CURRENT_BANK;
	const governance = bank.questions.filter((q) => q.dimension === 'governance' && q.kind !== 'profile');
	const votes = (practice: 'best' | 'worst') =>
		Object.fromEntries(
			governance.map((q) => [q.id, (practice === 'best' ? q.options.at(-1) : q.options[0])!.id] as const)
		);
	const stats = teamStats(bank, [votes('best'), votes('worst'), votes('best')], { minGroupSize: 3 })!;
	const view = teamView(bank, stats, 'facilitated');
	const csv = readCsvTable(teamStatsToCsv(bank, stats), { what: 'a team CSV', columns: TEAM_CSV_COLUMNS });
	const value = (metric: string, dimension = '') => {
		const row = csv.rows.find((r) => csv.get(r, 'metric') === metric && csv.get(r, 'dimension') === dimension);
		return row && csv.get(row, 'value');
	};
	const uncovered = bank.dimensions.filter((d) => d.id !== 'governance');
	const context = {
		agreements: [],
		generatedAt: new Date('2026-07-01T10:00:00Z'),
		methodologyUrl: 'https://readiness.example/methodology'
	};
	const workshop = { title: 'Closed early', organisation: null, mode: 'facilitated' } as const;

	test('no score, gap or spread for the four dimensions nobody voted on; governance keeps its own', async () => {
		for (const d of uncovered) {
			expect(view.dimensions.find((r) => r.dimension === d.id)).toMatchObject({
				score: null,
				scoreText: 'Not covered'
			});
			expect(view.confidence.find((c) => c.dimension === d.id)).toMatchObject({ covered: false, spread: null });
			expect(value('covered', d.id)).toBe('no');
			for (const metric of ['team_score', 'team_confidence', 'team_practice', 'confidence_gap', 'spread'])
				expect(value(metric, d.id), `${d.id} ${metric}`).toBe('');
		}
		expect(value('covered', 'governance')).toBe('yes');
		expect(value('team_score', 'governance')).not.toBe('');
		expect(value('control')).toBe('');
		expect(view.notCovered).toMatch(/are not covered: each needs answers from at least 3 people/);
		expect(view.figuresLine).toMatch(
			/: Not given: it rests on infrastructure automation maturity, risk exposure and platform readiness, not covered; /
		);

		const { text } = await renderTeamReport(workshop, bank, stats, context).then((b) => pdfText(Buffer.from(b)));
		const flat = text.replace(/\s+/g, ' ');
		for (const d of uncovered) {
			expect(flat).toContain(
				`${d.label}${d.orientation === 'higher-is-worse' ? ' (lower is better)' : ''} Not covered — 0`
			);
			expect(flat).not.toMatch(new RegExp(`${d.label} \\(\\d+(\\.\\d)? of 100\\)`, 'i'));
		}
		expect(flat).not.toMatch(/Strongest:|Weakest:/);
		expect(flat).toContain('not covered');
	}, 30_000);
});
