/**
 * The server log: pino JSON lines on stdout, one object per line. Level from `LOG_LEVEL` (default `info`).
 *
 * What a line may carry is fixed by the callers in this folder: request id, method, route id (the route's pattern,
 * e.g. `/w/[code]` — never the path, which can hold a join code, a result code or a token), status and duration.
 * Never answers, display names, titles, join codes, tokens, cookies or query parameters.
 *
 * Plain JavaScript because it also runs unbundled: the server entry (src/server-entry.js, copied into build/ with
 * this file beside it) creates the logger before the app starts and sends `console` output through it.
 */
import { format } from 'node:util';
import pino from 'pino';

export const LOG_LEVELS = /** @type {const} */ (['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
/** @typedef {(typeof LOG_LEVELS)[number]} LogLevel */

/**
 * `LOG_LEVEL`, lower-cased; an unknown value falls back to `info` (and says so once at start).
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {LogLevel}
 */
export function logLevel(env = process.env) {
	const level = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
	return /** @type {readonly string[]} */ (LOG_LEVELS).includes(level) ? /** @type {LogLevel} */ (level) : 'info';
}

/** @returns {import('pino').Logger} */
function createLogger() {
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

// Kept on globalThis: the entry's copy of this module and the app's bundled copy share one logger, and a
// dev-server module reload does not create a second one.
const GLOBAL_KEY = Symbol.for('readiness.log');

/**
 * The process's logger.
 * @returns {import('pino').Logger}
 */
export function getLogger() {
	const holder = /** @type {{ [GLOBAL_KEY]?: import('pino').Logger }} */ (globalThis);
	holder[GLOBAL_KEY] ??= createLogger();
	return holder[GLOBAL_KEY];
}

/** The pino level each `console` method writes at. */
const CONSOLE_LEVELS = /** @type {const} */ ({ log: 'info', info: 'info', warn: 'warn', error: 'error' });

/**
 * Sends `console.log`, `console.info`, `console.warn` and `console.error` through the logger, so every line on
 * stdout is JSON (adapter-node's `Listening on …`, a dependency's warning): the arguments become `msg`, formatted as
 * `console` would. Called once by the server entry.
 */
export function routeConsoleToLog() {
	const logger = getLogger();
	for (const [method, level] of Object.entries(CONSOLE_LEVELS))
		console[/** @type {keyof typeof CONSOLE_LEVELS} */ (method)] = (/** @type {unknown[]} */ ...args) =>
			logger[level](format(...args));
}
