import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { CSP_DIRECTIVES, STYLE_ATTRIBUTE_HASHES } from '$lib/server/csp.js';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const styleAttributes = (html: string) => [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]!);

test('the only style attributes allowed are the ones app.html and SvelteKit’s route announcer write, by hash', () => {
	const app = styleAttributes(readFileSync('src/app.html', 'utf8'));
	const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
	const root = readFileSync(join(kit, 'src/core/sync/write_root.js'), 'utf8');
	const announcer = /id="svelte-announcer"[^>]*\sstyle="([^"]*)"/.exec(root)?.[1];
	expect(announcer, 'SvelteKit’s announcer no longer found in write_root.js').toBeDefined();
	const expected = [...app, announcer!].map(sha256).sort();
	expect(Object.values(STYLE_ATTRIBUTE_HASHES).toSorted()).toEqual(expected);
	expect(CSP_DIRECTIVES['style-src-attr']).toEqual(['unsafe-hashes', ...Object.values(STYLE_ATTRIBUTE_HASHES)]);
	expect(CSP_DIRECTIVES['style-src-attr']).not.toContain('unsafe-inline');
});

test('no component writes a style attribute or a style: directive (the CSP would block it)', () => {
	const offenders: string[] = [];
	for (const file of readdirSync('src', { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('.svelte')) continue;
		const markup = readFileSync(join('src', file), 'utf8').replace(/<style[\s\S]*?<\/style>/g, '');
		for (const m of markup.matchAll(/\sstyle(=|:[\w-]+)/g)) offenders.push(`${file}: ${m[0].trim()}`);
	}
	expect(offenders).toEqual([]);
});
