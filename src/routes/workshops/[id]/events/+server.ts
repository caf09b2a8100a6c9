import { dashboardState } from '$lib/server/dashboard';
import { facilitatorToken, jsonError } from '$lib/server/http';
import { getLive } from '$lib/server/live';
import { onShutdown } from '$lib/server/shutdown';
import { getWorkshops } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** At most one summary per this many milliseconds per connection: a burst of submissions is sent as one. */
const COALESCE_MS = 250;
/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/** Server-sent events for the dashboard: a `summary` event now and after every change to the workshop. */
export const GET: RequestHandler = async ({ params, url, cookies, request }) => {
	const service = await getWorkshops();
	const live = await getLive();
	try {
		await service.getForFacilitator(params.id, facilitatorToken(cookies, url, params.id));
	} catch (e) {
		return jsonError(e);
	}
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let closed = false;
			let timer: NodeJS.Timeout | undefined;
			const write = (text: string) => {
				if (!closed) controller.enqueue(encoder.encode(text));
			};
			const send = async () => {
				timer = undefined;
				try {
					const state = dashboardState(await service.summary(params.id));
					write(`event: summary\ndata: ${JSON.stringify(state)}\n\n`);
				} catch (error) {
					console.warn(`dashboard events: ${String(error)}`);
				}
			};
			const unsubscribe = live.subscribe(params.id, () => {
				timer ??= setTimeout(send, COALESCE_MS);
			});
			const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
			let forgetShutdown = () => {};
			cleanup = () => {
				if (closed) return;
				closed = true;
				unsubscribe();
				forgetShutdown();
				clearInterval(heartbeat);
				if (timer) clearTimeout(timer);
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			};
			request.signal.addEventListener('abort', cleanup);
			// On SIGTERM the stream ends at once, so the server's drain does not wait for it.
			forgetShutdown = onShutdown(() => cleanup());
			write('retry: 2000\n\n');
			void send();
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
