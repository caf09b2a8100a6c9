/**
 * What the individual report and the team report share, so the two PDFs a client receives look like one product:
 * the palette, the page, and the headings, tables and lists they are built from (see `pdf-layout`).
 */
import type { GapLine, PlanItem } from '$scoring/present/result';
import { RESULT_LABELS } from '$scoring/present/result-labels';
import type { Block, HeadingStyle, Inline, ReportDocument, TableCell, TextStyle } from './pdf-layout';

export const COLOURS = {
	text: '#111827',
	accent: '#1d4ed8',
	muted: '#4b5563',
	bar: '#93c5fd',
	you: '#1d4ed8',
	line: '#d1d5db',
	ok: '#15803d',
	critical: '#b91c1c',
	note: '#92400e'
} as const;

/** Text styles both reports use. */
export const STYLES = {
	kicker: { size: 12, colour: COLOURS.accent, bold: true },
	title: { size: 24, bold: true },
	tier: { size: 40, bold: true, colour: COLOURS.accent },
	muted: { colour: COLOURS.muted },
	source: { size: 7.5, colour: COLOURS.muted }
} satisfies Record<string, TextStyle>;

/** A4 with the reports' margins: left, top, right, bottom. */
export const MARGINS: ReportDocument['margins'] = [48, 48, 48, 56];

/** Heading sizes and spacing: the cover title, a section, a heading within a section. */
export function headingStyles(section: number, within: number): Record<1 | 2 | 3, HeadingStyle> {
	return {
		1: { size: 24, before: 0, after: 4 },
		2: { size: section, before: 10, after: 6 },
		3: { size: within, before: 8, after: 3 }
	};
}

/** A paragraph. */
export const text = (
	runs: Inline | Inline[],
	style: TextStyle & { before?: number; after?: number; keepWithNext?: boolean } = {}
): Block => ({
	kind: 'text',
	runs: Array.isArray(runs) ? runs : [runs],
	...style
});

/** A section heading (a bookmark); it never sits alone at the foot of a page. */
export const heading = (text: string): Block => ({ kind: 'heading', level: 2, text });

/** A heading within a section (a bookmark under its section). */
export const subheading = (text: string): Block => ({ kind: 'heading', level: 3, text });

/** A bulleted list of paragraphs. */
export const bullets = (items: Inline[][], style: TextStyle & { before?: number; after?: number } = {}): Block => ({
	kind: 'list',
	items,
	...style
});

/** A table with a header row and light rules; its rows never split across pages. */
export function table(
	widths: (number | '*')[],
	header: string[],
	rows: TableCell[][],
	options: { size?: number } = {}
): Block {
	return { kind: 'table', widths, header, rows, rules: true, ...options };
}

/** A table cell of text. */
export const cell = (runs: Inline | Inline[], style: TextStyle = {}): TableCell => ({
	runs: Array.isArray(runs) ? runs : [runs],
	...style
});

/** Steps past the 90-day plan in one paragraph: "Theme: step (low effort); step (medium effort)   ·   Theme: …". */
export function appendixList(items: readonly PlanItem[]): Block {
	// One flowing paragraph: the page lists each step in full; the report names them so none is lost.
	return text(
		items.flatMap((item, i) => [
			{ text: `${i ? '   ·   ' : ''}${item.label}: `, bold: true },
			item.steps.map((st) => `${st.title} (${st.effort.toLowerCase()})`).join('; ')
		]),
		{ size: 8.5, after: 6 }
	);
}

/** What a gap line is ("Critical gap: "), as on the page; a line not ruled out already says so in its sentence. */
export const gapKindPrefix = (g: Pick<GapLine, 'kind'>) =>
	g.kind === 'not_ruled_out' ? '' : `${RESULT_LABELS.gapKinds[g.kind]}: `;

/** A critical gap or severe finding prints red; a weak guard, which keeps you out of Pioneer too, muted. */
export const gapColour = (g: Pick<GapLine, 'kind'>) => ({
	colour: g.kind === 'weak_guard' ? COLOURS.muted : COLOURS.critical
});
