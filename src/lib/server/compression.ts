import compression from 'compression';
import { subscribe } from 'node:diagnostics_channel';
import { constants } from 'node:zlib';

/** The middleware's types are Express's; it only reads and wraps what Node's request and response have. */
type Request = Parameters<typeof compression.filter>[0];
type Response = Parameters<typeof compression.filter>[1];

/**
 * Whether a response is compressed: what `compression` compresses by default (a compressible type, not already
 * encoded, no `Cache-Control: no-transform`; at least `COMPRESSION_THRESHOLD` long), except
 * - event streams: compression would hold each event in the gzip buffer until enough followed, and a phone or
 *   dashboard would wait for it;
 * - responses marked `Cache-Control: no-store` — the pages that show a private link, an invitation or someone's
 *   own answers. Sent whole, their length can never reveal a secret next to text an attacker got into the same
 *   page (BREACH); every public page and result page is compressed.
 */
export function shouldCompress(request: Request, response: Response): boolean {
	const type = String(response.getHeader('content-type') ?? '');
	if (type.startsWith('text/event-stream')) return false;
	if (/\bno-store\b/i.test(String(response.getHeader('cache-control') ?? ''))) return false;
	return compression.filter(request, response);
}

/**
 * Responses under 4 KB go out whole. A phone's submission is answered with its answers (about 2 KB of JSON): gzip
 * would save one small packet at the cost of server CPU on every submission of a room (5 % of the submit
 * endpoint's time in `bench:workshop`'s profile). Pages are well above it.
 */
export const COMPRESSION_THRESHOLD = 4096;

/**
 * Brotli quality 5 rather than the middleware's 4: pages are rendered per request (each carries its own CSP nonce),
 * so nothing is compressed ahead of time. Measured on a result page (217 KB of HTML) it sends 30.0 KB instead of
 * 32.8 KB for about 1 ms more CPU (3.9 ms against 3.0), and `/assess` 14.6 KB instead of 15.6; quality 11 would
 * take 100 ms a page.
 */
export const BROTLI_QUALITY = 5;

let installed = false;

/**
 * Compresses (brotli, gzip or deflate, as the browser asks) every compressible response of this Node process that is not
 * already encoded. adapter-node precompresses only static files and prerendered pages; pages rendered per
 * request went out whole — the methodology page was 234 KB where its gzip is 41 KB, and on a phone's connection
 * that was a second before the text could paint. It runs expressjs's `compression` middleware on each response
 * through the same `http.server.request.start` diagnostics channel as `installNodeSecurityHeaders`, so
 * adapter-node's own server (and its graceful shutdown) stays as it ships. A reverse proxy that compresses sees
 * `Content-Encoding` already set and leaves the body alone. Idempotent; outside dev only (Vite serves its own).
 */
export function installNodeCompression(): void {
	if (installed) return;
	installed = true;
	const compress = compression({
		filter: shouldCompress,
		threshold: COMPRESSION_THRESHOLD,
		brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }
	});
	subscribe('http.server.request.start', (message) => {
		const { request, response } = message as { request: Request; response: Response };
		// The middleware only wraps the response's write, end and writeHead; it calls `next` at once.
		compress(request, response, () => {});
	});
}
