import { redirect } from '@sveltejs/kit';
import { PLAN_ITEM_STATUSES } from '$scoring/model/workspace';
import { isoDate } from '$scoring/present/format';
import { presentWorkspace, WORKSPACE_LABELS } from '$scoring/present/workspace';
import { signInEnabled } from '$lib/server/auth/config';
import { requireSignIn } from '$lib/server/auth/flow';
import {
	facilitatorToken,
	facilitatorTokens,
	forgetWorkspace,
	httpError,
	readForm,
	setWorkspaceCookie
} from '$lib/server/http';
import { accessOf, refused } from '$lib/server/workspaces/http';
import { getWorkspaces } from '$lib/server/workspaces/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, url, cookies, setHeaders } = event;
	const service = await getWorkspaces();
	// The private link carries the token once: keep it in the HttpOnly cookie and drop it from the address bar.
	const key = url.searchParams.get('key');
	if (key !== null) {
		try {
			await service.open(params.id, { token: key });
		} catch (e) {
			httpError(e);
		}
		setWorkspaceCookie(event, params.id, key);
		redirect(303, `/workspaces/${params.id}`);
	}
	setHeaders({ 'cache-control': 'no-store' });
	const access = accessOf(event, params.id);
	let found;
	try {
		found = await service.workspace(params.id, access);
	} catch (e) {
		httpError(e);
	}
	return {
		id: found.workspace.id,
		view: presentWorkspace({
			name: found.workspace.name,
			milestones: found.milestones,
			items: found.items,
			evidence: found.evidence,
			current: service.current,
			today: isoDate(new Date())
		}),
		statuses: PLAN_ITEM_STATUSES.map((id) => ({ id, label: WORKSPACE_LABELS.statuses[id] })),
		privateLink: found.viaLink ? `${url.origin}/workspaces/${found.workspace.id}?key=${access.token}` : null,
		signIn: signInEnabled() ? { role: found.role, members: found.members } : null,
		workshops: await service.closedWorkshops(facilitatorTokens(cookies, url))
	};
};

export const actions: Actions = {
	/** Sets a plan item's owner, due date, status and notes. */
	item: async (event) => {
		const form = await readForm(event.request);
		const values = {
			itemId: String(form.get('itemId') ?? ''),
			owner: String(form.get('owner') ?? ''),
			due: String(form.get('due') ?? ''),
			status: String(form.get('status') ?? ''),
			notes: String(form.get('notes') ?? ''),
			// Absent from an older form: the save then goes through as before.
			updatedAt: form.has('updatedAt') ? String(form.get('updatedAt')) : undefined
		};
		try {
			const item = await (
				await getWorkspaces()
			).updatePlanItem(event.params.id, accessOf(event, event.params.id), values);
			return { item: { id: item.id, saved: true } };
		} catch (e) {
			return refused(e, { itemId: values.itemId });
		}
	},

	/** Adds a closed workshop's team result (this browser must facilitate the workshop). */
	addWorkshop: async (event) => {
		const form = await readForm(event.request);
		const workshopId = String(form.get('workshopId') ?? '');
		const values = { workshopId, savedBy: String(form.get('savedBy') ?? '') };
		try {
			await (
				await getWorkspaces()
			).addWorkshopResult(
				event.params.id,
				accessOf(event, event.params.id),
				values,
				facilitatorToken(event.cookies, event.url, workshopId)
			);
		} catch (e) {
			return refused(e, { addWorkshop: true });
		}
		redirect(303, `/workspaces/${event.params.id}`);
	},

	/** Deletes the workspace, confirmed by its name, and forgets this browser's link to it. */
	delete: async (event) => {
		const form = await readForm(event.request);
		try {
			await (
				await getWorkspaces()
			).deleteWorkspace(event.params.id, accessOf(event, event.params.id), form.get('confirmName'));
		} catch (e) {
			return refused(e, { deleteFailed: true });
		}
		forgetWorkspace(event, event.params.id);
		redirect(303, '/workspaces?deleted=1');
	},

	/** A new private link; the old one opens nothing from now on, and this browser holds the new one. */
	replaceLink: async (event) => {
		const form = await readForm(event.request);
		let token: string;
		try {
			({ token } = await (
				await getWorkspaces()
			).replacePrivateLink(event.params.id, accessOf(event, event.params.id), form.get('confirm')));
		} catch (e) {
			return refused(e, { replaceFailed: true });
		}
		setWorkspaceCookie(event, event.params.id, token);
		return { linkReplaced: true };
	},

	/** A one-time co-owner link (sign-in on, for an account of the workspace), shown once. */
	invite: async (event) => {
		requireSignIn();
		try {
			const token = await (await getWorkspaces()).createInvite(event.params.id, event.locals.account);
			return { invite: `${event.url.origin}/workspaces/invite/${token}` };
		} catch (e) {
			return refused(e, { inviteFailed: true });
		}
	}
};
