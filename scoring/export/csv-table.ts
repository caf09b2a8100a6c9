/**
 * Safe CSV reading and writing shared by every CSV this site exports or imports (results, custom benchmarks).
 * Writing neutralises spreadsheet formulas; reading caps the size, refuses binary data and unescaped formulas,
 * checks the header against a fixed list of columns (so `__proto__`-style names are simply unknown columns), and
 * reports problems by spreadsheet row and column. Rows are arrays indexed through a Map: no object is ever keyed
 * by text from the file.
 *
 * Reading accepts what spreadsheets write when they save the file again: `;` between columns with decimal commas
 * (a European locale), Windows-1252 text ({@link decodeCsvBytes}), every field quoted, and a byte-order mark that
 * an earlier program read as Windows-1252 (`ï»¿section`).
 */
import Papa from 'papaparse';

/** Largest CSV accepted by default (2 MB): far above any real export, small enough to parse instantly. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

const BOM = '\uFEFF';
/** A UTF-8 byte-order mark that a program read as Windows-1252 or Latin-1 and saved again as text. */
const BOM_READ_AS_LATIN1 = '\u00EF\u00BB\u00BF';
/** Characters a spreadsheet may treat as the start of a formula (plus a leading `'`, escaped so it round-trips). */
const FORMULA_START = /^\s*[=+\-@\t\r\n\0]|^'/;
/** A formula trigger right after a line break inside a cell. */
const FORMULA_AFTER_BREAK = /[\r\n]\s*[=+\-@\0]/;
/** Control characters that never belong in text (tab, CR and LF excepted) and the replacement character. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g;
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A plain number, which may begin with `-` without being a formula (with a decimal comma in a `;` file). */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const PLAIN_NUMBER_DECIMAL_COMMA = /^-?\d+([.,]\d+)?$/;

/**
 * Makes one cell safe to open in a spreadsheet: a number stays a plain decimal; text loses its control characters
 * and gets a `'` prefix if it starts with `=`, `+`, `-`, `@`, tab, CR, LF or NUL (after optional whitespace), starts with `'`, or has a line
 * break followed by such a character. {@link readCsvTable} strips exactly that one `'` again.
 */
export function safeCell(value: string | number): string {
	// A finite number is written as a plain decimal (`-5.2`): a spreadsheet reads it as a number, never a formula.
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	const text = String(value).replace(CONTROL, '');
	return FORMULA_START.test(text) || FORMULA_AFTER_BREAK.test(text) ? `'${text}` : text;
}

/**
 * Writes rows as CSV for spreadsheets: every cell through {@link safeCell}, CRLF line ends, UTF-8 BOM first (so a
 * spreadsheet reads the text as UTF-8). `bom: false` for an importer that would read the BOM as part of the first
 * column's name (Jira's).
 */
export function writeCsv(
	rows: readonly (readonly (string | number)[])[],
	{ bom = true }: { bom?: boolean } = {}
): string {
	return (
		(bom ? BOM : '') +
		Papa.unparse(
			rows.map((row) => row.map(safeCell)),
			{ newline: '\r\n', escapeFormulae: false }
		)
	);
}

/** One problem found in an imported CSV; `row` is the spreadsheet row (1 = header), `column` a name or letter. */
export interface CsvIssue {
	row?: number;
	column?: string;
	message: string;
}

/** Formats an issue the way the import page shows it: `Row 14, column option_id: …`. */
export function formatIssue(issue: CsvIssue): string {
	const where = [issue.row !== undefined ? `Row ${issue.row}` : '', issue.column ? `column ${issue.column}` : '']
		.filter(Boolean)
		.join(', ');
	return where ? `${where}: ${issue.message}` : issue.message;
}

