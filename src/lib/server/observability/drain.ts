/**
 * SIGTERM/SIGINT with a readiness delay. From the first signal, `/readyz` answers 503 and dashboard event streams
 * end (`beginShutdown`); the server then keeps serving for `SHUTDOWN_DELAY` seconds (default 0), so a load balancer
 * that polls `/readyz` stops sending new requests before the listener closes; then adapter-node's own shutdown
 * runs: it stops accepting connections, finishes in-flight requests for up to `SHUTDOWN_TIMEOUT` seconds and emits
 * `sveltekit:shutdown` (the database closes; the process exits 0).
 *
 * adapter-node registers its signal listeners after the app's `init` hook has run. With a delay, every SIGTERM or
 * SIGINT listener added after ours is taken off the signal and called by us once the delay is over; a second
 * signal during the delay skips the rest of it. With no delay nothing is moved: the signal reaches adapter-node as
 * before.
 */
import { beginShutdown } from '../shutdown';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
type Signal = (typeof SIGNALS)[number];
type Listener = (signal: Signal) => void;

/** `SHUTDOWN_DELAY` in milliseconds (seconds in the environment; anything not a number ≥ 0 is 0). */
export function shutdownDelayMs(env: NodeJS.ProcessEnv = process.env): number {
	const seconds = Number(env.SHUTDOWN_DELAY ?? 0);
	return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
}

let installed = false;

/** Installs the signal handling above (once per process). */
export function installSignalHandlers(delayMs: number, onDrainStart: () => void = () => {}): void {
	if (installed) return;
	installed = true;
	const deferred = new Map<Signal, Listener[]>();
	let released = false;
	let timer: NodeJS.Timeout | undefined;

	const release = (signal: Signal) => {
		if (released) return;
		released = true;
		if (timer) clearTimeout(timer);
		for (const listener of deferred.get(signal) ?? []) listener(signal);
	};

	const onSignal = (signal: Signal) => {
		if (timer || released) {
			// A second signal while waiting: stop waiting.
			release(signal);
			return;
		}
		onDrainStart();
		beginShutdown();
		if (delayMs > 0) timer = setTimeout(() => release(signal), delayMs);
	};

	for (const signal of SIGNALS) process.on(signal, onSignal);
	if (delayMs <= 0) return;
	process.on('newListener', (event: string | symbol, listener: Listener) => {
		if (!(SIGNALS as readonly (string | symbol)[]).includes(event) || listener === onSignal) return;
		const signal = event as Signal;
		// `newListener` fires just before the listener is added: move it on the next tick.
		process.nextTick(() => {
			process.off(signal, listener);
			deferred.set(signal, [...(deferred.get(signal) ?? []), listener]);
		});
	});
}
