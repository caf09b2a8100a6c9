/**
 * Every character the reports print has a glyph in the report's font. pdfkit prints a character the font lacks as
 * nothing at all: a "then → now" line came out as "then  now" in a milestone's PDF, and the team report's "from →
 * to" beside the last session the same way. The documents are built for the profiles every surface is checked on, a
 * milestone with what changed since the one before, and a follow-up workshop's team report; every string in them is
 * checked against the font's character map (the regular and the bold face).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks';
import { score } from '$scoring/model';
import { teamStats } from '$scoring/model/team-stats';
import { presentResult, sinceView } from '$scoring/present/result';
import { presentTeamReport } from '$scoring/present/team';
import { REPORT_FONT_FILES } from '$lib/report/fonts';
import { buildReportDocument } from '$lib/report/pdf-document';
import { buildTeamReportDocument } from '$lib/report/team-pdf-document';
import { woffToSfnt } from '$lib/report/woff';
import { allAt, answersArb } from '../../fixtures/answers';
import { EMPTY_RECORD } from '../../fixtures/agreements';
import { PROFILES } from '../../fixtures/profiles';
import { previousSession } from '../../fixtures/team';

const require = createRequire(import.meta.url);
const GENERATED = new Date('2026-07-01T09:30:00Z');
const METHODOLOGY = 'https://readiness.example/methodology';

/** Whether each face of the report font has a glyph for a code point (fontkit's lookup, through pdfkit). */
async function glyphLookup(): Promise<(codePoint: number) => boolean> {
	const faces = await Promise.all(
		[REPORT_FONT_FILES.regular, REPORT_FONT_FILES.bold].map(async (file) => {
			const sfnt = await woffToSfnt(readFileSync(require.resolve(file)), (data) => inflateSync(data));
			const doc = new PDFDocument({ autoFirstPage: false });
			doc.font(Buffer.from(sfnt));
			// pdfkit keeps the fontkit font it embeds from; it has no public accessor.
			return (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
		})
	);
	return (codePoint) => faces.every((face) => face.hasGlyphForCodePoint(codePoint));
}

/** Every string anywhere in a document: text runs, table cells, headers, footers, drawings' labels. */
function strings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) for (const v of value) strings(v, out);
	else if (value && typeof value === 'object' && !(value instanceof Date))
		for (const v of Object.values(value)) strings(v, out);
	return out;
}

/** The characters of `texts` the font has no glyph for, each with a piece of text it was found in. */
function missing(texts: string[], has: (cp: number) => boolean): string[] {
	const found = new Map<string, string>();
	for (const t of texts)
		for (const ch of t) {
			const cp = ch.codePointAt(0)!;
			if (/\s/.test(ch) || has(cp) || found.has(ch)) continue;
			found.set(ch, `U+${cp.toString(16).toUpperCase().padStart(4, '0')} in “${t.slice(0, 80)}”`);
		}
	return [...found.values()];
}

describe('the report font covers every character the reports print', () => {
	const has = glyphLookup();

	it.each(PROFILES)('the result report of the $name profile', async (profile) => {
		const result = score(CURRENT_BANK, profile.answers);
		const view = presentResult({ bank: CURRENT_BANK, answers: profile.answers, result, current: CURRENT_BANK });
		const doc = buildReportDocument({ view, generatedAt: GENERATED, methodologyUrl: METHODOLOGY });
		expect(missing(strings(doc), await has)).toEqual([]);
	});

	it('a milestone report with what changed since the milestone before', async () => {
		const [before, after] = [allAt(CURRENT_BANK, 'worst'), allAt(CURRENT_BANK, 'best')];
		const result = score(CURRENT_BANK, after);
		const view = presentResult({ bank: CURRENT_BANK, answers: after, result, current: CURRENT_BANK });
		const since = sinceView(CURRENT_BANK, after, result, {
			bank: CURRENT_BANK,
			answers: before,
			result: score(CURRENT_BANK, before),
			date: '2026-05-01'
		});
		expect(since.answers.length).toBeGreaterThan(0);
		const doc = buildReportDocument({ view, generatedAt: GENERATED, methodologyUrl: METHODOLOGY, since });
		expect(missing(strings(doc), await has)).toEqual([]);
	});

	it('a follow-up workshop’s team report, beside the last session', async () => {
		const bank = CURRENT_BANK;
		const sets = fc.sample(answersArb(bank, 0), { numRuns: 5, seed: 7 });
		const stats = teamStats(bank, sets, { minGroupSize: 3 })!;
		const worse = teamStats(
			bank,
			[0, 1, 2].map(() => allAt(bank, 'worst')),
			{ minGroupSize: 3 }
		)!;
		const view = presentTeamReport({
			bank,
			stats,
			mode: 'facilitated',
			title: 'Follow-up: Offsite',
			organisation: 'Example',
			agreements: [{ ...EMPTY_RECORD, questionId: 'gov_formal_policy', action: 'Publish it.', actionOwner: 'CTO' }],
			generatedAt: GENERATED,
			methodologyUrl: METHODOLOGY,
			previous: previousSession(bank, worse)
		});
		expect(view.summary.some((s) => s.startsWith('Since the last session, by dimension'))).toBe(true);
		const doc = buildTeamReportDocument({ view, generatedAt: GENERATED });
		expect(missing(strings(doc), await has)).toEqual([]);
	});
});
