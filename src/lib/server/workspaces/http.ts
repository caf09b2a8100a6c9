/**
 * What every workspace route needs from a request: who is asking (the private-link token this browser holds for the
 * workspace, and the signed-in account), the refusals as HTTP answers, and the rate limits on saving.
 */
import { fail, type Cookies } from '@sveltejs/kit';
import type { RateLimitOptions } from '../rate-limit';
import { workspaceToken } from '../http';
import type { SignedIn } from '../auth/accounts';
import { WorkspaceError } from './errors';
import type { WorkspaceAccess } from './service';

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
