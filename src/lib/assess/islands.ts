import Questionnaire from '$lib/components/assess/Questionnaire.svelte';

/** The islands of /assess (`src/lib/islands.ts`): the questionnaire. */
export const ASSESS_ISLANDS = { Questionnaire };
