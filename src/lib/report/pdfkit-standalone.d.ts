/** pdfkit's browser build: the same document class as the `pdfkit` package, with its Node dependencies bundled. */
declare module 'pdfkit/js/pdfkit.standalone.js' {
	import PDFDocument from 'pdfkit';
	export default PDFDocument;
}
