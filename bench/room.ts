/**
 * The room at scale, for `bench:workshop`: a facilitated workshop with as many phones as a workshop may expect
 * (MAX_GROUP_SIZE, 1,000) each holding the room stream (`/w/<code>/events`), then presenter steps — the facilitator
 * opens the next dimension's vote — timed from the presenter's request until the LAST phone has the new state.
 *
 * Every phone joins and holds its stream from its own loopback address (127.1.x.y: Linux routes all of 127/8 to
 * `lo`, and each socket is bound to its address), so the per-address stream cap (100) is not what is measured. The
 * server runs with its production defaults: without `ADDRESS_HEADER` it counts the TCP peer address, which is the
 * address each phone's socket is bound to — no setting is loosened for the bench.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import type { RunningServer } from '../tests/e2e/server';
import { createWorkshop } from '../tests/e2e/workshop-api';
import { load1, percentile, pool } from './load';

/** A step the last phone has not seen within this long fails the run. */
const STEP_TIMEOUT_MS = 30_000;
/** Between steps: nothing else changes the room, so each step is measured alone. */
const PAUSE_MS = 300;
/** Open files a process needs besides one per stream: its database, log, listening socket and libraries. */
const FD_SPARE = 200;

/** The loopback address phone `i` joins and listens from: 127.1.0.1 … 127.1.3.250 for 1,000 phones. */
export function phoneAddress(i: number): string {
	return `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

interface Reply {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
}

/** One HTTP request on its own connection from `localAddress` (fetch cannot bind a source address). */
function send(
	url: string,
	init: { method?: string; headers?: Record<string, string>; body?: string; localAddress: string }
): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: init.method ?? 'GET', headers: init.headers, localAddress: init.localAddress, agent: false },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(init.body);
	});
}

/** A participant's phone: joins from its own address, then holds the room stream and notes each new vote. */
class Phone {
	readonly address: string;
	cookie = '';
	/** The vote (`voteSeq`) of the last room state received; -1 before the first. */
	voteSeq = -1;
	/** The address the stream's socket is bound to, as the socket reports it. */
	boundTo = '';
	/** The last step this phone was counted in. */
	countedFor = -1;
	#request?: ClientRequest;

	constructor(
		readonly index: number,
		readonly base: string,
		readonly code: string,
		readonly onRoom: (phone: Phone) => void
	) {
		this.address = phoneAddress(index);
	}

	async join(): Promise<void> {
		const res = await send(`${this.base}/w/${this.code}?/join`, {
			method: 'POST',
			headers: { origin: this.base, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: 'displayName=',
			localAddress: this.address
		});
		if (res.status !== 303)
			throw new Error(`phone ${this.index} could not join: ${res.status} ${res.body.slice(0, 200)}`);
		this.cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
	}

	/** Opens the room stream: resolves with 200 once the first room state arrived, or with the refusal's status. */
	open(): Promise<number> {
		return new Promise((resolve, reject) => {
			const req = request(
				`${this.base}/w/${this.code}/events`,
				{
					headers: { cookie: this.cookie, accept: 'text/event-stream' },
					localAddress: this.address,
					agent: false
				},
				(res) => {
					this.boundTo = res.socket.localAddress ?? '';
					res.setEncoding('utf8');
					if (res.statusCode !== 200) {
						res.resume();
						res.on('end', () => resolve(res.statusCode ?? 0));
						return;
					}
					let buffer = '';
					res.on('data', (chunk: string) => {
						buffer += chunk;
						let end;
						while ((end = buffer.indexOf('\n\n')) >= 0) {
							const block = buffer.slice(0, end);
							buffer = buffer.slice(end + 2);
							if (!block.startsWith('event: room\n')) continue;
							const room = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { voteSeq: number };
							const first = this.voteSeq < 0;
							this.voteSeq = room.voteSeq;
							if (first) resolve(200);
							this.onRoom(this);
						}
					});
					res.on('end', () => {
						if (this.voteSeq < 0) reject(new Error('the stream ended before its first room state'));
					});
					res.on('error', () => {});
				}
			);
			// Destroying the stream at the end is not a failure; anything before the first state is.
			req.on('error', (error) => (this.voteSeq < 0 ? reject(error) : undefined));
			req.end();
			this.#request = req;
		});
	}

	close(): void {
		this.#request?.destroy();
	}
}

/** The soft limit on open files of process `pid` ('self': this one), from /proc/<pid>/limits. */
export function openFileLimit(pid: number | 'self'): number {
	const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
		.split('\n')
		.find((l) => l.startsWith('Max open files'));
	const soft = line?.split(/\s{2,}/)[1];
	return soft === 'unlimited' || soft === undefined ? Infinity : Number(soft);
}

const openFiles = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
/** Resident memory of process `pid` in bytes (VmRSS). */
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Why `phones` streams cannot be held here (this process needs one open file per phone, each of `instances`
 * servers its share), or null when the limits are enough.
 */
export function fileLimitProblem(phones: number, instances: number, serverPids: number[] = []): string | null {
	const problems: string[] = [];
	const own = openFileLimit('self');
	if (own < phones + FD_SPARE)
		problems.push(`this process may open ${own} files and needs ${phones + FD_SPARE} (one per phone)`);
	for (const pid of serverPids) {
		const limit = openFileLimit(pid);
		const needed = Math.ceil(phones / instances) + FD_SPARE;
		if (limit < needed) problems.push(`server ${pid} may open ${limit} files and needs ${needed}`);
	}
	return problems.length
		? `too few file descriptors for ${phones} phones: ${problems.join('; ')} — raise the limit (ulimit -n ${phones * 2 + FD_SPARE}) and run again`
		: null;
}

export interface RoomFigures {
	label: string;
	phones: number;
	instances: number;
	/** Streams refused with 429 (the caps), and streams or joins that failed otherwise. */
	refused: number;
	failed: string[];
	/** Distinct source addresses the streams' sockets were bound to. */
	addresses: number;
	/** Per step: ms from the presenter's request until the last phone had the new state. */
	lastPhone: number[];
	/** Every phone in every step: ms until it had the new state. */
	everyPhone: number[];
	/** Per step: ms until the presenter's own request was answered. */
	presenterAck: number[];
	/** Servers' resident memory, summed, before the streams opened and with all of them open (bytes). */
	rssBefore: number;
	rssAfter: number;
	/** Open files of the servers, summed, with every stream open. */
	serverFiles: number;
	/** The lowest open-file limit among this process and the servers. */
	fileLimit: number;
	load: string;
}

/**
 * Runs the room on `servers` (one, or several sharing one PostgreSQL: phone i uses server i mod n; the facilitator
 * the first): `phones` phones join and hold the room stream, then `steps` presenter steps. Throws when a step does
 * not reach every phone within 30 s.
 */
export async function benchRoom(
	label: string,
	servers: RunningServer[],
	phones: number,
	steps: number
): Promise<RoomFigures> {
	const pids = servers.map((s) => s.process.pid!);
	const workshop = await createWorkshop(servers[0]!.url, 'Bench room', 3, Math.max(phones, 3), 'facilitated');
	const items = CURRENT_BANK.dimensions.map((d) => d.id);
	const failed: string[] = [];

	let step: { target: number; started: number; left: number; times: number[]; done: () => void } | undefined;
	const onRoom = (phone: Phone) => {
		if (!step || phone.voteSeq < step.target || phone.countedFor === step.target) return;
		phone.countedFor = step.target;
		step.times.push(performance.now() - step.started);
		if (--step.left === 0) step.done();
	};
	const room = Array.from(
		{ length: phones },
		(_, i) => new Phone(i, servers[i % servers.length]!.url, workshop.code, onRoom)
	);

	try {
		await pool(phones, 32, async (i) => {
			try {
				await room[i]!.join();
			} catch (error) {
				failed.push(String(error));
			}
		});
		if (failed.length) throw new Error(`${failed.length} joins failed, first: ${failed[0]}`);

		await settle(1000);
		const rssBefore = pids.reduce((sum, pid) => sum + rss(pid), 0);
		let refused = 0;
		await pool(phones, 64, async (i) => {
			try {
				const status = await room[i]!.open();
				if (status === 429) refused++;
				else if (status !== 200) failed.push(`phone ${i}: stream answered ${status}`);
			} catch (error) {
				failed.push(`phone ${i}: ${String(error)}`);
			}
		});
		await settle(1000);
		const rssAfter = pids.reduce((sum, pid) => sum + rss(pid), 0);
		const serverFiles = pids.reduce((sum, pid) => sum + openFiles(pid), 0);
		const listening = room.filter((p) => p.voteSeq >= 0);

		const lastPhone: number[] = [];
		const everyPhone: number[] = [];
		const presenterAck: number[] = [];
		const base = servers[0]!.url;
		for (let s = 0; s < steps && listening.length; s++) {
			const target = Math.max(...listening.map((p) => p.voteSeq)) + 1;
			const times: number[] = [];
			let timeout: NodeJS.Timeout | undefined;
			const reached = new Promise<void>((resolve, reject) => {
				step = { target, started: performance.now(), left: listening.length, times, done: resolve };
				timeout = setTimeout(
					() => reject(new Error(`step ${s + 1}: ${times.length} of ${listening.length} phones had it after 30 s`)),
					STEP_TIMEOUT_MS
				);
			});
			// What the presenter's browser sends (use:enhance): the action's JSON, no page render.
			const res = await fetch(`${base}${workshop.dashboard}/present?/open`, {
				method: 'POST',
				headers: {
					origin: base,
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					cookie: workshop.cookie
				},
				body: new URLSearchParams({ item: items[s % items.length]! })
			});
			const answer = (await res.json()) as { type: string };
			presenterAck.push(performance.now() - step!.started);
			if (answer.type !== 'success')
				throw new Error(`step ${s + 1}: the presenter's step answered ${JSON.stringify(answer)}`);
			try {
				await reached;
			} finally {
				clearTimeout(timeout);
			}
			lastPhone.push(Math.max(...times));
			everyPhone.push(...times);
			await settle(PAUSE_MS);
		}
		return {
			label,
			phones,
			instances: servers.length,
			refused,
			failed,
			addresses: new Set(listening.map((p) => p.boundTo)).size,
			lastPhone,
			everyPhone,
			presenterAck,
			rssBefore,
			rssAfter,
			serverFiles,
			fileLimit: Math.min(openFileLimit('self'), ...pids.map(openFileLimit)),
			load: load1()
		};
	} finally {
		step = undefined;
		for (const phone of room) phone.close();
	}
}

