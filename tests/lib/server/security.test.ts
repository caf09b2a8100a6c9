import { createServer, type RequestListener, type Server } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import {
	DEFAULT_CSP,
	PRERENDERED_HTML_CSP,
	SECURITY_HEADERS,
	installNodeSecurityHeaders,
	securityHeaders
} from '$lib/server/security';

let server: Server | undefined;
afterEach(async () => {
	await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
	server = undefined;
});

/** Serves `listener` on a loopback port with the Node-level headers installed, and fetches `/`. */
async function fetchFrom(listener: RequestListener): Promise<Response> {
	installNodeSecurityHeaders();
	installNodeSecurityHeaders(); // idempotent: a second call must not wrap twice
	server = createServer(listener);
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return fetch(`http://127.0.0.1:${port}/`);
}

function expectSecurityHeaders(response: Response, csp: string) {
	expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
	expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	expect(response.headers.get('x-frame-options')).toBe('DENY');
	expect(response.headers.get('referrer-policy')).toBe('same-origin');
	expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
	expect(response.headers.get('permissions-policy')).toContain('camera=()');
	expect(response.headers.get('content-security-policy')).toBe(csp);
}

describe('installNodeSecurityHeaders (responses made outside SvelteKit)', () => {
	test('a response sent with writeHead(status, headers), as sirv does, gets every header', async () => {
		const response = await fetchFrom((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end('<svg/>');
		});
		expectSecurityHeaders(response, DEFAULT_CSP);
		expect(response.headers.get('content-type')).toBe('image/svg+xml');
		// Never two copies of a header (a second CSP would be enforced as well).
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	test('an implicit head (statusCode + end), as adapter-node\'s "Bad Request" does, gets every header', async () => {
		const response = await fetchFrom((_req, res) => {
			res.statusCode = 400;
			res.end('Bad Request');
		});
		expect(response.status).toBe(400);
		expectSecurityHeaders(response, DEFAULT_CSP);
	});

	test('headers given as a flat array are respected', async () => {
		const response = await fetchFrom((_req, res) => {
			res.writeHead(200, ['Content-Type', 'text/css', 'X-Frame-Options', 'SAMEORIGIN']).end('a{}');
		});
		expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		expect(response.headers.get('content-type')).toBe('text/css');
		expect(response.headers.get('content-security-policy')).toBe(DEFAULT_CSP);
	});

	test("a policy the app set itself (SvelteKit's nonce policy) is left alone", async () => {
		const own = "default-src 'self'; script-src 'self' 'nonce-abc'";
		const response = await fetchFrom((_req, res) => {
			res.setHeader('Content-Security-Policy', own);
			res.setHeader('Content-Type', 'text/html');
			res.writeHead(200).end('<p>hi</p>');
		});
		expectSecurityHeaders(response, own);
	});

	test('HTML without a policy (a prerendered page, policy in its meta tag) gets only what meta cannot carry', async () => {
		const response = await fetchFrom((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>hi</p>');
		});
		expectSecurityHeaders(response, PRERENDERED_HTML_CSP);
		expect(PRERENDERED_HTML_CSP).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'none'");
	});
});

describe('securityHeaders handle', () => {
	const event = {} as Parameters<typeof securityHeaders>[0]['event'];

	test('adds the headers and the default policy to a response without one', async () => {
		const response = await securityHeaders({
			event,
			resolve: async () => new Response('{}', { headers: { 'content-type': 'application/json' } })
		});
		expectSecurityHeaders(response, DEFAULT_CSP);
	});

	test('keeps what a route chose, and copies a response whose headers are immutable', async () => {
		const upstream = Response.redirect('https://readiness.example/elsewhere', 302); // immutable headers
		const response = await securityHeaders({ event, resolve: async () => upstream });
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe('https://readiness.example/elsewhere');
		expectSecurityHeaders(response, DEFAULT_CSP);

		const chosen = await securityHeaders({
			event,
			resolve: async () => new Response('', { headers: { 'cross-origin-resource-policy': 'cross-origin' } })
		});
		expect(chosen.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
		expect(Object.keys(SECURITY_HEADERS)).toContain('cross-origin-resource-policy');
	});
});
