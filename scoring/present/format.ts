/**
 * How numbers read wherever a result is shown (page, PDF, CSV summary). Dependency-free, so browser components
 * can format without loading the model's schemas.
 */

/** A 0–100 score: one decimal at most, no trailing ".0"; an em dash when there is none. */
export function points(value: number | null): string {
	return value === null ? '—' : String(Math.round(value * 10) / 10);
}

/** A signed difference in points ("+12.5", "−3", "0"); an em dash when there is none. */
export function signedPoints(value: number | null): string {
	if (value === null) return '—';
	const rounded = Math.round(value * 10) / 10;
	if (rounded > 0) return `+${rounded}`;
	if (rounded < 0) return `−${Math.abs(rounded)}`;
	return '0';
}

/** A whole-number percentage with a no-break space before the sign, as the survey writes it ("56 %"). */
export function percent(value: number): string {
	return `${Math.round(value)}\u00a0%`;
}

/** A calendar date as printed and used in file names: `YYYY-MM-DD` in UTC, the same wherever it is generated. */
export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/**
 * A date in a list of the signed-in facilitator's things ("6 Dec 2026"), in UTC: the server's rendering and the
 * browser's hydration print the same day wherever the browser is.
 */
export function listDate(iso: string): string {
	return new Date(iso).toLocaleDateString('en-GB', {
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		timeZone: 'UTC'
	});
}

/**
 * The name of a downloaded result file: `ai-readiness-<tier>-<YYYY-MM-DD>.<extension>` (`unplaced` when no tier
 * was placed). The PDF and the CSV share it so the two files of one result sort together.
 */
export function resultFileName(tier: string | null, date: Date, extension: 'pdf' | 'csv'): string {
	return `ai-readiness-${tier ?? 'unplaced'}-${isoDate(date)}.${extension}`;
}

/**
 * The name of a workshop's downloaded team file: `ai-readiness-workshop-<title>-<YYYY-MM-DD>-<kind>`, the title cut
 * to letters and digits (`workshop` alone when none are left), the date the workshop was created. A consultant
 * filing several clients' files finds them by client and session, not by a join code nobody remembers.
 */
export function workshopFileName(title: string, createdAt: Date, kind: 'team.csv' | 'team-report.pdf'): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return `ai-readiness-workshop-${slug ? `${slug}-` : ''}${isoDate(createdAt)}-${kind}`;
}

/** A report's page label: "Page 2 of 6". */
export function pageLabel(page: number, count: number): string {
	return `Page ${page} of ${count}`;
}

/** A label inside a sentence: "Governance maturity" → "governance maturity"; "AI integration depth" keeps its acronym. */
export const inSentence = (label: string) =>
	/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
