/**
 * Reads a PDF the way a user's viewer would: parses it with pdf.js and returns each page's extractable text,
 * with every run of whitespace (including line ends inside table cells) collapsed to one space.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
	pages: string[];
	/** All pages joined with a space. */
	text: string;
	/**
	 * All pages joined without an individual report's running footer ("Question bank … · date Page n of m"), so a
	 * paragraph that runs on to the next page reads as one, as it does to a reader.
	 */
	flow: string;
	/** The document information dictionary (Title, Creator, …). */
	info: Record<string, unknown>;
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
	// pdf.js takes ownership of (detaches) the buffer it is given, so hand it a copy.
	const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
	try {
		const pages: string[] = [];
		for (let i = 1; i <= doc.numPages; i++) {
			const content = await (await doc.getPage(i)).getTextContent();
			const raw = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
			// The reports break lines after a hyphen or slash without adding one, so such a line end is no space.
			pages.push(
				raw
					.replace(/([-/])\n/g, '$1')
					.replace(/\s+/g, ' ')
					.trim()
			);
		}
		const { info } = await doc.getMetadata();
		const footer = /\s*Question bank \S+ version \S+ · \d{4}-\d{2}-\d{2} Page \d+ of \d+\s*/g;
		return {
			pages,
			text: pages.join(' '),
			flow: pages.map((p) => p.replace(footer, ' ').trim()).join(' '),
			info: info as Record<string, unknown>
		};
	} finally {
		await doc.destroy();
	}
}
