import type { ComponentProps } from 'svelte';
import type Questionnaire from '$lib/components/assess/Questionnaire.svelte';

/** The element /assess renders the questionnaire in; `island.ts` hydrates it. */
export const QUESTIONNAIRE_ISLAND_ID = 'questionnaire';

/** What /assess renders the questionnaire with, sent as JSON in `data-props`: everything but the navigation. */
export type QuestionnaireIslandProps = Omit<ComponentProps<typeof Questionnaire>, 'navigation' | 'onfinish'>;
