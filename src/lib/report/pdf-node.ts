/**
 * Builds the reports' PDFs in Node (the server's team report, tests, bench) with pdfmake's server API.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { REPORT_FONT_FILES } from './fonts';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildReportDocument, type ReportInput } from './pdf-document';
import { REPORT_FONT } from './pdf-parts';
import { buildTeamReportDocument, type TeamReportInput } from './team-pdf-document';

const require = createRequire(import.meta.url);

/** Absolute paths of the font files pdfmake ships; the SVG renderer opens fonts by path, so they must be real. */
const fontFiles = Object.fromEntries(
	Object.entries(REPORT_FONT_FILES).map(([style, file]) => [style, require.resolve(`pdfmake/fonts/Roboto/${file}`)])
) as Record<keyof typeof REPORT_FONT_FILES, string>;
const allowedFiles = new Set(Object.values(fontFiles));

pdfmake.addFonts({ [REPORT_FONT]: fontFiles });
// The report loads nothing from the network and no local file but its fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));

function render(doc: TDocumentDefinitions): Promise<Buffer> {
	return pdfmake.createPdf(doc).getBuffer();
}

/** Renders the report (see {@link buildReportDocument}) to a PDF file's bytes. */
export function buildReportPdf(input: ReportInput): Promise<Buffer> {
	return render(buildReportDocument(input));
}

/** Renders the team report (see {@link buildTeamReportDocument}) to a PDF file's bytes. */
export function buildTeamReportPdf(input: TeamReportInput): Promise<Buffer> {
	return render(buildTeamReportDocument(input));
}
