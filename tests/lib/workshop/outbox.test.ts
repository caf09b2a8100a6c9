import { describe, expect, test } from 'vitest';
import { memoryStorage, outboxKey, pendingSubmission, queueSubmission, sendPending } from '$lib/workshop/outbox';

const CODE = 'ABC234';
const answers = { q1: 'a', q2: 'na' };

/** A fetch that answers every call with `status` and `body`, and records what it was sent. */
function server(status: number, body: unknown) {
	const calls: { url: string; body: unknown }[] = [];
	const fetcher = (async (url: string, init: RequestInit) => {
		calls.push({ url, body: JSON.parse(String(init.body)) });
		return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
	}) as unknown as typeof fetch;
	return { calls, fetcher };
}

describe('the offline outbox', () => {
	test('a queued submission survives a new page (same storage) and keeps its idempotency key', () => {
		const storage = memoryStorage();
		const queued = queueSubmission(storage, CODE, answers, () => 'key-0000001');
		expect(pendingSubmission(storage, CODE)).toEqual(queued);
		expect(pendingSubmission(storage, 'OTHER2')).toBeNull();
	});

	test('uses crypto.randomUUID by default, a fresh key per submission; the newer replaces the older', () => {
		const storage = memoryStorage();
		const first = queueSubmission(storage, CODE, answers);
		const second = queueSubmission(storage, CODE, { q1: 'b' });
		expect(first.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
		expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
		expect(pendingSubmission(storage, CODE)?.answers).toEqual({ q1: 'b' });
	});

	test('acknowledged (2xx with the stored response) → sent and cleared; the body carries answers and key', async () => {
		const storage = memoryStorage();
		queueSubmission(storage, CODE, answers, () => 'key-0000001');
		const { calls, fetcher } = server(201, { status: 'created', answers });
		expect(await sendPending(storage, CODE, '/w/ABC234/response', fetcher)).toEqual({
			state: 'sent',
			status: 'created'
		});
		expect(calls).toEqual([{ url: '/w/ABC234/response', body: { answers, idempotencyKey: 'key-0000001' } }]);
		expect(pendingSubmission(storage, CODE)).toBeNull();
	});

	test('offline (fetch throws), 5xx, 429 or a 2xx that is not the acknowledgement → kept for later', async () => {
		for (const fetcher of [
			(async () => {
				throw new TypeError('Failed to fetch');
			}) as unknown as typeof fetch,
			server(503, { message: 'busy' }).fetcher,
			server(429, { message: 'slow down' }).fetcher,
			server(200, '<html>captive portal</html>').fetcher
		]) {
			const storage = memoryStorage();
			queueSubmission(storage, CODE, answers, () => 'key-0000001');
			expect(await sendPending(storage, CODE, '/x', fetcher)).toEqual({ state: 'waiting' });
			expect(pendingSubmission(storage, CODE)?.idempotencyKey).toBe('key-0000001');
		}
	});

	test('refused for good (409 closed) → cleared, with the server’s message', async () => {
		const storage = memoryStorage();
		queueSubmission(storage, CODE, answers);
		const { fetcher } = server(409, { error: 'closed', message: 'This workshop is closed.' });
		expect(await sendPending(storage, CODE, '/x', fetcher)).toEqual({
			state: 'refused',
			message: 'This workshop is closed.'
		});
		expect(pendingSubmission(storage, CODE)).toBeNull();
	});

	test('a newer submission queued while the older was in flight stays queued', async () => {
		const storage = memoryStorage();
		queueSubmission(storage, CODE, answers, () => 'key-old-0001');
		const fetcher = (async () => {
			queueSubmission(storage, CODE, { q1: 'b' }, () => 'key-new-0001');
			return new Response(JSON.stringify({ status: 'created', answers }), { status: 201 });
		}) as unknown as typeof fetch;
		expect((await sendPending(storage, CODE, '/x', fetcher)).state).toBe('sent');
		expect(pendingSubmission(storage, CODE)?.idempotencyKey).toBe('key-new-0001');
	});

	test('nothing queued, or a corrupt entry → nothing sent', async () => {
		const storage = memoryStorage();
		const { calls, fetcher } = server(201, {});
		expect(await sendPending(storage, CODE, '/x', fetcher)).toEqual({ state: 'empty' });
		storage.setItem(outboxKey(CODE), '{"idempotencyKey":"k","answers":{"q1":7},"queuedAt":"x"}');
		expect(await sendPending(storage, CODE, '/x', fetcher)).toEqual({ state: 'empty' });
		storage.setItem(outboxKey(CODE), 'not json');
		expect(pendingSubmission(storage, CODE)).toBeNull();
		expect(calls).toHaveLength(0);
	});
});
