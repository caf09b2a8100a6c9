import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './src/lib/server/csp.js';

const node = adapter();

/**
 * adapter-node, plus the server entry: src/server-entry.js and the one module it imports, copied into build/ at
 * the same relative paths, so `node build/server-entry.js` logs in JSON and then runs adapter-node's build/index.js.
 * @type {import('@sveltejs/kit').Adapter}
 */
const nodeWithEntry = {
	...node,
	async adapt(builder) {
		await node.adapt(builder);
		builder.copy('src/server-entry.js', 'build/server-entry.js');
		builder.copy('src/lib/server/observability/log.js', 'build/lib/server/observability/log.js');
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: nodeWithEntry,
		alias: {
			$scoring: 'scoring'
		},
		// 'auto': a fresh nonce per server-rendered page, hashes for prerendered ones. The same directives are sent
		// as a header on every other response by src/lib/server/security.ts.
		csp: { mode: 'auto', directives: CSP_DIRECTIVES },
		// SvelteKit's origin check for form posts stays on (no trusted origins); src/lib/server/csrf.ts covers
		// every other content type.
		csrf: { trustedOrigins: [] },
		// Every stylesheet (the largest is 7.5 KB) goes into the page's <style>, with the page's nonce: a phone on a
		// slow link paints the server-rendered page from the HTML alone, without one more round trip per stylesheet.
		inlineStyleThreshold: 16_384
	}
};

export default config;