/** A CSV import failed; `issues` lists every problem found (up to a cap), `message` the first of them. */
export class CsvImportError extends Error {
	readonly issues: readonly CsvIssue[];
	/** Every problem found, including those past the list's cap (`issues` holds at most the cap). */
	readonly total: number;
	constructor(issues: readonly CsvIssue[], more = 0) {
		const rest = issues.length - 1 + more;
		super(
			formatIssue(issues[0] ?? { message: 'This file could not be read' }) +
				(rest > 0 ? ` (and ${rest} more problem${rest === 1 ? '' : 's'})` : '')
		);
		this.name = 'CsvImportError';
		this.issues = issues;
		this.total = issues.length + more;
	}
}

/** Collects issues up to a cap, then throws them together. */
export class IssueList {
	readonly issues: CsvIssue[] = [];
	private more = 0;
	constructor(private readonly cap = 20) {}
	add(issue: CsvIssue): void {
		if (this.issues.length < this.cap) this.issues.push(issue);
		else this.more++;
	}
	get size(): number {
		return this.issues.length + this.more;
	}
	throwIfAny(): void {
		if (this.size > 0) throw new CsvImportError(this.issues, this.more);
	}
}

/** Spreadsheet column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/** UTF-8 byte length without allocating. */
function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Windows-1252's bytes 0x80–0x9F, as the WHATWG Encoding Standard (index-windows-1252) and so every browser
 * decodes them; every other byte is the Unicode code point of the same number. One explicit table, because Node
 * 20's `TextDecoder('windows-1252')` maps these bytes to control characters where browsers give `€ – ’ “`.
 */
export const WINDOWS_1252_80_TO_9F = [
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
	0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
	0x0153, 0x009d, 0x017e, 0x0178
] as const;

/** Every byte's character code in Windows-1252. */
const WINDOWS_1252 = Uint16Array.from({ length: 256 }, (_, b) =>
	b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_TO_9F[b - 0x80]! : b
);

/** Decodes Windows-1252 bytes with {@link WINDOWS_1252_80_TO_9F}; never fails (every byte has a character). */
export function decodeWindows1252(bytes: Uint8Array): string {
	const codes = new Uint16Array(bytes.length);
	for (let i = 0; i < bytes.length; i++) codes[i] = WINDOWS_1252[bytes[i]!]!;
	const parts: string[] = [];
	// In slices: a function takes only so many arguments.
	for (let i = 0; i < codes.length; i += 8192)
		parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]));
	return parts.join('');
}

/** Whether `bytes` starts with `signature`. */
function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
	return signature.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a byte-order mark: zero bytes in every other place of the first characters. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 64) & ~1;
	if (n < 4) return false;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) even++;
		if (bytes[i + 1] === 0) odd++;
	}
	return Math.max(even, odd) >= (n / 2) * 0.8 && Math.min(even, odd) === 0;
}

/**
 * The text of a CSV file's bytes, as a spreadsheet saved it: UTF-8 (with or without a byte-order mark), else
 * Windows-1252 — what Excel's "CSV" and LibreOffice's Western Europe (Windows-1252) saves write — decoded the same
 * in Node and every browser. Anything that is not valid UTF-8 is read as Windows-1252: that encoding gives every
 * byte a character, so binary data is left for {@link readCsvTable} to refuse. Throws {@link CsvImportError} naming
 * the cause for a workbook saved in the spreadsheet's own format and for UTF-16 text, with what to do instead.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
	const saveAsCsv = 'In the spreadsheet, use Save As and choose "CSV" or "CSV UTF-8", then choose that file.';
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
		throw new CsvImportError([
			{ message: `This is a spreadsheet workbook (such as .xlsx, .xls or .ods), not a CSV file. ${saveAsCsv}` }
		]);
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksLikeUtf16(bytes))
		throw new CsvImportError([
			{
				message: `This file is UTF-16 text (what Excel's "Unicode Text" writes), which this site does not read. ${saveAsCsv}`
			}
		]);
	const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		return decodeWindows1252(body);
	}
}

/** What a CSV must look like: its columns (any order), which of them may be absent, what to call the file. */
export interface TableSpec {
	/** Names the file in messages, e.g. "a result CSV exported by this site". */
	what: string;
	/** What to do instead, ending a refusal of the whole file, e.g. 'Choose a file saved by "Download CSV".' */
	remedy?: string;
	columns: readonly string[];
	optional?: readonly string[];
	maxBytes?: number;
}

