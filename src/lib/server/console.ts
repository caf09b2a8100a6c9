/**
 * The facilitator's console of a facilitated workshop: the room state the display and the phones show, and what
 * only the facilitator sees (`ConsoleState`, worded by `$scoring/present/team`) — notes and actions, what comes
 * next, the most split questions and what closing would do. One combined stream per console (a browser holds six
 * connections per host over HTTP/1.1), computed once per change for every open console of the workshop.
 */
import { findBank } from '$scoring/content/banks';
import { presentConsole, type ClosingInput, type ConsoleState } from '$scoring/present/team';
import { DASHBOARD_STREAMS, getStreamHub } from './live';
import { roomInput } from './room';
import type { WorkshopSummary } from './workshops/dto';
import { getWorkshops, type WorkshopService } from './workshops/service';

/** The console state from a workshop's summary and what closing now would leave (null once closed). */
export function consoleOf(summary: WorkshopSummary, closing: ClosingInput | null): ConsoleState {
	const { workshop } = summary;
	const bank = findBank(workshop.bank, workshop.version);
	if (!bank) throw new Error(`workshop ${workshop.id} uses unknown bank ${workshop.bank} ${workshop.version}`);
	return presentConsole({ ...roomInput(summary, bank), closing });
}

/** The console state of workshop `id`. Callers check that the request is the facilitator's. */
export async function consoleState(service: WorkshopService, id: string): Promise<ConsoleState> {
	const summary = await service.summary(id);
	const closing = summary.workshop.status === 'open' ? await service.closingPreview(id) : null;
	return consoleOf(summary, closing);
}

/** The console streams (`event: console`): a console or two per workshop, like a dashboard's. */
export function consoleHub() {
	return getStreamHub('console', {
		event: 'console',
		compute: async (id) => consoleState(await getWorkshops(), id),
		limits: DASHBOARD_STREAMS,
		// The facilitator's own clicks come back within a second, as the phones do.
		coalesceMs: 100,
		// The console shows the timer too, counted down on the server's clock.
		clock: true
	});
}
