/**
 * Times every statement the app sends, for `readiness_db_query_duration_seconds`: the drizzle clients are wrapped
 * in a Proxy that records how long each `query` (PGlite) or `unsafe` (postgres-js) call takes, inside transactions
 * too. Nothing about the statement is kept but its first keyword; parameters are never looked at.
 */
import { observeQuery } from './metrics';

type Fn = (...args: unknown[]) => unknown;
type Then = (this: unknown, onFulfilled?: Fn | null, onRejected?: Fn | null) => unknown;

/** Wraps a promise-returning statement call so its settling is timed once. */
function timedPromise<T>(query: string, run: () => Promise<T>): Promise<T> {
	const started = performance.now();
	return run().then(
		(value) => {
			observeQuery(query, started, true);
			return value;
		},
		(error: unknown) => {
			observeQuery(query, started, false);
			throw error;
		}
	);
}

/** A PGlite client (or transaction) whose `query` and `exec` are timed; `transaction` hands out a timed one. */
export function timedPglite<T extends object>(target: T): T {
	return new Proxy(target, {
		get(t, prop) {
			const value = Reflect.get(t, prop, t) as unknown;
			if (typeof value !== 'function') return value;
			const fn = value as Fn;
			if (prop === 'query' || prop === 'exec')
				return (query: string, ...rest: unknown[]) =>
					timedPromise(String(query), () => fn.call(t, query, ...rest) as Promise<unknown>);
			if (prop === 'transaction')
				return (callback: (tx: object) => unknown) => fn.call(t, (tx: object) => callback(timedPglite(tx)));
			return fn.bind(t);
		}
	});
}

/**
 * A postgres-js `sql` (or transaction) whose `unsafe` statements are timed. postgres-js runs a statement only when
 * it is awaited (and drizzle first calls `.values()` on it), so the timer starts at the first `then`, not at the
 * call; `begin` and `savepoint` hand out timed transactions.
 */
export function timedPostgres<T extends object>(target: T): T {
	return new Proxy(target, {
		get(t, prop) {
			const value = Reflect.get(t, prop, t) as unknown;
			if (typeof value !== 'function') return value;
			const fn = value as Fn;
			if (prop === 'unsafe')
				return (query: string, ...rest: unknown[]) => {
					const pending = fn.call(t, query, ...rest) as { then: Then };
					const then = pending.then;
					let started: number | undefined;
					let recorded = false;
					const record = (ok: boolean) => {
						if (recorded || started === undefined) return;
						recorded = true;
						observeQuery(String(query), started, ok);
					};
					pending.then = function (this: unknown, onFulfilled?: Fn | null, onRejected?: Fn | null) {
						started ??= performance.now();
						return then.call(
							this,
							(value: unknown) => {
								record(true);
								return onFulfilled ? onFulfilled(value) : value;
							},
							(error: unknown) => {
								record(false);
								if (onRejected) return onRejected(error);
								throw error;
							}
						);
					};
					return pending;
				};
			if (prop === 'begin' || prop === 'savepoint')
				return (...args: unknown[]) =>
					fn.apply(
						t,
						args.map((arg) => (typeof arg === 'function' ? (tx: object) => (arg as Fn)(timedPostgres(tx)) : arg))
					);
			return fn.bind(t);
		}
	});
}
