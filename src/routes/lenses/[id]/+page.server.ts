import { redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http';
import { lensAccount, lensPageError, lensRefusal, uploadedFile } from '$lib/server/lenses/http';
import { getLensUploads } from '$lib/server/lenses/uploads';
import type { Actions, PageServerLoad } from './$types';

/** What the page was redirected after (`?done=`), for its one-line confirmation. */
const DONE = ['saved', 'replaced', 'published'] as const;

/** One of the account's lenses: a draft (replace, publish) or a published version (its lens link). */
export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	const account = lensAccount(locals, `/lenses/${params.id}`);
	setHeaders({ 'cache-control': 'no-store' });
	let lens;
	try {
		lens = await (await getLensUploads()).get(account.accountId, params.id);
	} catch (e) {
		lensPageError(e);
	}
	const done = DONE.find((d) => d === url.searchParams.get('done')) ?? null;
	return {
		lens: {
			...lens,
			createdAt: lens.createdAt.toISOString(),
			updatedAt: lens.updatedAt.toISOString(),
			publishedAt: lens.publishedAt?.toISOString() ?? null
		},
		link: lens.status === 'published' ? `${url.origin}/assess?lens=${lens.lensId}@${lens.version}` : null,
		done
	};
};

export const actions: Actions = {
	/** A new file of the same lens id and version replaces the draft. */
	replace: async ({ locals, params, request }) => {
		const account = lensAccount(locals, `/lenses/${params.id}`);
		try {
			await (await getLensUploads()).replace(account.accountId, params.id, await uploadedFile(await readForm(request)));
		} catch (e) {
			return lensRefusal(e);
		}
		redirect(303, `/lenses/${params.id}?done=replaced`);
	},

	/** Publishes the draft: it never changes again, and its lens link works. */
	publish: async ({ locals, params }) => {
		const account = lensAccount(locals, `/lenses/${params.id}`);
		try {
			await (await getLensUploads()).publish(account.accountId, params.id);
		} catch (e) {
			return lensRefusal(e);
		}
		redirect(303, `/lenses/${params.id}?done=published`);
	}
};
