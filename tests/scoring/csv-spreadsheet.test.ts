/**
 * Import of the files spreadsheets write when a result CSV or a custom benchmark is opened and saved again in a
 * European locale: `;` with decimal commas, Windows-1252, every field quoted, a byte-order mark read as Latin-1.
 * The files in tests/fixtures/csv-spreadsheet/ were written by LibreOffice Calc 7.4 (README.md there says how).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BANK_V3 } from '$scoring/content/banks';
import {
	CsvImportError,
	decodeCsvBytes,
	decodeWindows1252,
	parsePercent,
	readCsvTable
} from '$scoring/export/csv-table';
import { parseResultCsv } from '$scoring/export/result-csv';
import { parseCustomBenchmark } from '$scoring/export/custom-benchmark';
import { TEST_BANKS } from '../fixtures/bank-versions';
import { typicalAnswers } from '../fixtures/profiles';

const DIR = new URL('../fixtures/csv-spreadsheet/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));
/** A file as the browser's import reads it: its bytes, decoded by decodeCsvBytes. */
const fileText = (name: string) => decodeCsvBytes(bytes(name));

function refusal(read: () => unknown): CsvImportError {
	try {
		read();
	} catch (error) {
		if (error instanceof CsvImportError) return error;
		throw new Error(`crashed instead of reporting: ${String(error)}`);
	}
	throw new Error('the file was accepted');
}

describe('Windows-1252', () => {
	it('decodes 0x80–0x9F as browsers do (€ ‚ ƒ „ … – — ‘ ’ “ ” • ™ Ÿ), not as control characters', () => {
		const high = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
		// The five bytes the standard leaves unassigned stay their own code points, as in browsers.
		expect(high).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
	});

	it('decodes every other byte as the code point of the same number', () => {
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		const text = decodeWindows1252(all);
		expect(text).toHaveLength(256);
		for (let b = 0; b < 256; b++) if (b < 0x80 || b > 0x9f) expect(text.charCodeAt(b)).toBe(b);
	});

	it('is only used when the bytes are not UTF-8', () => {
		expect(decodeCsvBytes(new TextEncoder().encode('\uFEFFnamé – “ok”'))).toBe('namé – “ok”');
		expect(decodeCsvBytes(Uint8Array.of(0x6e, 0x61, 0x6d, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x6f, 0x6b, 0x94))).toBe(
			'namé – “ok”'
		);
	});
});

describe('result CSVs saved again by LibreOffice', () => {
	const source = parseResultCsv(fileText('source-result.csv'));

	it("the source file is this site's own export of a typical 3.0.0 result", () => {
		expect(source.bank).toBe(BANK_V3);
		expect(source.answers).toEqual(typicalAnswers());
	});

	it.each([
		['result-de-windows-1252.csv', 'German: ";", decimal commas, Windows-1252'],
		['result-fr-all-quoted.csv', 'French: ";", every field quoted'],
		['result-bom-read-as-latin1.csv', 'the byte-order mark read as Latin-1 ("ï»¿section")']
	])('%s (%s) imports with the same answers, bank and export time', (name) => {
		const imported = parseResultCsv(fileText(name));
		expect(imported.bank).toBe(BANK_V3);
		expect(imported.answers).toEqual(source.answers);
		expect(imported.exportedAt).toBe(source.exportedAt);
	});

	it('the fixtures are what their names say', () => {
		const german = bytes('result-de-windows-1252.csv');
		expect(new TextDecoder().decode(german.subarray(0, 20))).toBe('section;bank_id;bank');
		expect(german).toContain(0x96); // "–" in Windows-1252: not UTF-8
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(german)).toThrow();
		expect(fileText('result-de-windows-1252.csv')).toMatch(/;dimension_score;AI integration depth \(0–100\);\d+,\d/);
		const french = fileText('result-fr-all-quoted.csv');
		expect(french.split('\n')[1]).toMatch(/^"question";"ai_readiness";"3\.0\.0";/);
		expect(fileText('result-bom-read-as-latin1.csv').startsWith('ï»¿section,')).toBe(true);
	});

	it('reads the BOM read as Latin-1 from text as well as from bytes', () => {
		const text = readFileSync(new URL('result-bom-read-as-latin1.csv', DIR), 'utf8');
		expect(text.startsWith('ï»¿section,')).toBe(true);
		expect(parseResultCsv(text).answers).toEqual(source.answers);
	});

	it('a hand-made ";" file of bank 1.0.0 imports', () => {
		const imported = parseResultCsv(fileText('semicolon-hand-made.csv'), TEST_BANKS);
		expect(imported.bank.version).toBe('1.0.0');
		expect(imported.answers).toEqual({
			gov_formal_policy: 'approved',
			gov_policy_enforcement: 'spot_checks',
			auto_drift_detection: 'na'
		});
	});
});

