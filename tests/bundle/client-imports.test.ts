/**
 * What the browser loads: no module a page or component imports at run time may reach zod (29 KB gzip on every
 * page when it did) or the question banks. Walks the static, non-type imports from every Svelte file and universal
 * load module, resolving `$lib`, `$scoring` and relative paths, and names the chain that reaches a forbidden module.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FORBIDDEN: { name: string; matches: (id: string) => boolean }[] = [
	{ name: 'zod', matches: (id) => id === 'zod' || id.startsWith('zod/') },
	{ name: 'a question bank', matches: (id) => id.includes('/scoring/content/banks/') }
];

function files(dir: string, keep: (f: string) => boolean): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path, keep) : keep(path) ? [path] : [];
	});
}

/** Runtime imports of a module: `import … from 'x'` and `import 'x'`, without `import type`. */
function runtimeImports(source: string): string[] {
	const out: string[] = [];
	for (const m of source.matchAll(/^\s*import\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
		// `import { type A, type B } from` brings nothing at run time.
		const clause = m[0].split(/\sfrom\s/)[0]!;
		if (
			/\{[^}]*\}/.test(clause) &&
			!/[{,]\s*(?!type\s)[A-Za-z_$]/.test(clause.replace(/\btype\s+[A-Za-z_$][\w$]*/g, ''))
		)
			continue;
		out.push(m[1]!);
	}
	return out;
}

function resolveImport(from: string, id: string): string | null {
	const base = id.startsWith('$lib/')
		? join(ROOT, 'src/lib', id.slice(5))
		: id.startsWith('$scoring/')
			? join(ROOT, 'scoring', id.slice(9))
			: id.startsWith('.')
				? resolve(dirname(from), id)
				: null;
	if (!base) return null;
	for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	return null;
}

test('no page or component reaches zod or a question bank at run time', () => {
	const entries = [
		...files(join(ROOT, 'src/lib/components'), (f) => f.endsWith('.svelte') || f.endsWith('.svelte.ts')),
		...files(
			join(ROOT, 'src/routes'),
			(f) => /\+(page|layout)\.(svelte|ts)$/.test(f) || f.endsWith('.svelte') || f.endsWith('.svelte.ts')
		)
	];
	expect(entries.length).toBeGreaterThan(20);
	const problems: string[] = [];
	for (const entry of entries) {
		const seen = new Set<string>();
		const walk = (file: string, chain: string[]) => {
			if (seen.has(file)) return;
			seen.add(file);
			let source = readFileSync(file, 'utf8');
			if (file.endsWith('.svelte'))
				source = [...source.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
			for (const id of runtimeImports(source)) {
				const bad = FORBIDDEN.find((f) => f.matches(id));
				if (bad) problems.push(`${[...chain, id].join(' → ')} (${bad.name})`);
				const next = resolveImport(file, id);
				if (!next) continue;
				const named = FORBIDDEN.find((f) => f.matches(next));
				if (named) problems.push(`${[...chain, relative(ROOT, next)].join(' → ')} (${named.name})`);
				else walk(next, [...chain, relative(ROOT, next)]);
			}
		};
		walk(entry, [relative(ROOT, entry)]);
	}
	expect(problems).toEqual([]);
});
