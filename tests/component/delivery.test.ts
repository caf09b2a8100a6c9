/**
 * The participant's delivery of a submission (src/lib/workshop/outbox.svelte.ts) against a server that cannot be
 * reached or answers 503: the submission stays queued, and is retried on the next occasion (back online, the
 * interval) — never in a tight loop that a room of phones would turn into a flood on a struggling server.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Delivery } from '$lib/workshop/outbox.svelte';

const CODE = 'ABCD-2345';
let stop: () => void = () => {};

beforeEach(() => {
	localStorage.clear();
	vi.useFakeTimers();
});
afterEach(() => {
	stop();
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

test.each([
	['unreachable', () => Promise.reject(new TypeError('Failed to fetch'))],
	['503', () => Promise.resolve(new Response('{}', { status: 503 }))]
])('server %s: one attempt per occasion, the submission kept, sent when the server answers', async (_name, fail) => {
	// Past a few calls the fetch never settles: a retry loop then stops and fails the count instead of hanging.
	let calls = 0;
	const fetcher = vi.fn((): Promise<Response> => (++calls > 5 ? new Promise(() => {}) : fail()));
	vi.stubGlobal('fetch', fetcher);
	const delivery = new Delivery({ code: CODE, endpoint: '/w/x/response' });
	stop = delivery.start();
	delivery.submit({ gov_owner: 'named_owner' });
	await vi.advanceTimersByTimeAsync(1_000);
	expect(fetcher).toHaveBeenCalledTimes(1);
	expect(delivery.state.state).toBe('offline');

	// The next occasion: the interval retry.
	await vi.advanceTimersByTimeAsync(30_000);
	expect(fetcher).toHaveBeenCalledTimes(2);

	// Back online with a server that answers: sent, and the queue is empty.
	fetcher.mockImplementation((): Promise<Response> =>
		Promise.resolve(Response.json({ status: 'created', answers: { gov_owner: 'named_owner' } }))
	);
	window.dispatchEvent(new Event('online'));
	await vi.advanceTimersByTimeAsync(1_000);
	expect(fetcher).toHaveBeenCalledTimes(3);
	expect(delivery.state.state).toBe('sent');
	await vi.advanceTimersByTimeAsync(60_000);
	expect(fetcher).toHaveBeenCalledTimes(3);
});