describe('custom benchmarks saved by LibreOffice', () => {
	const source = parseCustomBenchmark(fileText('source-custom-benchmark.csv'), BANK_V3);

	it('the source has decimal shares and a name outside ASCII', () => {
		expect(source.name).toBe('Kundenportfolio – Müller & Dupré (2026)');
		expect(source.tiers).toEqual({ pioneer: 21.5, outpacing: 26.5, fragmented: 31, exposed: 21 });
		expect(source.questions.map((q) => q.share)).toEqual([38.5, 29.2, 52]);
	});

	it.each([
		['custom-benchmark-de-windows-1252.csv', /^record;id;value;option_ids\ntier;|;21,5;/s],
		['custom-benchmark-fr-quoted-windows-1252.csv', /^"record";"id";"value";"option_ids"\n.*"pioneer";21,5;/s]
	])('%s reads as the same benchmark: the name intact, decimal commas as decimals', (name, shape) => {
		expect(fileText(name)).toMatch(shape);
		expect(parseCustomBenchmark(fileText(name), BANK_V3)).toEqual(source);
	});
});

describe('separators and decimal marks', () => {
	const spec = { what: 'a test file', columns: ['a', 'b'] };

	it('finds ";" from the header, quoted or not, and says which separator it read', () => {
		expect(readCsvTable('a;b\n1;2\n', spec).separator).toBe(';');
		expect(readCsvTable('"a";"b"\n"1";"2"\n', spec).separator).toBe(';');
		expect(readCsvTable('a,b\n1;2,3\n', spec).rows[0]!.cells).toEqual(['1;2', '3']);
	});

	it('a negative decimal with a comma is a number in a ";" file, a formula elsewhere is still refused', () => {
		expect(readCsvTable('a;b\n-5,2;x\n', spec).rows[0]!.cells).toEqual(['-5,2', 'x']);
		expect(refusal(() => readCsvTable('a;b\n-5,2x;x\n', spec)).message).toContain(
			'Row 2, column a: the cell starts a spreadsheet formula'
		);
		expect(refusal(() => readCsvTable('a,b\n"-5,2",x\n', spec)).message).toContain('Row 2, column a');
	});

	it('reads a share with a decimal comma only in a ";" file, where the comma cannot be a separator', () => {
		expect(parsePercent('21,5', ';')).toBe(21.5);
		expect(parsePercent('21,50 %', ';')).toBe(21.5);
		expect(parsePercent('21.5', ';')).toBe(21.5);
		expect(parsePercent('21,5', ',')).toBeNull();
		expect(parsePercent('1.200', ';')).toBeCloseTo(1.2);
		expect(parsePercent('100,5', ';')).toBeNull();
	});

	it('refuses a custom benchmark whose share is not a number, naming the cell', () => {
		const text = decodeCsvBytes(bytes('custom-benchmark-de-windows-1252.csv')).replace(';21,5;', ';21,5,1;');
		expect(refusal(() => parseCustomBenchmark(text, BANK_V3)).message).toBe(
			'Row 4, column value: "21,5,1" is not a share from 0 to 100'
		);
	});
});

describe('refusals name the real cause and what to do', () => {
	it.each([
		[
			'a workbook (.xlsx) instead of a CSV',
			() =>
				decodeCsvBytes(
					new Uint8Array(readFileSync(new URL('../fixtures/csv-hostile/xlsx-workbook.csv', import.meta.url)))
				),
			'This is a spreadsheet workbook (such as .xlsx, .xls or .ods), not a CSV file. In the spreadsheet, use Save As and choose "CSV" or "CSV UTF-8", then choose that file.'
		],
		[
			'UTF-16 with a byte-order mark',
			() => decodeCsvBytes(new Uint8Array(Buffer.from('\uFEFFsection\tbank_id\r\n', 'utf16le'))),
			'This file is UTF-16 text (what Excel\'s "Unicode Text" writes), which this site does not read.'
		],
		[
			'columns separated by "|"',
			() => parseResultCsv('section|bank_id|bank_version\nquestion|ai_readiness|3.0.0\n'),
			'Row 1: the columns are separated by "|", not commas or semicolons, so this is not a result CSV exported by this site. Save it as CSV (commas or semicolons) instead.'
		],
		[
			'a Windows-1252 file once read as UTF-8 and saved again',
			() =>
				parseResultCsv(
					readFileSync(new URL('../fixtures/csv-hostile/utf8-replacement-characters.csv', import.meta.url), 'utf8')
				),
			'Row 2: the text holds "\uFFFD", which a program leaves where it could not read a character: the file was read in the wrong encoding and saved again. Choose a file saved by "Download CSV" on a results page.'
		],
		[
			'an empty custom benchmark',
			() => parseCustomBenchmark('\uFEFF', BANK_V3),
			'This file is empty; expected a custom benchmark CSV (columns record, id, value, option_ids). Start from the sample file ("Download the sample file") and save it as CSV.'
		]
	])('%s', (_, read, message) => {
		expect(refusal(read).message).toContain(message);
	});
});
