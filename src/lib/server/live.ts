/**
 * Live updates for workshop dashboards: an in-process event emitter, joined across instances by PostgreSQL
 * LISTEN/NOTIFY (or, where LISTEN is unavailable, by polling a cheap fingerprint of each watched workshop).
 * Events carry only a workshop id — "something changed"; listeners re-read what they are allowed to see.
 * On top of it, {@link createStreamHub}: the server-sent event streams, one state computation per change shared
 * by every open stream, with caps per workshop and per address.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { count, eq, max } from 'drizzle-orm';
import { getDb, type Database } from './db';
import { errorResponse } from './errors';
import { participants, responses, workshops } from './db/schema';
import { describeError } from './log-safe';
import { onShutdown } from './shutdown';

/** The NOTIFY channel shared by every instance. */
const CHANNEL = 'readiness_workshop_changed';

export interface LiveNotifier {
	/** Tells every listener of this workshop, on this instance and the others, that it changed. */
	publish: (workshopId: string) => void;
	/** Calls `listener` whenever the workshop changes; returns the unsubscribe function. */
	subscribe: (workshopId: string, listener: () => void) => () => void;
	/** How changes from other instances arrive. */
	readonly mode: 'local' | 'listen' | 'poll';
	close: () => Promise<void>;
}

export interface LiveNotifierOptions {
	/** `poll` forces polling on PostgreSQL (e.g. behind a transaction-pooling proxy that drops LISTEN). */
	mode?: 'auto' | 'poll';
	/** Polling interval; well under the 2 s a dashboard may lag (default 500 ms). */
	pollIntervalMs?: number;
}

/** Creates the notifier for an open database. */
export async function createLiveNotifier(database: Database, options: LiveNotifierOptions = {}): Promise<LiveNotifier> {
	const emitter = new EventEmitter();
	emitter.setMaxListeners(0);
	const instance = randomUUID();
	const watched = new Map<string, number>();
	let mode: LiveNotifier['mode'] = 'local';
	let unlisten: (() => Promise<void>) | undefined;
	let poller: NodeJS.Timeout | undefined;

	if (database.kind === 'postgres' && database.listen && options.mode !== 'poll') {
		try {
			unlisten = await database.listen(CHANNEL, (payload) => {
				const [from, workshopId] = payload.split(' ');
				if (from !== instance && workshopId) emitter.emit(workshopId);
			});
			mode = 'listen';
		} catch (error) {
			console.warn(`live updates: LISTEN failed (${describeError(error)}); polling instead`);
		}
	}
	if (database.kind === 'postgres' && mode !== 'listen') {
		mode = 'poll';
		const fingerprints = new Map<string, string>();
		let busy = false;
		poller = setInterval(async () => {
			if (busy) return;
			busy = true;
			try {
				for (const workshopId of watched.keys()) {
					const next = await fingerprint(database, workshopId);
					const previous = fingerprints.get(workshopId);
					fingerprints.set(workshopId, next);
					// A first fingerprint counts as a change: the subscriber may have missed one just before it.
					if (previous !== next) emitter.emit(workshopId);
				}
				for (const id of fingerprints.keys()) if (!watched.has(id)) fingerprints.delete(id);
			} catch (error) {
				console.warn(`live updates: polling failed (${describeError(error)})`);
			} finally {
				busy = false;
			}
		}, options.pollIntervalMs ?? 500);
		poller.unref();
	}

	return {
		get mode() {
			return mode;
		},
		publish(workshopId) {
			emitter.emit(workshopId);
			if (mode === 'listen')
				database.notify?.(CHANNEL, `${instance} ${workshopId}`).catch((error) => {
					console.warn(`live updates: NOTIFY failed (${describeError(error)})`);
				});
		},
		subscribe(workshopId, listener) {
			emitter.on(workshopId, listener);
			watched.set(workshopId, (watched.get(workshopId) ?? 0) + 1);
			return () => {
				emitter.off(workshopId, listener);
				const left = (watched.get(workshopId) ?? 1) - 1;
				if (left > 0) watched.set(workshopId, left);
				else watched.delete(workshopId);
			};
		},
		async close() {
			if (poller) clearInterval(poller);
			emitter.removeAllListeners();
			await unlisten?.();
		}
	};
}

/**
 * What a dashboard or a facilitated room shows changing: joined and submitted counts, the last submission time,
 * the last release, the status, and a facilitated workshop's phase, vote, agreements, timer and shown question.
 */
