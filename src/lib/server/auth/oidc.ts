/**
 * The OpenID Connect relying party (openid-client): authorization code flow with PKCE (S256), `state` and
 * `nonce` — all three fresh per attempt, kept server-side (`login_attempts`) and checked by openid-client on the
 * callback together with the ID token's issuer, audience, signature and expiry.
 */
import * as client from 'openid-client';
import type { OidcSettings } from './config';

let discovered: { settings: OidcSettings; config: Promise<client.Configuration> } | undefined;
/** The authorization endpoint's origin, once discovered. */
let endpointOrigin: string | undefined;

/** The provider's configuration, discovered once (a failed discovery is retried on the next sign-in). */
export function providerConfig(settings: OidcSettings): Promise<client.Configuration> {
	if (discovered?.settings !== settings) {
		const config = client
			.discovery(
				settings.issuer,
				settings.clientId,
				settings.clientSecret,
				undefined,
				settings.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined
			)
			.then(
				(config) => {
					const endpoint = config.serverMetadata().authorization_endpoint;
					endpointOrigin = endpoint ? new URL(endpoint).origin : undefined;
					return config;
				},
				(error: unknown) => {
					discovered = undefined;
					throw error;
				}
			);
		discovered = { settings, config };
	}
	return discovered.config;
}

/**
 * Origins a sign-in form's redirect goes through: the issuer's and, once discovered, the authorization endpoint's
 * (never waits for discovery: pages must not slow down when the provider does).
 */
export function providerOrigins(settings: OidcSettings): string[] {
	const origins = new Set([settings.issuer.origin]);
	if (endpointOrigin) origins.add(endpointOrigin);
	return [...origins];
}

export interface AttemptSecrets {
	state: string;
	nonce: string;
	codeVerifier: string;
}

/** Fresh secrets for one sign-in attempt. */
export function newAttemptSecrets(): AttemptSecrets {
	return {
		state: client.randomState(),
		nonce: client.randomNonce(),
		codeVerifier: client.randomPKCECodeVerifier()
	};
}

/** Where to send the browser to sign in. */
export async function authorizationUrl(
	settings: OidcSettings,
	redirectUri: string,
	secrets: AttemptSecrets
): Promise<URL> {
	const config = await providerConfig(settings);
	return client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: settings.scopes,
		response_type: 'code',
		state: secrets.state,
		nonce: secrets.nonce,
		code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
		code_challenge_method: 'S256'
	});
}

/** Why a callback was refused, for the person (never the provider's raw error text). */
export class SignInError extends Error {
	constructor(
		message: string,
		/** A short code for the log. */
		readonly code: string
	) {
		super(message);
		this.name = 'SignInError';
	}
}

/**
 * Completes the flow: checks the callback's `state`, exchanges the code with the PKCE verifier, verifies the ID
 * token (including `nonce`) and returns who signed in.
 * @throws SignInError
 */
export async function completeSignIn(
	settings: OidcSettings,
	callbackUrl: URL,
	secrets: AttemptSecrets
): Promise<{ issuer: string; subject: string; displayName: string | null }> {
	const config = await providerConfig(settings);
	let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
	try {
		tokens = await client.authorizationCodeGrant(config, callbackUrl, {
			pkceCodeVerifier: secrets.codeVerifier,
			expectedState: secrets.state,
			expectedNonce: secrets.nonce,
			idTokenExpected: true
		});
	} catch (error) {
		const code =
			error instanceof client.AuthorizationResponseError
				? `provider:${error.error}`
				: ((error as { code?: string }).code ?? 'failed');
		throw new SignInError(
			error instanceof client.AuthorizationResponseError
				? 'The identity provider did not sign you in. Please try again.'
				: 'Sign-in could not be completed: the answer from the identity provider did not match this sign-in attempt. Please try again.',
			code
		);
	}
	const claims = tokens.claims();
	if (!claims?.sub) throw new SignInError('The identity provider did not say who signed in.', 'no_subject');
	const name = typeof claims.name === 'string' ? claims.name : typeof claims.email === 'string' ? claims.email : null;
	return { issuer: claims.iss, subject: claims.sub, displayName: name ? name.slice(0, 120) : null };
}
