/**
 * The script of /assess, which runs without SvelteKit's client (`src/lib/islands.ts`): it hydrates the questionnaire,
 * whose steps move through the History API.
 */
import { hydrateIslands } from '$lib/islands';
import { historyNavigation } from './history-navigation.svelte';
import { ASSESS_ISLANDS } from './islands';

hydrateIslands(ASSESS_ISLANDS, { Questionnaire: () => ({ navigation: historyNavigation() }) });
