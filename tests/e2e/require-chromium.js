// Stops the e2e run with one line when no Chromium is installed (Playwright's own download cannot work here).
import { chromiumPath } from './chromium-path.js';

if (!chromiumPath()) {
	console.error(
		'e2e: no Chromium found at $CHROMIUM_PATH or /usr/bin/chromium — install it with `sudo apt-get install -y chromium`.'
	);
	process.exit(1);
}
