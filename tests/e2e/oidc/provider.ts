/**
 * A real OpenID provider for the e2e tests (the `oidc-provider` package): authorization code flow with PKCE,
 * signed ID tokens, and its development login form ("any login, any password") followed by a consent page. Any
 * login name is an account; its `name` claim is `Name <login>`.
 */
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	close: () => Promise<void>;
}

/** Starts the provider on `issuer` (http://localhost:<port>) with one client allowed to return to `redirectUri`. */
export async function startProvider(issuer: string, redirectUri: string): Promise<TestProvider> {
	const clientId = 'readiness-e2e';
	const clientSecret = 'e2e-client-secret-0123456789abcdef';
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
