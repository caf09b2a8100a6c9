/**
 * How the report prints numbers and dates. One place, so the PDF, its tests and the file name agree.
 */

/** A 0–100 score as printed: rounded to a whole number; an unanswered dimension prints as an en dash. */
export function formatScore(score: number | null): string {
	return score === null ? '–' : String(Math.round(score));
}

/** A percentage as printed, e.g. `56 %`. */
export function formatPercent(share: number): string {
	return `${Math.round(share)} %`;
}

/** A calendar date as printed and used in file names: `YYYY-MM-DD` in UTC, the same wherever it is generated. */
export function formatDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}
