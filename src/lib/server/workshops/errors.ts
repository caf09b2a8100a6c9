/** Why a workshop operation was refused, and the sentences a refusal says. */
import type { z } from 'zod';
import type { WorkshopRefusal } from '$lib/error-body';

/** Why a workshop operation was refused; `status` is the HTTP status a route answers with. */
export class WorkshopError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		readonly reason: WorkshopRefusal,
		message: string
	) {
		super(message);
		this.name = 'WorkshopError';
	}
}

/** A 400 listing every message of a failed form or body parse. */
export function invalid(error: z.ZodError): WorkshopError {
	return new WorkshopError(400, 'invalid', error.issues.map((i) => i.message).join('; '));
}

export const NOT_FOUND = 'No workshop with this code or link. Check the code with your facilitator.';
export const CLOSED = 'This workshop is closed: the facilitator is no longer accepting answers.';
export const VOTE_CLOSED =
	'The vote on this topic has closed: your answers did not arrive before the facilitator revealed the votes. Wait for the next vote.';
export const TIME_UP =
	'The time for this vote is up: your answers arrived after the timer reached zero. Wait for the next vote.';
export const NOT_FACILITATED = 'This is a self-paced workshop: it has no votes to open or reveal.';
export const NOT_FACILITATOR = 'This facilitator link or key is not valid for this workshop.';
export const JOIN_FIRST = 'Join this workshop first: open its link or type its code.';
/** Shown when the facilitator's own browser tries to take part. */
export const FACILITATOR_CANNOT_JOIN =
	'This browser runs this workshop as its facilitator, so it cannot also take part: a facilitator’s answers would ' +
	'let them single out someone else’s. To answer yourself, join from another device or browser.';
