/**
 * The questionnaire's steps through the History API, for a page that runs without SvelteKit's client (/assess):
 * each step is a history entry whose state names it, Back and Forward move between them, and a form the page does
 * not handle is posted by the browser as it would be without JavaScript.
 */
import { onMount } from 'svelte';
import type { StepNavigation } from './step-navigation';

/** The step a history entry's state names, if it names one. */
function stepOf(state: unknown): number | undefined {
	const step = (state as { step?: unknown } | null)?.step;
	return typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : undefined;
}

/** A navigation over `window.history`; call once, in the browser. */
export function historyNavigation(): StepNavigation {
	let step = $state(stepOf(history.state));
	addEventListener('popstate', (event) => (step = stepOf(event.state)));
	return {
		get step() {
			return step;
		},
		// Read once, when the page loads: a plain value, not reactive state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		addressNamesStep: new URLSearchParams(location.search).has('step'),
		push(url, next) {
			history.pushState({ step: next }, '', url);
			step = next;
		},
		replace(url, next) {
			history.replaceState({ step: next }, '', url);
			step = next;
		},
		onReady: (fn) => onMount(fn),
		enhance(form, { decide }) {
			const onSubmit = (event: SubmitEvent) => {
				if (decide(event.submitter?.getAttribute('value') ?? null) === 'handled') event.preventDefault();
			};
			form.addEventListener('submit', onSubmit);
			return { destroy: () => form.removeEventListener('submit', onSubmit) };
		}
	};
}
