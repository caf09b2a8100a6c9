/**
 * A live view of server state: seeded from page data, then replaced by each server-sent event — or, where event
 * streams are unavailable (no EventSource, a proxy that breaks them, the server's stream cap), by polling a JSON
 * endpoint. Browser-only once started; `current`, `connection` and `offset` are reactive.
 *
 * The server's clock: a stream sends it as `clock` events (when it opens and as its heartbeat), a polled answer in
 * the `x-server-time` header, and page data as `serverTime`. `offset` is how far the server's clock is ahead of
 * this browser's, so a timer counts down to its absolute end on the server's clock.
 */
export type Connection = 'connecting' | 'live' | 'polling';

export interface LiveOptions {
	/** The event-stream URL. */
	events: string;
	/** The JSON URL polled instead. */
	poll: string;
	/** The event name carrying the state. */
	event: string;
	/** Polling interval (2 s). */
	pollMs?: number;
	/** The server's clock (epoch ms) when the page data was made: the offset until the server sends its clock. */
	serverTime?: number;
}

/** The header a polled answer carries the server's clock in (`SERVER_TIME_HEADER` in $lib/server/room). */
const SERVER_TIME = 'x-server-time';

export class LiveState<T> {
	#live = $state<T | null>(null);
	#seed: () => T;
	connection = $state<Connection>('connecting');
	/** Milliseconds the server's clock is ahead of this browser's (negative: behind). */
	offset = $state(0);
	readonly #options: LiveOptions;

	/** `seed` is read reactively: new page data shows until the first live state arrives. */
	constructor(seed: () => T, options: LiveOptions) {
		this.#seed = seed;
		this.#options = options;
		if (options.serverTime !== undefined) this.offset = options.serverTime - Date.now();
	}

	#clock(serverTime: number) {
		if (Number.isFinite(serverTime)) this.offset = serverTime - Date.now();
	}

	/** The latest state: the last one received, else the seed. */
	get current(): T {
		return this.#live ?? this.#seed();
	}

	/** Connects; returns the function that disconnects (use it as an effect's or onMount's cleanup). */
	start(): () => void {
		let source: EventSource | undefined;
		let poller: ReturnType<typeof setInterval> | undefined;
		const poll = async () => {
			try {
				const res = await fetch(this.#options.poll, { cache: 'no-store' });
				if (!res.ok) return;
				const time = res.headers.get(SERVER_TIME);
				if (time) this.#clock(Number(time));
				this.#live = (await res.json()) as T;
			} catch {
				// offline for a moment: the next poll tries again
			}
		};
		const startPolling = () => {
			source?.close();
			this.connection = 'polling';
			poller ??= setInterval(poll, this.#options.pollMs ?? 2000);
		};
		if ('EventSource' in window) {
			source = new EventSource(this.#options.events);
			source.addEventListener('clock', (event) => {
				this.#clock((JSON.parse((event as MessageEvent<string>).data) as { now: number }).now);
			});
			source.addEventListener(this.#options.event, (event) => {
				this.#live = JSON.parse((event as MessageEvent<string>).data) as T;
				this.connection = 'live';
			});
			// EventSource reconnects by itself (then `connecting` until the next state arrives, which the server sends
			// on every connection); once it gives up (CLOSED, e.g. a 429 at the stream cap), poll instead.
			source.addEventListener('error', () => {
				if (source?.readyState === EventSource.CLOSED) startPolling();
				else this.connection = 'connecting';
			});
		} else startPolling();
		return () => {
			source?.close();
			if (poller) clearInterval(poller);
		};
	}
}