/** The room's rows: last phone and every phone per step (p50/p95/max), the presenter's answer, memory per stream. */
export function printRoom(rows: RoomFigures[]): void {
	const ms = (sorted: number[]) =>
		sorted.length
			? `${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)} / ${sorted.at(-1)!.toFixed(0)}`
			: '—';
	const sort = (xs: number[]) => [...xs].sort((a, b) => a - b);
	console.log(
		'\nThe room: every phone holds /w/<code>/events from its own loopback address; a presenter step opens the next vote.\n'
	);
	console.log(
		'| room | phones (instances) | 429s | failed | addresses | steps | last phone ms p50 / p95 / max | every phone ms p50 / p95 / max | presenter answered ms p50 / max | memory per stream | server files open / limit | load avg (1 min) |'
	);
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const r of rows) {
		const acks = sort(r.presenterAck);
		const perStream = (r.rssAfter - r.rssBefore) / r.phones / 1024;
		console.log(
			`| ${r.label} | ${r.phones} (${r.instances}) | ${r.refused} | ${r.failed.length} | ${r.addresses} | ${r.lastPhone.length} | ${ms(sort(r.lastPhone))} | ${ms(sort(r.everyPhone))} | ${acks.length ? `${percentile(acks, 50).toFixed(0)} / ${acks.at(-1)!.toFixed(0)}` : '—'} | ${perStream.toFixed(1)} KB (${(r.rssBefore / 2 ** 20) | 0} → ${(r.rssAfter / 2 ** 20) | 0} MB) | ${r.serverFiles} / ${r.fileLimit} | ${r.load} |`
		);
	}
}
