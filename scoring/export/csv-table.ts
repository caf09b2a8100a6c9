/**
 * Safe CSV reading and writing shared by every CSV this site exports or imports (results, custom benchmarks).
 * Writing neutralises spreadsheet formulas; reading caps the size, refuses binary data and unescaped formulas,
 * checks the header against a fixed list of columns (so `__proto__`-style names are simply unknown columns), and
 * reports problems by spreadsheet row and column. Rows are arrays indexed through a Map: no object is ever keyed
 * by text from the file.
 */
import Papa from 'papaparse';

/** Largest CSV accepted by default (2 MB): far above any real export, small enough to parse instantly. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

const BOM = '\uFEFF';
/** Characters a spreadsheet may treat as the start of a formula (plus a leading `'`, escaped so it round-trips). */
const FORMULA_START = /^\s*[=+\-@\t\r\n\0]|^'/;
/** A formula trigger right after a line break inside a cell. */
const FORMULA_AFTER_BREAK = /[\r\n]\s*[=+\-@\0]/;
/** Control characters that never belong in text (tab, CR and LF excepted) and the replacement character. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g;
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
/** A plain number, which may begin with `-` without being a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

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

/** What a CSV must look like: its columns (any order), which of them may be absent, what to call the file. */
export interface TableSpec {
	/** Names the file in messages, e.g. "a result CSV exported by this site". */
	what: string;
	columns: readonly string[];
	optional?: readonly string[];
	maxBytes?: number;
}

/** A data row: its spreadsheet row number and cells (formula escape already removed). */
export interface CsvRow {
	row: number;
	cells: readonly string[];
}

/** A parsed, header-checked table. */
export interface CsvTable {
	rows: CsvRow[];
	/** The cell of `row` under `column` ('' when the optional column is absent). */
	get(row: CsvRow, column: string): string;
}

/**
 * Reads CSV text against a {@link TableSpec}. Throws {@link CsvImportError} naming row and column for: a file
 * over the size cap, an empty file, binary data, broken quoting, another delimiter, missing, unknown or repeated
 * columns, rows of the wrong width, and cells that would run as formulas. Returns rows with the exporter's
 * leading `'` removed.
 */
export function readCsvTable(text: string, spec: TableSpec): CsvTable {
	const maxBytes = spec.maxBytes ?? MAX_CSV_BYTES;
	if (typeof text !== 'string') throw new CsvImportError([{ message: 'This file could not be read as text' }]);
	if (text.length > maxBytes || utf8Length(text) > maxBytes)
		throw new CsvImportError([
			{
				message: `This file is ${megabytes(utf8Length(text))}; the limit is ${megabytes(maxBytes)}. Is it ${spec.what}?`
			}
		]);
	const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
	if (body.trim() === '') throw new CsvImportError([{ message: `This file is empty; expected ${spec.what}` }]);
	const binaryAt = body.search(BINARY);
	if (binaryAt >= 0)
		throw new CsvImportError([
			{
				row: body.slice(0, binaryAt).split('\n').length,
				message: `this file contains binary data, so it is not ${spec.what}`
			}
		]);

	const parsed = Papa.parse<string[]>(body, { delimiter: ',', header: false, skipEmptyLines: false });
	const quoteError = parsed.errors[0];
	if (quoteError)
		throw new CsvImportError([
			{
				row: quoteError.row !== undefined ? quoteError.row + 1 : undefined,
				message: `broken quoting (${quoteError.message.toLowerCase()}); this is not ${spec.what}`
			}
		]);

	const [header = [], ...data] = parsed.data;
	const issues = new IssueList();
	const known = new Set(spec.columns);
	const optional = new Set(spec.optional ?? []);
	const positions = new Map<string, number>();
	const otherDelimiter = header.length === 1 ? /[;\t|]/.exec(header[0] ?? '')?.[0] : undefined;
	if (otherDelimiter)
		throw new CsvImportError([
			{
				row: 1,
				message: `the columns are separated by ${otherDelimiter === '\t' ? 'tabs' : `"${otherDelimiter}"`}, not commas; this is not ${spec.what}`
			}
		]);
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
			if ((FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) || FORMULA_AFTER_BREAK.test(cell))
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
	if (rows.length === 0) throw new CsvImportError([{ row: 2, message: `no data rows; expected ${spec.what}` }]);
	return {
		rows,
		get(row, column) {
			const at = positions.get(column);
			return at === undefined ? '' : (row.cells[at] ?? '');
		}
	};
}

/** Parses a share cell: a number from 0 to 100, optionally followed by `%`; null if it is not one. */
export function parsePercent(cell: string): number | null {
	const match = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/.exec(cell);
	if (!match) return null;
	const value = Number(match[1]);
	return value >= 0 && value <= 100 ? value : null;
}
