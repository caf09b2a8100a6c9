/** How model 2.0 (and the frozen 1.x model) wrote a score in its reason sentences; frozen with them. */

/** A 0–100 score: one decimal at most, no trailing ".0"; an em dash when there is none. */
export function points(value: number | null): string {
	return value === null ? '—' : String(Math.round(value * 10) / 10);
}
