import type { ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { AuthConfigError, oidcSettings } from '$lib/server/auth/config';
import { installNodeCompression } from '$lib/server/compression';
import { authenticate } from '$lib/server/auth/handle';
import { providerConfig } from '$lib/server/auth/oidc';
import { csrfGuard } from '$lib/server/csrf';
import { DataDirLockedError, getDb } from '$lib/server/db';
import { reportServerError } from '$lib/server/errors';
import { installSignalHandlers, shutdownDelayMs } from '$lib/server/observability/drain';
import { observe } from '$lib/server/observability/handle';
import { getLogger } from '$lib/server/observability/log';
import { getLenses, LensConfigError } from '$lib/server/lenses/service';
import { getLensUploads } from '$lib/server/lenses/uploads';
import { getMetrics, startMetricsServer } from '$lib/server/observability/metrics';
import { privateLinkReload } from '$lib/server/private-link';
import { installNodeSecurityHeaders, securityHeaders } from '$lib/server/security';

// Outside dev, static files and prerendered pages bypass `handle`: cover them at the Node server. Compression is
// there too, so every response adapter-node sends is compressed by one rule.
if (!dev) {
	installNodeSecurityHeaders();
	installNodeCompression();
}

/** Opens and migrates the database before the first request; a locked data directory stops the process at once. */
export const init: ServerInit = async () => {
	if (building) return;
	const log = getLogger();
	try {
		// A half-configured sign-in is a mistake to fix before serving anyone.
		const signIn = oidcSettings();
		// So is a lens folder with a broken or unpublished lens: every problem is named before anyone is served.
		const lenses = getLenses();
		const database = await getDb();
		// Published uploaded lenses join the catalog before the first request (its lookups are synchronous).
		await getLensUploads();
		getMetrics();
		// SIGTERM/SIGINT: /readyz turns 503 and event streams end at once (so the drain does not wait for open
		// dashboards); after SHUTDOWN_DELAY adapter-node stops listening and drains in-flight requests, then emits
		// `sveltekit:shutdown`: the database closes (PGlite checkpoints) and the data-directory lock goes.
		const delayMs = shutdownDelayMs();
		if (!dev) installSignalHandlers(delayMs, () => log.info({ delayMs }, 'shutdown: draining'));
		process.once('sveltekit:shutdown', () => void database.close());
		const metricsPort = Number(process.env.METRICS_PORT ?? 0);
		if (Number.isInteger(metricsPort) && metricsPort > 0) {
			const server = await startMetricsServer(metricsPort, process.env.METRICS_HOST || process.env.HOST);
			process.once('sveltekit:shutdown', () => server.close());
		}
		// Discover the identity provider in the background; sign-in retries if it is not reachable yet.
		if (signIn) void providerConfig(signIn).catch(() => log.warn('sign-in: identity provider not reachable yet'));
		log.info(
			{
				database: database.kind,
				signIn: signIn !== null,
				metricsPort: metricsPort || null,
				metricsToken: Boolean(process.env.METRICS_TOKEN),
				lenses: lenses.lenses.map((l) => `${l.id}@${l.version}`),
				shutdownDelayMs: delayMs
			},
			'started'
		);
	} catch (error) {
		if (error instanceof DataDirLockedError || error instanceof AuthConfigError || error instanceof LensConfigError) {
			log.fatal(error.message);
			process.exit(1);
		}
		throw error;
	}
};

// observe first: probes are answered before anything else, and every response is timed and logged.
// securityHeaders next, so the CSRF guard's 403 carries the headers too; sign-in after the CSRF guard; a private
// link opened from another site last (it looks up the key).
export const handle = sequence(observe, securityHeaders, csrfGuard, authenticate, privateLinkReload);

export const handleError = reportServerError;