/** A data row: its spreadsheet row number and cells (formula escape already removed). */
export interface CsvRow {
	row: number;
	cells: readonly string[];
}

/** What separates the columns: `,`, or `;` as spreadsheets write CSV in locales whose decimal mark is a comma. */
export type CsvSeparator = ',' | ';';

/** A parsed, header-checked table. */
export interface CsvTable {
	rows: CsvRow[];
	separator: CsvSeparator;
	/** The cell of `row` under `column` ('' when the optional column is absent). */
	get(row: CsvRow, column: string): string;
}

const SEPARATOR_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': '"|"' };

/**
 * The separator of a file from its header line: the one that splits it into the most known columns (then the
 * most cells), so a `;` file whose header is all quoted is found as readily as a plain one.
 */
function findSeparator(headerLine: string, known: ReadonlySet<string>): string {
	let best = { separator: ',', known: -1, cells: 0 };
	for (const separator of Object.keys(SEPARATOR_NAMES)) {
		const cells = Papa.parse<string[]>(headerLine, { delimiter: separator }).data[0] ?? [];
		const count = cells.filter((c) => known.has(c.trim())).length;
		if (count > best.known || (count === best.known && cells.length > best.cells))
			best = { separator, known: count, cells: cells.length };
	}
	return best.separator;
}

/** The text without leading byte-order marks, whether decoded as such or read as Windows-1252 (`ï»¿`). */
function withoutByteOrderMarks(text: string): string {
	let body = text;
	for (;;) {
		if (body.startsWith(BOM)) body = body.slice(BOM.length);
		else if (body.startsWith(BOM_READ_AS_LATIN1)) body = body.slice(BOM_READ_AS_LATIN1.length);
		else return body;
	}
}

/**
 * Reads CSV text (see {@link decodeCsvBytes} for a file's bytes) against a {@link TableSpec}. Columns may be
 * separated by `,` or `;`. Throws {@link CsvImportError} naming row and column for: a file over the size cap, an
 * empty file, binary data, text damaged by an earlier wrong decoding, broken quoting, tabs or `|` between columns,
 * missing, unknown or repeated columns, rows of the wrong width, and cells that would run as formulas. Returns rows
 * with the exporter's leading `'` removed.
 */
