/** The page script of the PDF harness: a button that downloads the report of `window.reportInput`. */
import { downloadReportPdf } from '$lib/report/pdf-browser';
import type { ReportInput } from '$lib/report/pdf-document';

/** A report input as it crosses from the test into the page: JSON, so the date is a string. */
export type SerialisedReportInput = Omit<ReportInput, 'generatedAt'> & { generatedAt: string };

declare global {
	interface Window {
		reportInput?: SerialisedReportInput;
	}
}

const status = document.getElementById('status');
document.getElementById('download')?.addEventListener('click', () => {
	const input = window.reportInput;
	if (!input || !status) return;
	status.textContent = 'Building…';
	downloadReportPdf({ ...input, generatedAt: new Date(input.generatedAt) }).then(
		() => (status.textContent = 'Done'),
		(error: unknown) => (status.textContent = `Failed: ${String(error)}`)
	);
});
