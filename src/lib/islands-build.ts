/**
 * Where the island scripts (`src/lib/islands.ts`) come from and go: read by the `islands` plugin in vite.config.ts,
 * and by the tests and benches that look at what a page loads.
 */

/** The pages that run without SvelteKit's client, and the script each hydrates its islands with. */
export const ISLANDS = {
	questionnaire: 'src/lib/assess/island.ts',
	results: 'src/lib/results/island.ts'
} as const;

/** Where the built island files are served from, under the app's assets. @internal Build and tests only. */
export const ISLANDS_DIR = '_app/immutable/island';

/**
 * The islands' Vite manifest (source file → built file), kept beside SvelteKit's; not served.
 * @internal Build, tests and benches only.
 */
export const ISLANDS_MANIFEST = '.svelte-kit/output/islands-manifest.json';
