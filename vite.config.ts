import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build as buildIsland, type Plugin } from 'vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

/**
 * Modules every page loads besides the framework: the bundler's runtime, Vite's preload helper (the app entry
 * imports both) and the site labels the root layout imports. In the framework chunk they cost no byte more and save
 * every page 3 requests, which Lighthouse's simulated slow 4G charges a round trip each.
 */
const EVERY_PAGE = /^\0rolldown\/runtime\.js$|^\0vite\/preload-helper\.js$|[\\/]scoring[\\/]present[\\/]site\.ts$/;

/** Where /assess's client script is built from. */
const ISLAND_ENTRY = 'src/lib/assess/island.ts';
const ISLAND_MODULE = 'virtual:questionnaire-island';

/**
 * /assess's client script (`src/lib/assess/island.ts`): the questionnaire hydrated without SvelteKit's router, built
 * on its own into one file, `_app/immutable/island/questionnaire.<hash>.js`, and added to the client build. Pages
 * import its address from `virtual:questionnaire-island` (the source file itself under `vite dev`). Building it on
 * its own keeps it off the framework chunk, which carries the router; it fails if the island imports `$app/*`.
 */
function questionnaireIsland(): Plugin {
	let serving = false;
	let built: Promise<{ fileName: string; code: string }> | undefined;
	const root = fileURLToPath(new URL('.', import.meta.url));
	const build = () =>
		(built ??= buildIsland({
			configFile: false,
			root,
			logLevel: 'warn',
			plugins: [svelte()],
			resolve: { alias: { $lib: `${root}src/lib`, $scoring: `${root}scoring` } },
			build: {
				write: false,
				rolldownOptions: {
					input: `${root}${ISLAND_ENTRY}`,
					output: { entryFileNames: '_app/immutable/island/questionnaire.[hash].js' }
				}
			}
		}).then((output) => {
			const chunks = (Array.isArray(output) ? output : [output])
				.flatMap((o) => ('output' in o ? o.output : []))
				.filter((file) => file.type === 'chunk');
			if (chunks.length !== 1) throw new Error(`${ISLAND_ENTRY} must build into one file, not ${chunks.length}`);
			return { fileName: chunks[0]!.fileName, code: chunks[0]!.code };
		}));
	return {
		name: 'questionnaire-island',
		configResolved(config) {
			serving = config.command === 'serve';
		},
		resolveId: (id) => (id === ISLAND_MODULE ? `\0${ISLAND_MODULE}` : undefined),
		async load(id) {
			if (id !== `\0${ISLAND_MODULE}`) return;
			return `export default ${JSON.stringify(serving ? ISLAND_ENTRY : (await build()).fileName)};`;
		},
		async generateBundle() {
			if (this.environment.name !== 'client' || serving) return;
			const { fileName, code } = await build();
			this.emitFile({ type: 'asset', fileName, source: code });
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), questionnaireIsland()],
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
