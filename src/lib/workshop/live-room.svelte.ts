/**
 * A screen that follows a facilitated workshop's room: its state live from one event stream (or polled) and the
 * room's timer counting down on the server's clock. The phone, the audience display and the facilitator's console
 * each hold one; they differ in the stream they follow and what they read from it.
 */
import type { RoomState } from './types';
import { Countdown } from './countdown.svelte';
import { LiveState, type LiveOptions } from './live.svelte';

export class LiveRoom<T> {
	readonly live: LiveState<T>;
	readonly countdown: Countdown;
	readonly #roomOf: (state: T) => RoomState;

	/** `seed` is read reactively until the stream takes over; `roomOf` finds the room in a state of the stream. */
	constructor(seed: () => T, options: LiveOptions, roomOf: (state: T) => RoomState) {
		this.#roomOf = roomOf;
		this.live = new LiveState<T>(seed, options);
		this.countdown = new Countdown(
			() => this.room.timer,
			(now) => now + this.live.offset
		);
	}

	/** The latest state of the stream. */
	get state(): T {
		return this.live.current;
	}

	/** The room in the latest state. */
	get room(): RoomState {
		return this.#roomOf(this.live.current);
	}

	/** Connects the stream and starts the countdown; returns the function that stops both. */
	start(): () => void {
		const stopLive = this.live.start();
		const stopCountdown = this.countdown.start();
		return () => {
			stopLive();
			stopCountdown();
		};
	}
}
