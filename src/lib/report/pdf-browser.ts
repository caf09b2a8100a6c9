/**
 * The report PDF in the browser. pdfkit's browser build, the document code and the two font files are fetched only
 * when the user asks for the PDF, so none of them is part of any page's first load; the answers never leave the
 * browser.
 */
import regularFontUrl from 'roboto-fontface/fonts/roboto/Roboto-Regular.woff?url';
import boldFontUrl from 'roboto-fontface/fonts/roboto/Roboto-Medium.woff?url';
import type { ReportInput } from './pdf-document';
import type { PdfKitConstructor, ReportFonts } from './pdf-layout';
import { woffToSfnt } from './woff';
import { resultFileName } from '$scoring/present/format';
import { saveBlob } from '$lib/results/save-blob';

/** zlib inflate with the browser's own decompressor. */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function fetchFont(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`could not load the report font (${response.status})`);
	return woffToSfnt(new Uint8Array(await response.arrayBuffer()), inflate);
}

let pdfkitReady: Promise<{ PDFDocument: PdfKitConstructor; fonts: ReportFonts }> | undefined;

/** pdfkit and the report's fonts; loaded once, on first use. */
function loadPdfkit() {
	pdfkitReady ??= (async () => {
		const [module, regular, bold] = await Promise.all([
			import('pdfkit/js/pdfkit.standalone.js'),
			fetchFont(regularFontUrl),
			fetchFont(boldFontUrl)
		]);
		// The UMD build arrives as the module's default export.
		const PDFDocument = ((module as { default?: unknown }).default ?? module) as PdfKitConstructor;
		return { PDFDocument, fonts: { regular, bold } };
	})().catch((error: unknown) => {
		pdfkitReady = undefined; // let the next click try again
		throw error;
	});
	return pdfkitReady;
}

/** Builds the report PDF in the browser as a Blob. */
export async function buildReportBlob(input: ReportInput): Promise<Blob> {
	const [{ PDFDocument, fonts }, { buildReportDocument }, { renderReport }] = await Promise.all([
		loadPdfkit(),
		import('./pdf-document'),
		import('./pdf-layout')
	]);
	const bytes = await renderReport(PDFDocument, fonts, buildReportDocument(input));
	return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}

/**
 * Builds the report and saves it as `ai-readiness-<tier>-<YYYY-MM-DD>.pdf` (see `reportFileName`). Call it from
 * a click handler; the promise settles once the file has been handed to the browser (a rejection means no file).
 */
export async function downloadReportPdf(input: ReportInput): Promise<void> {
	saveBlob(await buildReportBlob(input), resultFileName(input.view.verdict.tier, input.generatedAt, 'pdf'));
}
