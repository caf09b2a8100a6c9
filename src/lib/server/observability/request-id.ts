import { randomUUID } from 'node:crypto';

/**
 * What an incoming `X-Request-Id` may look like to be kept: the ids proxies and tracers send (UUIDs, hex trace ids,
 * `Root=1-…` style), at most 128 characters of letters, digits and `._:=+/-`. Anything else — empty, too long,
 * spaces, quotes, control characters — is replaced, so a client cannot write arbitrary text into the log.
 */
const ACCEPTABLE = /^[A-Za-z0-9._:=+/-]{1,128}$/;

/** The request id to log and return: the incoming `X-Request-Id` when acceptable, else a fresh random UUID. */
export function requestId(incoming: string | null | undefined): string {
	const id = incoming?.trim();
	return id && ACCEPTABLE.test(id) ? id : randomUUID();
}
