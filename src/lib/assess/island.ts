/**
 * The client of /assess: the questionnaire hydrated on its own, without SvelteKit's router (the page sets
 * `csr = false`), its steps moved through the History API. Its first load is Svelte's runtime and the questionnaire.
 * Built into one file by the `questionnaire-island` plugin in vite.config.ts; the page reads its address from
 * `virtual:questionnaire-island` and passes the props it rendered in `data-props`.
 */
import { hydrate } from 'svelte';
import Questionnaire from '$lib/components/assess/Questionnaire.svelte';
import { historyNavigation } from './history-navigation.svelte';
import { QUESTIONNAIRE_ISLAND_ID, type QuestionnaireIslandProps } from './island-props';

const target = document.getElementById(QUESTIONNAIRE_ISLAND_ID);
if (target?.dataset.props) {
	const props = JSON.parse(target.dataset.props) as QuestionnaireIslandProps;
	hydrate(Questionnaire, { target, props: { ...props, navigation: historyNavigation() } });
	// Says the page's script ran, as SvelteKit's start-up does with its global (the e2e tests wait for either).
	target.dataset.hydrated = 'true';
}
