/**
 * The OSCAL downloads through the built app: the results page's links (with and without JavaScript) save the
 * Assessment Results and the POA&M the server builds from the code, and both validate against NIST's published
 * OSCAL 1.1.3 schemas (schema-level validation, tests/fixtures/oscal/README.md). A bad code or an older bank's
 * result answers 400 in plain text, and an older bank's page offers no OSCAL links.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { BANK_V1, BANK_V3 } from '$scoring/content/banks';
import { isCurrent, score } from '$scoring/model';
import { isoDate } from '$scoring/present/format';
import { SELF_ASSESSMENT_NOTICE } from '$scoring/export/oscal';
import { PUBLISHED_SCHEMAS, publishedSchemaValidator } from '../fixtures/oscal/schemas';
import { typicalAnswers } from '../fixtures/profiles';
import { launchBrowser, newPage } from './browser';

const baseURL = () => inject('baseURL');
const answers = typicalAnswers();
const code = encodeAnswerCode(BANK_V3, answers);
const result = score(BANK_V3, answers);
if (!isCurrent(result)) throw new Error('bank 3.0.0 is scored by model 3.0');
const practice = BANK_V3.questions.filter((q) => q.kind === 'practice');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function download(page: Page, name: string): Promise<{ fileName: string; document: Json }> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
	return {
		fileName: file.suggestedFilename(),
		document: JSON.parse(await readFile(await file.path(), 'utf8')) as Json
	};
}

describe('from the results page', () => {
	for (const javaScriptEnabled of [true, false])
		test(`the OSCAL links save valid Assessment Results and POA&M (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
			const page = await newPage(browser, { javaScriptEnabled, acceptDownloads: true });
			await page.goto(`${baseURL()}/results/${code}`);
			expect(await page.getByText('Both are labelled a self-assessment, not an audit').count()).toBe(1);

			const ar = await download(page, 'Assessment Results');
			expect(ar.fileName).toBe(`ai-readiness-${result.tier}-${isoDate(new Date())}-oscal-assessment-results.json`);
			const findings = ar.document['assessment-results'].results[0].findings as Json[];
			expect(findings.map((f) => f.target['target-id'])).toEqual(practice.map((q) => q.id));
			expect(ar.document['assessment-results'].metadata.remarks).toBe(SELF_ASSESSMENT_NOTICE);
			const validAr = publishedSchemaValidator(PUBLISHED_SCHEMAS.assessmentResults);
			expect(validAr(ar.document), JSON.stringify(validAr.errors)).toBe(true);

			const poam = await download(page, 'POA&M');
			expect(poam.fileName).toBe(`ai-readiness-${result.tier}-${isoDate(new Date())}-oscal-poam.json`);
			const items = poam.document['plan-of-action-and-milestones']['poam-items'] as Json[];
			expect(items.map((i) => i.title)).toEqual(result.recommendations.map((r) => r.title));
			const validPoam = publishedSchemaValidator(PUBLISHED_SCHEMAS.poam);
			expect(validPoam(poam.document), JSON.stringify(validPoam.errors)).toBe(true);
			await page.context().close();
		});
});

describe('the endpoints', () => {
	test('answer JSON as an attachment, with a methodology link on this server, and fresh UUIDs each time', async () => {
		const one = await fetch(`${baseURL()}/results/${code}/assessment-results.json`);
		expect(one.status).toBe(200);
		expect(one.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(one.headers.get('cache-control')).toBe('no-store');
		expect(one.headers.get('content-disposition')).toMatch(
			/^attachment; filename="ai-readiness-.*-oscal-assessment-results\.json"$/
		);
		const first = (await one.json()) as Json;
		expect(first['assessment-results']['back-matter'].resources[0].rlinks).toEqual([
			{ href: `${baseURL()}/methodology` }
		]);
		const second = (await (await fetch(`${baseURL()}/results/${code}/assessment-results.json`)).json()) as Json;
		expect(second['assessment-results'].uuid).not.toBe(first['assessment-results'].uuid);
	});

	test('a bad code, or a result of an older bank, is a 400 in plain text; that page offers no OSCAL links', async () => {
		for (const file of ['assessment-results.json', 'poam.json']) {
			const bad = await fetch(`${baseURL()}/results/${code.slice(0, -3)}zzz/${file}`);
			expect(bad.status, file).toBe(400);
			expect(bad.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		}
		const older = encodeAnswerCode(BANK_V1, { gov_formal_policy: 'approved' });
		const refused = await fetch(`${baseURL()}/results/${older}/poam.json`);
		expect(refused.status).toBe(400);
		expect(await refused.text()).toBe(
			'OSCAL export needs a result of question bank ai_readiness 3.0.0 or later; this one is of version 1.0.0. Retake the assessment on the current version to export it.\n'
		);
		const page = await newPage(browser);
		await page.goto(`${baseURL()}/results/${older}`);
		await page.getByRole('link', { name: 'Download CSV' }).waitFor();
		expect(await page.getByRole('link', { name: 'Assessment Results' }).count()).toBe(0);
		await page.context().close();
	});
});
