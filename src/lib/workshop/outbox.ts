/**
 * A participant's workshop submission, kept in the browser until the server acknowledges it: made while offline
 * (or when the request fails on the way), it waits in localStorage under an idempotency key and is sent again when
 * the browser is back online or the page is next opened. Only the latest submission is kept — it is the answer the
 * participant means — and it is removed only after a 2xx that returns the stored response. Resending the same key
 * is harmless: the server stores one response per participant and treats a repeated key as a retry.
 */
import type { Answers } from '$scoring/schema';
import type { ProgressStorage } from '$lib/assess/progress';

/** A submission waiting for the server. */
export interface PendingSubmission {
	idempotencyKey: string;
	answers: Answers;
	queuedAt: string;
}

/** What a send attempt came to. */
export type SendOutcome =
	/** The server stored it (or had already): removed from the queue. */
	| { state: 'sent'; status: 'created' | 'updated' | 'unchanged' }
	/** No network, or the server could not answer now: kept, to be sent later. */
	| { state: 'waiting' }
	/** The server refused it for good (closed workshop, invalid answers): removed, with the server's message. */
	| { state: 'refused'; message: string }
	/** Nothing was queued. */
	| { state: 'empty' };

/** The localStorage key of a workshop's queued submission. */
export function outboxKey(workshopCode: string): string {
	return `ai-readiness:workshop-outbox:${workshopCode}`;
}

/** A storage that lasts as long as the page: the queue's fallback when the browser refuses localStorage. */
export function memoryStorage(): ProgressStorage {
	const items = new Map<string, string>();
	return {
		getItem: (k) => items.get(k) ?? null,
		setItem: (k, v) => void items.set(k, v),
		removeItem: (k) => void items.delete(k)
	};
}

/** Queues `answers` under a fresh idempotency key, replacing any older queued submission. Throws if storage does. */
export function queueSubmission(
	storage: ProgressStorage,
	workshopCode: string,
	answers: Answers,
	newKey: () => string = () => crypto.randomUUID(),
	now: Date = new Date()
): PendingSubmission {
	const pending: PendingSubmission = { idempotencyKey: newKey(), answers, queuedAt: now.toISOString() };
	storage.setItem(outboxKey(workshopCode), JSON.stringify(pending));
	return pending;
}

/** The queued submission, or null (nothing queued, or an entry that is not one). */
export function pendingSubmission(storage: ProgressStorage, workshopCode: string): PendingSubmission | null {
	try {
		const raw: unknown = JSON.parse(storage.getItem(outboxKey(workshopCode)) ?? 'null');
		if (typeof raw !== 'object' || raw === null) return null;
		const { idempotencyKey, answers, queuedAt } = raw as Record<string, unknown>;
		if (typeof idempotencyKey !== 'string' || typeof queuedAt !== 'string') return null;
		if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return null;
		if (!Object.values(answers).every((v) => typeof v === 'string')) return null;
		return { idempotencyKey, answers: answers as Answers, queuedAt };
	} catch {
		return null;
	}
}

/** Statuses that mean "try again later" rather than "this submission will never be accepted". */
const RETRYABLE = new Set([408, 425, 429]);

function dropIfStill(storage: ProgressStorage, workshopCode: string, key: string) {
	// A newer submission queued while this one was in flight stays queued.
	if (pendingSubmission(storage, workshopCode)?.idempotencyKey === key) storage.removeItem(outboxKey(workshopCode));
}

/**
 * Sends the queued submission to `endpoint` (the workshop's JSON response endpoint) and settles the queue by the
 * answer: acknowledged → removed; refused (4xx) → removed with the message; offline, 5xx or an answer that is not
 * the acknowledgement → kept.
 */
export async function sendPending(
	storage: ProgressStorage,
	workshopCode: string,
	endpoint: string,
	fetcher: typeof fetch = fetch
): Promise<SendOutcome> {
	const pending = pendingSubmission(storage, workshopCode);
	if (!pending) return { state: 'empty' };
	let response: Response;
	try {
		response = await fetcher(endpoint, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ answers: pending.answers, idempotencyKey: pending.idempotencyKey })
		});
	} catch {
		return { state: 'waiting' };
	}
	const body: unknown = await response.json().catch(() => null);
	const reply = (body ?? {}) as { status?: unknown; answers?: unknown; message?: unknown };
	if (response.ok) {
		const status = reply.status;
		if ((status === 'created' || status === 'updated' || status === 'unchanged') && typeof reply.answers === 'object') {
			dropIfStill(storage, workshopCode, pending.idempotencyKey);
			return { state: 'sent', status };
		}
		return { state: 'waiting' };
	}
	if (response.status >= 400 && response.status < 500 && !RETRYABLE.has(response.status)) {
		dropIfStill(storage, workshopCode, pending.idempotencyKey);
		const message =
			typeof reply.message === 'string' ? reply.message : `The server refused the answers (${response.status}).`;
		return { state: 'refused', message };
	}
	return { state: 'waiting' };
}
