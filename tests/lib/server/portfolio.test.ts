import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { parseCustomBenchmark } from '$scoring/export/custom-benchmark';
import type { Answers } from '$scoring/schema';
import { createAccountService, type SignedIn } from '$lib/server/auth/accounts';
import { createPortfolioService } from '$lib/server/portfolio/service';
import { getLenses } from '$lib/server/lenses/service';
import { createTemplateService } from '$lib/server/templates/service';
import { WorkshopError } from '$lib/server/workshops/errors';
import { createWorkshopService } from '$lib/server/workshops/service';
import { createWorkspaceService } from '$lib/server/workspaces/service';
import { allAt } from '../../fixtures/answers';
import { DATABASE_KINDS, useDatabase } from './databases';

const worst = allAt(CURRENT_BANK, 'worst');
const best = allAt(CURRENT_BANK, 'best');

async function refusal(promise: Promise<unknown>): Promise<WorkshopError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(WorkshopError);
	return error as WorkshopError;
}

describe.each(DATABASE_KINDS)('client portfolio and templates on $name', (kind) => {
	const database = useDatabase(kind);
	const workshops = () => createWorkshopService(database());
	const accounts = () => createAccountService(database());
	const portfolios = () => createPortfolioService(database(), { workshops: async () => workshops() });
	const workspaces = () =>
		createWorkspaceService(database(), { workshops: async () => workshops(), signIn: () => true });

	async function account(name = 'Consultant'): Promise<SignedIn> {
		const { accountId } = await accounts().signIn(
			{ issuer: 'https://id.example', subject: randomUUID(), displayName: name },
			3600
		);
		return { accountId, displayName: name, sessionIdHash: 'unused' };
	}

	/** A workshop the account created, answered by two people (minimum group size 2) and closed unless `open`. */
	async function clientWorkshop(
		owner: SignedIn,
		organisation: string,
		answers: Answers = worst,
		{ open = false } = {}
	) {
		const w = workshops();
		const { workshop, facilitatorToken } = await w.createWorkshop({
			title: `Workshop ${organisation}`,
			organisation,
			minGroupSize: 2,
			expectedGroupSize: 4
		});
		await accounts().claimWorkshop(owner.accountId, workshop.id);
		for (let i = 0; i < 2; i++) {
			const { token } = await w.joinWorkshop(workshop.code);
			await w.submitResponse(workshop.id, token, { answers, idempotencyKey: `k-${i}-${workshop.id}` });
		}
		if (!open) await w.closeWorkshop(workshop.id, facilitatorToken);
		return { workshop, facilitatorToken };
	}

	async function milestone(owner: SignedIn, name: string, answers: Answers = best) {
		return workspaces().saveResult(
			encodeAnswerCode(CURRENT_BANK, answers),
			{ target: 'new', name },
			{ account: owner }
		);
	}

	test('below 5 organisations there is no figure and no CSV; at 5 the figures and CSV appear', async () => {
		const me = await account();
		await clientWorkshop(me, 'Acme');
		await clientWorkshop(me, '  ACME  '); // the same organisation: counted once
		await clientWorkshop(me, 'Globex');
		await clientWorkshop(me, ''); // no name: an organisation of its own
		await milestone(me, 'Initech');
		await clientWorkshop(me, 'Open Co', worst, { open: true }); // not closed: not in the portfolio
		const four = await portfolios().portfolio(me.accountId);
		expect(four).toMatchObject({ organisations: 4, counted: 0, needed: 1, figures: null });
		expect(await portfolios().benchmarkCsv(me.accountId)).toBeNull();
		expect((await portfolios().view(me.accountId)).line).toMatch(/1 more is needed/);

		await milestone(me, 'Umbrella');
		const five = await portfolios().portfolio(me.accountId);
		expect(five).toMatchObject({ organisations: 5, counted: 5, needed: 0 });
		const tiers = Object.fromEntries(five.figures!.tiers.map((t) => [t.tier, t.count]));
		// Four worst (workshops and none), two best milestones… one organisation each: 3 exposed, 2 pioneer.
		expect(tiers).toEqual({ pioneer: 2, outpacing: 0, fragmented: 0, exposed: 3 });
		const csv = (await portfolios().benchmarkCsv(me.accountId))!;
		const custom = parseCustomBenchmark(csv, CURRENT_BANK);
		expect(custom).toMatchObject({ name: 'Client portfolio', sample: 5, tiers: { pioneer: 40, exposed: 60 } });
	});

	test('another account’s workshops, co-facilitated ones and co-owned workspaces are not in the portfolio', async () => {
		const me = await account('Me');
		const other = await account('Other');
		for (const name of ['A', 'B', 'C', 'D', 'E']) await clientWorkshop(other, name);
		const { workshop } = await clientWorkshop(other, 'F');
		// I co-facilitate F: it stays in its owner's portfolio only.
		const invite = await accounts().createInvite(other.accountId, workshop.id);
		expect(invite).not.toBeNull();
		expect(await accounts().acceptInvite(invite!, me.accountId)).toMatchObject({ outcome: 'accepted' });
		expect(await accounts().role(me.accountId, workshop.id)).toBe('co-facilitator');
		expect((await portfolios().portfolio(me.accountId)).organisations).toBe(0);
		expect((await portfolios().portfolio(other.accountId)).organisations).toBe(6);
	});

	test('a milestone taken from an owned closed workshop is that workshop’s result, counted once', async () => {
		const me = await account();
		const { workshop, facilitatorToken } = await clientWorkshop(me, 'Acme');
		const saved = await milestone(me, 'Acme Platform');
		await workspaces().addWorkshopResult(
			saved.workspaceId,
			{ account: me },
			{ workshopId: workshop.id },
			facilitatorToken
		);
		// The workshop (Acme) and the workspace's own result (Acme Platform): two organisations, not three.
		expect((await portfolios().portfolio(me.accountId)).organisations).toBe(2);
	});

	describe('templates', () => {
		const templates = () => createTemplateService(database(), { workshops: async () => workshops() });

		test('keeps the lenses a workshop pinned', async () => {
			const me = await account();
			const w = workshops();
			const lens = getLenses().lenses[0]!;
			const pin = `${lens.id}@${lens.version}`;
			const { workshop } = await w.createWorkshop({ title: 'With a lens', minGroupSize: 2, lenses: [pin] });
			await accounts().claimWorkshop(me.accountId, workshop.id);
			const saved = await templates().saveFromWorkshop(me, workshop.id, 'DORA review');
			expect(saved.settings.lenses).toEqual([pin]);
			expect((await templates().get(me, saved.id)).settings.lenses).toEqual([pin]);
		});

		test('saves a workshop’s settings under a name, lists and deletes them; another account gets 404', async () => {
			const me = await account();
			const other = await account('Other');
			const { workshop } = await clientWorkshop(me, 'Acme', worst, { open: true });
			const saved = await templates().saveFromWorkshop(me, workshop.id, '  Quarterly review ');
			expect(saved).toMatchObject({
				name: 'Quarterly review',
				settings: { mode: 'self_paced', minGroupSize: 2, expectedGroupSize: 4, lenses: [] }
			});
			expect((await templates().list(me)).map((t) => t.name)).toEqual(['Quarterly review']);
			expect((await templates().get(me, saved.id)).settings.expectedGroupSize).toBe(4);

			expect(await templates().list(other)).toEqual([]);
			expect((await refusal(templates().get(other, saved.id))).status).toBe(404);
			expect((await refusal(templates().delete(other, saved.id))).status).toBe(404);
			// Nor can another account save a template from my workshop.
			expect((await refusal(templates().saveFromWorkshop(other, workshop.id, 'Mine now'))).status).toBe(404);
			expect(await templates().list(other)).toEqual([]);

			await templates().delete(me, saved.id);
			expect(await templates().list(me)).toEqual([]);
			expect((await refusal(templates().get(me, saved.id))).status).toBe(404);
		});

		test('refuses bad settings or a missing name with the reason, and stores nothing', async () => {
			const me = await account();
			const unnamed = await refusal(
				templates().save(me, { name: ' ', settings: { mode: 'facilitated', minGroupSize: 3, expectedGroupSize: 5 } })
			);
			expect(unnamed).toMatchObject({ status: 400, message: 'Name the template' });
			const smaller = await refusal(
				templates().save(me, { name: 'X', settings: { mode: 'facilitated', minGroupSize: 6, expectedGroupSize: 5 } })
			);
			expect(smaller.message).toBe('The expected group size must be at least the minimum group size');
			const unknown = await refusal(
				templates().save(me, { name: 'X', settings: { mode: 'facilitated', minGroupSize: 3, colour: 'red' } })
			);
			expect(unknown.status).toBe(400);
			expect(await templates().list(me)).toEqual([]);
		});
	});
});
