import { isHttpError } from '@sveltejs/kit';
import { describe, expect, test } from 'vitest';
import {
	RateLimiter,
	addressKey,
	clientKey,
	enforceRateLimit,
	limitGuessing,
	scaled,
	sharedRateLimiter
} from '$lib/server/rate-limit';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
	test('lets `limit` requests through per window, then refuses with the seconds until a slot frees', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ now: clock.now });
		const options = { limit: 3, windowMs: 60_000 };
		expect(limiter.check('join:1.2.3.4', options)).toEqual({ allowed: true, remaining: 2 });
		clock.advance(10_000);
		expect(limiter.check('join:1.2.3.4', options)).toEqual({ allowed: true, remaining: 1 });
		expect(limiter.check('join:1.2.3.4', options)).toEqual({ allowed: true, remaining: 0 });
		// The first hit (t = 0) leaves the window at t = 60 s; we are at t = 10 s.
		expect(limiter.check('join:1.2.3.4', options)).toEqual({ allowed: false, retryAfterSeconds: 50 });
		clock.advance(49_000);
		expect(limiter.check('join:1.2.3.4', options)).toEqual({ allowed: false, retryAfterSeconds: 1 });
		clock.advance(1_000);
		expect(limiter.check('join:1.2.3.4', options)).toEqual({ allowed: true, remaining: 0 });
	});

	test('the window slides: no burst of 2 × limit across a window boundary', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ now: clock.now });
		const options = { limit: 5, windowMs: 10_000 };
		clock.advance(9_000);
		for (let i = 0; i < 5; i++) expect(limiter.check('k', options).allowed).toBe(true);
		clock.advance(2_000); // a fixed window would have reset here
		expect(limiter.check('k', options).allowed).toBe(false);
		clock.advance(8_000); // now 10 s after the five hits
		expect(limiter.check('k', options).allowed).toBe(true);
	});

	test('refused attempts are not counted, so hammering does not push the retry time back', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ now: clock.now });
		const options = { limit: 2, windowMs: 30_000 };
		limiter.check('k', options);
		limiter.check('k', options);
		for (let i = 0; i < 100; i++) {
			clock.advance(100);
			expect(limiter.check('k', options).allowed).toBe(false);
		}
		// Both counted hits (t = 0) leave the window at t = 30 s, however many refusals came since.
		clock.advance(30_000 - 100 * 100 - 1);
		expect(limiter.check('k', options)).toEqual({ allowed: false, retryAfterSeconds: 1 });
		clock.advance(1);
		expect(limiter.check('k', options)).toEqual({ allowed: true, remaining: 1 });
	});

	test('keys are independent', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ now: clock.now });
		const options = { limit: 1, windowMs: 60_000 };
		expect(limiter.check('join:1.1.1.1', options).allowed).toBe(true);
		expect(limiter.check('join:1.1.1.1', options).allowed).toBe(false);
		expect(limiter.check('join:2.2.2.2', options).allowed).toBe(true);
		expect(limiter.check('create:1.1.1.1', options).allowed).toBe(true);
	});

	test('memory is bounded: expired keys are swept, and past maxKeys the least recently seen goes', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({ now: clock.now, maxKeys: 3 });
		const options = { limit: 1, windowMs: 5_000 };
		for (const key of ['a', 'b', 'c']) limiter.check(key, options);
		limiter.check('a', options); // refused, but 'a' is now the most recently seen
		limiter.check('d', options);
		expect(limiter.size).toBe(3);
		expect(limiter.check('a', options).allowed).toBe(false); // still remembered
		expect(limiter.check('b', options).allowed).toBe(true); // 'b' was evicted
		clock.advance(6_000);
		limiter.check('e', options);
		expect(limiter.size).toBe(1);
	});

	test('refuses nonsense limits loudly', () => {
		const limiter = new RateLimiter();
		expect(() => limiter.check('k', { limit: 0, windowMs: 1000 })).toThrow(RangeError);
		expect(() => limiter.check('k', { limit: 1.5, windowMs: 1000 })).toThrow(RangeError);
		expect(() => limiter.check('k', { limit: 1, windowMs: 0 })).toThrow(RangeError);
	});
});

describe('addressKey', () => {
	test('IPv4 and IPv4-mapped IPv6 are the same client', () => {
		expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
	});

	test('IPv6 addresses in one /64 share a key; other /64s do not', () => {
		const key = addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
		expect(key).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:0db8:0001:0002::1')).toBe(key);
		expect(addressKey('2001:db8:1:2::ffff%eth0')).toBe(key);
		expect(addressKey('2001:db8:1:3::1')).not.toBe(key);
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
		expect(addressKey('fe80::1')).toBe('fe80:0:0:0::/64');
	});
});

