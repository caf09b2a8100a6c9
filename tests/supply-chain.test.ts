import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

/** The "Dependency advisories" table of SECURITY.md: package → minimum version. */
function advisoryMinimums(): Map<string, string> {
	const markdown = readFileSync('SECURITY.md', 'utf8');
	const section = markdown.split('## Dependency advisories')[1] ?? '';
	const minimums = new Map<string, string>();
	for (const row of section.matchAll(/^\| `([^`]+)`\s*\|\s*(\d+\.\d+\.\d+)\s*\|/gm)) {
		minimums.set(row[1]!, row[2]!);
	}
	return minimums;
}

/** Every version of `name` that `npm ci` installs, from package-lock.json (nested copies included). */
function lockedVersions(name: string): string[] {
	const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
		packages: Record<string, { version?: string }>;
	};
	return Object.entries(lock.packages)
		.filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
		.map(([, entry]) => entry.version ?? '0.0.0');
}

/** Compares dotted numeric versions (a pre-release counts as below its release). */
function atLeast(version: string, minimum: string): boolean {
	const [core = '', pre] = version.split('-');
	const a = core.split('.').map(Number);
	const b = minimum.split('.').map(Number);
	for (let i = 0; i < 3; i++) {
		if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
	}
	return pre === undefined;
}

test('SECURITY.md lists minimum versions for SvelteKit, adapter-node, Svelte, devalue and koa', () => {
	expect([...advisoryMinimums().keys()].sort()).toEqual(
		['@sveltejs/adapter-node', '@sveltejs/kit', 'devalue', 'koa', 'svelte'].sort()
	);
});

test('every installed copy is at or above the advisory-fixed minimum in SECURITY.md', () => {
	for (const [name, minimum] of advisoryMinimums()) {
		const versions = lockedVersions(name);
		console.log(`${name}: installed ${versions.join(', ')}; minimum ${minimum}`);
		expect(versions.length, `${name} is in package-lock.json`).toBeGreaterThan(0);
		for (const version of versions) expect(atLeast(version, minimum), `${name}@${version} ≥ ${minimum}`).toBe(true);
	}
});

test('the version comparison orders releases, patches and pre-releases', () => {
	expect(atLeast('2.70.4', '2.69.1')).toBe(true);
	expect(atLeast('2.69.1', '2.69.1')).toBe(true);
	expect(atLeast('2.69.0', '2.69.1')).toBe(false);
	expect(atLeast('2.9.9', '2.10.0')).toBe(false);
	expect(atLeast('3.0.0', '2.99.99')).toBe(true);
	expect(atLeast('2.69.1-next.1', '2.69.1')).toBe(false);
});
