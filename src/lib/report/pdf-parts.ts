/**
 * What the individual report and the team report share, so the two PDFs a client receives look like one product:
 * the font, the palette, and the headings and tables they are built from.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PlanItem } from '$scoring/present/result';

/** The pdfmake font family both reports use (registered by pdf-node and pdf-browser). */
export const REPORT_FONT = 'Roboto';

export const COLOURS = {
	accent: '#1d4ed8',
	muted: '#4b5563',
	bar: '#93c5fd',
	you: '#1d4ed8',
	line: '#d1d5db',
	ok: '#15803d',
	critical: '#b91c1c'
} as const;

/** A section heading; `pageBreakBefore` keeps it off the foot of a page. */
export const heading = (text: string): Content => ({ text, style: 'h2', headlineLevel: 1 });

/** A heading within a section. */
export const subheading = (text: string): Content => ({ text, style: 'h3', headlineLevel: 2 });

/** A table with a header row, light rules, and rows that never split across pages. */
export function table(widths: (number | string)[], header: string[], rows: TableCell[][]): Content {
	return {
		table: {
			headerRows: 1,
			dontBreakRows: true,
			widths,
			body: [header.map((h) => ({ text: h, style: 'th' })), ...rows]
		},
		layout: 'lightHorizontalLines',
		margin: [0, 4, 0, 8]
	};
}

/** Steps past the 90-day plan, one line per theme: "Theme: step (low effort); step (medium effort)". */
export function appendixList(items: readonly PlanItem[]): Content {
	return {
		ul: items.map((item): Content => ({
			text: [
				{ text: `${item.label}: `, bold: true },
				item.steps.map((st) => `${st.title} (${st.effort.toLowerCase()})`).join('; ')
			]
		})),
		margin: [0, 0, 0, 6]
	};
}
