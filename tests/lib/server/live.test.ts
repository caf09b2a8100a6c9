import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { createDb, type Database } from '$lib/server/db';
import { createLiveNotifier } from '$lib/server/live';
import { createWorkshopService } from '$lib/server/workshops/service';
import { allAt } from '../../fixtures/answers';
import { freshPostgresDatabase } from './databases';

const url = process.env.TEST_DATABASE_URL;

/** Resolves with the milliseconds until `listener` first fires, or rejects after `ms`. */
function firstEvent(subscribe: (listener: () => void) => () => void, ms: number): Promise<number> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			stop();
			reject(new Error(`no live event within ${ms} ms`));
		}, ms);
		const stop = subscribe(() => {
			clearTimeout(timer);
			stop();
			resolve(Date.now() - started);
		});
	});
}

describe.skipIf(!url)('live updates across two instances on one PostgreSQL', () => {
	let fresh: Awaited<ReturnType<typeof freshPostgresDatabase>>;
	let a: Database;
	let b: Database;
	beforeAll(async () => {
		fresh = await freshPostgresDatabase(url!);
		a = await createDb({ databaseUrl: fresh.url });
		b = await createDb({ databaseUrl: fresh.url });
	}, 60_000);
	afterAll(async () => {
		await a?.close();
		await b?.close();
		await fresh?.drop();
	});

	test.each(['auto', 'poll'] as const)('a submission through one reaches the other within 2 s (%s)', async (mode) => {
		const liveA = await createLiveNotifier(a, { mode });
		const liveB = await createLiveNotifier(b, { mode });
		try {
			expect(liveB.mode).toBe(mode === 'auto' ? 'listen' : 'poll');
			const serviceA = createWorkshopService(a, liveA);
			const serviceB = createWorkshopService(b, liveB);
			const { workshop } = await serviceB.createWorkshop({ title: 'Scale-out' });
			const { token } = await serviceA.joinWorkshop(workshop.code);
			// Let the poller take its first fingerprint (which counts as a change) before the real one.
			const warm = liveB.subscribe(workshop.id, () => {});
			if (mode === 'poll') await new Promise((r) => setTimeout(r, 1_200));
			const arrived = firstEvent((listener) => liveB.subscribe(workshop.id, listener), 2_000);
			await serviceA.submitResponse(workshop.id, token, {
				answers: allAt(CURRENT_BANK, 'best'),
				idempotencyKey: `key-${mode}-0001`
			});
			expect(await arrived).toBeLessThan(2_000);
			warm();
			expect((await serviceB.summary(workshop.id)).submitted).toBe(1);
		} finally {
			await liveA.close();
			await liveB.close();
		}
	});
});

if (!url) console.log('TEST_DATABASE_URL is not set: skipping the cross-instance live update test.');
