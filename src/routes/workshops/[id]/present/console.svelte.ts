/**
 * The facilitator console's state: the console state (the room, and what only the facilitator sees) live from the
 * console's one event stream, or polled, and the timer counting down on the server's clock. The question shown on
 * the audience display is chosen here and stored on the server, so the display (another window, or the projector's
 * own computer) follows.
 */
import { resolve } from '$app/paths';
import type { ConsoleState } from '$lib/workshop/types';
import { LiveRoom } from '$lib/workshop/live-room.svelte';

export class FacilitatorConsole extends LiveRoom<ConsoleState> {
	/** `state` and `serverTime` come from the page data (read reactively until the stream takes over). */
	constructor(workshopId: string, state: () => ConsoleState, serverTime: number) {
		super(
			state,
			{
				events: resolve('/workshops/[id]/console/events', { id: workshopId }),
				poll: resolve('/workshops/[id]/console', { id: workshopId }),
				event: 'console',
				serverTime
			},
			(s) => s.room
		);
	}

	/** The revealed question the display shows, with the facilitator's record of it; null unless revealed. */
	get shown() {
		const { reveal, shown } = this.room;
		const records = this.state.records;
		if (!reveal?.length || !records) return null;
		const at = Math.min(shown, reveal.length - 1);
		return { question: reveal[at]!, record: records[at]!, at };
	}
}
