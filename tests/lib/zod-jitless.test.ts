/**
 * The browser's zod must not probe for eval (the CSP forbids it, and the probe logs a violation): src/hooks.client.ts
 * sets zod's configuration before zod loads. This runs in its own test file, so zod is loaded here for the first
 * time, after the setting — as in the browser.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { zodWithoutEval } from '../../src/hooks.client';

afterEach(() => vi.restoreAllMocks());

test('with the hook run first, zod parses objects without ever calling Function (no eval probe)', async () => {
	zodWithoutEval();
	const { z } = await import('zod');
	expect(z.config().jitless).toBe(true);
	const calls = vi.spyOn(globalThis, 'Function');
	const schema = z.object({ answers: z.record(z.string(), z.string()), idempotencyKey: z.string() });
	expect(schema.parse({ answers: { q: 'a' }, idempotencyKey: 'k' })).toEqual({
		answers: { q: 'a' },
		idempotencyKey: 'k'
	});
	expect(calls).not.toHaveBeenCalled();

	// The control: zod's default does compile (probing with Function), so the spy above can see it.
	z.config({ jitless: false });
	z.object({ other: z.number() }).parse({ other: 1 });
	expect(calls).toHaveBeenCalled();
});
