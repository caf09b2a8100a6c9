import { fail, redirect } from '@sveltejs/kit';
import { CURRENT_BANK } from '$scoring/content/banks';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { readForm } from '$lib/server/http';
import { questionnairePage, readStepForm, reviewAddress, stepAddress } from '$lib/server/questionnaire';
import { getLenses } from '$lib/server/lenses/service';
import type { Actions, PageServerLoad } from './$types';

/**
 * The questionnaire. Without JavaScript every step is a server-rendered page and the answers so far travel in the
 * URL as an answer code (`/assess?step=2&code=…`); with JavaScript the page navigates between steps itself and
 * autosaves to localStorage, and only "See results" reaches the action below. A lens link (`/assess?lens=<id>`)
 * adds the lens's questions after the survey's; the code then carries the lens and its answers (docs/lenses.md).
 */
/**
 * Without SvelteKit's client: the page's one script is `src/lib/assess/island.ts`, which hydrates the questionnaire
 * alone. Its first load is then Svelte's runtime and the questionnaire, without the router (`npm run bench:bundle`).
 */
export const csr = false;

export const load: PageServerLoad = ({ url }) => ({
	...questionnairePage(url, CURRENT_BANK, {}, { lenses: getLenses() }),
	reviewing: url.searchParams.get('review') === '1'
});

export const actions: Actions = {
	default: async ({ request }) => {
		const form = readStepForm(await readForm(request), 'results', { lenses: getLenses() });
		if ('message' in form) return fail(400, { message: form.message });
		if (form.go === 'results') {
			// Unanswered questions and broken prerequisites are shown once before the result, with a way back to each.
			const review = reviewAddress('/assess', form);
			if (review) redirect(303, review);
			redirect(303, `/results/${encodeAnswerCode(form.bank, form.answers, form.lens)}`);
		}
		redirect(303, stepAddress('/assess', form));
	}
};
