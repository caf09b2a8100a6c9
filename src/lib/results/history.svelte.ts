/**
 * The results this browser has seen: each result's code and when it was first shown, kept in localStorage under
 * the same promise as the answers (nothing leaves the browser). A new result is compared with the latest earlier
 * one automatically ("Since last time"), and "Retake, starting from my last answers" opens the latest.
 */
import { openStorage, type ProgressStorage } from '$lib/assess/progress';
import { earlierEntries, HISTORY_KEY, nowIso, parseHistory, withEntry, type HistoryEntry } from './history';

export { HISTORY_KEY, type HistoryEntry };

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
	record(code: string, seenAt: string = nowIso()): void {
		const next = withEntry(this.entries, code, seenAt);
		if (next === this.entries) return;
		this.entries = next;
		try {
			this.#storage?.setItem(HISTORY_KEY, JSON.stringify(next));
		} catch {
			// A full or blocked storage keeps the in-page history only.
		}
	}

	/** The results seen before `code`, newest first (see `earlierEntries`). */
	earlierThan(code: string): HistoryEntry[] {
		return earlierEntries(this.entries, code);
	}
}
