import { afterEach, expect, test, vi } from 'vitest';
import { reportServerError } from '../../../src/lib/server/errors';

type Input = Parameters<typeof reportServerError>[0];

const event = {
	request: new Request('https://readiness.example/results/SECRET-ANSWER-CODE', { method: 'GET' }),
	route: { id: '/results/[code]' }
} as unknown as Input['event'];

afterEach(() => {
	vi.restoreAllMocks();
});

test('an unexpected error gives the client a generic message with a reference, and logs the detail', () => {
	const log = vi.spyOn(console, 'error').mockImplementation(() => {});
	const error = new Error('connection to db at 10.0.0.5 refused\n    at secret.ts:12');
	const body = reportServerError({ error, event, status: 500, message: 'Internal Error' });
	const message = (body as { message: string }).message;
	expect(message).toMatch(/^Something went wrong on our side\. Please try again \(reference [0-9a-f]{8}\)\.$/);
	expect(message).not.toContain('10.0.0.5');
	expect(message).not.toContain('secret.ts');
	const reference = /reference ([0-9a-f]{8})/.exec(message)?.[1];
	expect(log).toHaveBeenCalledOnce();
	const logged = log.mock.calls[0]!;
	expect(String(logged[0])).toContain(`[error ${reference}] 500 GET /results/[code]`);
	// The log names the route, never the URL: result URLs carry a person's answers.
	expect(logged.map(String).join(' ')).not.toContain('SECRET-ANSWER-CODE');
	// The error is described, not printed as an object (which would carry a failed query's parameters).
	expect(logged).toHaveLength(1);
	expect(String(logged[0])).toContain('Error: connection to db at 10.0.0.5 refused');
});

test("expected 4xx keep SvelteKit's safe message and are not logged", () => {
	const log = vi.spyOn(console, 'error').mockImplementation(() => {});
	const body = reportServerError({
		error: new Error('Not found: /results/SECRET'),
		event,
		status: 404,
		message: 'Not Found'
	});
	expect(body).toEqual({ message: 'Not Found' });
	expect(log).not.toHaveBeenCalled();
});
