/**
 * Prometheus metrics (prom-client). Collected always (cheap: a few counters and histograms per request), exposed
 * only when asked: on their own port (`METRICS_PORT`, e.g. 9464, not published to the internet) and/or at
 * `/metrics` on the app's port behind `Authorization: Bearer $METRICS_TOKEN`. With neither set, nothing is exposed.
 *
 * Labels are bounded: route ids (the app's own route patterns), seven methods and `other`, status codes and fixed
 * reason words (the `error` codes of src/lib/error-body.ts) — never a path, a code or anything a client typed.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import client from 'prom-client';

export interface Metrics {
	registry: client.Registry;
	httpDuration: client.Histogram<'method' | 'route' | 'status'>;
	submissionsAccepted: client.Counter<'via'>;
	submissionsRefused: client.Counter<'via' | 'reason'>;
	rateLimitRefusals: client.Counter<'route'>;
	eventStreams: client.Gauge;
	dbDuration: client.Histogram<'operation' | 'outcome'>;
	pdfRenders: client.Counter<'report'>;
	pdfDuration: client.Histogram<'report'>;
}

/** prom-client default metrics the app does not expose (see below). */
const DROPPED_DEFAULT_METRICS = [
	'nodejs_active_handles_total',
	'nodejs_active_requests_total',
	'nodejs_active_resources_total'
];

function createMetrics(): Metrics {
	const registry = new client.Registry();
	client.collectDefaultMetrics({ register: registry });
	// prom-client names these three gauges with a counter's `_total` suffix, which `promtool check metrics` refuses
	// and which cannot be renamed; the same counts by type stay (`nodejs_active_handles` etc.).
	for (const name of DROPPED_DEFAULT_METRICS) registry.removeSingleMetric(name);
	const registers = [registry];
	return {
		registry,
		httpDuration: new client.Histogram({
			name: 'http_request_duration_seconds',
			help: 'Time from request to response headers, by route id, method and status.',
			labelNames: ['method', 'route', 'status'],
			buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
			registers
		}),
		submissionsAccepted: new client.Counter({
			name: 'readiness_submissions_accepted_total',
			help: 'Workshop submissions answered 2xx (stored, or a retry of the stored one), by form or JSON endpoint.',
			labelNames: ['via'],
			registers
		}),
		submissionsRefused: new client.Counter({
			name: 'readiness_submissions_refused_total',
			help: 'Workshop submissions refused, by reason: the error code answered (invalid, forbidden, not_found, closed, …).',
			labelNames: ['via', 'reason'],
			registers
		}),
		rateLimitRefusals: new client.Counter({
			name: 'readiness_rate_limit_refusals_total',
			help: 'Requests answered 429 by a rate limit, by route id.',
			labelNames: ['route'],
			registers
		}),
		eventStreams: new client.Gauge({
			name: 'readiness_event_streams_open',
			help: 'Dashboard server-sent event streams open now.',
			registers
		}),
		dbDuration: new client.Histogram({
			name: 'readiness_db_query_duration_seconds',
			help: 'Database statement duration, by statement kind and outcome.',
			labelNames: ['operation', 'outcome'],
			buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
			registers
		}),
		pdfRenders: new client.Counter({
			name: 'readiness_pdf_renders_total',
			help: 'PDF reports rendered on the server, by report (result, team).',
			labelNames: ['report'],
			registers
		}),
		pdfDuration: new client.Histogram({
			name: 'readiness_pdf_render_duration_seconds',
			help: 'Time to build and answer a PDF report, by report.',
			labelNames: ['report'],
			buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16],
			registers
		})
	};
}

// Kept on globalThis: a dev-server module reload must not register the default metrics twice.
const GLOBAL_KEY = Symbol.for('readiness.metrics');
type Holder = { [GLOBAL_KEY]?: Metrics };

/** The process's metrics. */
export function getMetrics(): Metrics {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= createMetrics();
	return holder[GLOBAL_KEY];
}

/** The statement kind of a SQL string: its first keyword when it is one we count, else `other`. */
export function sqlOperation(query: string): string {
	const word = /^\s*(\w+)/.exec(query)?.[1]?.toLowerCase();
	return word && ['select', 'insert', 'update', 'delete', 'with', 'begin', 'commit', 'rollback'].includes(word)
		? word
		: 'other';
}

/** Records one statement's duration (seconds since `started`, from `performance.now()`). */
export function observeQuery(query: string, started: number, ok: boolean): void {
	getMetrics()
		.dbDuration.labels(sqlOperation(query), ok ? 'ok' : 'error')
		.observe((performance.now() - started) / 1000);
}

/** The methods the `method` label names; any other (PROPFIND, MKCOL, SEARCH, … — Node accepts 35) is `other`. */
const LABELLED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The `method` label of a request: one of a fixed set, so a client cannot add series by inventing requests. */
export function methodLabel(method: string): string {
	return LABELLED_METHODS.has(method) ? method : 'other';
}

/** Which submission surface a request is, if any: the JSON endpoint, or the no-JavaScript form's `submit` action. */
export function submissionSurface(routeId: string | null, method: string, search: string): 'json' | 'form' | null {
	if (method !== 'POST') return null;
	if (routeId === '/w/[code]/response') return 'json';
	if (routeId === '/w/[code]' && /^\?\/submit(&|$)/.test(search)) return 'form';
	return null;
}

/** The report a PDF route renders, if it is one. */
export function pdfReport(routeId: string | null): 'result' | 'team' | null {
	if (routeId === '/results/[code]/report.pdf') return 'result';
	if (routeId === '/workshops/[id]/team.pdf') return 'team';
	return null;
}

/** `Authorization: Bearer <token>` carries exactly `token` (compared in constant time). */
export function bearerMatches(header: string | null, token: string): boolean {
	const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
	if (!given) return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(token).digest();
	return timingSafeEqual(a, b);
}

/** The exposition: body and content type. */
export async function exposition(): Promise<{ body: string; contentType: string }> {
	const { registry } = getMetrics();
	return { body: await registry.metrics(), contentType: registry.contentType };
}

/**
 * Serves `GET /metrics` on `port` (its own listener, so it can stay inside the cluster network while the app's port
 * is public). Resolves once listening; `close` stops it (called at shutdown so the process can exit).
 */
export async function startMetricsServer(port: number, host?: string): Promise<Server> {
	const server = createServer((req, res) => {
		const path = (req.url ?? '').split('?')[0];
		if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: GET /metrics\n');
			return;
		}
		exposition().then(
			({ body, contentType }) => {
				res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
				res.end(req.method === 'HEAD' ? undefined : body);
			},
			() => res.writeHead(500).end()
		);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	return server;
}
