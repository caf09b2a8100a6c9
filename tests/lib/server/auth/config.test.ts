import { expect, test } from 'vitest';
import { AuthConfigError, readOidcSettings, safeReturnTo } from '$lib/server/auth/config';
import { allowFormActionTo } from '$lib/server/auth/handle';

const full = { OIDC_ISSUER: 'https://login.example.org/realms/staff', OIDC_CLIENT_ID: 'app', OIDC_CLIENT_SECRET: 's' };

test('sign-in is off without the variables, on with all three, and a start error names the missing ones', () => {
	expect(readOidcSettings({})).toBeNull();
	const settings = readOidcSettings(full)!;
	expect(settings.issuer.href).toBe('https://login.example.org/realms/staff');
	expect(settings.scopes).toBe('openid email profile');
	expect(settings.sessionMaxAgeSeconds).toBe(12 * 3600);
	expect(settings.allowInsecure).toBe(false);
	expect(() => readOidcSettings({ OIDC_ISSUER: full.OIDC_ISSUER })).toThrow(
		/missing: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/
	);
	expect(() => readOidcSettings({ ...full, OIDC_ISSUER: 'not a url' })).toThrow(AuthConfigError);
	expect(() => readOidcSettings({ ...full, OIDC_ISSUER: 'http://login.example.org' })).toThrow(/https/);
	expect(readOidcSettings({ ...full, OIDC_ISSUER: 'http://127.0.0.1:9000' })!.allowInsecure).toBe(true);
	expect(readOidcSettings({ ...full, OIDC_ISSUER: 'http://localhost:9000' })!.allowInsecure).toBe(true);
	expect(() => readOidcSettings({ ...full, SESSION_MAX_AGE: '5' })).toThrow(/SESSION_MAX_AGE/);
	expect(readOidcSettings({ ...full, SESSION_MAX_AGE: '3600' })!.sessionMaxAgeSeconds).toBe(3600);
});

test('after sign-in the browser only ever goes to a path on this site', () => {
	expect(safeReturnTo('/workshops/new')).toBe('/workshops/new');
	expect(safeReturnTo('/auth/invite/abc_DEF-123')).toBe('/auth/invite/abc_DEF-123');
	for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'evil', '/a b', '', null, '/x\n'])
		expect(safeReturnTo(bad)).toBe('/my-workshops');
	expect(safeReturnTo(`/${'a'.repeat(600)}`)).toBe('/my-workshops');
});

test("a page's form-action gains the identity provider's origin and nothing else changes", () => {
	const policy = "default-src 'self'; form-action 'self'; frame-ancestors 'none'";
	expect(allowFormActionTo(policy, ['https://login.example.org'])).toBe(
		"default-src 'self'; form-action 'self' https://login.example.org; frame-ancestors 'none'"
	);
	expect(allowFormActionTo("form-action 'self' https://a.example", ['https://a.example'])).toBe(
		"form-action 'self' https://a.example"
	);
	expect(allowFormActionTo("default-src 'self'", ['https://a.example'])).toBe("default-src 'self'");
});
