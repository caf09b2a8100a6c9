import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANK_V1, BANK_V3 } from '$scoring/content/banks';
import { SURVEY_2026 } from '$scoring/content/survey';
import { compareResults, type ResultSnapshot } from '$scoring/present/compare';
import { parseResultCsv, resultToCsv } from '$scoring/export/result-csv';
import { NOT_APPLICABLE, type Answers, type QuestionBank } from '$scoring/schema';
import { score } from '$scoring/model';
import { GOLDEN_V3 } from '$scoring/content/golden/v3';
import { OLDER_BANK, TEST_BANKS } from '../fixtures/bank-versions';

function snapshot(answers: Answers, bank: QuestionBank = BANK_V1): ResultSnapshot {
	return { bank, answers, result: score(bank, answers) };
}

/** Every practice question answered with its best (last) or worst (first) option. */
function allAt(level: 'best' | 'worst'): Answers {
	return Object.fromEntries(
		BANK_V1.questions
			.filter((q) => q.kind === 'practice')
			.map((q) => [q.id, (level === 'best' ? q.options.at(-1) : q.options[0])!.id])
	);
}

const label = (questionId: string, optionId: string) =>
	BANK_V1.questions.find((q) => q.id === questionId)!.options.find((o) => o.id === optionId)!.label;

describe('compareResults', () => {
	it('finds nothing changed when the same answers are compared', () => {
		fc.assert(
			fc.property(fc.constantFrom(allAt('best'), allAt('worst'), {}, { gov_formal_policy: 'draft' }), (answers) => {
				const comparison = compareResults(snapshot(answers), snapshot({ ...answers }));
				expect(comparison.unchanged).toBe(true);
				expect(comparison.answers).toEqual([]);
				expect(comparison.tier.direction).toBe('same');
				for (const d of comparison.dimensions) expect(d.improved).toBeNull();
			}),
			{ numRuns: 8 }
		);
	}, 60_000);

	it('reports the tier rising from Exposed to Pioneer, and every dimension of readiness improving', () => {
		const comparison = compareResults(snapshot(allAt('worst')), snapshot(allAt('best')));
		expect(comparison.tier).toEqual({ before: 'exposed', after: 'pioneer', direction: 'up' });
		expect(comparison.unchanged).toBe(false);
		expect(comparison.control.change).toBeGreaterThan(0);
		const risk = comparison.dimensions.find((d) => d.dimension === 'risk_exposure')!;
		// exposure falls, which is an improvement
		expect(risk.change).toBeLessThan(0);
		expect(risk.improved).toBe(true);
		// AI integration depth moved too, but adoption is context: neither better nor worse.
		for (const d of comparison.dimensions)
			expect(d.improved, d.dimension).toBe(d.dimension === 'ai_integration' ? null : true);
		expect(comparison.dimensions.find((d) => d.dimension === 'ai_integration')!.change).not.toBe(0);
		expect(comparison.answers).toHaveLength(BANK_V1.questions.filter((q) => q.kind === 'practice').length);
	});

	it('says Outpacing and Fragmented are different shapes, neither above the other', () => {
		const golden = (name: string) => GOLDEN_V3.find((g) => g.name === name)!.answers;
		const outpacing = snapshot(golden('One critical gap only'), BANK_V3);
		const fragmented = snapshot(golden('One critical gap, little AI'), BANK_V3);
		expect([outpacing.result.tier, fragmented.result.tier]).toEqual(['outpacing', 'fragmented']);
		expect(compareResults(outpacing, fragmented).tier.direction).toBe('changed_shape');
		expect(compareResults(fragmented, outpacing).tier.direction).toBe('changed_shape');
	});

	it('reports a fall the other way round', () => {
		const comparison = compareResults(snapshot(allAt('best')), snapshot(allAt('worst')));
		expect(comparison.tier.direction).toBe('down');
		for (const d of comparison.dimensions)
			expect(d.improved, d.dimension).toBe(d.dimension === 'ai_integration' ? null : false);
	});

	it('lists exactly the questions whose answer changed, with labels from and to', () => {
		const before: Answers = { gov_formal_policy: 'none', plat_platform_team: 'dedicated', risk_rework: 'monthly' };
		const after: Answers = {
			gov_formal_policy: 'approved_full',
			risk_rework: NOT_APPLICABLE,
			auto_rollback: 'one_step'
		};
		const comparison = compareResults(snapshot(before), snapshot(after));
		expect(comparison.answers).toEqual([
			{
				questionId: 'gov_formal_policy',
				questionText: BANK_V1.questions.find((q) => q.id === 'gov_formal_policy')!.text,
				from: { optionId: 'none', label: label('gov_formal_policy', 'none') },
				to: { optionId: 'approved_full', label: label('gov_formal_policy', 'approved_full') }
			},
			{
				questionId: 'auto_rollback',
				questionText: BANK_V1.questions.find((q) => q.id === 'auto_rollback')!.text,
				from: { optionId: null, label: 'Not answered' },
				to: { optionId: 'one_step', label: label('auto_rollback', 'one_step') }
			},
			{
				questionId: 'risk_rework',
				questionText: BANK_V1.questions.find((q) => q.id === 'risk_rework')!.text,
				from: { optionId: 'monthly', label: label('risk_rework', 'monthly') },
				to: { optionId: NOT_APPLICABLE, label: 'Not applicable / don’t know' }
			},
			{
				questionId: 'plat_platform_team',
				questionText: BANK_V1.questions.find((q) => q.id === 'plat_platform_team')!.text,
				from: { optionId: 'dedicated', label: label('plat_platform_team', 'dedicated') },
				to: { optionId: null, label: 'Not answered' }
			}
		]);
		const governance = comparison.dimensions.find((d) => d.dimension === 'governance')!;
		expect(governance.before).toBe(score(BANK_V1, before).dimensions.find((d) => d.dimension === 'governance')!.score);
		expect(governance.change).toBe(Math.round((governance.after! - governance.before!) * 10) / 10);
	});

	it('shows "since last time" from a re-imported CSV: no change, then the one edited answer', () => {
		const answers = allAt('best');
		const csv = resultToCsv(BANK_V1, answers, score(BANK_V1, answers), {
			exportedAt: '2026-01-15T12:00:00.000Z',
			benchmark: SURVEY_2026
		});
		const reimport = (text: string) => {
			const imported = parseResultCsv(text, TEST_BANKS);
			return snapshot(imported.answers, imported.bank);
		};
		expect(compareResults(reimport(csv), snapshot(answers)).unchanged).toBe(true);

		const edited = csv.replace(/(,gov_formal_policy,[^\r\n]*?,)approved_full,/, '$1none,');
		expect(edited).not.toBe(csv);
		const comparison = compareResults(reimport(edited), snapshot(answers));
		expect(comparison.unchanged).toBe(false);
		expect(comparison.answers.map((a) => [a.questionId, a.from.optionId, a.to.optionId])).toEqual([
			['gov_formal_policy', 'none', 'approved_full']
		]);
		expect(comparison.dimensions.find((d) => d.dimension === 'governance')!.improved).toBe(true);
	});

	it('lists answers to questions only the older bank asked', () => {
		const before = snapshot({ retired_question: 'high', gov_formal_policy: 'approved' }, OLDER_BANK);
		const comparison = compareResults(before, snapshot({ gov_formal_policy: 'approved' }));
		expect(comparison.answers).toEqual([
			{
				questionId: 'retired_question',
				questionText: 'A question 1.0.0 no longer asks',
				from: { optionId: 'high', label: 'High' },
				to: { optionId: null, label: 'Not answered' }
			}
		]);
	});
});
