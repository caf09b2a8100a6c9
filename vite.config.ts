import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build as buildIslands, type Plugin, type Rolldown } from 'vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { ISLANDS, ISLANDS_DIR, ISLANDS_MANIFEST } from './src/lib/islands-build.ts';

/**
 * Modules every page loads besides the framework: the bundler's runtime, Vite's preload helper (the app entry
 * imports both) and the site labels the root layout imports. In the framework chunk they cost no byte more and save
 * every page 3 requests, which Lighthouse's simulated slow 4G charges a round trip each.
 */
const EVERY_PAGE = /^\0rolldown\/runtime\.js$|^\0vite\/preload-helper\.js$|[\\/]scoring[\\/]present[\\/]site\.ts$/;

const ISLANDS_MODULE = 'virtual:islands';

/**
 * The island scripts (`ISLANDS`): a page that sets `csr = false` hydrates its interactive parts with Svelte alone,
 * without SvelteKit's router (`src/lib/islands.ts`). They are built on their own, into `_app/immutable/island/`,
 * and added to the client build; pages import each script's address and the files it imports from
 * `virtual:islands` (the source files themselves under `vite dev`). Built apart from the pages' chunks, they never
 * load the framework chunk, which carries the router; the build fails if an island imports `$app/*`.
 */
function islands(): Plugin {
	let serving = false;
	let built: Promise<Rolldown.OutputBundle[string][]> | undefined;
	const root = fileURLToPath(new URL('.', import.meta.url));
	const build = () =>
		(built ??= buildIslands({
			configFile: false,
			root,
			logLevel: 'warn',
			plugins: [svelte()],
			resolve: { alias: { $lib: `${root}src/lib`, $scoring: `${root}scoring` } },
			build: {
				write: false,
				manifest: true,
				assetsDir: ISLANDS_DIR,
				modulePreload: { polyfill: false },
				// One stylesheet, which is not emitted (the pages inline their components' styles): split per chunk, a
				// dynamic import (the PDF, the chart) would wait on loading its importer's stylesheet.
				cssCodeSplit: false,
				rolldownOptions: {
					input: Object.fromEntries(Object.entries(ISLANDS).map(([name, path]) => [name, `${root}${path}`])),
					output: {
						entryFileNames: `${ISLANDS_DIR}/[name].[hash].js`,
						chunkFileNames: `${ISLANDS_DIR}/[hash].js`
					}
				}
			}
		}).then((output) =>
			(Array.isArray(output) ? output : [output])
				.flatMap((o) => ('output' in o ? o.output : []))
				// Stylesheets stay out: the pages inline their components' styles.
				.filter((file) => !file.fileName.endsWith('.css'))
		));
	/** Each island's script and the files it imports statically (the page preloads them). */
	async function addresses(): Promise<Record<string, { src: string; preload: string[] }>> {
		const names = Object.keys(ISLANDS) as (keyof typeof ISLANDS)[];
		if (serving) return Object.fromEntries(names.map((name) => [name, { src: ISLANDS[name], preload: [] }]));
		const chunks = new Map((await build()).flatMap((f) => (f.type === 'chunk' ? [[f.fileName, f] as const] : [])));
		const imports = (file: string, seen = new Set<string>()): string[] => {
			for (const i of chunks.get(file)?.imports ?? []) if (!seen.has(i)) imports(i, seen.add(i));
			return [...seen];
		};
		return Object.fromEntries(
			names.map((name) => {
				const entry = [...chunks.values()].find((c) => c.isEntry && c.name === name);
				if (!entry) throw new Error(`the island ${name} was not built`);
				return [name, { src: entry.fileName, preload: imports(entry.fileName) }];
			})
		);
	}
	return {
		name: 'islands',
		configResolved(config) {
			serving = config.command === 'serve';
		},
		resolveId: (id) => (id === ISLANDS_MODULE ? `\0${ISLANDS_MODULE}` : undefined),
		async load(id) {
			if (id === `\0${ISLANDS_MODULE}`) return `export default ${JSON.stringify(await addresses())};`;
		},
		async generateBundle() {
			if (this.environment.name !== 'client' || serving) return;
			for (const file of await build()) {
				// The manifest (source → built file) is for the tests and benches, beside SvelteKit's; it is not served.
				if (file.fileName === '.vite/manifest.json' && file.type === 'asset') {
					mkdirSync(dirname(ISLANDS_MANIFEST), { recursive: true });
					writeFileSync(ISLANDS_MANIFEST, file.source);
					continue;
				}
				this.emitFile({
					type: 'asset',
					fileName: file.fileName,
					source: file.type === 'chunk' ? file.code : file.source
				});
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), islands()],
	environments: {
		client: {
			build: {
				rolldownOptions: {
					output: {
						// Svelte's runtime, SvelteKit's client and what they import in one chunk, shared by every page,
						// rather than the five the bundler cut it into, plus EVERY_PAGE: every page's first load makes 4–6
						// fewer requests (/assess 10, not 16) and sends 0.2–1.2 KB less gzip, as the pieces no longer import
						// each other by name. Client build only: the server's chunks stay as SvelteKit lays them out. The
						// bundler's runtime stays a file of its own: a group cannot take it.
						codeSplitting: {
							groups: [
								{
									name: 'framework',
									test: (id) =>
										/node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|clsx|esm-env)[\\/]/.test(id) ||
										EVERY_PAGE.test(id)
								}
							]
						}
					}
				}
			}
		}
	},
	test: {
		// Every project: a test that never calls expect fails. A fast-check property asserts inside its predicate (a
		// returned boolean is not an assertion), sets its numRuns and passes a 60 s budget (`}, 60_000)`): the slowest
		// takes about 5 s on a quiet 2-core machine, 7 s with both cores busy, and failed there at the default 5 s.
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					expect: { requireAssertions: true },
					environment: 'node',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/e2e/**', 'tests/component/**'],
					// Both cores: vitest's default (cores − 1) runs the files one at a time on this 2-core machine.
					maxWorkers: 2
				}
			},
			{
				extends: './vite.config.ts',
				// Svelte's browser build, and the DOM emptied after each test.
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					expect: { requireAssertions: true },
					environment: 'jsdom',
					include: ['tests/component/**/*.test.ts'],
					setupFiles: ['tests/component/setup.ts'],
					maxWorkers: 2
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'e2e',
					expect: { requireAssertions: true },
					environment: 'node',
					include: ['tests/e2e/**/*.e2e.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// One Chromium per file; files run one at a time so the 2-core machine is not oversubscribed.
					fileParallelism: false
				}
			}
		]
	}
});
