import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the page; returns the violations in a readable form. The
 * pages' Content-Security-Policy forbids injected scripts, so the context must be created with `bypassCSP: true`
 * (CSP has its own tests).
 */
export async function violations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axe.source });
	const results = await page.evaluate(() =>
		(window as unknown as { axe: typeof axe }).axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }
		})
	);
	return results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}
