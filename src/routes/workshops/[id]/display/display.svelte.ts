/**
 * The audience display's state: the room (live from the room's event stream — the one every phone follows — or
 * polled) and the timer counting down on the server's clock. The console chooses the question shown.
 */
import { resolve } from '$app/paths';
import type { RoomState } from '$lib/workshop/types';
import { Countdown } from '$lib/workshop/countdown.svelte';
import { LiveState } from '$lib/workshop/live.svelte';

export class Display {
	readonly live: LiveState<RoomState>;
	readonly countdown: Countdown;

	/** `room` and `serverTime` come from the page data (read reactively until the stream takes over). */
	constructor(workshopId: string, room: () => RoomState, serverTime: number) {
		this.live = new LiveState<RoomState>(room, {
			events: resolve('/workshops/[id]/room/events', { id: workshopId }),
			poll: resolve('/workshops/[id]/room', { id: workshopId }),
			event: 'room',
			serverTime
		});
		this.countdown = new Countdown(
			() => this.room.timer,
			(now) => now + this.live.offset
		);
	}

	get room(): RoomState {
		return this.live.current;
	}

	/** The revealed question on the display, or null. */
	get question() {
		const reveal = this.room.reveal;
		return reveal ? (reveal[Math.min(this.room.shown, reveal.length - 1)] ?? null) : null;
	}

	/** Connects the room and starts the countdown; returns the function that stops both. */
	start(): () => void {
		const stopLive = this.live.start();
		const stopCountdown = this.countdown.start();
		return () => {
			stopLive();
			stopCountdown();
		};
	}
}
