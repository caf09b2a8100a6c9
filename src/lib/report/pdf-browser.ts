/**
 * The report PDF in the browser. pdfmake, the document code and the two font files are fetched only when the
 * user asks for the PDF, so none of them is part of any page's first load.
 */
import regularFontUrl from 'pdfmake/fonts/Roboto/Roboto-Regular.ttf?url';
import boldFontUrl from 'pdfmake/fonts/Roboto/Roboto-Medium.ttf?url';
import { REPORT_FONT_FILES } from './fonts';
import type { ReportInput } from './pdf-document';
import { resultFileName } from '$scoring/present/format';

type PdfMake = typeof import('pdfmake/build/pdfmake');

/** Base64 of a fetched file, the form pdfmake's browser virtual file system takes. */
async function fetchBase64(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`could not load the report font (${response.status})`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	let binary = '';
	// Chunked, because String.fromCharCode(...bytes) overflows the call stack on a 150 KB font.
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

let pdfmakeReady: Promise<PdfMake> | undefined;

/** pdfmake with the report's fonts registered; loaded once, on first use. */
function loadPdfmake(): Promise<PdfMake> {
	pdfmakeReady ??= (async () => {
		const [module, regular, bold, { REPORT_FONT }] = await Promise.all([
			import('pdfmake/build/pdfmake'),
			fetchBase64(regularFontUrl),
			fetchBase64(boldFontUrl),
			import('./pdf-document')
		]);
		// The UMD build arrives as the module's default export.
		const pdfMake = (module as unknown as { default?: PdfMake }).default ?? module;
		pdfMake.addVirtualFileSystem({ [REPORT_FONT_FILES.normal]: regular, [REPORT_FONT_FILES.bold]: bold });
		pdfMake.setFonts({ [REPORT_FONT]: { ...REPORT_FONT_FILES } });
		return pdfMake;
	})().catch((error: unknown) => {
		pdfmakeReady = undefined; // let the next click try again
		throw error;
	});
	return pdfmakeReady;
}

/** Builds the report PDF in the browser as a Blob. */
export async function buildReportBlob(input: ReportInput): Promise<Blob> {
	const [pdfMake, { buildReportDocument }] = await Promise.all([loadPdfmake(), import('./pdf-document')]);
	return pdfMake.createPdf(buildReportDocument(input)).getBlob();
}

/**
 * Builds the report and saves it as `ai-readiness-<tier>-<YYYY-MM-DD>.pdf` (see `reportFileName`). Call it from
 * a click handler; the promise settles once the file has been handed to the browser (a rejection means no file).
 */
export async function downloadReportPdf(input: ReportInput): Promise<void> {
	const [pdfMake, { buildReportDocument }] = await Promise.all([loadPdfmake(), import('./pdf-document')]);
	await pdfMake
		.createPdf(buildReportDocument(input))
		.download(resultFileName(input.view.verdict.tier, input.generatedAt, 'pdf'));
}
