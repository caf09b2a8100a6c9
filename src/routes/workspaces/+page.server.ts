import { isoDate } from '$scoring/present/format';
import { WORKSPACE_LABELS } from '$scoring/present/workspace';
import { signInEnabled } from '$lib/server/auth/config';
import { workspaceTokens } from '$lib/server/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import type { PageServerLoad } from './$types';

/** The workspaces this browser holds a private link for, and (sign-in on) the signed-in account's. */
export const load: PageServerLoad = async ({ cookies, url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const lists = await (await getWorkspaces()).list(workspaceTokens(cookies, url), locals.account);
	const shown = (list: typeof lists.browser) =>
		list.map((w) => ({
			id: w.id,
			name: w.name,
			facts: `${WORKSPACE_LABELS.milestoneCount(w.milestones)}${w.latestAt ? `, the latest on ${isoDate(w.latestAt)}` : ''}.`
		}));
	return {
		deleted: url.searchParams.get('deleted') === '1',
		browser: shown(lists.browser),
		account: signInEnabled() && locals.account ? shown(lists.account) : null
	};
};