export function readCsvTable(text: string, spec: TableSpec): CsvTable {
	const maxBytes = spec.maxBytes ?? MAX_CSV_BYTES;
	const remedy = spec.remedy ? ` ${spec.remedy}` : '';
	if (typeof text !== 'string')
		throw new CsvImportError([{ message: `This file could not be read as text.${remedy}` }]);
	if (text.length > maxBytes || utf8Length(text) > maxBytes)
		throw new CsvImportError([
			{
				message: `This file is ${megabytes(utf8Length(text))}; the limit is ${megabytes(maxBytes)}. Is it ${spec.what}?`
			}
		]);
	const body = withoutByteOrderMarks(text);
	if (body.trim() === '')
		throw new CsvImportError([{ message: `This file is empty; expected ${spec.what}.${remedy}` }]);
	const rowAt = (index: number) => body.slice(0, index).split('\n').length;
	const binaryAt = body.search(BINARY);
	if (binaryAt >= 0)
		throw new CsvImportError([
			{
				row: rowAt(binaryAt),
				message: `this file contains binary data, so it is not ${spec.what}.${remedy}`
			}
		]);
	const replacementAt = body.indexOf('\uFFFD');
	if (replacementAt >= 0)
		throw new CsvImportError([
			{
				row: rowAt(replacementAt),
				message: `the text holds "\uFFFD", which a program leaves where it could not read a character: the file was read in the wrong encoding and saved again.${remedy}`
			}
		]);

	const known = new Set(spec.columns);
	const firstBreak = body.indexOf('\n');
	const separator = findSeparator(firstBreak < 0 ? body : body.slice(0, firstBreak), known);
	if (separator !== ',' && separator !== ';')
		throw new CsvImportError([
			{
				row: 1,
				message: `the columns are separated by ${SEPARATOR_NAMES[separator]}, not commas or semicolons, so this is not ${spec.what}. Save it as CSV (commas or semicolons) instead.`
			}
		]);
	const parsed = Papa.parse<string[]>(body, { delimiter: separator, header: false, skipEmptyLines: false });
	const quoteError = parsed.errors[0];
	if (quoteError)
		throw new CsvImportError([
			{
				row: quoteError.row !== undefined ? quoteError.row + 1 : undefined,
				message: `broken quoting (${quoteError.message.toLowerCase()}): a cell's quotation marks do not pair up, so this is not ${spec.what}. If you edited this row, check its quotes; otherwise export the file again.`
			}
		]);

	const [header = [], ...data] = parsed.data;
	const issues = new IssueList();
	const optional = new Set(spec.optional ?? []);
	const positions = new Map<string, number>();
	header.forEach((raw, i) => {
		const name = raw.trim();
		const column = columnLetter(i);
		if (!known.has(name))
			issues.add({
				row: 1,
				column,
				message: `"${name.slice(0, 60)}" is not a column of ${spec.what} (expected: ${spec.columns.join(', ')})`
			});
		else if (positions.has(name)) issues.add({ row: 1, column, message: `column "${name}" appears twice` });
		else positions.set(name, i);
	});
	for (const name of spec.columns)
		if (!positions.has(name) && !optional.has(name)) issues.add({ row: 1, message: `column "${name}" is missing` });
	issues.throwIfAny();

	const plainNumber = separator === ';' ? PLAIN_NUMBER_DECIMAL_COMMA : PLAIN_NUMBER;
	const rows: CsvRow[] = [];
	data.forEach((cells, i) => {
		const row = i + 2;
		if (cells.every((c) => c.trim() === '')) return;
		if (cells.length !== header.length) {
			issues.add({ row, message: `has ${cells.length} cells, but the header has ${header.length} columns` });
			return;
		}
		const clean = cells.map((cell, c) => {
			if (cell.startsWith("'")) return cell.slice(1);
			if ((FORMULA_START.test(cell) && !plainNumber.test(cell)) || FORMULA_AFTER_BREAK.test(cell))
				issues.add({
					row,
					column: header[c]?.trim() || columnLetter(c),
					message: `the cell starts a spreadsheet formula ("${cell.trim().slice(0, 20)}…"); this site never writes one`
				});
			return cell;
		});
		rows.push({ row, cells: clean });
	});
	issues.throwIfAny();
	if (rows.length === 0)
		throw new CsvImportError([{ row: 2, message: `no data rows; expected ${spec.what}.${remedy}` }]);
	return {
		rows,
		separator,
		get(row, column) {
			const at = positions.get(column);
			return at === undefined ? '' : (row.cells[at] ?? '');
		}
	};
}

const SHARE = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/;
const SHARE_DECIMAL_COMMA = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*%?\s*$/;

/**
 * Parses a share cell: a number from 0 to 100, optionally followed by `%`; null if it is not one. In a `;` file
 * the decimal mark may be a comma (`21,5`), as spreadsheets write it in those locales.
 */
export function parsePercent(cell: string, separator: CsvSeparator = ','): number | null {
	const match = (separator === ';' ? SHARE_DECIMAL_COMMA : SHARE).exec(cell);
	if (!match) return null;
	const value = Number(match[1]!.replace(',', '.'));
	return value >= 0 && value <= 100 ? value : null;
}
