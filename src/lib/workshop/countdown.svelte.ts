/**
 * A room timer counting down on the server's clock: what is left of it now, ticking four times a second while the
 * page is open. The timer's end is absolute (epoch ms), so the presenter view and every phone reach zero together,
 * whatever their own clocks say.
 */
import type { RoomTimer } from './types';

export class Countdown {
	#now = $state(Date.now());
	readonly #timer: () => RoomTimer | null;
	readonly #serverNow: (now: number) => number;

	/** `timer` and `serverNow` (this browser's time → the server's) are read reactively. */
	constructor(timer: () => RoomTimer | null, serverNow: (now: number) => number) {
		this.#timer = timer;
		this.#serverNow = serverNow;
	}

	/** Milliseconds left; null without a timer. */
	get remainingMs(): number | null {
		const timer = this.#timer();
		return timer ? Math.max(0, timer.endsAt - this.#serverNow(this.#now)) : null;
	}

	/** Whether the timer has reached zero. */
	get timeUp(): boolean {
		return this.remainingMs === 0;
	}

	/** Ticks until the returned function is called (use it as an effect's or onMount's cleanup). */
	start(): () => void {
		const tick = setInterval(() => (this.#now = Date.now()), 250);
		return () => clearInterval(tick);
	}
}
