import { expect, test } from 'vitest';
import { exposition, getMetrics, methodLabel, observeQuery } from '$lib/server/observability/metrics';
import { checkMetrics, hasPromtool, lintExposition, promtool } from './prometheus-lint';

/** One family per rule promtool's linter has, each broken once; what promtool 2.42 prints for it. */
const BROKEN = `# HELP a_total x
# TYPE a_total gauge
a_total 1
# TYPE b_requests counter
b_requests 1
# HELP c_latency_ms x
# TYPE c_latency_ms gauge
c_latency_ms 1
# HELP d_duration_milliseconds x
# TYPE d_duration_milliseconds gauge
d_duration_milliseconds 1
# HELP e_thing_count x
# TYPE e_thing_count gauge
e_thing_count 1
# HELP f_items x
# TYPE f_items gauge
f_items{le="1"} 1
# HELP g_queue_gauge x
# TYPE g_queue_gauge gauge
g_queue_gauge 1
# HELP hCamel x
# TYPE hCamel gauge
hCamel{fooBar="x"} 1
# HELP i:colon x
# TYPE i:colon gauge
i:colon 1
# HELP j_size_bytes fine: a histogram
# TYPE j_size_bytes histogram
j_size_bytes_bucket{le="1"} 1
j_size_bytes_bucket{le="+Inf"} 1
j_size_bytes_sum 1
j_size_bytes_count 1
# HELP k_q x
# TYPE k_q gauge
k_q{quantile="0.5"} 1
# HELP l_x_sum x
# TYPE l_x_sum gauge
l_x_sum 1
# HELP m_y_bucket x
# TYPE m_y_bucket gauge
m_y_bucket 1
`;

const PROMTOOL_SAYS = [
	'a_total non-counter metrics should not have "_total" suffix',
	'b_requests counter metrics should have "_total" suffix',
	'b_requests no help text',
	'c_latency_ms metric names should not contain abbreviated units',
	'd_duration_milliseconds use base unit "seconds" instead of "milliseconds"',
	'e_thing_count non-histogram and non-summary metrics should not have "_count" suffix',
	'f_items non-histogram metrics should not have "le" label',
	"g_queue_gauge metric name should not include type 'gauge'",
	"hCamel label names should be written in 'snake_case' not 'camelCase'",
	"hCamel metric names should be written in 'snake_case' not 'camelCase'",
	"i:colon metric names should not contain ':'",
	'k_q non-summary metrics should not have "quantile" label',
	'l_x_sum non-histogram and non-summary metrics should not have "_sum" suffix',
	'm_y_bucket non-histogram metrics should not have "_bucket" suffix'
];

test("the fallback rules find every problem promtool's linter finds, and a family without TYPE", () => {
	expect(lintExposition(BROKEN)).toEqual(PROMTOOL_SAYS);
	expect(lintExposition('# HELP n_things x\nn_things 1\n')).toEqual(['n_things no TYPE line']);
	expect(lintExposition('# HELP x y\n# TYPE x gauge\nx 1\n# TYPE x gauge\n')).toEqual([
		'line 4: second TYPE line for metric name "x", or TYPE reported after samples'
	]);
	// What prom-client's defaults used to expose.
	expect(
		lintExposition(
			'# HELP nodejs_active_handles_total x\n# TYPE nodejs_active_handles_total gauge\nnodejs_active_handles_total 4\n'
		)
	).toEqual(['nodejs_active_handles_total non-counter metrics should not have "_total" suffix']);
});

test.skipIf(!hasPromtool)('promtool, where installed, reports the same problems as the fallback rules', () => {
	const result = promtool(BROKEN);
	expect(result.status).toBe(3);
	expect(result.problems).toEqual(PROMTOOL_SAYS);
});

test("the app's metrics pass promtool (or the same rules) after every kind of observation", async () => {
	const metrics = getMetrics();
	for (const method of ['GET', 'POST', 'PROPFIND'])
		metrics.httpDuration.labels(methodLabel(method), '/w/[code]/response', '403').observe(0.004);
	metrics.submissionsAccepted.labels('json').inc();
	metrics.submissionsRefused.labels('form', 'closed').inc();
	metrics.rateLimitRefusals.labels('/w/[code]/response').inc();
	metrics.eventStreams.inc();
	metrics.pdfRenders.labels('team').inc();
	metrics.pdfDuration.labels('team').observe(0.3);
	observeQuery('select 1', performance.now() - 2, true);
	const { body } = await exposition();

	const { tool, problems } = checkMetrics(body);
	expect(problems, `${tool} on the app's exposition`).toEqual([]);
	expect(lintExposition(body)).toEqual([]);
	expect(body).toContain('# TYPE nodejs_active_handles gauge');
	for (const dropped of [
		'nodejs_active_handles_total',
		'nodejs_active_requests_total',
		'nodejs_active_resources_total'
	])
		expect(body).not.toContain(dropped);
	expect(body).toContain('method="other"');
	expect(body).not.toContain('PROPFIND');
});
