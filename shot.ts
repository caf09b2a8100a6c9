import { launchBrowser } from './tests/e2e/browser';
import { startServer } from './tests/e2e/server';
import { encodeAnswerCode } from './scoring/answer-code';
import { BANK_V2 } from './scoring/bank';
import { PROFILES } from './tests/fixtures/profiles';
const server = await startServer();
const browser = await launchBrowser();
const which = (process.argv[2] ?? '4').split(',').map(Number);
try {
	for (const i of which) {
		const p = PROFILES[i]!;
		const url = `${server.url}/results/${encodeAnswerCode(BANK_V2, p.answers)}`;
		for (const width of [390, 1280]) {
			const ctx = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 } });
			const page = await ctx.newPage();
			await page.goto(url);
			await page.waitForLoadState('networkidle');
			await page.screenshot({ path: `/tmp/shots/r${i}-${width}.png`, fullPage: process.argv[3] === 'full' });
			await ctx.close();
		}
	}
} finally {
	await browser.close();
	await server.stop();
}
