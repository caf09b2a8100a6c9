import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BANK_V3 as BANK } from '$scoring/content/banks';
import { CsvImportError } from '$scoring/export/csv-table';
import { customBenchmarkLines, parseCustomBenchmark, type CustomBenchmark } from '$scoring/export/custom-benchmark';

const SAMPLE = readFileSync(new URL('../../static/custom-benchmark-sample.csv', import.meta.url), 'utf8');

const HEADER = 'record,id,value,option_ids';
const META = ['name,,Acme portfolio,', 'sample,,12,'];
const TIERS = ['tier,pioneer,20,', 'tier,outpacing,30,', 'tier,fragmented,30,', 'tier,exposed,20,'];

function csv(...rows: string[]): string {
	return [HEADER, ...rows].join('\n');
}

function importError(text: string): CsvImportError {
	try {
		parseCustomBenchmark(text, BANK);
	} catch (error) {
		if (error instanceof CsvImportError) return error;
		throw error;
	}
	throw new Error('the file was accepted');
}

describe('parseCustomBenchmark', () => {
	it('reads the sample file in static/', () => {
		const custom = parseCustomBenchmark(SAMPLE, BANK);
		expect(custom.name).toBe('Example consultancy client portfolio (2026)');
		expect(custom.sample).toBe(48);
		expect(custom.tiers).toEqual({ exposed: 21, fragmented: 31, outpacing: 27, pioneer: 21 });
		expect(custom.bank).toBe(BANK.id);
		expect(custom.version).toBe(BANK.version);
		// A figure row takes the options the bank's question counts for that survey figure.
		expect(custom.questions.find((q) => q.questionId === 'gov_formal_policy')).toEqual({
			questionId: 'gov_formal_policy',
			optionIds: ['app_code', 'code_and_iac', 'full'],
			share: 38,
			figure: 'formal_policy'
		});
		expect(custom.questions.find((q) => q.questionId === 'plat_platform_team')).toEqual({
			questionId: 'plat_platform_team',
			optionIds: ['owned', 'product'],
			share: 52,
			figure: null
		});
		expect(custom.questions).toHaveLength(6);
	});

	it('accepts tier shares within 100 ± 1, a % sign, a BOM and a question row without option ids', () => {
		const custom = parseCustomBenchmark(
			'\uFEFF' +
				csv(
					...META,
					'tier,pioneer,20.5 %,',
					'tier,outpacing,30,',
					'tier,fragmented,29,',
					'tier,exposed,20,',
					'question,gov_formal_policy,33,'
				),
			BANK
		);
		expect(custom.tiers.pioneer).toBe(20.5);
		expect(custom.questions).toEqual([
			{
				questionId: 'gov_formal_policy',
				optionIds: ['app_code', 'code_and_iac', 'full'],
				share: 33,
				figure: 'formal_policy'
			}
		]);
	});

	it.each([
		[
			'tier shares that do not add up to 100',
			csv(...META, 'tier,pioneer,25,', 'tier,outpacing,30,', 'tier,fragmented,30,', 'tier,exposed,20,'),
			'Rows 4, 5, 6, 7, column value: the tier shares add up to 105, not 100 (± 1)'
		],
		['a missing tier', csv(...META, ...TIERS.slice(0, 3)), 'the file has no share for tier exposed'],
		[
			'a tier given twice',
			csv(...META, ...TIERS, 'tier,exposed,20,'),
			'Row 8, column id: tier exposed is given twice (first in row 7)'
		],
		['an unknown tier', csv(...META, ...TIERS, 'tier,leader,0,'), 'Row 8, column id: "leader" is not a tier'],
		[
			'a share above 100',
			csv(...META, ...TIERS, 'question,plat_platform_team,120,owned'),
			'Row 8, column value: "120" is not a share from 0 to 100'
		],
		[
			'a negative share',
			csv(...META, ...TIERS, 'question,plat_platform_team,-5,owned'),
			'Row 8, column value: "-5" is not a share from 0 to 100'
		],
		[
			'a share that is not a number',
			csv(...META, ...TIERS, 'figure,formal_policy,lots,'),
			'Row 8, column value: "lots" is not a share from 0 to 100'
		],
		[
			'a sample of zero',
			csv('name,,Acme,', 'sample,,0,', ...TIERS),
			'Row 3, column value: the sample size must be a whole number from 1 to 10,000,000, not "0"'
		],
		[
			'a fractional sample',
			csv('name,,Acme,', 'sample,,4.5,', ...TIERS),
			'Row 3, column value: the sample size must be a whole number'
		],
		['no sample', csv('name,,Acme,', ...TIERS), 'the file has no sample row (record "sample")'],
		['no name', csv('sample,,5,', ...TIERS), 'the file has no name row (record "name")'],
		[
			'an empty name',
			csv('name,,,', 'sample,,5,', ...TIERS),
			'Row 2, column value: the name must be 1 to 120 characters'
		],
		[
			'an unknown question',
			csv(...META, ...TIERS, 'question,gov_magic,40,yes'),
			'Row 8, column id: "gov_magic" is not a question of bank ai_readiness 3.0.0'
		],
		[
			'an unknown option',
			csv(...META, ...TIERS, 'question,plat_platform_team,40,owned zzz'),
			'Row 8, column option_ids: "zzz" is not an option of question plat_platform_team'
		],
		[
			'a question without a figure and without option ids',
			csv(...META, ...TIERS, 'question,plat_platform_team,40,'),
			'Row 8, column option_ids: question plat_platform_team has no survey figure, so list the option ids'
		],
		[
			'an unknown figure',
			csv(...META, ...TIERS, 'figure,moon_landing,40,'),
			'Row 8, column id: "moon_landing" is not a survey figure'
		],
		[
			'a survey figure no question asks about',
			csv(...META, ...TIERS, 'figure,exposed_confident,40,'),
			'Row 8, column id: survey figure "exposed_confident" is not asked about by any question of bank ai_readiness'
		],
		[
			'the same question as a figure and a question row',
			csv(...META, ...TIERS, 'figure,formal_policy,40,', 'question,gov_formal_policy,41,'),
			'Row 9, column id: question gov_formal_policy is given twice (first in row 8)'
		],
		[
			'an unknown record type',
			csv(...META, ...TIERS, 'client,acme,1,'),
			'Row 8, column record: "client" is not a record type'
		],
		[
			'a __proto__ record',
			csv(...META, ...TIERS, '__proto__,polluted,1,'),
			'Row 8, column record: "__proto__" is not a record type'
		],
		[
			'a __proto__ question id',
			csv(...META, ...TIERS, 'question,__proto__,1,x'),
			'Row 8, column id: "__proto__" is not a question'
		],
		[
			'a constructor header',
			'record,id,value,constructor\nname,,x,',
			'Row 1, column D: "constructor" is not a column of a custom benchmark CSV'
		],
		['a missing column', 'record,id\nname,x', 'Row 1: column "value" is missing'],
		[
			'tabs',
			'record\tid\tvalue\toption_ids\nname\t\tx\t',
			'Row 1: the columns are separated by tabs, not commas or semicolons'
		],
		[
			'a formula',
			csv('name,,=HYPERLINK("http://evil"),', 'sample,,5,', ...TIERS),
			'Row 2, column value: the cell starts a spreadsheet formula'
		],
		['an empty file', '', 'This file is empty']
	])('rejects %s with a message naming the place', (_, text, message) => {
		expect(importError(text).message).toContain(message);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('lists every problem, not only the first', () => {
		const error = importError(csv('name,,Acme,', 'sample,,-1,', 'tier,pioneer,x,', 'question,nope,1,'));
		expect(error.issues.length).toBeGreaterThanOrEqual(4);
		expect(error.message).toMatch(/\(and \d+ more problems\)$/);
	});
});

describe('comparing with a custom benchmark', () => {
	const custom: CustomBenchmark = parseCustomBenchmark(SAMPLE, BANK);

	it('says per question whether your answer is among the counted options', () => {
		const lines = customBenchmarkLines(custom, BANK, {
			gov_formal_policy: 'full',
			plat_platform_team: 'ops_tickets',
			auto_drift_detection: 'dk'
		});
		const byId = new Map(lines.map((l) => [l.questionId, l]));
		expect(byId.get('gov_formal_policy')?.matches).toBe(true);
		expect(byId.get('plat_platform_team')?.matches).toBe(false);
		expect(byId.get('auto_drift_detection')?.matches).toBeNull();
		expect(byId.get('gov_policy_enforcement')?.matches).toBeNull();
		expect(byId.get('plat_platform_team')?.peers).toBe(
			'52 % of Example consultancy client portfolio (2026) (48 organisations) chose: ' +
				BANK.questions
					.find((q) => q.id === 'plat_platform_team')!
					.options.filter((o) => o.id === 'owned' || o.id === 'product')
					.map((o) => o.label)
					.join(' or ')
		);
	});
});
