import { joinLine, qrAlt } from '$scoring/present/team-labels';
import { httpError, joinLink } from '$lib/server/http';
import { facilitatedWorkshop, roomState } from '$lib/server/room';
import type { PageServerLoad } from './$types';

/**
 * The audience display of a facilitated workshop, for the projector: the join code and QR, the open vote, the
 * revealed question the console chose, the timer and the team result — the room state every phone receives, and
 * nothing the facilitator types. It has no controls: the facilitator's console drives it. Facilitator only.
 */
export const load: PageServerLoad = async (event) => {
	let service, workshop;
	try {
		({ service, workshop } = await facilitatedWorkshop(event));
	} catch (e) {
		httpError(e);
	}
	const { url, setHeaders } = event;
	setHeaders({ 'cache-control': 'no-store' });
	const { joinUrl, qr } = await joinLink(url.origin, workshop.code);
	return {
		workshop: { id: workshop.id, code: workshop.code, title: workshop.title },
		join: {
			url: joinUrl,
			qr,
			qrAlt: qrAlt(joinUrl),
			line: joinLine(url.host),
			short: `${url.host}/w/${workshop.code}`
		},
		room: await roomState(service, workshop.id),
		// The server's clock when the page was made: timers count down on it until the stream sends its own.
		serverTime: Date.now()
	};
};