async function fingerprint(database: Database, workshopId: string): Promise<string> {
	const { db } = database;
	const [w] = await db
		.select({
			status: workshops.status,
			phase: workshops.phase,
			item: workshops.currentItem,
			vote: workshops.voteSeq,
			figures: workshops.figuresVersion,
			timer: workshops.timerEndsAt,
			timerClosesVote: workshops.timerClosesVote,
			shown: workshops.shownQuestion
		})
		.from(workshops)
		.where(eq(workshops.id, workshopId));
	const [p] = await db.select({ n: count() }).from(participants).where(eq(participants.workshopId, workshopId));
	const [r] = await db
		.select({ n: count(), last: max(responses.updatedAt), released: max(responses.releasedVersion) })
		.from(responses)
		.where(eq(responses.workshopId, workshopId));
	return [
		w?.status,
		w?.phase,
		w?.item,
		w?.vote,
		w?.figures,
		w?.timer?.valueOf(),
		w?.timerClosesVote,
		w?.shown,
		p?.n,
		r?.n,
		r?.last?.valueOf(),
		r?.released
	].join('|');
}

const GLOBAL_KEY = Symbol.for('readiness.live');
type Holder = { [GLOBAL_KEY]?: Promise<LiveNotifier> };

/** The app's notifier over {@link getDb}; `LIVE_MODE=poll` forces polling on PostgreSQL. */
export function getLive(): Promise<LiveNotifier> {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= getDb().then((database) =>
		createLiveNotifier(database, { mode: process.env.LIVE_MODE === 'poll' ? 'poll' : 'auto' })
	);
	return holder[GLOBAL_KEY];
}

// ── Event streams ────────────────────────────────────────────────────────────────────────────────────────────────

/** Caps on open event streams: per workshop and per client address. */
export interface StreamLimits {
	perWorkshop: number;
	perAddress: number;
}

/**
 * Dashboard streams: a dashboard has a few tabs, a projector and a co-facilitator at most; one address never
 * needs more than a handful of workshops' dashboards open at once.
 */
export const DASHBOARD_STREAMS: StreamLimits = { perWorkshop: 20, perAddress: 30 };

/**
 * Room streams of a facilitated workshop: every phone and the presenter view. Per workshop, its largest possible
 * room (the cap of 1,000 expected: 1,200) with a tab or two more; per address, a room of 72 behind one NAT
 * address with spare tabs. Over a cap a phone polls instead (every 2 s).
 */
export const ROOM_STREAMS: StreamLimits = { perWorkshop: 1_300, perAddress: 100 };

export interface StreamHubOptions {
	/** The event name each state is sent as (`event: <name>`). */
	event: string;
	/** The state every stream of a workshop receives, computed once per change for all of them. */
	compute: (workshopId: string) => Promise<unknown>;
	limits: StreamLimits;
	/** At most one state per this many milliseconds per workshop: a burst of changes is sent as one (250). */
	coalesceMs?: number;
	/** A comment line this often keeps proxies from closing an idle stream (15 s). */
	heartbeatMs?: number;
	/**
	 * Send the server's clock (`event: clock`, `{"now": <epoch ms>}`) when a stream opens and as its heartbeat, so a
	 * page can count down to an absolute time (a timer's end) on the server's clock rather than its own.
	 */
	clock?: boolean;
}

/** The `clock` event: this server's time now, in epoch milliseconds. */
function clockEvent(): string {
	return `event: clock\ndata: {"now":${Date.now()}}\n\n`;
}

interface Stream {
	address: string;
	write: (text: string) => void;
	close: () => void;
}

interface Channel {
	streams: Set<Stream>;
	unsubscribe: () => void;
	timer?: NodeJS.Timeout;
	/** The last state sent, and whether the workshop changed since it was computed. */
	last?: string;
	stale: boolean;
}

export type StreamHub = ReturnType<typeof createStreamHub>;

/**
 * Server-sent event streams of one kind (e.g. facilitator dashboards): per workshop one subscription to the live
 * notifier and one computation of the state per change, written to every open stream of that workshop; caps on
 * streams per workshop and per address (over a cap: 429, and the browser falls back to polling).
 */
