import { existsSync } from 'node:fs';

/** Path of the Chromium binary the e2e tests drive, or null when none is installed. */
export function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((p) => p && existsSync(p)) ?? null;
}
