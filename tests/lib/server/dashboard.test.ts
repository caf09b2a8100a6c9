import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BANK_V1 } from '../../../scoring/bank';
import { SURVEY_2026 } from '../../../scoring/benchmark';
import { readCsvTable } from '../../../scoring/csv-table';
import { dimensionRows, surveyPosition } from '../../../scoring/explain';
import { percent, points, signedPoints } from '../../../scoring/format';
import type { Answers } from '../../../scoring/schema';
import { TEAM_CSV_COLUMNS, teamStatsToCsv } from '../../../scoring/team-csv';
import { mostSplit, teamStats } from '../../../scoring/team-stats';
import { TIER_LABELS } from '../../../scoring/tiers';
import { buildReportPdf } from '../../../src/lib/report/pdf-node';
import { presentResult } from '../../../scoring/present';
import { MOST_SPLIT_SHOWN, teamConfidenceSentence, teamView } from '../../../src/lib/server/dashboard';
import { teamReport } from '../../../src/lib/server/team-report';
import { answersArb } from '../../fixtures/answers';
import { pdfText } from '../report/pdf-text';

/** Every scored question at its first or last option, confidence questions at `confidence`. */
function answers(practice: 'best' | 'worst', confidence: 'best' | 'worst'): Answers {
	return Object.fromEntries(
		BANK_V1.questions
			.filter((q) => q.kind !== 'profile')
			.map((q) => {
				const which = q.kind === 'confidence' ? confidence : practice;
				return [q.id, (which === 'best' ? q.options.at(-1) : q.options[0])!.id];
			})
	);
}

describe('the dashboard team view', () => {
	const sets = [answers('best', 'best'), answers('best', 'best'), answers('worst', 'best')];
	const stats = teamStats(BANK_V1, sets, { minGroupSize: 3 })!;
	const view = teamView(BANK_V1, stats);

	test('the radar and its table use the team result’s dimension rows', () => {
		expect(view.dimensions).toEqual(dimensionRows(BANK_V1, stats.result));
	});

	test('the team against the survey: the distribution marks the team’s tier, the sentence is computed', () => {
		expect(stats.result.tier).not.toBeNull();
		expect(view.survey.distribution.filter((r) => r.you).map((r) => r.tier)).toEqual([stats.result.tier]);
		expect(view.survey.sentence).toBe(surveyPosition(SURVEY_2026, stats.result.tier!).sentence);
		expect(view.survey.source).toContain(String(SURVEY_2026.sample));
	});

	test('the most split questions come first, with their option labels, lowest score first', () => {
		expect(view.mostSplit.length).toBeLessThanOrEqual(MOST_SPLIT_SHOWN);
		const first = view.mostSplit[0]!;
		const question = BANK_V1.questions.find((q) => q.id === first.questionId)!;
		expect(first.options!.map((o) => o.label)).toEqual(
			[...question.options].sort((a, b) => a.score - b.score).map((o) => o.label)
		);
		expect(first.options!.map((o) => o.count).filter((n) => n > 0)).toEqual([1, 2]);
		expect(view.questions.map((q) => q.questionId).slice(0, view.mostSplit.length)).toEqual(
			view.mostSplit.map((q) => q.questionId)
		);
	});

	test('the confidence sentence states the team’s own gap', () => {
		const d = { confidence: 50, practice: 60, gap: -10, overconfident: false };
		expect(teamConfidenceSentence(d, 'Governance maturity')).toBe(
			'In governance maturity, the team’s confidence does not exceed its practice (confidence 50 against practice 60, gap −10).'
		);
		expect(teamConfidenceSentence({ ...d, confidence: 90, gap: 30, overconfident: true }, 'Platform')).toMatch(
			/runs well ahead of its practice \(confidence 90 against practice 60, gap \+30\)/
		);
		expect(teamConfidenceSentence({ ...d, gap: null }, 'Platform')).toMatch(/no team answer to compare/);
	});
});

describe('the dashboard, the team PDF and the team CSV show the same team numbers', () => {
	const sets = fc.sample(answersArb(BANK_V1), { numRuns: 6, seed: 11 });
	const stats = teamStats(BANK_V1, sets, { minGroupSize: 3 })!;
	const view = teamView(BANK_V1, stats);
	const csv = readCsvTable(teamStatsToCsv(BANK_V1, stats), { what: 'a team CSV', columns: TEAM_CSV_COLUMNS });
	const rows = csv.rows.map((r) => Object.fromEntries(TEAM_CSV_COLUMNS.map((c) => [c, csv.get(r, c)])));
	const metric = (section: string, name: string, where: Record<string, string> = {}) =>
		rows.find((r) => r.section === section && r.metric === name && Object.entries(where).every(([k, v]) => r[k] === v))
			?.value;
	const pdf = buildReportPdf({
		view: presentResult({ bank: BANK_V1, answers: stats.teamAnswers, result: stats.result }),
		methodologyUrl: 'https://readiness.example/methodology',
		generatedAt: new Date('2026-07-01T10:00:00Z'),
		title: 'Same numbers',
		team: teamReport(BANK_V1, stats)
	}).then(pdfText);
	const csvNumber = (v: string | undefined) => (v === '' || v === undefined ? null : Number(v));

	test('team scores', async () => {
		const { text } = await pdf;
		expect(metric('team', 'tier')).toBe(view.tierLabel ?? 'Not placed (too few answers)');
		expect(csvNumber(metric('team', 'index'))).toBe(view.index);
		for (const d of view.dimensions) {
			expect(csvNumber(metric('dimension', 'team_score', { dimension: d.dimension })), d.dimension).toBe(d.score);
			expect(text, d.label).toContain(`${d.label}${d.higherIsWorse ? ' (lower is better)' : ''} ${points(d.score)}`);
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
			// The PDF's score table: dimension, score, answered, confidence, gap.
			const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			expect(text).toMatch(
				new RegExp(
					`${esc(d.label)}( \\(lower is better\\))? \\S+ \\d+ of \\d+ ${esc(points(d.confidence))} ${esc(signedPoints(d.gap))}`
				)
			);
		}
	});

	test('disagreement: the most split questions in the same order with the same values; tier counts; spread', async () => {
		const { text } = await pdf;
		const split = mostSplit(stats, 5);
		expect(split.length).toBeGreaterThan(0);
		expect(view.mostSplit.map((q) => q.questionId)).toEqual(split.map((q) => q.questionId));
		let at = 0;
		for (const q of view.mostSplit) {
			const csvValue = csvNumber(metric('question', 'disagreement', { question_id: q.questionId }));
			expect(csvValue).toBe(Math.round(q.disagreement! * 1000) / 10);
			// In the PDF, in the same order, with the same percentage and the option labels.
			const found = text.indexOf(q.question, at);
			expect(found, q.questionId).toBeGreaterThan(-1);
			at = found;
			// (pdf.js reads the no-break space before "%" as a space.)
			expect(text.slice(found, found + 2000)).toContain(
				`${q.band} (${percent(q.disagreement! * 100).replace('\u00a0', ' ')})`
			);
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
});
