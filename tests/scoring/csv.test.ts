import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BANK_V1, BANK_V2, BANK_V3 } from '$scoring/content/banks';
import { SURVEY_2026, type Benchmark } from '$scoring/content/survey';
import { parseResultCsv, RESULT_CSV_COLUMNS, resultToCsv } from '$scoring/export/result-csv';
import { CsvImportError, decodeCsvBytes, readCsvTable, safeCell, writeCsv } from '$scoring/export/csv-table';
import { DONT_KNOW, NOT_APPLICABLE, type Answers, type QuestionBank } from '$scoring/schema';
import { isCurrent, score } from '$scoring/model';
import { TIER_LABELS } from '$scoring/model/v2/tiers';
import { bankWithText, OLDER_BANK, TEST_BANKS } from '../fixtures/bank-versions';
import { anyAnswersArb } from '../fixtures/answers';

const EXPORTED_AT = '2026-07-01T09:30:00.000Z';

function exportCsv(bank: QuestionBank, answers: Answers, benchmark: Benchmark = SURVEY_2026): string {
	return resultToCsv(bank, answers, score(bank, answers, benchmark), { exportedAt: EXPORTED_AT, benchmark });
}

/** The cells as a spreadsheet would see them (BOM removed, no unescaping). */
function rawCells(csv: string): string[][] {
	expect(csv.startsWith('\uFEFF')).toBe(true);
	const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',' });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

const FORMULA_TRIGGER = /^[=+\-@\t\r\n\0]/;
const TRIGGER_AFTER_BREAK = /[\r\n]\s*[=+\-@\0]/;

/** Strings that try hard to be formulas: a trigger first, after whitespace, or after a line break. */
const hostileText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 30 }),
	fc
		.tuple(
			fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\0', ' =', '\t+', "'", "'=", '\u0000=', '\uFEFF='),
			fc.string({ maxLength: 20 })
		)
		.map(([a, b]) => a + b),
	fc
		.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('=', '+', '-', '@', ' @'))
		.map(([a, br, t]) => `${a}${br}${t}cmd|' /C calc'!A0`)
);

describe('result CSV export', () => {
	const answers: Answers = {
		gov_formal_policy: 'approved',
		risk_rework: NOT_APPLICABLE,
		plat_platform_team: 'dedicated',
		profile_size: NOT_APPLICABLE
	};
	const result = score(BANK_V1, answers);
	if (isCurrent(result)) throw new Error('bank 1.0.0 must be scored by the frozen model');
	const csv = resultToCsv(BANK_V1, answers, result, { exportedAt: EXPORTED_AT, benchmark: SURVEY_2026 });
	const [header, ...rows] = rawCells(csv);

	it('writes the documented columns, bank id, version and export time on every row, CRLF line ends', () => {
		expect(header).toEqual([...RESULT_CSV_COLUMNS]);
		expect(csv).toContain('\r\n');
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n/);
		for (const row of rows) {
			expect(row[1]).toBe(BANK_V1.id);
			expect(row[2]).toBe(BANK_V1.version);
			expect(row[3]).toBe(EXPORTED_AT);
		}
	});

	it('writes one row per question in bank order, with the answer, its level and the survey figure', () => {
		const questionRows = rows.filter((r) => r[0] === 'question');
		expect(questionRows.map((r) => r[5])).toEqual(BANK_V1.questions.map((q) => q.id));
		const policy = questionRows.find((r) => r[5] === 'gov_formal_policy')!;
		const question = BANK_V1.questions.find((q) => q.id === 'gov_formal_policy')!;
		const option = question.options.find((o) => o.id === 'approved')!;
		expect(policy.slice(4, 14)).toEqual([
			'governance',
			'gov_formal_policy',
			question.text,
			'approved',
			option.label,
			String(option.score),
			'formal_policy',
			'30',
			result.benchmarkLines.find((l) => l.questionId === 'gov_formal_policy')!.peers,
			result.benchmarkLines.find((l) => l.questionId === 'gov_formal_policy')!.source
		]);
		const skipped = questionRows.find((r) => r[5] === 'gov_policy_enforcement')!;
		expect([skipped[7], skipped[8], skipped[9]]).toEqual(['', 'Not answered', '']);
		const na = questionRows.find((r) => r[5] === 'risk_rework')!;
		expect([na[7], na[8], na[9]]).toEqual(['na', 'Not applicable / don’t know', '']);
	});

	it('ends with summary rows that match the result', () => {
		const summary = new Map(
			rows.filter((r) => r[0] === 'summary').map((r) => [`${r[15]}${r[4] ? `:${r[4]}` : ''}`, r[17]])
		);
		for (const d of result.dimensions)
			expect(summary.get(`dimension_score:${d.dimension}`)).toBe(d.score === null ? '' : String(d.score));
		expect(summary.get('index')).toBe(result.index === null ? '' : String(result.index));
		expect(summary.get('coverage')).toBe(String(Math.round(result.coverage * 1000) / 10));
		expect(summary.get('tier')).toBe(result.tier ? TIER_LABELS[result.tier] : 'Not placed (too few answers)');
		expect(summary.get('benchmark')).toBe(SURVEY_2026.name);
		expect(summary.get('benchmark_sample')).toBe('406');
	});

	it('never writes a negative number', () => {
		fc.assert(
			fc.property(anyAnswersArb(BANK_V1), (a) => {
				for (const row of rawCells(exportCsv(BANK_V1, a))) for (const cell of row) expect(cell).not.toMatch(/^-\d/);
			}),
			{ numRuns: 50 }
		);
	}, 60_000);
});

