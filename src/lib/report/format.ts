/**
 * How the report prints numbers and dates. One place, so the PDF, its tests and the file name agree.
 */

/**
 * A 0–100 score as printed: to the one decimal `score()` reports, without a trailing `.0` (`62`, `62.5`); an
 * unanswered dimension prints as an en dash.
 */
export function formatScore(score: number | null): string {
	return score === null ? '–' : String(Math.round(score * 10) / 10);
}

/** A percentage as printed, e.g. `56 %`. */
export function formatPercent(share: number): string {
	return `${Math.round(share)} %`;
}

/** A calendar date as printed and used in file names: `YYYY-MM-DD` in UTC, the same wherever it is generated. */
export function formatDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}
