import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

test('the landing page renders its heading in Chromium', async () => {
	const page = await newPage(browser);
	await page.goto(inject('baseURL'));
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/readiness/i);
});