export function createStreamHub(live: LiveNotifier, options: StreamHubOptions) {
	const encoder = new TextEncoder();
	const channels = new Map<string, Channel>();
	const perAddress = new Map<string, number>();
	const coalesceMs = options.coalesceMs ?? 250;
	const heartbeatMs = options.heartbeatMs ?? 15_000;

	async function broadcast(workshopId: string, channel: Channel) {
		channel.timer = undefined;
		channel.stale = false;
		try {
			const text = `event: ${options.event}\ndata: ${JSON.stringify(await options.compute(workshopId))}\n\n`;
			channel.last = text;
			for (const stream of channel.streams) stream.write(text);
		} catch (error) {
			console.warn(`event streams: ${describeError(error)}`);
		}
	}

	function schedule(workshopId: string, channel: Channel, delay: number) {
		channel.stale = true;
		channel.timer ??= setTimeout(() => void broadcast(workshopId, channel), delay);
	}

	function channelFor(workshopId: string): Channel {
		let channel = channels.get(workshopId);
		if (!channel) {
			const created: Channel = { streams: new Set(), unsubscribe: () => {}, stale: true };
			created.unsubscribe = live.subscribe(workshopId, () => schedule(workshopId, created, coalesceMs));
			channels.set(workshopId, created);
			channel = created;
		}
		return channel;
	}

	return {
		/** Open streams of a workshop (for tests and metrics). */
		count: (workshopId: string) => channels.get(workshopId)?.streams.size ?? 0,

		/**
		 * An event stream for `workshopId` to a client at `address` (a rate-limit address key), or a 429 when a cap
		 * is reached. The stream sends the current state at once and again after every change; it ends when the
		 * client goes (`signal`) or the server shuts down.
		 */
		open(workshopId: string, address: string, signal: AbortSignal): Response {
			const existing = channels.get(workshopId);
			if (
				(existing?.streams.size ?? 0) >= options.limits.perWorkshop ||
				(perAddress.get(address) ?? 0) >= options.limits.perAddress
			)
				return errorResponse(
					429,
					{
						error: 'too_many_streams',
						message: 'Too many live views are open: this page updates every few seconds instead.'
					},
					{ 'retry-after': '30', 'cache-control': 'no-store' }
				);
			const channel = channelFor(workshopId);
			perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
			let cleanup = () => {};
			const body = new ReadableStream<Uint8Array>({
				start(controller) {
					let closed = false;
					const stream: Stream = {
						address,
						write: (text) => {
							if (!closed) controller.enqueue(encoder.encode(text));
						},
						close: () => cleanup()
					};
					const heartbeat = setInterval(() => stream.write(options.clock ? clockEvent() : ': ping\n\n'), heartbeatMs);
					let forgetShutdown = () => {};
					cleanup = () => {
						if (closed) return;
						closed = true;
						channel.streams.delete(stream);
						const left = (perAddress.get(address) ?? 1) - 1;
						if (left > 0) perAddress.set(address, left);
						else perAddress.delete(address);
						if (channel.streams.size === 0) {
							channel.unsubscribe();
							if (channel.timer) clearTimeout(channel.timer);
							channels.delete(workshopId);
						}
						forgetShutdown();
						clearInterval(heartbeat);
						try {
							controller.close();
						} catch {
							// already closed by the client
						}
					};
					channel.streams.add(stream);
					signal.addEventListener('abort', cleanup);
					// On SIGTERM the stream ends at once, so the server's drain does not wait for it.
					forgetShutdown = onShutdown(cleanup);
					stream.write('retry: 2000\n\n');
					if (options.clock) stream.write(clockEvent());
					// The current state: the last one sent if nothing changed since, else computed now for everyone.
					if (channel.last && !channel.stale) stream.write(channel.last);
					else if (!channel.timer) schedule(workshopId, channel, 0);
				},
				cancel() {
					cleanup();
				}
			});
			return new Response(body, {
				headers: {
					'content-type': 'text/event-stream; charset=utf-8',
					'cache-control': 'no-store',
					'x-accel-buffering': 'no'
				}
			});
		}
	};
}

const HUBS_KEY = Symbol.for('readiness.streams');
type HubHolder = { [HUBS_KEY]?: Map<string, Promise<StreamHub>> };

/** The app's stream hub named `name` over {@link getLive}, created on first use with `options`. */
export function getStreamHub(name: string, options: StreamHubOptions): Promise<StreamHub> {
	const holder = globalThis as HubHolder;
	const hubs = (holder[HUBS_KEY] ??= new Map());
	let hub = hubs.get(name);
	if (!hub) {
		hub = getLive().then((live) => createStreamHub(live, options));
		hubs.set(name, hub);
	}
	return hub;
}
