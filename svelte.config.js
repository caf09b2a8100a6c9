import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './src/lib/server/csp.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		alias: {
			$scoring: 'scoring'
		},
		// 'auto': a fresh nonce per server-rendered page, hashes for prerendered ones. The same directives are sent
		// as a header on every other response by src/lib/server/security.ts.
		csp: { mode: 'auto', directives: CSP_DIRECTIVES },
		// SvelteKit's origin check for form posts stays on (no trusted origins); src/lib/server/csrf.ts covers
		// every other content type.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
