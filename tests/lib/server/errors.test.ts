import { afterEach, expect, test, vi } from 'vitest';
import { reportServerError } from '$lib/server/errors';
import { getLogger } from '$lib/server/observability/log';

type Input = Parameters<typeof reportServerError>[0];

const event = {
	request: new Request('https://readiness.example/results/SECRET-ANSWER-CODE', { method: 'GET' }),
	route: { id: '/results/[code]' },
	locals: { requestId: 'req-42' }
} as unknown as Input['event'];

afterEach(() => {
	vi.restoreAllMocks();
});

test('an unexpected error gives the client a generic message with a reference, and logs the detail as one JSON object', () => {
	const log = vi.spyOn(getLogger(), 'error').mockImplementation(() => {});
	const error = new Error('connection to db at 10.0.0.5 refused\n    at secret.ts:12');
	const body = reportServerError({ error, event, status: 500, message: 'Internal Error' });
	expect(body).toEqual({ error: 'server_error', message: expect.any(String) });
	const message = (body as { message: string }).message;
	expect(message).toMatch(/^Something went wrong on our side\. Please try again \(reference [0-9a-f]{8}\)\.$/);
	expect(message).not.toContain('10.0.0.5');
	expect(message).not.toContain('secret.ts');
	const reference = /reference ([0-9a-f]{8})/.exec(message)?.[1];
	expect(log).toHaveBeenCalledOnce();
	const [fields, text] = log.mock.calls[0]! as unknown as [Record<string, unknown>, string];
	expect(fields).toEqual({
		ref: reference,
		reqId: 'req-42',
		status: 500,
		method: 'GET',
		route: '/results/[code]',
		err: expect.stringContaining('Error: connection to db at 10.0.0.5 refused')
	});
	// The error is described as text, not logged as an object (which would carry a failed query's parameters).
	expect(typeof fields.err).toBe('string');
	expect(text).toBe('unexpected error');
	// The log names the route, never the URL: result URLs carry a person's answers.
	expect(JSON.stringify(fields)).not.toContain('SECRET-ANSWER-CODE');
});

test("expected 4xx keep SvelteKit's safe message, get the code for their status and are not logged", () => {
	const log = vi.spyOn(getLogger(), 'error').mockImplementation(() => {});
	const body = reportServerError({
		error: new Error('Not found: /results/SECRET'),
		event,
		status: 404,
		message: 'Not Found'
	});
	expect(body).toEqual({ error: 'not_found', message: 'Not Found' });
	expect(log).not.toHaveBeenCalled();
});
