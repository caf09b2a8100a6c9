/**
 * The audience display's state: the room (live from the room's event stream — the one every phone follows — or
 * polled) and the timer counting down on the server's clock. The console chooses the question shown.
 */
import { resolve } from '$app/paths';
import type { RoomState } from '$lib/workshop/types';
import { LiveRoom } from '$lib/workshop/live-room.svelte';

export class Display extends LiveRoom<RoomState> {
	/** `room` and `serverTime` come from the page data (read reactively until the stream takes over). */
	constructor(workshopId: string, room: () => RoomState, serverTime: number) {
		super(
			room,
			{
				events: resolve('/workshops/[id]/room/events', { id: workshopId }),
				poll: resolve('/workshops/[id]/room', { id: workshopId }),
				event: 'room',
				serverTime
			},
			(state) => state
		);
	}

	/** The revealed question on the display, or null. */
	get question() {
		const reveal = this.room.reveal;
		return reveal ? (reveal[Math.min(this.room.shown, reveal.length - 1)] ?? null) : null;
	}
}
