/** The result history's pure parts (see `history.svelte.ts`). */

/** Where the history is kept. */
export const HISTORY_KEY = 'ai-readiness:history';

/** At most this many results are kept, newest first. */
export const HISTORY_SIZE = 20;

/** One remembered result. */
export interface HistoryEntry {
	code: string;
	/** When it was first shown here, ISO 8601. */
	seenAt: string;
}

/** Only well-formed entries, newest first, at most {@link HISTORY_SIZE} (a hand-edited entry never breaks the page). */
export function parseHistory(text: string | null): HistoryEntry[] {
	if (!text) return [];
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return [];
	}
	if (!Array.isArray(raw)) return [];
	return raw
		.filter(
			(e): e is HistoryEntry =>
				typeof e === 'object' &&
				e !== null &&
				typeof (e as HistoryEntry).code === 'string' &&
				(e as HistoryEntry).code.length < 4096 &&
				typeof (e as HistoryEntry).seenAt === 'string' &&
				!Number.isNaN(Date.parse((e as HistoryEntry).seenAt))
		)
		.sort((a, b) => (a.seenAt < b.seenAt ? 1 : -1))
		.slice(0, HISTORY_SIZE);
}

/** `entries` with `code` recorded (once: a result seen again keeps its first date), newest first. */
export function withEntry(entries: HistoryEntry[], code: string, seenAt: string): HistoryEntry[] {
	if (entries.some((e) => e.code === code)) return entries;
	return [{ code, seenAt }, ...entries].slice(0, HISTORY_SIZE);
}

/**
 * The results seen before `code`, newest first: for a result not yet recorded, every entry; for one seen before, only
 * those first seen earlier than it — reopening an old result never compares it with a later one as "last time".
 */
export function earlierEntries(entries: HistoryEntry[], code: string): HistoryEntry[] {
	const self = entries.find((e) => e.code === code);
	return entries.filter((e) => e.code !== code && (!self || e.seenAt < self.seenAt));
}

/** Now, ISO 8601. */
export function nowIso(): string {
	return new Date().toISOString();
}
