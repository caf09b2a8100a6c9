/**
 * Builds the reports' PDFs in Node (the server's downloads, tests, bench) with pdfkit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { REPORT_FONT_FILES } from './fonts';
import { buildReportDocument, type ReportInput } from './pdf-document';
import { renderReport, type PdfKitConstructor, type ReportFonts } from './pdf-layout';
import { buildTeamReportDocument, type TeamReportInput } from './team-pdf-document';
import { woffToSfnt } from './woff';

const require = createRequire(import.meta.url);

let fonts: Promise<ReportFonts> | undefined;

/** The font files, read and unwrapped once. */
function reportFonts(): Promise<ReportFonts> {
	const load = (file: string) => woffToSfnt(readFileSync(require.resolve(file)), (data) => inflateSync(data));
	fonts ??= Promise.all([load(REPORT_FONT_FILES.regular), load(REPORT_FONT_FILES.bold)]).then(([regular, bold]) => ({
		regular,
		bold
	}));
	return fonts;
}

const PdfKit = PDFDocument as unknown as PdfKitConstructor;

/** Renders the report (see {@link buildReportDocument}) to a PDF file's bytes. */
export async function buildReportPdf(input: ReportInput): Promise<Uint8Array> {
	return renderReport(PdfKit, await reportFonts(), buildReportDocument(input));
}

/** Renders the team report (see {@link buildTeamReportDocument}) to a PDF file's bytes. */
export async function buildTeamReportPdf(input: TeamReportInput): Promise<Uint8Array> {
	return renderReport(PdfKit, await reportFonts(), buildTeamReportDocument(input));
}
