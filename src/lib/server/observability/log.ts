/**
 * The server log: pino JSON lines on stdout, one object per line. Level from `LOG_LEVEL` (default `info`).
 *
 * What a line may carry is fixed by the callers in this folder: request id, method, route id (the route's pattern,
 * e.g. `/w/[code]` — never the path, which can hold a join code, a result code or a token), status and duration.
 * Never answers, display names, titles, join codes, tokens, cookies or query parameters.
 */
import pino, { type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `LOG_LEVEL`, lower-cased; an unknown value falls back to `info` (and says so once at start). */
export function logLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
	const level = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
	return (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : 'info';
}

function createLogger(): Logger {
	const logger = pino({
		level: logLevel(),
		base: { pid: process.pid },
		timestamp: pino.stdTimeFunctions.isoTime,
		// `"level":"info"` rather than pino's numbers: readable in `docker logs` and by any log shipper.
		formatters: { level: (label) => ({ level: label }) }
	});
	const asked = process.env.LOG_LEVEL;
	if (asked && logLevel() !== asked.trim().toLowerCase())
		logger.warn({ allowed: LOG_LEVELS }, 'LOG_LEVEL is not a known level; logging at info');
	return logger;
}

// Kept on globalThis so a dev-server module reload does not create a second logger.
const GLOBAL_KEY = Symbol.for('readiness.log');
type Holder = { [GLOBAL_KEY]?: Logger };

/** The process's logger. */
export function getLogger(): Logger {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= createLogger();
	return holder[GLOBAL_KEY];
}
