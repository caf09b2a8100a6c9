/**
 * Reads a lens file, YAML or JSON, keeping positions so that every problem names its line, column and field:
 * syntax errors, duplicate keys (which `JSON.parse` would keep silently, the last one winning), unknown fields,
 * missing or invalid values (the zod schema), and what `checkLens` finds (duplicate ids, dangling references, bad
 * risk rules). Files are capped in size and in YAML aliases, so a hostile file cannot exhaust memory. Pure: the
 * caller reads the file.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { checkLens, fieldName } from './check';
import { LensSchema, type Lens } from './schema';

/** The largest lens file read, in characters: a lens of 60 questions is about 40 000. */
export const MAX_LENS_CHARS = 256 * 1024;
/** At most this many YAML aliases (`*name`) in a lens file. */
export const MAX_LENS_ALIASES = 50;

/** One thing wrong with a lens file; `line` and `column` are 1-based, null for a fault of the whole file. */
export interface LensProblem {
	line: number | null;
	column: number | null;
	/** The field at fault, e.g. `sections[0].questions[2].options[1].level`; empty for the whole file. */
	field: string;
	message: string;
}

/** Why a lens file was refused: every problem found, in file order. */
export class LensError extends Error {
	constructor(readonly problems: LensProblem[]) {
		super(problems.map((p) => formatLensProblem(p)).join('\n'));
		this.name = 'LensError';
	}
}

