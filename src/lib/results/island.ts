/**
 * The script of a result page, which runs without SvelteKit's client (`src/lib/islands.ts`): it hydrates the page's
 * islands.
 */
import { hydrateIslands } from '$lib/islands';
import { RESULT_ISLANDS } from './islands';

hydrateIslands(RESULT_ISLANDS);
