import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
	url: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	/** stdout and stderr as they came. */
	output: () => string;
	/** stdout alone: the log, one JSON object per line. */
	stdout: () => string;
	stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** What `npm start` and the image run. */
export const SERVER_ENTRY = 'build/server-entry.js';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * Starts the built app as production does (`build/server-entry.js`, see src/server-entry.js) on a free loopback
 * port with its own data directory, and waits until it answers. `env` adds to or overrides the server's environment (e.g. DATABASE_URL);
 * `nodeArgs` go to node before the entry (a bench's `--cpu-prof`).
 */
export async function startServer(
	env: Record<string, string> = {},
	options: { dataDir?: string; nodeArgs?: string[] } = {}
): Promise<RunningServer> {
	const port = await freePort();
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'readiness-e2e-'));
	const url = `http://127.0.0.1:${port}`;
	let log = '';
	let stdout = '';
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_ENTRY], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATA_DIR: dataDir,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => {
		log += d;
		stdout += d;
	});
	child.stderr?.on('data', (d) => (log += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log}`);
		try {
			const res = await fetch(`${url}/`);
			if (res.status < 500) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not start within 60 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}

	return {
		url,
		port,
		dataDir,
		process: child,
		output: () => log,
		stdout: () => stdout,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null) child.kill(signal);
			await exited;
			if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
