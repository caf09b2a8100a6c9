// Plain JavaScript (with JSDoc types) because svelte.config.js imports it, and Node 20 runs that file without a
// TypeScript loader. One policy, used twice: SvelteKit adds nonces/hashes to it for pages (`kit.csp`), and
// `security.ts` sends it as a header on every other response.

/**
 * The style attributes allowed, by the SHA-256 of their exact text: app.html's body wrapper and SvelteKit's route
 * announcer (`@sveltejs/kit/src/core/sync/write_root.js`). A test recomputes both from those files, so an upgrade
 * that changes either fails the tests instead of the page.
 */
export const STYLE_ATTRIBUTE_HASHES = /** @type {const} */ ({
	'display: contents': 'sha256-tcbDxjMo+xKqM21aCGYbs/QAJqB7yUXC06oPWDapBgc=',
	announcer: 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='
});

/** @typedef {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} CspDirectives */

/**
 * The Content-Security-Policy of the app. Nothing is loaded from other origins; scripts run only from our own
 * files (SvelteKit adds a nonce for server-rendered pages and hashes for prerendered ones); stylesheets only from our
 * own files, and the one `<style>` element SvelteKit writes (the page's stylesheets inlined, `inlineStyleThreshold`
 * in svelte.config.js) only with that nonce, so injected CSS cannot use selectors to read the page. (SvelteKit also
 * lists the nonce under `style-src-attr`, where a nonce matches nothing: attributes cannot carry one.) Inline
 * `style="…"` attributes are refused except the two SvelteKit itself writes, allowed by their hashes
 * ({@link STYLE_ATTRIBUTE_HASHES}); our own markup has none (bars are SVG: `Bar.svelte`). Images may be
 * `data:`/`blob:` URLs (QR codes, chart exports). `frame-ancestors` only works as a header, which SvelteKit sends
 * for dynamic pages and `security.ts` for everything else.
 *
 * @type {CspDirectives}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	'style-src-attr': ['unsafe-hashes', ...Object.values(STYLE_ATTRIBUTE_HASHES)],
	'img-src': ['self', 'data:', 'blob:'],
	'connect-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

/** CSP keywords that must be single-quoted in a policy (the rest — schemes, hosts, `nonce-`/`sha256-` — as given). */
const KEYWORDS = new Set([
	'self',
	'none',
	'unsafe-inline',
	'unsafe-eval',
	'unsafe-hashes',
	'strict-dynamic',
	'report-sample',
	'wasm-unsafe-eval',
	'script'
]);

/**
 * Serialises directives into a Content-Security-Policy header value, quoting keywords the way SvelteKit does.
 *
 * @param {CspDirectives} directives
 * @returns {string}
 */
export function serializeCsp(directives) {
	/** @type {string[]} */
	const parts = [];
	for (const [name, value] of Object.entries(directives)) {
		if (value === undefined || value === false) continue;
		if (value === true) {
			parts.push(name);
			continue;
		}
		const sources = /** @type {string[]} */ (value).map((source) =>
			KEYWORDS.has(source) || /^(nonce|sha\d{3})-/.test(source) ? `'${source}'` : source
		);
		parts.push([name, ...sources].join(' '));
	}
	return parts.join('; ');
}
