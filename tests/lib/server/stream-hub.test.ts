import { EventEmitter } from 'node:events';
import { expect, test } from 'vitest';
import { createStreamHub, type LiveNotifier } from '$lib/server/live';

/** An in-process notifier, as on PGlite. */
function localNotifier(): LiveNotifier {
	const emitter = new EventEmitter();
	emitter.setMaxListeners(0);
	return {
		mode: 'local',
		publish: (id) => void emitter.emit(id),
		subscribe: (id, listener) => {
			emitter.on(id, listener);
			return () => void emitter.off(id, listener);
		},
		close: async () => {}
	};
}

async function read(res: Response, events: string[]) {
	const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
	for (;;) {
		const { value, done } = await reader.read();
		if (done) return;
		for (const block of value.split('\n\n')) if (block.startsWith('event: summary')) events.push(block);
	}
}

test('one computation per change, sent to every stream of the workshop; none for other workshops', async () => {
	const live = localNotifier();
	const computed: string[] = [];
	let n = 0;
	const hub = createStreamHub(live, {
		event: 'summary',
		compute: async (id) => {
			computed.push(id);
			return { id, n: ++n };
		},
		limits: { perWorkshop: 50, perAddress: 50 },
		coalesceMs: 20
	});
	const controllers = Array.from({ length: 25 }, () => new AbortController());
	const received = controllers.map(() => [] as string[]);
	const reading = controllers.map((c, i) => read(hub.open('w1', `10.0.0.${i % 2}`, c.signal), received[i]!));
	await new Promise((r) => setTimeout(r, 60));
	expect(computed).toEqual(['w1']); // the state on connect, once for all 25
	// A burst of 10 changes is one computation, sent to all.
	for (let i = 0; i < 10; i++) live.publish('w1');
	live.publish('w2');
	await new Promise((r) => setTimeout(r, 80));
	expect(computed).toEqual(['w1', 'w1']);
	for (const events of received) {
		expect(events).toHaveLength(2);
		expect(events[1]).toContain('"n":2');
	}
	expect(hub.count('w1')).toBe(25);
	for (const c of controllers) c.abort();
	await Promise.all(reading);
	expect(hub.count('w1')).toBe(0);
	live.publish('w1');
	await new Promise((r) => setTimeout(r, 40));
	expect(computed).toHaveLength(2); // nobody listening: nothing computed
});

test('over a cap the stream is refused with 429 and Retry-After, and a closed stream frees its place', async () => {
	const hub = createStreamHub(localNotifier(), {
		event: 'summary',
		compute: async () => ({}),
		limits: { perWorkshop: 2, perAddress: 3 }
	});
	const c = [new AbortController(), new AbortController(), new AbortController()];
	expect(hub.open('a', 'x', c[0]!.signal).status).toBe(200);
	expect(hub.open('a', 'x', c[1]!.signal).status).toBe(200);
	const overWorkshop = hub.open('a', 'y', new AbortController().signal);
	expect(overWorkshop.status).toBe(429);
	expect(overWorkshop.headers.get('retry-after')).toBe('30');
	expect(hub.open('b', 'x', c[2]!.signal).status).toBe(200);
	expect(hub.open('c', 'x', new AbortController().signal).status).toBe(429);
	c[0]!.abort();
	expect(hub.open('a', 'x', new AbortController().signal).status).toBe(200);
});

test('with `clock`, a stream sends the server’s time when it opens (before the state) and as its heartbeat', async () => {
	const hub = createStreamHub(localNotifier(), {
		event: 'room',
		compute: async () => ({ timer: { endsAt: 1 } }),
		limits: { perWorkshop: 5, perAddress: 5 },
		heartbeatMs: 50,
		clock: true
	});
	const controller = new AbortController();
	const before = Date.now();
	const reader = hub.open('w', 'x', controller.signal).body!.pipeThrough(new TextDecoderStream()).getReader();
	let text = '';
	while ((text.match(/event: clock/g) ?? []).length < 2) text += (await reader.read()).value ?? '';
	controller.abort();
	const blocks = text.split('\n\n').filter((b) => b.startsWith('event:'));
	expect(blocks[0]).toMatch(/^event: clock\ndata: \{"now":\d+\}$/);
	expect(blocks[1]).toMatch(/^event: room\n/);
	expect(blocks.at(-1)).toMatch(/^event: clock\n/);
	const now = (JSON.parse(blocks[0]!.split('data: ')[1]!) as { now: number }).now;
	expect(now).toBeGreaterThanOrEqual(before);
	expect(now).toBeLessThanOrEqual(Date.now());
	// Without it, the heartbeat is a comment and no clock is sent.
	const plain = createStreamHub(localNotifier(), {
		event: 'summary',
		compute: async () => ({}),
		limits: { perWorkshop: 5, perAddress: 5 },
		heartbeatMs: 50
	});
	const c2 = new AbortController();
	const r2 = plain.open('w', 'x', c2.signal).body!.pipeThrough(new TextDecoderStream()).getReader();
	let t2 = '';
	while (!t2.includes(': ping')) t2 += (await r2.read()).value ?? '';
	c2.abort();
	expect(t2).not.toContain('event: clock');
});
