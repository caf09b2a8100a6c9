/**
 * A real OpenID provider for the e2e tests (the `oidc-provider` package): authorization code flow with PKCE,
 * signed ID tokens, and its development login form ("any login, any password") followed by a consent page. Any
 * login name is an account; its `name` claim is `Name <login>`.
 */
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import type { Locator } from 'playwright-core';
import { freePort, startServer, type RunningServer } from '../server';

/** The one client the provider knows: the app under test. */
const CLIENT_ID = 'readiness-e2e';
const CLIENT_SECRET = 'e2e-client-secret-0123456789abcdef';

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	close: () => Promise<void>;
}

/** Starts the provider on `issuer` (http://localhost:<port>) with one client allowed to return to `redirectUri`. */
export async function startProvider(issuer: string, redirectUri: string): Promise<TestProvider> {
	const clientId = CLIENT_ID;
	const clientSecret = CLIENT_SECRET;
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [redirectUri],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		async findAccount(_ctx: unknown, id: string) {
			return { accountId: id, claims: async () => ({ sub: id, name: `Name ${id}`, email: `${id}@example.org` }) };
		},
		claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
		// Name and email in the ID token itself (as most company providers do).
		conformIdTokenClaims: false,
		cookies: { keys: ['e2e-provider-cookie-key-0123456789'] },
		ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
		features: { devInteractions: { enabled: true } }
	});
	// The dev interactions and ephemeral keys print warnings: expected in a test.
	provider.on('server_error', (...args: unknown[]) => console.error('test provider error', ...args));
	// `localhost` may resolve to 127.0.0.1 or ::1: listen on both loopback addresses, nowhere else.
	const port = Number(new URL(issuer).port);
	const servers: Server[] = [];
	for (const host of ['127.0.0.1', '::1']) {
		const server = createServer(provider.callback());
		const listening = await new Promise<boolean>((resolve) => {
			server.once('error', () => resolve(false));
			server.listen(port, host, () => resolve(true));
		});
		if (listening) servers.push(server);
	}
	if (servers.length === 0) throw new Error(`the test provider could not listen on port ${port}`);
	return {
		issuer,
		clientId,
		clientSecret,
		close: async () => {
			for (const server of servers) {
				server.closeAllConnections();
				await new Promise<void>((resolve) => server.close(() => resolve()));
			}
		}
	};
}

/** A provider address on a free loopback port (the app's sign-in configuration needs it before either starts). */
export async function newIssuer(): Promise<string> {
	return `http://localhost:${await freePort()}`;
}

/** The built app with OpenID Connect sign-in, and the provider it signs in with. */
export interface SignInApp {
	app: RunningServer;
	provider: TestProvider;
	stop: () => Promise<void>;
}

/**
 * Starts the built app configured for sign-in at `issuer`, then the provider there: the app first, because its port
 * decides the redirect URI (the app discovers the provider on the first sign-in).
 */
export async function startSignInApp(
	issuer: string,
	env: Record<string, string> = {},
	options: Parameters<typeof startServer>[1] = {}
): Promise<SignInApp> {
	const app = await startServer(
		{ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, ...env },
		options
	);
	const provider = await startProvider(issuer, `${app.url}/auth/callback`);
	return {
		app,
		provider,
		stop: async () => {
			await app.stop();
			await provider.close();
		}
	};
}

/**
 * Clicks the app's sign-in `button` and signs in as `login` at the provider's login and consent pages (or, when this
 * browser is already signed in there, goes straight back); waits until the browser is back on the app at `appUrl`.
 * What the click leads to is read from the page that answers it — the first document, after the redirects, that the
 * browser shows: waiting for a URL, or for any navigation, right after the click can match the page the click was
 * made on (under load SvelteKit's start-up replaced that page's history entry after the click, a same-document
 * navigation, and the test went on signed out).
 */
export async function signInThrough(button: Locator, appUrl: string, issuer: string, login: string): Promise<void> {
	const page = button.page();
	const landed = page.waitForResponse(
		(r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && r.status() < 300
	);
	await button.click();
	const shown = new URL((await landed).url());
	await page.waitForURL((url) => url.origin === shown.origin && url.pathname === shown.pathname);
	if (new URL(page.url()).origin === appUrl) return;
	const loginBox = page.locator('input[name="login"]');
	const consent = page.getByRole('button', { name: 'Continue' });
	// The provider shows its login form, or (already signed in there) its consent page, or sends the browser back.
	await Promise.race([loginBox.waitFor(), consent.waitFor(), page.waitForURL((url) => url.origin === appUrl)]);
	if (await loginBox.isVisible()) {
		await loginBox.fill(login);
		await page.locator('input[name="password"]').fill('any password');
		await page.getByRole('button', { name: 'Sign-in' }).click();
	}
	await Promise.race([page.waitForURL((url) => url.origin === appUrl), consent.waitFor().then(() => consent.click())]);
	await page.waitForURL((url) => url.origin === appUrl);
}
