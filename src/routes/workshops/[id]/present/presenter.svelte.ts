/**
 * The presenter view's state: the room (live from the room's event stream, or polled), the timer counting down on
 * the server's clock, and which question of a revealed vote is shown. The display parts (lobby, vote, reveal, team)
 * and the facilitator's controls (steps, timer, agreed answer) read it, so they can later live on two screens.
 */
import { resolve } from '$app/paths';
import type { RoomState } from '$lib/workshop/types';
import { Countdown } from '$lib/workshop/countdown.svelte';
import { LiveState } from '$lib/workshop/live.svelte';

export class Presenter {
	readonly live: LiveState<RoomState>;
	readonly countdown: Countdown;
	/** The question of a revealed vote on screen (0-based); back to the first whenever another vote is revealed. */
	shown = $state(0);
	#lastVote = -1;

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

	/** The revealed question on screen, or null. */
	get question() {
		const reveal = this.room.reveal;
		return reveal ? (reveal[Math.min(this.shown, reveal.length - 1)] ?? null) : null;
	}

	/** Changes with every step of the room and every question shown: the stage starts at its top again. */
	get step(): string {
		return `${this.room.status}:${this.room.phase}:${this.room.voteSeq}:${this.shown}`;
	}

	/** Call before rendering (`$effect.pre`): a new vote starts its reveal at the first question. */
	followVote(): void {
		if (this.room.voteSeq !== this.#lastVote) {
			this.#lastVote = this.room.voteSeq;
			this.shown = 0;
		}
	}

	/** Shows the question `by` places on (clamped to the revealed questions). */
	move(by: number): void {
		const reveal = this.room.reveal;
		if (!reveal) return;
		this.shown = Math.max(0, Math.min(reveal.length - 1, this.shown + by));
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
