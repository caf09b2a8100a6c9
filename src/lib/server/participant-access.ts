/**
 * How a participant request finds its workshop. A request carrying this workshop's participant cookie is
 * recognised (from memory after the first time) and never guess-limited — a room behind one NAT address keeps
 * working however many wrong codes someone else on that address tries. Any other lookup of a code counts against
 * the client address's wrong-code limit before it runs and is refunded when the code exists.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { participantToken } from './http';
import { JOIN_CODE_GUESSES, limitGuessing } from './rate-limit';
import type { WorkshopService } from './workshops/service';

/** The id of the workshop with canonical join code `code`, or null; 429 when this client guessed too often. */
export async function workshopIdFor(
	event: Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress' | 'setHeaders'>,
	service: WorkshopService,
	code: string
): Promise<string | null> {
	const recognised = await service.recognise(code, participantToken(event.cookies, event.url, code));
	if (recognised) return recognised;
	return limitGuessing(event, 'join-code', JOIN_CODE_GUESSES, () => service.workshopIdByCode(code));
}
