/**
 * The room of a facilitated workshop: the one state its audience display and every phone show (`RoomState`,
 * worded by `$scoring/present-team`), computed once per change for every open stream of the workshop.
 */
import { json, type Cookies } from '@sveltejs/kit';
import { findBank } from '$scoring/content/banks';
import { presentRoom, type RoomInput, type RoomState } from '$scoring/present/team';
import type { QuestionBank } from '$scoring/schema';
import { errorResponse } from './errors';
import { ROOM_STREAMS, getStreamHub } from './live';
import type { WorkshopSummary, WorkshopView } from './workshops/dto';
import { WorkshopError } from './workshops/errors';
import { facilitatorToken } from './http';
import { getWorkshops, type WorkshopService } from './workshops/service';
import { normaliseJoinCode } from './workshops/tokens';

/** What the room state of a workshop is built from. */
export function roomInput(summary: WorkshopSummary, bank: QuestionBank): RoomInput {
	const { workshop } = summary;
	return {
		bank,
		mode: workshop.mode,
		status: workshop.status,
		phase: workshop.phase,
		item: workshop.item,
		round: workshop.round,
		voteSeq: workshop.voteSeq,
		joined: summary.joined,
		voted: summary.voted,
		minGroupSize: workshop.minGroupSize,
		dataVersion: summary.dataVersion,
		stats: summary.stats,
		agreements: summary.agreements,
		timer: workshop.timer && { ...workshop.timer, endsAt: workshop.timer.endsAt.getTime() },
		shownQuestion: workshop.shownQuestion,
		questionReleases: workshop.questionReleases,
		lenses: summary.lensesAsked,
		lensTeams: summary.lensTeams
	};
}

/** The room state from a workshop's summary. */
export function roomOf(summary: WorkshopSummary): RoomState {
	const { workshop } = summary;
	const bank = findBank(workshop.bank, workshop.version);
	if (!bank) throw new Error(`workshop ${workshop.id} uses unknown bank ${workshop.bank} ${workshop.version}`);
	return presentRoom(roomInput(summary, bank));
}

/** The room state of workshop `id`. */
export async function roomState(service: WorkshopService, id: string): Promise<RoomState> {
	return roomOf(await service.summary(id));
}

/** The header carrying the server's clock (epoch ms) with a polled room state: timers count down on it. */
const SERVER_TIME_HEADER = 'x-server-time';

/** A room (or console) state as the polling fallback's JSON answer, with the server's clock. */
export function roomJson(room: unknown): Response {
	return json(room, { headers: { 'cache-control': 'no-store', [SERVER_TIME_HEADER]: String(Date.now()) } });
}

/** The room streams (`event: room`), shared by the presenter view's and the phones' endpoints. */
export function roomHub() {
	return getStreamHub('room', {
		event: 'room',
		compute: async (id) => roomState(await getWorkshops(), id),
		limits: ROOM_STREAMS,
		// Phones follow the facilitator within a second: a burst of votes is still sent at most ten times a second.
		coalesceMs: 100,
		// Timers count down to an absolute end on the server's clock.
		clock: true
	});
}

/**
 * The id of the facilitated workshop a participant request is for, or the JSON refusal to answer with: 404 for a
 * code that cannot be one, 403 unless the request carries this workshop's participant cookie (an unknown code is
 * never looked up here, so these endpoints tell a guesser nothing), 409 for a self-paced workshop.
 */
export async function participantRoom(
	service: WorkshopService,
	code: string,
	token: string | null | undefined
): Promise<{ id: string } | { refusal: Response }> {
	const canonical = normaliseJoinCode(code);
	if (!canonical) return { refusal: errorResponse(404, { error: 'not_found', message: 'No workshop has this code.' }) };
	const id = await service.recognise(canonical, token);
	if (!id)
		return {
			refusal: errorResponse(403, {
				error: 'forbidden',
				message: 'Join this workshop first: open its link or type its code.'
			})
		};
	return (await service.findByCode(canonical))?.mode === 'facilitated' ? { id } : { refusal: selfPaced() };
}

/** Why a self-paced workshop has no room, display or console. */
const SELF_PACED =
	'This is a self-paced workshop: it has no room to follow; its dashboard shows the team result as it forms.';

/** The answer to a room request for a self-paced workshop. */
export function selfPaced(): Response {
	return errorResponse(409, { error: 'not_facilitated', message: SELF_PACED });
}

/**
 * The facilitated workshop a facilitator's request names (`params.id`, the facilitator cookie or key): what the
 * display, the console and their streams start from.
 * @throws WorkshopError as `getForFacilitator` does, and 409 `not_facilitated` for a self-paced workshop.
 */
export async function facilitatedWorkshop({
	params,
	url,
	cookies
}: {
	params: { id: string };
	url: URL;
	cookies: Cookies;
}): Promise<{ service: WorkshopService; workshop: WorkshopView }> {
	const service = await getWorkshops();
	const workshop = await service.getForFacilitator(params.id, facilitatorToken(cookies, url, params.id));
	if (workshop.mode !== 'facilitated') throw new WorkshopError(409, 'not_facilitated', SELF_PACED);
	return { service, workshop };
}
