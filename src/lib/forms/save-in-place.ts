import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for a form saved in place (a plan item, a piece of evidence): what was typed stays in the form, and
 * focus returns to the button pressed, or to the summary of the `<details>` the page closed around it on success.
 * SvelteKit moves focus to the top of the page after a successful action, which leaves a keyboard user far from the
 * "Saved." the form announces and the next thing they meant to change.
 */
export const saveInPlace: SubmitFunction =
	({ submitter }) =>
	async ({ update }) => {
		await update({ reset: false });
		if (!(submitter instanceof HTMLElement)) return;
		const closed = submitter.closest('details:not([open])');
		(closed?.querySelector('summary') ?? submitter).focus();
	};
