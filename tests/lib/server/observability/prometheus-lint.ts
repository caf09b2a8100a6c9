/**
 * `promtool check metrics` for the tests: promtool itself where it is installed (Debian's `prometheus` package puts
 * it at /usr/bin/promtool), otherwise the same rules written out here — Prometheus's promlint rules (counter suffix,
 * help text, units, reserved suffixes and labels, type in the name, colons, camelCase) plus a TYPE line for every
 * family. Problems read as promtool prints them: `<metric> <what is wrong>`, sorted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PROMTOOL = '/usr/bin/promtool';

interface Family {
	name: string;
	help: boolean;
	type: string | null;
	labels: Set<string>;
	samples: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+\S+(?:\s+-?\d+)?$/;
const LABEL_NAME = /([a-zA-Z_][a-zA-Z0-9_]*)="(?:[^"\\]|\\.)*"/g;

const BASE_UNITS = ['amperes', 'bytes', 'candela', 'grams', 'celsius', 'kelvin', 'kelvins', 'meters', 'metres'];
const UNITS: Record<string, string> = {
	...Object.fromEntries([...BASE_UNITS, 'moles', 'seconds', 'joules'].map((u) => [u, u])),
	minutes: 'seconds',
	hours: 'seconds',
	days: 'seconds',
	fahrenheit: 'celsius',
	rankine: 'kelvin',
	inches: 'meters',
	yards: 'meters',
	miles: 'meters',
	bits: 'bytes',
	calories: 'joules',
	pounds: 'grams',
	ounces: 'grams'
};
const UNIT_PREFIXES = [
	'pico',
	'nano',
	'micro',
	'milli',
	'centi',
	'deci',
	'deca',
	'hecto',
	'kilo',
	'kibi',
	'mega',
	'mibi',
	'giga',
	'gibi',
	'tera',
	'tebi',
	'peta',
	'pebi'
];
const ABBREVIATED_UNITS = ['s', 'ms', 'us', 'ns', 'sec', 'b', 'kb', 'mb', 'gb', 'tb', 'pb', 'm', 'h', 'd'];
const TYPES_IN_NAMES = ['counter', 'gauge', 'histogram', 'gauge_histogram', 'summary'];

/** The word `name` contains as `_word_` or ends with as `_word`. */
const hasWord = (name: string, word: string) => name.includes(`_${word}_`) || name.endsWith(`_${word}`);

/** The family a sample line belongs to: its own name, or a histogram's / summary's base name. */
function familyOf(families: Map<string, Family>, sample: string): Family | undefined {
	const own = families.get(sample);
	if (own) return own;
	for (const suffix of ['_bucket', '_sum', '_count']) {
		const base = families.get(sample.slice(0, -suffix.length));
		if (sample.endsWith(suffix) && base && (base.type === 'histogram' || base.type === 'summary')) return base;
	}
	return undefined;
}

/** The problems promtool's linter would report for one family (and the missing TYPE it does not insist on). */
function familyProblems({ name, help, type, labels }: Family): string[] {
	const problems: string[] = [];
	if (!help) problems.push('no help text');
	if (type === null) problems.push('no TYPE line');
	for (const part of name.split('_'))
		for (const [unit, base] of Object.entries(UNITS))
			if ([...UNIT_PREFIXES, ''].some((prefix) => part === prefix + unit) && part !== base)
				problems.push(`use base unit "${base}" instead of "${part}"`);
	const untyped = type === null || type === 'untyped';
	if (type === 'counter' && !name.endsWith('_total')) problems.push('counter metrics should have "_total" suffix');
	if (!untyped && type !== 'counter' && name.endsWith('_total'))
		problems.push('non-counter metrics should not have "_total" suffix');
	if (!untyped) {
		const histogram = type === 'histogram';
		const summary = type === 'summary';
		if (!histogram && name.endsWith('_bucket')) problems.push('non-histogram metrics should not have "_bucket" suffix');
		if (!histogram && !summary && name.endsWith('_count'))
			problems.push('non-histogram and non-summary metrics should not have "_count" suffix');
		if (!histogram && !summary && name.endsWith('_sum'))
			problems.push('non-histogram and non-summary metrics should not have "_sum" suffix');
		if (!histogram && labels.has('le')) problems.push('non-histogram metrics should not have "le" label');
		if (!summary && labels.has('quantile')) problems.push('non-summary metrics should not have "quantile" label');
	}
	for (const typeName of TYPES_IN_NAMES)
		if (hasWord(name.toLowerCase(), typeName)) problems.push(`metric name should not include type '${typeName}'`);
	if (name.includes(':')) problems.push("metric names should not contain ':'");
	if (/[a-z][A-Z]/.test(name)) problems.push("metric names should be written in 'snake_case' not 'camelCase'");
	if ([...labels].some((label) => /[a-z][A-Z]/.test(label)))
		problems.push("label names should be written in 'snake_case' not 'camelCase'");
	for (const abbreviation of ABBREVIATED_UNITS)
		if (hasWord(name.toLowerCase(), abbreviation)) problems.push('metric names should not contain abbreviated units');
	return problems;
}

/** The rules above applied to a text exposition; a line that cannot be read is a problem too. */
export function lintExposition(text: string): string[] {
	const families = new Map<string, Family>();
	const problems: string[] = [];
	const family = (name: string) => {
		let found = families.get(name);
		if (!found) families.set(name, (found = { name, help: false, type: null, labels: new Set(), samples: 0 }));
		return found;
	};
	for (const [index, line] of text.split('\n').entries()) {
		if (!line.trim()) continue;
		const meta = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(line);
		if (meta) {
			const [, kind, name, rest] = meta as unknown as [string, string, string, string | undefined];
			const target = family(name);
			if (kind === 'HELP') target.help = true;
			else if (target.type !== null || target.samples > 0)
				problems.push(`line ${index + 1}: second TYPE line for metric name "${name}", or TYPE reported after samples`);
			else target.type = (rest ?? '').trim();
			continue;
		}
		if (line.startsWith('#')) continue;
		const sample = SAMPLE.exec(line);
		if (!sample) {
			problems.push(`line ${index + 1}: not a sample: ${line.slice(0, 80)}`);
			continue;
		}
		const target = familyOf(families, sample[1]!) ?? family(sample[1]!);
		target.samples++;
		for (const [, label] of (sample[2] ?? '').matchAll(LABEL_NAME)) target.labels.add(label!);
	}
	for (const f of families.values()) for (const problem of familyProblems(f)) problems.push(`${f.name} ${problem}`);
	return problems.sort();
}

/** Whether promtool is installed here. */
export const hasPromtool = existsSync(PROMTOOL);

/** `promtool check metrics` on `text`: its exit status and the lines it printed, sorted. */
export function promtool(text: string): { status: number | null; problems: string[] } {
	const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
	if (run.error) throw run.error;
	const problems = `${run.stdout}${run.stderr}`
		.split('\n')
		.filter((line) => line.trim())
		.sort();
	return { status: run.status, problems };
}

/** The check the tests run on a scrape: promtool where installed, else {@link lintExposition}. */
export function checkMetrics(text: string): { tool: 'promtool' | 'the same rules'; problems: string[] } {
	if (!hasPromtool) return { tool: 'the same rules', problems: lintExposition(text) };
	const { status, problems } = promtool(text);
	return { tool: 'promtool', problems: status === 0 ? problems : [...problems, `promtool exited ${status}`] };
}
