/**
 * The report's font files: Roboto (Apache-2.0) from the `roboto-fontface` package, regular and medium, as WOFF.
 * It covers Latin, Greek and Cyrillic; pdfkit embeds only the glyphs a report uses, with a ToUnicode map, so text
 * stays extractable and the file small. No italics are used.
 */
export const REPORT_FONT_FILES = {
	regular: 'roboto-fontface/fonts/roboto/Roboto-Regular.woff',
	bold: 'roboto-fontface/fonts/roboto/Roboto-Medium.woff'
} as const;
