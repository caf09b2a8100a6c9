/**
 * A private facilitator link (`/workshops/<id>?key=<token>`) opened from another site: webmail, a chat in a browser
 * tab, or a page that sends a facilitator to someone else's link. That navigation carries no SameSite=Strict
 * facilitator cookie, nor does the redirect after it, so the server cannot know which workshops the browser holds:
 * writing the cookie then would replace them all with this one, and the dashboard it redirects to would not be let
 * in. So the key is checked, no cookie is written, and a no-store page reloads the same address once from our own
 * origin; that request carries the cookie, and the dashboard's load merges the workshop into it and redirects
 * (routes/workshops/[id]/+page.server.ts). A wrong key goes on to the page, which says it is not valid.
 */
import type { Handle } from '@sveltejs/kit';
import { carriesCookies } from './http';
import { getWorkshops } from './workshops/service';

/** The static script that reloads the page (a file, so the policy's `script-src 'self'` allows it). */
const RELOAD_SCRIPT = '/private-link-reload.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page that reloads `url` from our own origin: a static script, a refresh without JavaScript, and a link. */
function reloadPage(url: URL): Response {
	const href = escape(`${url.pathname}${url.search}`);
	const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Opening your workshop dashboard</title>
<script src="${RELOAD_SCRIPT}"></script>
<noscript><meta http-equiv="refresh" content="0"></noscript>
</head>
<body>
<main>
<h1>Opening your workshop dashboard…</h1>
<p>This link was opened from another site, so your browser did not send this site its cookie. If the dashboard does not open, <a href="${href}">open it here</a>.</p>
</main>
</body>
</html>
`;
	return new Response(html, {
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/** `handle` step: answers a valid private link that arrived cross-site with {@link reloadPage}. */
export const privateLinkReload: Handle = async ({ event, resolve }) => {
	const key = event.url.searchParams.get('key');
	if (
		key === null ||
		event.route.id !== '/workshops/[id]' ||
		(event.request.method !== 'GET' && event.request.method !== 'HEAD') ||
		carriesCookies(event.request, 'strict')
	)
		return resolve(event);
	const valid = await (await getWorkshops()).getForFacilitator(event.params.id ?? '', key).then(
		() => true,
		() => false
	);
	return valid ? reloadPage(event.url) : resolve(event);
};
