import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

/** Variables in the first column of docs/operations.md's "Environment variables" table. */
function documented(): string[] {
	const markdown = readFileSync('docs/operations.md', 'utf8');
	const section = markdown.split('## Environment variables')[1]!.split('\n## ')[0]!;
	return [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]!);
}

test('.env.example names every variable docs/operations.md documents', () => {
	const example = readFileSync('.env.example', 'utf8');
	const named = new Set([...example.matchAll(/^#?\s*([A-Z_]+)=/gm)].map((m) => m[1]!));
	const variables = documented();
	expect(variables.length).toBeGreaterThan(15);
	expect(variables.filter((v) => !named.has(v))).toEqual([]);
});
