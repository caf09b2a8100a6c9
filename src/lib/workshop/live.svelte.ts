/**
 * A live view of server state: seeded from page data, then replaced by each server-sent event — or, where event
 * streams are unavailable (no EventSource, a proxy that breaks them, the server's stream cap), by polling a JSON
 * endpoint. Browser-only once started; `current` and `connection` are reactive.
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
}

export class LiveState<T> {
	#live = $state<T | null>(null);
	#seed: () => T;
	connection = $state<Connection>('connecting');
	readonly #options: LiveOptions;

	/** `seed` is read reactively: new page data shows until the first live state arrives. */
	constructor(seed: () => T, options: LiveOptions) {
		this.#seed = seed;
		this.#options = options;
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
				if (res.ok) this.#live = (await res.json()) as T;
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
