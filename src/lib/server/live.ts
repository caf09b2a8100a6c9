/**
 * Live updates for workshop dashboards: an in-process event emitter, joined across instances by PostgreSQL
 * LISTEN/NOTIFY (or, where LISTEN is unavailable, by polling a cheap fingerprint of each watched workshop).
 * Events carry only a workshop id — "something changed"; listeners re-read what they are allowed to see.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { count, eq, max } from 'drizzle-orm';
import { getDb, type Database } from './db';
import { participants, responses, workshops } from './db/schema';

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

export interface LiveOptions {
	/** `poll` forces polling on PostgreSQL (e.g. behind a transaction-pooling proxy that drops LISTEN). */
	mode?: 'auto' | 'poll';
	/** Polling interval; well under the 2 s a dashboard may lag (default 500 ms). */
	pollIntervalMs?: number;
}

/** Creates the notifier for an open database. */
export async function createLiveNotifier(database: Database, options: LiveOptions = {}): Promise<LiveNotifier> {
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
			console.warn(`live updates: LISTEN failed (${String(error)}); polling instead`);
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
				console.warn(`live updates: polling failed (${String(error)})`);
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
					console.warn(`live updates: NOTIFY failed (${String(error)})`);
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

/** What a dashboard shows changing: joined and submitted counts, the last submission time, the status. */
async function fingerprint(database: Database, workshopId: string): Promise<string> {
	const { db } = database;
	const [w] = await db.select({ status: workshops.status }).from(workshops).where(eq(workshops.id, workshopId));
	const [p] = await db.select({ n: count() }).from(participants).where(eq(participants.workshopId, workshopId));
	const [r] = await db
		.select({ n: count(), last: max(responses.updatedAt) })
		.from(responses)
		.where(eq(responses.workshopId, workshopId));
	return [w?.status, p?.n, r?.n, r?.last?.valueOf()].join('|');
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
