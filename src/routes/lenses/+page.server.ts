import { redirect } from '@sveltejs/kit';
import { MAX_LENS_ALIASES, MAX_LENS_CHARS } from '$scoring/lens/parse';
import { readForm } from '$lib/server/http';
import { lensAccount, lensRefusal, uploadedFile } from '$lib/server/lenses/http';
import { getLensUploads, MAX_UPLOADED_LENS_QUESTIONS } from '$lib/server/lenses/uploads';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in account's lenses (drafts and published versions) and the upload form. */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	const account = lensAccount(locals, '/lenses');
	setHeaders({ 'cache-control': 'no-store' });
	const lenses = await (await getLensUploads()).list(account.accountId);
	return {
		lenses: lenses.map((l) => ({
			id: l.id,
			lensId: l.lensId,
			version: l.version,
			title: l.title,
			status: l.status,
			updatedAt: (l.publishedAt ?? l.updatedAt).toISOString()
		})),
		limits: { kb: MAX_LENS_CHARS / 1024, aliases: MAX_LENS_ALIASES, questions: MAX_UPLOADED_LENS_QUESTIONS }
	};
};

export const actions: Actions = {
	/** A YAML or JSON lens file: saved as a draft (or replacing this account's draft of the same id and version). */
	upload: async ({ locals, request }) => {
		const account = lensAccount(locals, '/lenses');
		let saved;
		try {
			saved = await (await getLensUploads()).upload(account.accountId, await uploadedFile(await readForm(request)));
		} catch (e) {
			return lensRefusal(e);
		}
		redirect(303, `/lenses/${saved.id}?done=${saved.replaced ? 'replaced' : 'saved'}`);
	}
};
