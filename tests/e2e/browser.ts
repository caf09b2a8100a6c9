import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumPath } from './chromium-path.js';

/** Flags Debian's Chromium needs as root on these machines (and harmless elsewhere). */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** Launches headless Debian Chromium through playwright-core. */
export async function launchBrowser(): Promise<Browser> {
	const executablePath = chromiumPath();
	if (!executablePath) throw new Error('no Chromium: install it with `apt-get install -y chromium`');
	return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh page in its own context; fails the test on any dialog (an XSS payload would open one). */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	page.on('dialog', async (dialog) => {
		await dialog.dismiss();
		throw new Error(`unexpected dialog: ${dialog.message()}`);
	});
	return page;
}
