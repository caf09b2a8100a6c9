/**
 * A workshop's summary — what the dashboard, the room and every stream are computed from — reads its counts, its
 * step and its released answers through `repository.snapshot`, so a facilitation step that commits meanwhile is
 * wholly in it or wholly out of it. This is the isolation it relies on. PostgreSQL only: PGlite has one connection,
 * so a step cannot commit inside another transaction there.
 */
import { describe, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { createWorkshopRepository } from '$lib/server/workshops/repository';
import { createWorkshopService } from '$lib/server/workshops/service';
import { allAt } from '../../fixtures/answers';
import { DATABASE_KINDS, useDatabase } from './databases';

describe.each(DATABASE_KINDS)('the repository’s snapshot on $name', (kind) => {
	const database = useDatabase(kind);

	test.skipIf(kind.name !== 'postgres')(
		'reads inside one snapshot do not see a step another connection commits between them',
		async () => {
			const s = createWorkshopService(database());
			const { workshop, facilitatorToken: f } = await s.createWorkshop({
				title: 'Snapshot',
				mode: 'facilitated',
				minGroupSize: 3
			});
			const tokens = await Promise.all([0, 1, 2].map(async () => (await s.joinWorkshop(workshop.code)).token));
			await s.openVote(workshop.id, f, 'governance');
			for (const [i, t] of tokens.entries())
				await s.submitResponse(workshop.id, t, {
					answers: allAt(CURRENT_BANK, 'best'),
					idempotencyKey: `snap-${i}-key`
				});
			const repository = createWorkshopRepository(database());
			const seen = await repository.snapshot(async (tx) => {
				const before = await tx.summaryCounts(workshop.id);
				// The reveal commits on another connection while this snapshot is open.
				await s.reveal(workshop.id, f);
				const row = await tx.workshopById(workshop.id);
				return {
					released: before!.released,
					phase: row!.phase,
					answers: (await tx.releasedAnswers(workshop.id)).length
				};
			});
			expect(seen).toEqual({ released: 0, phase: 'voting', answers: 0 });
			// Outside the snapshot the reveal is there.
			expect((await repository.workshopById(workshop.id))!.phase).toBe('revealed');
			expect((await s.summary(workshop.id)).released).toBe(3);
		}
	);
});