describe('result CSV round trip', () => {
	it.each([
		['1.0.0', BANK_V1],
		['2.0.0', BANK_V2],
		['3.0.0', BANK_V3]
	])(
		'imports what it exported on bank %s, for arbitrary answers',
		(_v, bank) => {
			fc.assert(
				fc.property(anyAnswersArb(bank), (answers) => {
					const imported = parseResultCsv(exportCsv(bank, answers), TEST_BANKS);
					expect(imported.bank).toBe(bank);
					expect(imported.answers).toEqual(answers);
					expect(imported.exportedAt).toBe(EXPORTED_AT);
				}),
				{ numRuns: 100 }
			);
		},
		60_000
	);

	it('writes framework references beside each question and the critical gaps in the summary (2.0.0)', () => {
		const answers: Answers = { risk_ai_iac_review: 'direct_no_review' };
		const rows = rawCells(exportCsv(BANK_V2, answers));
		const header = rows[0]!;
		const refs = header.indexOf('framework_references');
		const row = rows.find((r) => r[5] === 'risk_ai_iac_review')!;
		expect(row[refs]).toContain('ossf_scorecard:Code-Review');
		const metric = header.indexOf('metric');
		const value = header.indexOf('value');
		expect(rows.find((r) => r[metric] === 'critical_gaps')![value]).toContain('risk_ai_iac_review');
	});

	it('writes model 3.0’s figures, deciding rule, gaps and unanswered questions in the summary (3.0.0)', () => {
		const answers: Answers = {
			ai_agents: 'prod_broad',
			risk_ai_credentials: 'shared_admin',
			gov_formal_policy: 'full',
			out_misconfig_prod: DONT_KNOW
		};
		const result = score(BANK_V3, answers);
		if (!isCurrent(result)) throw new Error('bank 3.0.0 is scored by model 3.0');
		const rows = rawCells(exportCsv(BANK_V3, answers));
		const header = rows[0]!;
		const [metric, value] = [header.indexOf('metric'), header.indexOf('value')];
		const summary = new Map(rows.filter((r) => r[0] === 'summary').map((r) => [r[metric], r[value]]));
		expect(summary.get('control')).toBe(String(result.control));
		expect(summary.get('exposure')).toBe(String(result.exposure));
		expect(summary.get('rule')).toBe(result.rule);
		expect(summary.get('critical_gaps')).toContain('risk_ai_credentials');
		expect(summary.get('dont_know')).toBe('1');
		const asked = BANK_V3.questions.filter((q) => q.kind !== 'profile').map((q) => q.id);
		expect(summary.get('unanswered')!.split(' ')).toEqual(asked.filter((id) => !(id in answers)));
		expect(summary.has('index')).toBe(false);
	});

	it('imports a file a spreadsheet saved again: no BOM, LF line ends, summary rows deleted, quotes added', () => {
		const answers: Answers = { gov_formal_policy: 'draft', auto_drift_detection: 'scheduled_alert' };
		const resaved = exportCsv(BANK_V1, answers)
			.slice(1)
			.split('\r\n')
			.filter((line) => !line.startsWith('summary'))
			.map((line) => line.replace(/^question,/, '"question",'))
			.join('\n');
		expect(parseResultCsv(resaved, TEST_BANKS).answers).toEqual(answers);
	});

	it('reads a file of an older bank version on that version, so it is scored by its own model', () => {
		const answers: Answers = {
			gov_formal_policy: 'legacy_none',
			retired_question: 'high',
			risk_rework: NOT_APPLICABLE
		};
		const imported = parseResultCsv(exportCsv(OLDER_BANK, answers), TEST_BANKS);
		expect(imported.bank).toBe(OLDER_BANK);
		expect(imported.answers).toEqual(answers);
	});

	it('reads a 1.0.0 file written before the framework_references column existed', () => {
		const answers: Answers = { gov_formal_policy: 'draft', risk_rework: NOT_APPLICABLE };
		const csv = exportCsv(BANK_V1, answers);
		const rows = rawCells(csv);
		const at = rows[0]!.indexOf('framework_references');
		const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
		const without = rows
			.map((r) =>
				r
					.filter((_, i) => i !== at)
					.map(quote)
					.join(',')
			)
			.join('\r\n');
		expect(parseResultCsv(without, TEST_BANKS).answers).toEqual(answers);
	});

	it('refuses an answer the bank does not accept, naming the row', () => {
		const csv = exportCsv(BANK_V2, { gov_formal_policy: 'draft' })
			.replace(',gov_formal_policy,', ',gov_formal_policy,')
			.replace(/,draft,/, ',na,');
		expect(() => parseResultCsv(csv, TEST_BANKS)).toThrow(
			/Row \d+, column option_id: "na" is not an option of question gov_formal_policy/
		);
	});
});

