/**
 * The questionnaire's steps through SvelteKit's router: shallow routing (`pushState`, `page.state`) and the form
 * enhanced by `$app/forms`. Used where the page runs SvelteKit's client (a workshop's /w/<code>).
 */
import { enhance } from '$app/forms';
import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import type { StepNavigation } from './step-navigation';

/* eslint-disable svelte/no-navigation-without-resolve -- the questionnaire passes its resolved `path` plus ?step= */
export const kitNavigation: StepNavigation = {
	get step() {
		return page.state.step;
	},
	get addressNamesStep() {
		return page.url.searchParams.has('step');
	},
	push: (url, step) => pushState(url, { step }),
	replace: (url, step) => replaceState(url, { step }),
	onReady: (fn) => afterNavigate(fn),
	enhance: (form, { decide, afterSend }) =>
		enhance(form, ({ submitter, cancel }) => {
			if (decide(submitter?.getAttribute('value') ?? null) === 'handled') {
				cancel();
				return;
			}
			return async ({ update }) => {
				await update({ reset: false });
				afterSend();
			};
		})
};
