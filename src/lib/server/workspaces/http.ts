/**
 * What every workspace route needs from a request: who is asking (the private-link token this browser holds for the
 * workspace, and the signed-in account), the refusals as HTTP answers, and the rate limits on saving.
 */
import { fail, type Cookies } from '@sveltejs/kit';
import type { RateLimitOptions } from '../rate-limit';
import { httpError, workspaceToken } from '../http';
import type { SignedIn } from '../auth/accounts';
import { WorkspaceError } from './errors';
import { getWorkspaces, type WorkspaceAccess } from './service';

/** Results saved to workspaces, per address: a team re-assessing saves a handful; a script saving thousands is refused. */
export const WORKSPACE_SAVES: RateLimitOptions = { limit: 60, windowMs: 60 * 60_000 };
/** New workspaces per address (as new workshops). */
export const WORKSPACE_CREATION: RateLimitOptions = { limit: 20, windowMs: 60 * 60_000 };

/** The access a request to workspace `id` carries. */
export function accessOf(
	event: { cookies: Cookies; url: URL; locals: { account: SignedIn | null } },
	id: string
): WorkspaceAccess {
	return { token: workspaceToken(event.cookies, event.url, id) ?? null, account: event.locals.account };
}

/** A form action's refusal: the status with its message for the form; anything else is rethrown. */
export function refused<T extends Record<string, unknown>>(e: unknown, extra: T = {} as T) {
	if (e instanceof WorkspaceError) return fail(e.status, { message: e.message, ...extra });
	throw e;
}

type WorkspaceRequest = {
	params: { id: string };
	cookies: Cookies;
	url: URL;
	locals: { account: SignedIn | null };
};

/** A download's milestone (`/workspaces/<id>/milestones/<seq>/…`) if the request may open it; else 403/404 as thrown. */
export async function milestoneOfRequest(event: WorkspaceRequest & { params: { seq: string } }) {
	try {
		return await (
			await getWorkspaces()
		).milestone(event.params.id, Number(event.params.seq), accessOf(event, event.params.id));
	} catch (e) {
		httpError(e);
	}
}

/** A plan download's tracked plan (`/workspaces/<id>/plan.…`) if the request may open it; else 403/404 as thrown. */
export async function planOfRequest(event: WorkspaceRequest) {
	try {
		return await (await getWorkspaces()).planExport(event.params.id, accessOf(event, event.params.id));
	} catch (e) {
		httpError(e);
	}
}
