import { error, type RequestEvent } from '@sveltejs/kit';
import { isIPv4, isIPv6 } from 'node:net';

/** How many requests one key may make in any window of `windowMs` milliseconds. */
export interface RateLimitOptions {
	limit: number;
	windowMs: number;
}

/** `allowed` with what is left in the window, or refused with the seconds until the next request may pass. */
export type RateLimitResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Entry {
	/** Times (ms) of the requests let through within the last window, oldest first. */
	hits: number[];
	windowMs: number;
}

/**
 * A sliding-window-log limiter held in memory: a key may pass at most `limit` times in any `windowMs` span;
 * refused attempts are not counted, so a client that keeps hammering still gets its `limit` per window and
 * no more. Memory is bounded: expired keys are swept as time passes, and past `maxKeys` the least recently
 * seen key is forgotten (an attacker rotating addresses can only evict counters, never gain attempts on one).
 *
 * Limits are per process: with N instances behind a load balancer a client may get up to N × `limit`.
 */
export class RateLimiter {
	readonly #entries = new Map<string, Entry>();
	readonly #now: () => number;
	readonly #maxKeys: number;
	#lastSweep = 0;

	/** `now` is injectable for tests (a fake clock); `maxKeys` bounds memory. */
	constructor(options: { now?: () => number; maxKeys?: number } = {}) {
		this.#now = options.now ?? Date.now;
		this.#maxKeys = options.maxKeys ?? 100_000;
	}

	/** Counts one attempt for `key` if it is within `limit` per `windowMs`, and says whether it may proceed. */
	check(key: string, { limit, windowMs }: RateLimitOptions): RateLimitResult {
		if (!(Number.isInteger(limit) && limit > 0 && windowMs > 0)) {
			throw new RangeError(`rate limit needs a positive integer limit and window, got ${limit}/${windowMs} ms`);
		}
		const now = this.#now();
		this.#sweep(now);
		const entry = this.#entries.get(key) ?? { hits: [], windowMs };
		entry.windowMs = Math.max(entry.windowMs, windowMs);
		const hits = entry.hits.filter((time) => time > now - windowMs);
		entry.hits = hits;
		// Re-insert so Map order is least-recently-seen first (the eviction order).
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		if (hits.length >= limit) {
			const oldestCounted = hits[hits.length - limit] ?? now;
			return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldestCounted + windowMs - now) / 1000)) };
		}
		hits.push(now);
		while (this.#entries.size > this.#maxKeys) {
			const oldest = this.#entries.keys().next().value;
			if (oldest === undefined) break;
			this.#entries.delete(oldest);
		}
		return { allowed: true, remaining: limit - hits.length };
	}

	/** Takes back one counted attempt of `key` (the most recent): it no longer counts. */
	refund(key: string): void {
		this.#entries.get(key)?.hits.pop();
	}

	/** Says whether `key` would be refused now, without counting an attempt. */
	peek(key: string, { limit, windowMs }: RateLimitOptions): RateLimitResult {
		const now = this.#now();
		const hits = (this.#entries.get(key)?.hits ?? []).filter((time) => time > now - windowMs);
		if (hits.length < limit) return { allowed: true, remaining: limit - hits.length };
		const oldestCounted = hits[hits.length - limit] ?? now;
		return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldestCounted + windowMs - now) / 1000)) };
	}

	/** Number of keys currently remembered. */
	get size(): number {
		return this.#entries.size;
	}

	/** Forgets every key. */
	clear(): void {
		this.#entries.clear();
	}

	/** Drops keys whose newest hit is older than their window, at most once a second. */
	#sweep(now: number): void {
		if (now - this.#lastSweep < 1000) return;
		this.#lastSweep = now;
		for (const [key, entry] of this.#entries) {
			const newest = entry.hits[entry.hits.length - 1];
			if (newest === undefined || newest <= now - entry.windowMs) this.#entries.delete(key);
		}
	}
}

/** The process-wide limiter behind `rateLimit` and `enforceRateLimit`. */
export const sharedRateLimiter = new RateLimiter();

/**
 * Counts one attempt for `key` against the process-wide limiter. Put the scope in the key
 * (`clientKey(event, 'join')`) so different limits never share a counter.
 */
export function rateLimit(key: string, options: RateLimitOptions): RateLimitResult {
	return sharedRateLimiter.check(key, options);
}

/**
 * The address a limit should count: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4, and IPv6 by its /64
 * prefix — one subscriber usually holds a whole /64, so counting single IPv6 addresses would be no limit.
 */