describe('enforceRateLimit', () => {
	test('passes under the limit, then throws a 429 error with Retry-After set', () => {
		sharedRateLimiter.clear();
		const headers: Record<string, string> = {};
		const event = {
			getClientAddress: () => '198.51.100.9',
			setHeaders: (h: Record<string, string>) => Object.assign(headers, h)
		};
		const options = { limit: 2, windowMs: 60_000 };
		enforceRateLimit(event, 'create-workshop', options);
		enforceRateLimit(event, 'create-workshop', options);
		let thrown: unknown;
		try {
			enforceRateLimit(event, 'create-workshop', options);
		} catch (e) {
			thrown = e;
		}
		expect(isHttpError(thrown, 429)).toBe(true);
		expect(isHttpError(thrown) && thrown.body.message).toMatch(/Too many attempts\. Please wait \d+ seconds/);
		expect(Number(headers['retry-after'])).toBeGreaterThanOrEqual(59);
		expect(Number(headers['retry-after'])).toBeLessThanOrEqual(60);
		// Another client, or the same client in another scope, is unaffected.
		expect(() =>
			enforceRateLimit({ ...event, getClientAddress: () => '198.51.100.10' }, 'create-workshop', options)
		).not.toThrow();
		expect(() => enforceRateLimit(event, 'join', options)).not.toThrow();
		sharedRateLimiter.clear();
	});

	test('the key is the socket address, scoped', () => {
		expect(clientKey({ getClientAddress: () => '::ffff:10.0.0.1' }, 'join')).toBe('join:10.0.0.1');
	});
});

describe('limitGuessing', () => {
	const options = { limit: 3, windowMs: 60_000 };
	function client(address: string) {
		const headers: Record<string, string> = {};
		return {
			headers,
			event: { getClientAddress: () => address, setHeaders: (h: Record<string, string>) => Object.assign(headers, h) }
		};
	}

	test('hits never count: a whole office behind one address can look up a real code', async () => {
		sharedRateLimiter.clear();
		const { event } = client('203.0.113.1');
		for (let i = 0; i < 50; i++)
			expect(await limitGuessing(event, 'join-code', options, async () => 'found')).toBe('found');
		sharedRateLimiter.clear();
	});

	test('after `limit` misses the client is refused before the lookup runs, so a right guess looks like a wrong one', async () => {
		sharedRateLimiter.clear();
		const { event, headers } = client('203.0.113.2');
		for (let i = 0; i < 3; i++) expect(await limitGuessing(event, 'join-code', options, async () => null)).toBeNull();
		let looked = false;
		const attempt = limitGuessing(event, 'join-code', options, async () => {
			looked = true;
			return 'found';
		});
		await expect(attempt).rejects.toSatisfy((e) => isHttpError(e, 429));
		expect(looked).toBe(false);
		expect(Number(headers['retry-after'])).toBeGreaterThan(0);
		// Another address is not affected.
		expect(await limitGuessing(client('203.0.113.3').event, 'join-code', options, async () => 'found')).toBe('found');
		sharedRateLimiter.clear();
	});

	test('a guess is counted before its lookup: a concurrent burst of guesses gets `limit` lookups, no more', async () => {
		sharedRateLimiter.clear();
		const { event } = client('203.0.113.4');
		let lookups = 0;
		// Slow lookups, all started before any finishes (what ~500 requests in flight at once look like).
		const slowMiss = async () => {
			lookups++;
			await new Promise((r) => setTimeout(r, 20));
			return null;
		};
		const results = await Promise.allSettled(
			Array.from({ length: 100 }, () => limitGuessing(event, 'join-code', options, slowMiss))
		);
		expect(lookups).toBe(options.limit);
		expect(results.filter((r) => r.status === 'rejected')).toHaveLength(100 - options.limit);
		sharedRateLimiter.clear();
	});

	test('a hit is refunded, so hits between misses never use up the limit', async () => {
		sharedRateLimiter.clear();
		const { event } = client('203.0.113.5');
		for (let i = 0; i < 30; i++) {
			expect(await limitGuessing(event, 'join-code', options, async () => 'found')).toBe('found');
			if (i % 15 === 0) await limitGuessing(event, 'join-code', options, async () => null);
		}
		// Two misses so far: one more is allowed, the next refused.
		expect(await limitGuessing(event, 'join-code', options, async () => null)).toBeNull();
		await expect(limitGuessing(event, 'join-code', options, async () => 'found')).rejects.toSatisfy((e) =>
			isHttpError(e, 429)
		);
		sharedRateLimiter.clear();
	});
});

describe('RateLimiter.peek', () => {
	test('reports without counting', () => {
		const limiter = new RateLimiter({ now: () => 5_000 });
		const options = { limit: 1, windowMs: 10_000 };
		expect(limiter.peek('k', options)).toEqual({ allowed: true, remaining: 1 });
		expect(limiter.peek('k', options)).toEqual({ allowed: true, remaining: 1 });
		limiter.check('k', options);
		expect(limiter.peek('k', options)).toEqual({ allowed: false, retryAfterSeconds: 10 });
	});
});

describe('scaled', () => {
	test('RATE_LIMIT_SCALE multiplies limits; nonsense leaves them as they are', () => {
		const options = { limit: 20, windowMs: 1000 };
		expect(scaled(options, {})).toEqual(options);
		expect(scaled(options, { RATE_LIMIT_SCALE: '10' })).toEqual({ limit: 200, windowMs: 1000 });
		expect(scaled(options, { RATE_LIMIT_SCALE: '0.01' })).toEqual({ limit: 1, windowMs: 1000 });
		expect(scaled(options, { RATE_LIMIT_SCALE: 'off' })).toEqual(options);
		expect(scaled(options, { RATE_LIMIT_SCALE: '-1' })).toEqual(options);
	});
});
