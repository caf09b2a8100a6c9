/**
 * Facilitator sign-in with OpenID Connect is on when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all
 * set; with none of them the app runs exactly as without this module (private facilitator links only). Setting
 * only some of them is a configuration mistake: the server refuses to start and says which are missing.
 */

export interface OidcSettings {
	issuer: URL;
	clientId: string;
	clientSecret: string;
	/** Scopes asked for (default `openid email profile`). */
	scopes: string;
	/** How long a session lasts from sign-in, in seconds (`SESSION_MAX_AGE`, default 12 hours). */
	sessionMaxAgeSeconds: number;
	/** Plain-HTTP issuers are accepted only on loopback (a test or a local provider). */
	allowInsecure: boolean;
}

export class AuthConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AuthConfigError';
	}
}

const REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
const DEFAULT_SESSION_MAX_AGE = 12 * 3600;

function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** The sign-in settings from the environment, or null when sign-in is off. @throws AuthConfigError */
export function readOidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
	const set = REQUIRED.filter((name) => (env[name] ?? '').trim() !== '');
	if (set.length === 0) return null;
	if (set.length < REQUIRED.length) {
		const missing = REQUIRED.filter((name) => !set.includes(name));
		throw new AuthConfigError(
			`OpenID Connect sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; missing: ${missing.join(', ')}.`
		);
	}
	let issuer: URL;
	try {
		issuer = new URL(env.OIDC_ISSUER!.trim());
	} catch {
		throw new AuthConfigError('OIDC_ISSUER must be a URL, e.g. https://login.example.org/realms/staff.');
	}
	const allowInsecure = issuer.protocol === 'http:' && isLoopback(issuer.hostname);
	if (issuer.protocol !== 'https:' && !allowInsecure)
		throw new AuthConfigError('OIDC_ISSUER must be an https:// URL (plain http only on localhost).');
	const maxAge = Number(env.SESSION_MAX_AGE ?? DEFAULT_SESSION_MAX_AGE);
	if (!(Number.isInteger(maxAge) && maxAge >= 60 && maxAge <= 30 * 24 * 3600))
		throw new AuthConfigError('SESSION_MAX_AGE must be a whole number of seconds between 60 and 2592000 (30 days).');
	return {
		issuer,
		clientId: env.OIDC_CLIENT_ID!.trim(),
		clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
		scopes: (env.OIDC_SCOPES ?? '').trim() || 'openid email profile',
		sessionMaxAgeSeconds: maxAge,
		allowInsecure
	};
}

let cached: { settings: OidcSettings | null } | undefined;

/** The process's sign-in settings (read once), or null when sign-in is off. @throws AuthConfigError */
export function oidcSettings(): OidcSettings | null {
	cached ??= { settings: readOidcSettings() };
	return cached.settings;
}

/** Whether facilitator sign-in is configured. */
export function signInEnabled(): boolean {
	return oidcSettings() !== null;
}

/**
 * A path on this site to go to after signing in, or `fallback`: only `/…` paths (not `//host` or `/\host`, which
 * browsers treat as other sites), without spaces or control characters, at most 512 characters.
 */
export function safeReturnTo(value: string | null | undefined, fallback = '/my-workshops'): string {
	if (!value || value.length > 512) return fallback;
	if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(value)) return fallback;
	return value;
}