/** `FILE:LINE:COLUMN: field: message` (the form editors and CI logs link to). */
export function formatLensProblem(problem: LensProblem, file = 'lens'): string {
	const where = problem.line === null ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
	return `${where}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

/** The fields each kind of object has, for "unknown field" messages, by the key its list or value sits under. */
function allowedFields(path: readonly PropertyKey[]): string[] {
	const keys = path.filter((k): k is string => typeof k === 'string');
	const last = keys.at(-1);
	const shapes: Record<string, z.ZodObject> = {
		sources: LensSchema.shape.sources.element,
		references: keys.length === 1 ? LensSchema.shape.references.unwrap().element : LensSchema.shape.sources.element,
		sections: LensSchema.shape.sections.element,
		questions: LensSchema.shape.sections.element.shape.questions.element,
		options: LensSchema.shape.sections.element.shape.questions.element.shape.options.element,
		notApplicable: LensSchema.shape.sections.element.shape.questions.element.shape.notApplicable.unwrap(),
		onlyIf: LensSchema.shape.sections.element.shape.questions.element.shape.notApplicable
			.unwrap()
			.shape.onlyIf.unwrap(),
		risks: LensSchema.shape.risks.element,
		nextSteps: LensSchema.shape.nextSteps.element
	};
	const shape = last === undefined ? LensSchema : shapes[last];
	return shape ? Object.keys(shape.shape) : [];
}

interface Located {
	line: number;
	column: number;
}

/**
 * The position of `path` in the document: the node itself, or for `key` the key of that field; when the path does
 * not exist (a missing field), the nearest enclosing node that does.
 */
function locate(doc: Document, counter: LineCounter, path: readonly PropertyKey[], key?: string): Located | null {
	let node: unknown = doc.contents;
	let found: Node | null = isMap(node) || isSeq(node) || isScalar(node) ? (node as Node) : null;
	const segments = key === undefined ? path : [...path, key];
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		if (isAlias(node)) node = node.resolve(doc);
		if (isMap(node)) {
			const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
			if (!pair) break;
			// The key itself for the field asked about by name; its value otherwise.
			const target = i === segments.length - 1 && key !== undefined ? pair.key : pair.value;
			if (!target) {
				found = pair.key as Node;
				break;
			}
			node = target;
		} else if (isSeq(node) && typeof segment === 'number') {
			const item = node.items[segment];
			if (!item) break;
			node = item;
		} else break;
		if (isMap(node) || isSeq(node) || isScalar(node) || isAlias(node)) found = node as Node;
	}
	const offset = found?.range?.[0];
	if (offset === undefined) return null;
	const pos = counter.linePos(offset);
	return { line: pos.line, column: pos.col };
}

function problemAt(
	doc: Document,
	counter: LineCounter,
	path: readonly PropertyKey[],
	message: string,
	key?: string
): LensProblem {
	const at = locate(doc, counter, path, key);
	return {
		line: at?.line ?? null,
		column: at?.column ?? null,
		field: fieldName(key === undefined ? path : [...path, key]),
		message
	};
}

/** A zod issue in words a lens author acts on. */
function issueMessage(issue: z.core.$ZodIssue): string {
	// zod's own wording starts "Invalid input"; the schema's messages are already written for the author.
	if (issue.code !== 'invalid_type' || !issue.message.startsWith('Invalid input')) return issue.message;
	return (issue as { input?: unknown }).input === undefined
		? 'is missing (required)'
		: issue.message.replace(/^Invalid input: /, '');
}

/** The key written at `offset` (up to its colon), without quotes: `"id": 1` → `id`. */
function keyAt(source: string, offset: number): string {
	const key = (source.slice(offset).split('\n')[0] ?? '').split(':')[0]!.trim();
	return key.replace(/^(["'])(.*)\1$/, '$2').slice(0, 64);
}

function byPosition(a: LensProblem, b: LensProblem): number {
	return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/**
 * Parses and validates a lens file's text (YAML, or JSON, which is read as YAML 1.2 so that its positions and
 * duplicate keys are known). Returns the lens; throws {@link LensError} listing every problem, in file order.
 */
export function parseLens(text: string): Lens {
	if (text.length > MAX_LENS_CHARS)
		throw new LensError([
			{
				line: null,
				column: null,
				field: '',
				message: `the file has ${text.length} characters; a lens may have at most ${MAX_LENS_CHARS} (split it into two lenses)`
			}
		]);
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (source.trim() === '')
		throw new LensError([{ line: null, column: null, field: '', message: 'the file is empty' }]);

	const counter = new LineCounter();
	const doc = parseDocument(source, {
		lineCounter: counter,
		prettyErrors: false,
		uniqueKeys: true,
		schema: 'core',
		merge: false,
		strict: true
	});
	const syntax: LensProblem[] = [...doc.errors, ...doc.warnings].map((e) => {
		const pos = counter.linePos(e.pos[0]);
		const message =
			e.code === 'DUPLICATE_KEY'
				? `duplicate key ${JSON.stringify(keyAt(source, e.pos[0]))}: a field may appear once (a JSON reader would silently keep the last one)`
				: e.message.split('\n')[0]!;
		return { line: pos.line, column: pos.col, field: '', message };
	});
	if (syntax.length) throw new LensError(syntax.sort(byPosition));

	let aliases = 0;
	let tooMany: LensProblem | null = null;
	visit(doc, {
		Alias(_, node) {
			aliases++;
			if (aliases > MAX_LENS_ALIASES && !tooMany) {
				const pos = counter.linePos(node.range?.[0] ?? 0);
				tooMany = {
					line: pos.line,
					column: pos.col,
					field: '',
					message: `more than ${MAX_LENS_ALIASES} YAML aliases; write the values out instead`
				};
				return visit.BREAK;
			}
		}
	});
	if (tooMany) throw new LensError([tooMany]);

	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: 100 });
	} catch (e) {
		throw new LensError([
			{
				line: null,
				column: null,
				field: '',
				message: `the file could not be read: ${e instanceof Error ? e.message : String(e)}`
			}
		]);
	}

	const parsed = LensSchema.safeParse(data, { reportInput: true });
	if (!parsed.success) {
		const problems = parsed.error.issues.flatMap((issue) =>
			issue.code === 'unrecognized_keys'
				? issue.keys.map((key) =>
						problemAt(
							doc,
							counter,
							issue.path,
							`unknown field "${key}" (allowed here: ${allowedFields(issue.path).join(', ')})`,
							key
						)
					)
				: [problemAt(doc, counter, issue.path, issueMessage(issue))]
		);
		throw new LensError(problems.sort(byPosition));
	}
	const problems = checkLens(parsed.data).map((p) => problemAt(doc, counter, p.path, p.message));
	if (problems.length) throw new LensError(problems.sort(byPosition));
	return parsed.data;
}

/**
 * The lens as canonical JSON: keys sorted at every level, no spaces. Its hash is the lens's content, whatever the
 * file's format, layout or comments: what a published version must keep (docs/lenses.md).
 */
export function canonicalLensJson(lens: Lens): string {
	const sort = (value: unknown): unknown =>
		Array.isArray(value)
			? value.map(sort)
			: value !== null && typeof value === 'object'
				? Object.fromEntries(
						Object.keys(value)
							.sort()
							.map((k) => [k, sort((value as Record<string, unknown>)[k])])
					)
				: value;
	return JSON.stringify(sort(lens));
}
