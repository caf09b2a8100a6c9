/**
 * The submit profile's arithmetic (bench/cpu-profile.ts): only samples inside the window count, each function's
 * self time lands in its area — bundled code by the module it came from — and Node's and V8's own time is charged
 * to the nearest calling area. Also the room bench's phone addresses: one each, all on loopback.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { summariseProfile } from '../../bench/cpu-profile';
import { phoneAddress } from '../../bench/room';

const dir = mkdtempSync(join(tmpdir(), 'cpu-profile-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const frame = (functionName: string, url: string, lineNumber = 0) => ({
	functionName,
	url,
	lineNumber,
	columnNumber: 0,
	scriptId: '0'
});

function writeProfile(): string {
	// A bundled chunk: SvelteKit's code, then our service, each module after the comment line naming it.
	const chunk = join(dir, 'build', 'server', 'chunks', 'service.js-AbCd_123.js');
	mkdirSync(join(dir, 'build', 'server', 'chunks'), { recursive: true });
	writeFileSync(
		chunk,
		[
			"import { z } from 'zod';",
			'// node_modules/@sveltejs/kit/src/runtime/server/respond.js',
			'function respond() {}',
			'// src/lib/server/workshops/service.ts',
			'// Not a module: a comment in the code.',
			'export function submitResponse() {}'
		].join('\n')
	);
	const bundled = pathToFileURL(chunk).href;
	const zod = 'file:///app/node_modules/zod/v4/core/schemas.js';
	const nodes = [
		{ id: 1, callFrame: frame('(root)', ''), children: [2, 3, 4, 6, 7, 8] },
		{ id: 2, callFrame: frame('(idle)', '') },
		{ id: 3, callFrame: frame('(garbage collector)', '') },
		{ id: 4, callFrame: frame('parse', zod, 41), children: [5] },
		// A builtin called by zod: its own area for self time, zod's when charged to the caller.
		{ id: 5, callFrame: frame('test', '') },
		// Node's HTTP parser with no caller of ours: Node's either way.
		{ id: 6, callFrame: frame('parserOnHeadersComplete', 'node:_http_common') },
		{ id: 7, callFrame: frame('submitResponse', bundled, 5) },
		{ id: 8, callFrame: frame('respond', bundled, 2) }
	];
	// Samples 1 ms apart from t = 1,000 µs; the first (at 1,000) falls before the window.
	const samples = [4, 4, 5, 6, 7, 7, 7, 2, 3, 8, 2];
	const profile = { nodes, startTime: 0, endTime: 12_000, samples, timeDeltas: samples.map(() => 1000) };
	const file = join(dir, 'test.cpuprofile');
	writeFileSync(file, JSON.stringify(profile));
	return file;
}

test('self time by area within the window, bundled code by its module, builtins charged to their caller', () => {
	const summary = summariseProfile(writeProfile(), 1_500, 12_000);
	// Eleven samples, the first outside the window; the last has no successor, so it stands for no time.
	expect(summary.windowMs).toBe(9);
	expect(summary.self.get('zod (validation)')).toBe(1);
	expect(summary.self.get('V8 native / builtins')).toBe(1);
	expect(summary.self.get('Node runtime (http, streams, crypto)')).toBe(1);
	expect(summary.self.get('our server code (src/)')).toBe(3);
	expect(summary.self.get('SvelteKit + adapter-node')).toBe(1);
	expect(summary.self.get('idle')).toBe(1);
	expect(summary.self.get('garbage collection')).toBe(1);
	expect(summary.charged.get('zod (validation)')).toBe(2);
	expect(summary.charged.get('V8 native / builtins')).toBeUndefined();
	expect(summary.charged.get('Node runtime (http, streams, crypto)')).toBe(1);
	expect(summary.functions[0]).toEqual({
		name: 'submitResponse',
		where: 'src/lib/server/workshops/service.ts in service.js:6',
		area: 'our server code (src/)',
		selfMs: 3
	});
	expect(summary.functions.find((f) => f.name === 'respond')?.where).toBe(
		'@sveltejs/kit/src/runtime/server/respond.js in service.js:3'
	);
	expect(summary.functions.find((f) => f.name === 'parse')?.where).toBe('zod/v4/core/schemas.js:42');
	expect(summary.functions.some((f) => f.name === '(idle)')).toBe(false);
});

test('a thousand phones have a thousand loopback addresses', () => {
	const addresses = Array.from({ length: 1000 }, (_, i) => phoneAddress(i));
	expect(new Set(addresses).size).toBe(1000);
	for (const address of addresses) {
		expect(address).toMatch(/^127\.1\.[0-3]\.\d+$/);
		// Neither a network's .0 nor its broadcast .255.
		expect(Number(address.split('.')[3])).toBeGreaterThanOrEqual(1);
		expect(Number(address.split('.')[3])).toBeLessThanOrEqual(250);
	}
});
