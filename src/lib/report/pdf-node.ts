/**
 * Builds the report PDF in Node (tests, bench, the server's workshop report) with pdfmake's server API.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { REPORT_FONT_FILES } from './fonts';
import { buildReportDocument, REPORT_FONT, type ReportInput } from './pdf-document';

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

/** Renders the report (see {@link buildReportDocument}) to a PDF file's bytes. */
export async function buildReportPdf(input: ReportInput): Promise<Buffer> {
	return pdfmake.createPdf(buildReportDocument(input)).getBuffer();
}