export function addressKey(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
	if (!isIPv6(address.split('%')[0] ?? '')) return address;
	const [head = '', tail = ''] = (address.split('%')[0] ?? '').split('::');
	const headGroups = head ? head.split(':') : [];
	const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : [];
	const groups = address.includes('::')
		? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
		: headGroups;
	return (
		groups
			.slice(0, 4)
			.map((group) => parseInt(group, 16).toString(16))
			.join(':') + '::/64'
	);
}

/**
 * The limiter key for this request's client in `scope`. Under adapter-node `getClientAddress()` is the TCP
 * peer address; `X-Forwarded-For` is only believed when the operator sets `ADDRESS_HEADER` (and `XFF_DEPTH`),
 * so a client cannot pick its own key by sending a forged header. Behind a proxy, set those variables or every
 * client shares the proxy's address (and its limit).
 */
export function clientKey(event: Pick<RequestEvent, 'getClientAddress'>, scope: string): string {
	return `${scope}:${addressKey(event.getClientAddress())}`;
}

/**
 * Limits this request's client in `scope`; when over the limit, throws SvelteKit's `error(429)` with a
 * `Retry-After` header (set through `setHeaders`, which SvelteKit applies to error responses too). Usable in
 * `load`, form actions and `+server.ts` handlers alike:
 *
 * ```ts
 * enforceRateLimit(event, 'join', { limit: 20, windowMs: 60_000 });
 * ```
 */
export function enforceRateLimit(
	event: Pick<RequestEvent, 'getClientAddress' | 'setHeaders'>,
	scope: string,
	options: RateLimitOptions
): void {
	refuse(event, rateLimit(clientKey(event, scope), scaled(options)));
}

/**
 * `options` with the limit multiplied by `RATE_LIMIT_SCALE` (default 1): an operator can loosen every limit at
 * once (e.g. many workshops created from one office address), and test servers that create hundreds of workshops
 * raise it instead of switching limiting off.
 */
export function scaled(options: RateLimitOptions, env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
	const scale = Number(env.RATE_LIMIT_SCALE ?? 1);
	if (!(Number.isFinite(scale) && scale > 0)) return options;
	return { ...options, limit: Math.max(1, Math.round(options.limit * scale)) };
}

function refuse(event: Pick<RequestEvent, 'setHeaders'>, result: RateLimitResult): void {
	if (result.allowed) return;
	event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
	const wait = result.retryAfterSeconds === 1 ? '1 second' : `${result.retryAfterSeconds} seconds`;
	error(429, { error: 'rate_limited', message: `Too many attempts. Please wait ${wait} and try again.` });
}

/**
 * Wrong join codes one client address may try: 20 per 10 minutes (about 2,900 a day against 31⁶ ≈ 887 million
 * codes). Only misses count, so a room of 50 participants behind one office NAT joining a real code is never
 * limited.
 */
export const JOIN_CODE_GUESSES: RateLimitOptions = { limit: 20, windowMs: 10 * 60_000 };

/**
 * Joins one client address may make, across workshops: 100 per 10 minutes — a room of 60 (or 100) behind one
 * office NAT joins at once, while one address cannot fill workshops with made-up participants at speed. Each
 * workshop is also capped at its expected group size plus a margin.
 */
export const JOINS: RateLimitOptions = { limit: 100, windowMs: 10 * 60_000 };

/** Workshops one client address may create: 20 per hour (a facilitator needs a handful a day). */
export const WORKSHOP_CREATION: RateLimitOptions = { limit: 20, windowMs: 60 * 60_000 };

/** Team PDFs one client address may download: 20 per 10 minutes (each new one costs a few hundred ms of CPU). */
export const TEAM_PDF: RateLimitOptions = { limit: 20, windowMs: 10 * 60_000 };

/**
 * Runs a secret lookup (`lookup` resolves to null on a miss) under a guessing limit. The attempt is counted
 * *before* the lookup and refunded on a hit, so a burst of concurrent guesses can never get more lookups than the
 * limit, and a client over the limit is refused with 429 before the lookup runs — once limited it cannot tell a
 * right guess from a wrong one.
 */
export async function limitGuessing<T>(
	event: Pick<RequestEvent, 'getClientAddress' | 'setHeaders'>,
	scope: string,
	options: RateLimitOptions,
	lookup: () => Promise<T | null>
): Promise<T | null> {
	const key = clientKey(event, scope);
	refuse(event, rateLimit(key, scaled(options)));
	const found = await lookup();
	if (found !== null) sharedRateLimiter.refund(key);
	return found;
}
