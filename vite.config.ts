import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

/**
 * Modules every page loads besides the framework: the bundler's runtime, Vite's preload helper (the app entry
 * imports both) and the site labels the root layout imports. In the framework chunk they cost no byte more and save
 * every page 3 requests, which Lighthouse's simulated slow 4G charges a round trip each.
 */
const EVERY_PAGE = /^\0rolldown\/runtime\.js$|^\0vite\/preload-helper\.js$|[\\/]scoring[\\/]present[\\/]site\.ts$/;

export default defineConfig({
	plugins: [sveltekit()],
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
