/**
 * Work to stop as soon as the server is asked to stop (SIGTERM/SIGINT), before adapter-node waits for in-flight
 * requests to finish: long-lived responses such as the dashboard's event stream end at once, so the drain waits
 * only for real requests (a browser's EventSource reconnects, to another instance or, failing that, falls back
 * to polling).
 */
import { describeError } from './log-safe';

const stops = new Set<() => void>();
let stopping = false;

/** Runs `stop` when shutdown begins (at once if it already has). Returns a function that unregisters it. */
export function onShutdown(stop: () => void): () => void {
	if (stopping) {
		stop();
		return () => {};
	}
	stops.add(stop);
	return () => stops.delete(stop);
}

/** Begins shutdown: runs every registered stop once. Called from the server's signal handlers. */
export function beginShutdown(): void {
	if (stopping) return;
	stopping = true;
	for (const stop of [...stops]) {
		try {
			stop();
		} catch (error) {
			console.warn(`shutdown: ${describeError(error)}`);
		}
	}
	stops.clear();
}

/** Whether shutdown has begun (`/readyz` answers 503 from then on). */
export function isShuttingDown(): boolean {
	return stopping;
}
