import { error, redirect } from '@sveltejs/kit';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { CURRENT_BANK } from '$scoring/content/banks';
import { carryAnswers } from '$scoring/content/migrate';
import { presentResult, questionText } from '$scoring/present/result';
import { ResultCodeError, scoreCode } from '$scoring/model/result-code';
import { isCurrent } from '$scoring/model';
import { signInEnabled } from '$lib/server/auth/config';
import { readForm, setWorkspaceCookie, workspaceTokens } from '$lib/server/http';
import { enforceRateLimit } from '$lib/server/rate-limit';
import { accessOf, refused, WORKSPACE_CREATION, WORKSPACE_SAVES } from '$lib/server/workspaces/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import { lensOfCode } from '$lib/server/lenses/service';
import type { Actions, PageServerLoad } from './$types';

/**
 * A result, rendered on the server from the answer code alone: the URL is the shareable result, nothing is stored.
 * Every sentence comes from the presentation model (`scoring/present`), so the page, the PDF and the CSV agree.
 */
/**
 * Without SvelteKit's client: the page is server-rendered HTML, and its script hydrates only the parts that need the
 * browser (`src/lib/results/islands.ts`), so a phone paints the result before any script and runs little after.
 */
export const csr = false;

export const load: PageServerLoad = async ({ params, url, cookies, locals }) => {
	let scored: ReturnType<typeof scoreCode>;
	try {
		scored = scoreCode(params.code);
	} catch (e) {
		if (e instanceof ResultCodeError) error(400, { error: 'invalid', message: e.message });
		throw e;
	}
	const { bank, answers } = scored;
	const view = presentResult({ ...scored, current: CURRENT_BANK });
	// A lens's findings stand beside the survey result; the result above never reads them.
	let lens: ReturnType<typeof lensOfCode>;
	try {
		lens = lensOfCode(scored.lens);
	} catch (e) {
		if (e instanceof ResultCodeError) error(400, { error: 'invalid', message: e.message });
		throw e;
	}
	// A result on a retired bank offers a retake on the current one, starting from the answers that still hold.
	const carried = view.retired ? carryAnswers(bank, answers, CURRENT_BANK) : null;
	return {
		code: params.code,
		url: `${url.origin}/results/${params.code}`,
		view,
		lens:
			lens && 'missing' in lens
				? { view: null, missing: lens.missing }
				: lens
					? { view: lens.view, missing: null }
					: null,
		// OSCAL exports exist for results of the current model (bank 3.0.0): practice findings and a plan.
		oscal: isCurrent(scored.result),
		save: await saveOptions(url, cookies, locals.account),
		// A signed-in consultant can load their client portfolio as the custom benchmark (GET /portfolio/benchmark.csv).
		portfolioBenchmark: locals.account !== null,
		retake: carried
			? {
					code: encodeAnswerCode(CURRENT_BANK, carried.answers),
					carried: carried.carried.length,
					notCarried: carried.notCarried.map((n) => questionText(bank, n.questionId))
				}
			: null
	};
};

/**
 * What "Save to a workspace" offers: the workspaces this browser holds a private link for and those of the signed-in
 * account (nothing is looked up for a browser that holds none and no account), and whether a new one needs sign-in.
 */
async function saveOptions(
	url: URL,
	cookies: Parameters<PageServerLoad>[0]['cookies'],
	account: App.Locals['account']
) {
	const tokens = workspaceTokens(cookies, url);
	const lists = tokens.size || account ? await (await getWorkspaces()).list(tokens, account) : null;
	const seen = new Set<string>();
	const workspaces = [...(lists?.browser ?? []), ...(lists?.account ?? [])]
		.filter((w) => !seen.has(w.id) && seen.add(w.id))
		.map((w) => ({ id: w.id, name: w.name }));
	return { workspaces, needsSignIn: signInEnabled() && !account, returnTo: url.pathname };
}

export const actions: Actions = {
	/** Saves this result to a workspace: the answers leave the browser here, and only here. */
	save: async (event) => {
		enforceRateLimit(event, 'save-workspace', WORKSPACE_SAVES);
		const form = await readForm(event.request);
		const values = {
			target: String(form.get('target') ?? ''),
			name: String(form.get('name') ?? ''),
			savedBy: String(form.get('savedBy') ?? '')
		};
		if (values.target === 'new') enforceRateLimit(event, 'create-workspace', WORKSPACE_CREATION);
		let saved;
		try {
			saved = await (
				await getWorkspaces()
			).saveResult(
				event.params.code,
				values,
				values.target === 'new' ? { account: event.locals.account } : accessOf(event, values.target)
			);
		} catch (e) {
			return refused(e, { save: { values } });
		}
		if (saved.token) setWorkspaceCookie(event, saved.workspaceId, saved.token);
		redirect(303, `/workspaces/${saved.workspaceId}`);
	}
};
