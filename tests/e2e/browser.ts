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

/**
 * Opens the section holding the radar chart when it is folded (as on a phone), scrolls to the chart and waits
 * until chart.js has drawn it (sized its canvas): the chart loads chart.js only once it is near the viewport.
 */
export async function radarDrawn(page: Page): Promise<void> {
	const fold = page.locator('details:not([open]):has(canvas[data-chart=radar]) > summary');
	if (await fold.count()) await fold.first().click();
	await page.locator('canvas[data-chart=radar]').first().scrollIntoViewIfNeeded();
	await page.waitForFunction(() => {
		const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-chart=radar]');
		return !!canvas && canvas.width > 0 && !!canvas.getAttribute('style')?.includes('width');
	});
}

/**
 * Opens `url` with the app's entry script held back, as a slow connection would hold it, runs `act` (typing,
 * ticking) on the server-rendered page, then lets the script through and waits until the page has hydrated.
 */
export async function actBeforeHydration(page: Page, url: string, act: () => Promise<void>): Promise<void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	// SvelteKit's app entry, or an island script (src/lib/islands.ts).
	await page.route(/\/_app\/immutable\/(entry\/app|island\/(questionnaire|results))\.[^/]+\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	// Not 'domcontentloaded': a held module script (/assess's) holds that event back too. The footer, last in the
	// page, says the server-rendered document has been read.
	await page.goto(url, { waitUntil: 'commit' });
	await page.locator('footer').waitFor({ state: 'attached' });
	await act();
	release();
	await page.waitForLoadState('networkidle');
	if (!(await pageScriptRan(page))) throw new Error(`${url} did not start its script`);
}

/**
 * Whether the page's script ran, as an expression evaluated in the page (a string: a bundler's helpers around a
 * function would not exist there): SvelteKit's start-up (it sets a `__sveltekit_…` global before hydrating), or on a
 * page without SvelteKit's client (/assess, a result) its island script, which marks each island `data-hydrated`
 * (src/lib/islands.ts): all of them.
 */
const SCRIPT_RAN = `Object.keys(window).some((key) => key.startsWith('__sveltekit_')) ||
	(document.querySelectorAll('[data-island]').length > 0 &&
		document.querySelectorAll('[data-island]:not([data-hydrated])').length === 0)`;

/** Whether the page's script ran and hydrated it (SvelteKit's, or the island script of a page without it). */
export function pageScriptRan(page: Page): Promise<boolean> {
	return page.evaluate<boolean>(SCRIPT_RAN);
}

/** Waits until the page's script has run and hydrated it. */
export async function waitForPageScript(page: Page): Promise<void> {
	await page.waitForFunction(SCRIPT_RAN);
}
