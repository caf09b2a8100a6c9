import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/** Every .svelte file under `dir`. */
function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
}

/** A string literal with no interpolation: the only `{@html}` argument that cannot carry user data. */
const CONSTANT = /^\s*(?:'[^'\\]*'|"[^"\\]*"|`[^`$\\]*`)\s*$/;

test('no {@html} in src/ renders anything but a constant string', () => {
	const files = svelteFiles('src');
	expect(files.length).toBeGreaterThan(5);
	const offenders: string[] = [];
	for (const file of files) {
		const source = readFileSync(file, 'utf8');
		for (const match of source.matchAll(/\{@html\s([^}]*)\}/g)) {
			if (!CONSTANT.test(match[1]!)) {
				const line = source.slice(0, match.index).split('\n').length;
				offenders.push(`${file}:${line}: ${match[0]}`);
			}
		}
	}
	expect(offenders, 'Svelte escaping only: render user data as {text}, never {@html}').toEqual([]);
});

test('the check itself catches a raw-HTML block', () => {
	const source = '<p>{@html data.title}</p><p>{@html "<br>"}</p>';
	const found = [...source.matchAll(/\{@html\s([^}]*)\}/g)].map((m) => CONSTANT.test(m[1]!));
	expect(found).toEqual([false, true]);
});
