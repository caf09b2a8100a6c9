/** Why a workspace operation was refused, and the sentences a refusal says. */
import type { z } from 'zod';
import { WORKSPACE_LABELS } from '$scoring/present/workspace-labels';

/** Why a workspace operation was refused; `status` is the HTTP status a route answers with. */
export class WorkspaceError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409 | 410,
		readonly reason:
			'invalid' | 'forbidden' | 'not_found' | 'gone' | 'full' | 'not_closed' | 'too_few' | 'duplicate' | 'conflict',
		message: string
	) {
		super(message);
		this.name = 'WorkspaceError';
	}
}

/** A 400 listing every message of a failed form parse. */
export function invalid(error: z.ZodError): WorkspaceError {
	return new WorkspaceError(400, 'invalid', error.issues.map((i) => i.message).join('; '));
}

export const NOT_FOUND = 'No workspace at this address. Check that you copied the whole link.';
export const NOT_MEMBER =
	'This browser cannot open this workspace: open it with its private link, or sign in with an account it belongs to.';
export const DELETE_NOT_CONFIRMED = 'To delete this workspace, type its name exactly as shown. Nothing was deleted.';
export const REPLACE_NOT_CONFIRMED = `To replace the private link, confirm it with “${WORKSPACE_LABELS.replaceLinkButton}”. Nothing was changed.`;
export const NO_MILESTONE = 'This workspace has no milestone with that number.';
/** A save over someone else's later save of the same plan item. */
export function itemChanged(savedAt: Date): string {
	return `Someone saved this item at ${savedAt.toISOString().slice(11, 16)} UTC, after this page was opened, so your change was not saved: it would have overwritten theirs. What you typed is still in the form: reload the page to see their change, then save yours again.`;
}
export const NO_ITEM = 'This workspace has no such plan item: reload the page and try again.';
export const SIGN_IN_TO_CREATE = 'Sign in to create a workspace: with sign-in on, a workspace belongs to accounts.';
export const INVITE_UNKNOWN = 'This co-owner link is not valid. Check that you copied all of it.';
export const INVITE_GONE = 'This co-owner link has already been used or has expired. Ask an owner for a new one.';
export const NOT_AN_OWNER = 'Only an account this workspace belongs to can invite a co-owner: sign in with it first.';
