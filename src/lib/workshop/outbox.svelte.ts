/**
 * A participant's submission as the page sees it: queued in the browser's outbox (`./outbox`) until the server
 * acknowledges it, sent at once, again when the browser is back online and every 30 s, and never twice. `state`
 * is reactive; the page renders it.
 */
import type { Answers } from '$scoring/schema';
import { openStorage, type ProgressStorage } from '$lib/assess/progress';
import { memoryStorage, pendingSubmission, queueSubmission, sendPending } from './outbox';

/** Where the latest submission made with JavaScript stands. */
export type DeliveryState =
	| { state: 'idle' }
	| { state: 'sending' }
	| { state: 'sent' }
	| { state: 'offline' }
	| { state: 'refused'; message: string };

export interface DeliveryOptions {
	/** The workshop's join code (the outbox is per workshop). */
	code: string;
	/** The JSON response endpoint. */
	endpoint: string;
	/** Runs after an acknowledgement, before it is announced (e.g. reload the page data). */
	onSent?: () => Promise<void>;
	/** Runs after every announced change (e.g. move focus to the status line). */
	onAnnounce?: () => Promise<void> | void;
}

export class Delivery {
	state = $state<DeliveryState>({ state: 'idle' });
	readonly #options: DeliveryOptions;
	#outbox: ProgressStorage | null = null;
	#flushing = false;

	constructor(options: DeliveryOptions) {
		this.#options = options;
	}

	async #announce(next: DeliveryState) {
		this.state = next;
		await this.#options.onAnnounce?.();
	}

	/** Sends the queued submission, if any; the queue keeps it until the server acknowledges it. */
	async flush(): Promise<void> {
		const { code, endpoint } = this.#options;
		if (!this.#outbox || this.#flushing || !pendingSubmission(this.#outbox, code)) return;
		if (!navigator.onLine) return this.#announce({ state: 'offline' });
		this.#flushing = true;
		const sent = pendingSubmission(this.#outbox, code)?.idempotencyKey;
		try {
			const outcome = await sendPending(this.#outbox, code, endpoint);
			if (outcome.state === 'sent') {
				await this.#options.onSent?.();
				await this.#announce({ state: 'sent' });
			} else if (outcome.state === 'refused') await this.#announce({ state: 'refused', message: outcome.message });
			else if (outcome.state === 'waiting') await this.#announce({ state: 'offline' });
		} finally {
			this.#flushing = false;
		}
		// Submitted again while this one was on its way: send that too. The same submission, unsent, waits for the
		// next retry (online event, interval, reopening): retrying it at once would hammer a struggling server.
		const next = pendingSubmission(this.#outbox, code);
		if (next && next.idempotencyKey !== sent) void this.flush();
	}

	/** Queues `answers` (replacing anything queued) and sends them. */
	submit(answers: Answers): void {
		this.#outbox ??= memoryStorage();
		try {
			queueSubmission(this.#outbox, this.#options.code, answers);
		} catch {
			// localStorage refused the write (full, blocked): keep it in memory for this page's life.
			this.#outbox = memoryStorage();
			queueSubmission(this.#outbox, this.#options.code, answers);
		}
		this.state = { state: 'sending' };
		void this.flush();
	}

	/** Opens the outbox and starts retrying; returns the cleanup. Browser-only. */
	start(): () => void {
		this.#outbox = openStorage().storage ?? memoryStorage();
		const retry = setInterval(() => void this.flush(), 30_000);
		const online = () => void this.flush();
		const offline = () => {
			if (this.#outbox && pendingSubmission(this.#outbox, this.#options.code)) this.state = { state: 'offline' };
		};
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		void this.flush();
		return () => {
			clearInterval(retry);
			window.removeEventListener('online', online);
			window.removeEventListener('offline', offline);
		};
	}
}