describe('formula safety', () => {
	it('no exported cell begins a formula, whatever the bank texts and benchmark name (property)', () => {
		fc.assert(
			fc.property(
				fc.array(hostileText, { minLength: 1, maxLength: 40 }),
				hostileText,
				anyAnswersArb(BANK_V2),
				(texts, name, answers) => {
					const bank = bankWithText((i) => texts[i % texts.length]!);
					const benchmark: Benchmark = {
						...SURVEY_2026,
						name,
						sources: SURVEY_2026.sources.map((s, i) => ({ ...s, label: texts[i % texts.length]! }))
					};
					const csv = exportCsv(bank, answers, benchmark);
					for (const row of rawCells(csv))
						for (const cell of row) {
							expect(cell).not.toMatch(FORMULA_TRIGGER);
							expect(cell).not.toMatch(/^\s+[=+\-@]/);
							if (TRIGGER_AFTER_BREAK.test(cell)) expect(cell.startsWith("'")).toBe(true);
						}
					// and the hostile texts do not stop the file from importing
					expect(parseResultCsv(csv, [bank]).answers).toEqual(answers);
				}
			),
			{ numRuns: 100 }
		);
	}, 60_000);

	it('safeCell escapes exactly what it must, and reading strips the escape again (property)', () => {
		fc.assert(
			fc.property(fc.array(hostileText, { minLength: 1, maxLength: 5 }), (cells) => {
				// the writer drops control characters (other than tab, CR, LF) and U+FFFD; everything else survives
				const dropped = (ch: string) => {
					const code = ch.charCodeAt(0);
					return (code < 0x20 && !'\t\r\n'.includes(ch)) || code === 0x7f || code === 0xfffd;
				};
				const expected = cells.map((c) => [...c].filter((ch) => !dropped(ch)).join(''));
				if (expected.every((c) => c.trim() === '')) return; // an all-blank row is skipped as empty
				const text = writeCsv([cells.map((_, i) => `c${i}`), cells]);
				const table = readCsvTable(text, { what: 'test', columns: cells.map((_, i) => `c${i}`) });
				expect(table.rows[0]!.cells).toEqual(expected);
			}),
			{ numRuns: 500 }
		);
	}, 60_000);

	it.each([
		['=1+1', "'=1+1"],
		['+1', "'+1"],
		['-1', "'-1"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		['\nx', "'\nx"],
		['\0=x', "'=x"],
		['  =x', "'  =x"],
		["'quoted", "''quoted"],
		['line\n=cmd', "'line\n=cmd"],
		['line\r\n  +cmd', "'line\r\n  +cmd"],
		['plain text', 'plain text'],
		['a-b=c', 'a-b=c'],
		[42, '42'],
		// A number (not text) is a plain decimal, negative ones too: a spreadsheet reads it as a number.
		[-5.2, '-5.2'],
		[Number.NaN, 'NaN']
	])('safeCell(%j) is %j', (input, output) => {
		expect(safeCell(input)).toBe(output);
	});
});

const HOSTILE_DIR = new URL('../fixtures/csv-hostile/', import.meta.url);

/** Every committed hostile file and (part of) the message it must produce. */
const HOSTILE: Record<string, string> = {
	'empty.csv': 'This file is empty; expected a result CSV exported by this site',
	'bom-only.csv': 'This file is empty',
	'blank-lines.csv': 'This file is empty',
	// PNG's first byte reads as Windows-1252 "‰"; its first control character is on line 2.
	'binary-png.csv': 'Row 2: this file contains binary data, so it is not a result CSV',
	'nul-bytes.csv': 'Row 3: this file contains binary data',
	'utf16le.csv':
		'This file is UTF-16 text (what Excel\'s "Unicode Text" writes), which this site does not read. In the spreadsheet, use Save As and choose "CSV" or "CSV UTF-8"',
	'broken-quoting-unterminated.csv': 'Row 3: broken quoting (quoted field unterminated)',
	'broken-quoting-trailing.csv': 'Row 3: broken quoting (trailing quote on quoted field is malformed)',
	'tab-delimiter.csv':
		'Row 1: the columns are separated by tabs, not commas or semicolons, so this is not a result CSV exported by this site. Save it as CSV',
	'html-page.csv':
		'Row 1, column A: "<!doctype html><html><body><script>alert(document.cookie)</s" is not a column of a result CSV',
	'json-file.csv': 'Row 1: broken quoting (trailing quote on quoted field is malformed)',
	'wide-10k-columns.csv': 'Row 1, column A: "col0" is not a column of a result CSV',
	'missing-column.csv': 'Row 1: column "option_id" is missing',
	'extra-column.csv': 'Row 1, column R: "comment" is not a column of a result CSV',
	'duplicate-column.csv': 'Row 1, column R: column "question_id" appears twice',
	'proto-header.csv': 'Row 1, column P: "__proto__" is not a column of a result CSV',
	'constructor-prototype-headers.csv': 'Row 1, column M: "constructor" is not a column of a result CSV',
	'proto-question-id.csv':
		'Row 3, column question_id: "__proto__" is not a question of bank ai_readiness version 1.0.0',
	'constructor-option-id.csv':
		'Row 3, column option_id: "constructor" is not an option of question gov_policy_enforcement',
	'formula-equals.csv': 'Row 3, column option_label: the cell starts a spreadsheet formula ("=HYPERLINK(',
	'formula-plus-at-minus.csv': 'Row 3, column question_text: the cell starts a spreadsheet formula ("+cmd',
	'formula-after-linebreak.csv': 'Row 3, column question_text: the cell starts a spreadsheet formula',
	'formula-in-id.csv': 'Row 3, column option_id: the cell starts a spreadsheet formula ("=1+1',
	'script-in-option-id.csv':
		'Row 3, column option_id: "<script>alert(1)</script>" is not an option of question gov_policy_enforcement',
	'script-in-bank-id.csv':
		'Row 2, column bank_id: "<img src=x onerror=alert(1)>" is not a question bank this site knows (it knows ai_readiness)',
	'wrong-version.csv':
		'Row 2, column bank_version: this file was exported with question bank ai_readiness version 9.9.9, which this site does not know (it knows 0.9.0, 1.0.0, 2.0.0, 3.0.0)',
	'unknown-bank.csv': 'Row 2, column bank_id: "other_bank" is not a question bank this site knows',
	'mixed-versions.csv': 'Row 3, column bank_version: "0.9.0" differs from row 2 ("1.0.0"); a file holds one result',
	'unknown-question.csv': 'Row 3, column question_id: "gov_magic_wand" is not a question of bank ai_readiness',
	'unknown-option.csv': 'Row 14, column option_id: "zzz" is not an option of question gov_formal_policy',
	'duplicate-question-rows.csv': 'Row 4, column question_id: question gov_formal_policy appears twice (first in row 2)',
	'ragged-row.csv': 'Row 3: has 5 cells, but the header has 17 columns',
	'header-only.csv': 'Row 2: no data rows',
	'summary-only.csv': 'the file has no question rows',
	'bad-section.csv': 'Row 3, column section: "answer" is not a section (use question or summary)',
	'bad-date.csv': 'Row 2, column exported_at: "last Tuesday" is not a date and time',
	// Written by LibreOffice and Node: tests/fixtures/csv-spreadsheet/make-fixtures.sh.
	'xlsx-workbook.csv': 'This is a spreadsheet workbook (such as .xlsx, .xls or .ods), not a CSV file.',
	'utf8-replacement-characters.csv':
		'Row 2: the text holds "\uFFFD", which a program leaves where it could not read a character'
};

/** The refusal of a file's text, or of its bytes decoded as the browser's import decodes them. */
function importFailure(file: string | Uint8Array): CsvImportError {
	try {
		parseResultCsv(typeof file === 'string' ? file : decodeCsvBytes(file), TEST_BANKS);
	} catch (error) {
		if (error instanceof CsvImportError) return error;
		throw new Error(`import crashed instead of reporting: ${String(error)}`);
	}
	throw new Error('the hostile file was accepted');
}

describe('hostile CSV corpus', () => {
	const files = readdirSync(HOSTILE_DIR).sort();

	it('has at least 25 files, each with an expected message', () => {
		expect(files.length).toBeGreaterThanOrEqual(25);
		expect(files).toEqual(Object.keys(HOSTILE).sort());
	});

	it.each(files)('%s is rejected with a clear message', (file) => {
		const error = importFailure(readFileSync(new URL(file, HOSTILE_DIR)));
		expect(error.message).toContain(HOSTILE[file]);
		expect(error.issues.length).toBeGreaterThan(0);
		expect(Object.prototype).not.toHaveProperty('polluted');
		expect(({} as Record<string, unknown>).constructor).toBe(Object);
	});

	it('reports every formula in a file, each by row and column', () => {
		const error = importFailure(readFileSync(new URL('formula-plus-at-minus.csv', HOSTILE_DIR), 'utf8'));
		expect(error.issues.map((i) => [i.row, i.column])).toEqual([
			[3, 'question_text'],
			[4, 'option_label'],
			[5, 'question_text']
		]);
	});

	it('caps the file size at 2 MB (generated, not committed)', () => {
		const valid = readFileSync(new URL('unknown-option.csv', HOSTILE_DIR), 'utf8');
		const huge = valid + 'question,ai_readiness,1.0.0,x,,,,,,,,,,,,,\r\n'.repeat(60_000);
		expect(huge.length).toBeGreaterThan(2 * 1024 * 1024);
		expect(importFailure(huge).message).toMatch(
			/^This file is 2\.\d MB; the limit is 2 MB\. Is it a result CSV exported by this site\?$/
		);
	});

	it('caps the number of reported problems and says how many more there are', () => {
		const header = RESULT_CSV_COLUMNS.join(',');
		const rows = Array.from(
			{ length: 50 },
			(_, i) => `question,ai_readiness,1.0.0,${EXPORTED_AT},,nope_${i},,,,,,,,,,,`
		);
		const error = importFailure([header, ...rows].join('\n'));
		expect(error.issues).toHaveLength(20);
		expect(error.message).toMatch(/\(and 49 more problems\)$/);
	});
});
