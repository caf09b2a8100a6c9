/**
 * The report's font files. Roboto (Apache-2.0, shipped with pdfmake) covers Latin, Greek and Cyrillic; pdfkit
 * embeds only the glyphs a report uses, with a ToUnicode map, so text stays extractable and the file small.
 * No italics are used, so the two italic slots reuse the upright faces and only two files are ever loaded.
 */
export const REPORT_FONT_FILES = {
	normal: 'Roboto-Regular.ttf',
	bold: 'Roboto-Medium.ttf',
	italics: 'Roboto-Regular.ttf',
	bolditalics: 'Roboto-Medium.ttf'
} as const;
