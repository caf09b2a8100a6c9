import { expect, test } from 'vitest';
import { shutdownDelayMs } from '$lib/server/observability/drain';
import { logLevel } from '$lib/server/observability/log';
import { errorCodeForStatus } from '$lib/error-body';
import {
	bearerMatches,
	methodLabel,
	pdfReport,
	sqlOperation,
	submissionSurface
} from '$lib/server/observability/metrics';
import { requestId } from '$lib/server/observability/request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('an acceptable incoming X-Request-Id is kept; anything else is replaced by a random UUID', () => {
	expect(requestId('abc-123')).toBe('abc-123');
	expect(requestId('Root=1-67891233-abcdef012345678912345678')).toBe('Root=1-67891233-abcdef012345678912345678');
	expect(requestId(' 4bf92f3577b34da6a3ce929d0e0e4736 ')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
	for (const bad of [null, undefined, '', 'has space', 'a"b', 'x'.repeat(129), 'line\nbreak', '{"json":1}'])
		expect(requestId(bad)).toMatch(UUID);
	expect(requestId(null)).not.toBe(requestId(null));
});

test('LOG_LEVEL picks the level; an unknown one falls back to info', () => {
	expect(logLevel({})).toBe('info');
	expect(logLevel({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
	expect(logLevel({ LOG_LEVEL: 'silent' })).toBe('silent');
	expect(logLevel({ LOG_LEVEL: 'verbose' })).toBe('info');
});

test('SHUTDOWN_DELAY is seconds, 0 unless a positive number', () => {
	expect(shutdownDelayMs({})).toBe(0);
	expect(shutdownDelayMs({ SHUTDOWN_DELAY: '5' })).toBe(5000);
	expect(shutdownDelayMs({ SHUTDOWN_DELAY: '0.5' })).toBe(500);
	expect(shutdownDelayMs({ SHUTDOWN_DELAY: '-1' })).toBe(0);
	expect(shutdownDelayMs({ SHUTDOWN_DELAY: 'soon' })).toBe(0);
});

test('metric labels come from a fixed vocabulary: route ids, reasons, statement kinds', () => {
	expect(submissionSurface('/w/[code]/response', 'POST', '')).toBe('json');
	expect(submissionSurface('/w/[code]', 'POST', '?/submit')).toBe('form');
	expect(submissionSurface('/w/[code]', 'POST', '?/join')).toBeNull();
	expect(submissionSurface('/w/[code]', 'GET', '?/submit')).toBeNull();
	expect(submissionSurface('/w/[code]/response', 'GET', '')).toBeNull();
	expect([400, 403, 404, 409, 413, 415, 429, 500, 418].map(errorCodeForStatus)).toEqual([
		'invalid',
		'forbidden',
		'not_found',
		'closed',
		'too_large',
		'unsupported_type',
		'rate_limited',
		'server_error',
		'status_418'
	]);
	expect(pdfReport('/results/[code]/report.pdf')).toBe('result');
	expect(pdfReport('/workshops/[id]/team.pdf')).toBe('team');
	expect(pdfReport('/results/[code]')).toBeNull();
	expect(sqlOperation('  SELECT * from x')).toBe('select');
	expect(sqlOperation('insert into responses …')).toBe('insert');
	expect(sqlOperation('create table secret_name')).toBe('other');
	expect(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map(methodLabel)).toEqual([
		'GET',
		'HEAD',
		'POST',
		'PUT',
		'PATCH',
		'DELETE',
		'OPTIONS'
	]);
	for (const method of ['PROPFIND', 'MKCOL', 'SEARCH', 'CONNECT', 'TRACE', 'get'])
		expect(methodLabel(method)).toBe('other');
});

test('the metrics bearer token must match exactly', () => {
	expect(bearerMatches('Bearer s3cret', 's3cret')).toBe(true);
	expect(bearerMatches('bearer s3cret', 's3cret')).toBe(true);
	expect(bearerMatches('Bearer s3cre', 's3cret')).toBe(false);
	expect(bearerMatches('Basic s3cret', 's3cret')).toBe(false);
	expect(bearerMatches(null, 's3cret')).toBe(false);
});
