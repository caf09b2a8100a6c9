/**
 * The results this browser has seen: each result's code and when it was first shown, kept in localStorage under
 * the same promise as the answers (nothing leaves the browser). A new result is compared with the latest earlier
 * one automatically ("Since last time"), and "Retake, starting from my last answers" opens the latest.
 */
import { openStorage, type ProgressStorage } from '$lib/assess/progress';

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
export function withEntry(entries: HistoryEntry[], code: string, now: Date): HistoryEntry[] {
	if (entries.some((e) => e.code === code)) return entries;
	return [{ code, seenAt: now.toISOString() }, ...entries].slice(0, HISTORY_SIZE);
}

/** The browser's result history as reactive state. */
export class ResultHistory {
	entries = $state<HistoryEntry[]>([]);
	#storage: ProgressStorage | null = null;

	/** Reads the history; returns false when the browser keeps no storage. */
	open(): boolean {
		const opened = openStorage();
		this.#storage = opened.storage;
		if (!this.#storage) return false;
		try {
			this.entries = parseHistory(this.#storage.getItem(HISTORY_KEY));
		} catch {
			this.entries = [];
		}
		return true;
	}

	/** Records a result as seen now (no-op when already recorded or storage is unavailable). */
	record(code: string, now: Date = new globalThis.Date()): void {
		const next = withEntry(this.entries, code, now);
		if (next === this.entries) return;
		this.entries = next;
		try {
			this.#storage?.setItem(HISTORY_KEY, JSON.stringify(next));
		} catch {
			// A full or blocked storage keeps the in-page history only.
		}
	}

	/** Earlier results than `code`, newest first. */
	earlierThan(code: string): HistoryEntry[] {
		return this.entries.filter((e) => e.code !== code);
	}
}
