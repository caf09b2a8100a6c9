/**
 * The production entry: `npm start`, the Dockerfile and the e2e servers run `node build/server-entry.js`.
 *
 * svelte.config.js copies this file into build/ (with observability/log.js at the same relative path). It routes
 * `console` through the app's JSON logger, so adapter-node's `Listening on …` and anything else printed is a JSON
 * line too, then starts adapter-node's own server (build/index.js) unchanged: its SIGTERM/SIGINT drain,
 * `SHUTDOWN_TIMEOUT` and `sveltekit:shutdown` event stay exactly as adapter-node ships them, which a hand-written
 * server around build/handler.js would have to rebuild.
 */
import { routeConsoleToLog } from './lib/server/observability/log.js';

routeConsoleToLog();
// A path in a variable: build/index.js exists only next to the copy of this file in build/.
const adapterServer = './index.js';
await import(adapterServer);
