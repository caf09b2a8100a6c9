/**
 * The outermost `handle`: answers `/healthz`, `/readyz` and (with `METRICS_TOKEN`) `/metrics` before anything else
 * runs, gives every other request a request id (the incoming `X-Request-Id` when acceptable, else a new one;
 * returned in the response's `X-Request-Id`), and when the response is ready records its metrics and writes one
 * log line: request id, method, route id, status, duration. Health and metrics requests are logged at debug only.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { errorCodeForStatus } from '$lib/error-body';
import { healthResponse } from './health';
import { getLogger } from './log';
import {
	bearerMatches,
	exposition,
	getMetrics,
	methodLabel,
	pdfReport,
	submissionSurface,
	type Metrics
} from './metrics';
import { requestId } from './request-id';

/** Seconds since `started` (a `performance.now()` value). */
const since = (started: number) => (performance.now() - started) / 1000;

/** `/metrics` on the app's port: 404 unless `METRICS_TOKEN` is set, then 401 without the right bearer token. */
async function metricsResponse(event: RequestEvent): Promise<Response> {
	const token = process.env.METRICS_TOKEN;
	if (!token) return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain' } });
	if (!bearerMatches(event.request.headers.get('authorization'), token))
		return new Response('Send Authorization: Bearer <METRICS_TOKEN>\n', {
			status: 401,
			headers: { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' }
		});
	const { body, contentType } = await exposition();
	return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}

/**
 * Why a refused JSON submission was refused: the `error` code of its answer (every JSON error carries one, see
 * src/lib/error-body.ts); a refusal answered otherwise (an HTML error page) gets the code for its status.
 */
async function answeredErrorCode(response: Response): Promise<string> {
	if ((response.headers.get('content-type') ?? '').startsWith('application/json'))
		try {
			const { error } = (await response.clone().json()) as { error?: unknown };
			if (typeof error === 'string') return error;
		} catch {
			// not the JSON it said: fall through
		}
	return errorCodeForStatus(response.status);
}

/**
 * Counts a submission from what was answered (see `submissionSurface`); the form action's step changes are not.
 * A refused form submission is answered with a page, so its reason is the code for its status.
 */
async function countSubmission(metrics: Metrics, via: 'json' | 'form', event: RequestEvent, response: Response) {
	let status = response.status;
	if (via === 'form' && event.request.headers.get('x-sveltekit-action') === 'true' && status === 200) {
		// An enhanced form action answers 200 with its outcome in the body.
		try {
			const result = (await response.clone().json()) as { type?: string; status?: number };
			if (result.type === 'redirect') return;
			if (result.type === 'failure' || result.type === 'error') status = result.status ?? 400;
		} catch {
			return;
		}
	}
	if (status >= 300 && status < 400) return; // Back / Next between the form's steps
	if (status < 300) metrics.submissionsAccepted.labels(via).inc();
	else
		metrics.submissionsRefused
			.labels(via, via === 'json' ? await answeredErrorCode(response) : errorCodeForStatus(status))
			.inc();
}

/** Keeps `readiness_event_streams_open` while an event stream's body is being read. */
function trackStream(metrics: Metrics, response: Response, signal: AbortSignal): Response {
	const body = response.body;
	if (!body) return response;
	metrics.eventStreams.inc();
	let open = true;
	const end = () => {
		if (!open) return;
		open = false;
		metrics.eventStreams.dec();
	};
	signal.addEventListener('abort', end, { once: true });
	const reader = body.getReader();
	const tracked = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { done, value } = await reader.read();
				if (done) {
					end();
					controller.close();
				} else controller.enqueue(value);
			} catch (error) {
				end();
				controller.error(error);
			}
		},
		cancel(reason) {
			end();
			return reader.cancel(reason);
		}
	});
	return new Response(tracked, { status: response.status, statusText: response.statusText, headers: response.headers });
}

export const observe: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const { method } = event.request;
	const { pathname } = event.url;
	const log = getLogger();
	const id = requestId(event.request.headers.get('x-request-id'));
	event.locals.requestId = id;

	const health = await healthResponse(method, pathname);
	if (health || pathname === '/metrics') {
		const response = health ?? (await metricsResponse(event));
		response.headers.set('x-request-id', id);
		log.debug({ reqId: id, method, route: pathname, status: response.status, durationMs: ms(started) }, 'probe');
		return response;
	}

	const metrics = getMetrics();
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		// SvelteKit turns errors into responses itself; this is only for a failure inside another handle.
		log.error({ reqId: id, method, route: event.route.id, durationMs: ms(started), err: error }, 'request failed');
		throw error;
	}
	const route = event.route.id;
	const status = response.status;
	metrics.httpDuration.labels(methodLabel(method), route ?? '(none)', String(status)).observe(since(started));
	if (status === 429) metrics.rateLimitRefusals.labels(route ?? '(none)').inc();
	const surface = submissionSurface(route, method, event.url.search);
	if (surface) await countSubmission(metrics, surface, event, response);
	const report = pdfReport(route);
	if (report && status === 200) {
		metrics.pdfRenders.labels(report).inc();
		metrics.pdfDuration.labels(report).observe(since(started));
	}
	if (route === '/workshops/[id]/events' && status === 200)
		response = trackStream(metrics, response, event.request.signal);

	try {
		response.headers.set('x-request-id', id);
	} catch {
		// Immutable headers (a Response from fetch): copy.
		response = new Response(response.body, response);
		response.headers.set('x-request-id', id);
	}
	const line = { reqId: id, method, route, status, durationMs: ms(started) };
	if (status >= 500) log.error(line, 'request');
	else log.info(line, 'request');
	return response;
};

/** Milliseconds since `started`, to 0.1 ms. */
function ms(started: number): number {
	return Math.round((performance.now() - started) * 10) / 10;
}
