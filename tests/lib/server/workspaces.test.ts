import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { BANK_V2, CURRENT_BANK } from '$scoring/content/banks/index';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import type { Answers } from '$scoring/schema';
import type { SignedIn } from '$lib/server/auth/accounts';
import { createAccountService } from '$lib/server/auth/accounts';
import { createWorkshopService } from '$lib/server/workshops/service';
import { MAX_MILESTONES } from '$lib/server/workspaces/dto';
import { WorkspaceError } from '$lib/server/workspaces/errors';
import { createWorkspaceService, type WorkspaceAccess } from '$lib/server/workspaces/service';
import { allAt } from '../../fixtures/answers';
import { DATABASE_KINDS, queryRows, useDatabase } from './databases';

const worst = allAt(CURRENT_BANK, 'worst');
const best = allAt(CURRENT_BANK, 'best');
const code = (answers: Answers) => encodeAnswerCode(CURRENT_BANK, answers);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Resolves to the WorkspaceError a promise rejects with (fails if it resolves or rejects otherwise). */
async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(WorkspaceError);
	return error as WorkspaceError;
}

const TABLES = [
	'workspaces',
	'milestones',
	'milestone_evidence',
	'plan_items',
	'workspace_members',
	'workspace_invites'
];

describe.each(DATABASE_KINDS)('workspace service on $name', (kind) => {
	const database = useDatabase(kind);
	const workshops = () => createWorkshopService(database());
	const service = (signIn = false) =>
		createWorkspaceService(database(), { workshops: async () => workshops(), signIn: () => signIn });
	/** Row counts of every workspace table. */
	const counts = async () => {
		const out: Record<string, number> = {};
		for (const table of TABLES)
			out[table] = (
				await queryRows<{ n: number }>(database(), sql.raw(`select count(*)::int as n from ${table}`))
			)[0]!.n;
		return out;
	};

	async function saved(answers: Answers = worst, name = 'Platform team') {
		const s = service();
		const { workspaceId, token, seq } = await s.saveResult(code(answers), { target: 'new', name, savedBy: 'Ada' }, {});
		return { s, id: workspaceId, token: token!, seq, access: { token } as WorkspaceAccess };
	}

	test('saves a result to a new workspace: the private link’s token is returned once and stored only as its hash', async () => {
		const { s, id, token, seq, access } = await saved();
		expect(seq).toBe(1);
		expect(Buffer.from(token, 'base64url').length * 8).toBe(256);
		const [row] = await queryRows<{ token_hash: string; name: string }>(
			database(),
			sql`select token_hash, name from workspaces`
		);
		expect(row).toEqual({ token_hash: sha256(token), name: 'Platform team' });
		const [milestone] = await queryRows<{ answers: Answers; saved_by: string; seq: number; bank_version: string }>(
			database(),
			sql`select answers, saved_by, seq, bank_version from milestones`
		);
		expect(milestone).toEqual({ answers: worst, saved_by: 'Ada', seq: 1, bank_version: CURRENT_BANK.version });
		const view = await s.workspace(id, access);
		expect(view.milestones.map((m) => m.seq)).toEqual([1]);
		expect(view.milestones[0]!.result.tier).toBe('exposed');
		// The browser's list counts it (it said "0 milestones" for every workspace held by private link).
		const [listed] = (await s.list(new Map([[id, token]]), null)).browser;
		expect(listed).toMatchObject({ id, milestones: 1 });
		expect(listed!.latestAt).not.toBeNull();
		// Every step of the 30 / 60 / 90-day plan is an item to track, nothing done yet.
		expect(view.items.length).toBeGreaterThan(3);
		expect(view.items.every((i) => i.status === 'todo' && i.owner === null && i.fromMilestone === 1)).toBe(true);
	});

	test('refuses a bad result code or an unnamed workspace with the reason, and stores nothing', async () => {
		const s = service();
		const badCode = await refusal(s.saveResult('not-a-code', { target: 'new', name: 'X' }, {}));
		expect(badCode.status).toBe(400);
		expect(badCode.message).toMatch(/code/i);
		const unnamed = await refusal(s.saveResult(code(worst), { target: 'new', name: '  \u200b ' }, {}));
		expect(unnamed).toMatchObject({ status: 400, message: 'Name the workspace: the organisation or team it is for' });
		const nowhere = await refusal(s.saveResult(code(worst), { target: 'somewhere' }, {}));
		expect(nowhere.message).toBe('Choose where to save: a new workspace or one of yours');
		expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
	});

	test('only its private link opens a workspace: none, a wrong one or another workspace’s is refused', async () => {
		const { s, id, access } = await saved();
		const other = await saved(best, 'Other team');
		await expect(s.workspace(id, access)).resolves.toBeTruthy();
		expect((await refusal(s.workspace(id, {}))).status).toBe(403);
		expect((await refusal(s.workspace(id, { token: 'x'.repeat(43) }))).status).toBe(403);
		expect((await refusal(s.workspace(id, other.access))).status).toBe(403);
		expect((await refusal(s.workspace('00000000-0000-4000-8000-000000000000', access))).status).toBe(404);
		expect((await refusal(s.workspace("' or 1=1 --", access))).status).toBe(404);
		// Every other surface checks the same way.
		const before = await counts();
		const itemId = (await s.workspace(id, access)).items[0]!.id;
		const attempts = [
			() => s.milestone(id, 1, other.access),
			() => s.saveEvidence(id, 1, other.access, { questionId: 'gov_formal_policy', note: 'x' }),
			() => s.updatePlanItem(id, other.access, { itemId, status: 'done', due: '', owner: 'Mallory' }),
			() => s.planExport(id, other.access),
			() => s.record(id, 1, other.access),
			() => s.saveResult(code(best), { target: id }, other.access),
			() => s.addWorkshopResult(id, other.access, { workshopId: '00000000-0000-4000-8000-000000000000' }, null),
			() => s.deleteWorkspace(id, other.access, 'Platform team'),
			() => s.replacePrivateLink(id, other.access, 'yes')
		];
		for (const attempt of attempts) expect((await refusal(attempt())).status).toBe(403);
		expect(await counts()).toEqual(before);
	});

	test('deleting a workspace takes everything in it, only once its name is typed, and leaves other workspaces', async () => {
		const { s, id, access } = await saved(worst, 'Platform team');
		const other = await saved(best, 'Other team');
		await s.saveEvidence(id, 1, access, { questionId: 'gov_formal_policy', note: 'Policy v2, signed by the CTO' });
		const before = await counts();
		for (const typed of ['', 'platform team', 'Other team', undefined, 42])
			expect(await refusal(s.deleteWorkspace(id, access, typed))).toMatchObject({
				status: 400,
				message: 'To delete this workspace, type its name exactly as shown. Nothing was deleted.'
			});
		expect(await counts()).toEqual(before);
		await s.deleteWorkspace(id, access, ' Platform team ');
		expect((await refusal(s.workspace(id, access))).status).toBe(404);
		await expect(s.workspace(other.id, other.access)).resolves.toBeTruthy();
		// Only the other workspace's rows are left: one workspace, its milestone, no evidence.
		const after = await counts();
		expect([after.workspaces, after.milestones, after.milestone_evidence]).toEqual([1, 1, 0]);
		expect(after.plan_items).toBe((await s.workspace(other.id, other.access)).items.length);
	});

	test('replacing the private link: confirmed, the old link opens nothing and the new one does; unconfirmed, nothing changes', async () => {
		const { s, id, token, access } = await saved();
		const before = await counts();
		for (const confirm of [undefined, '', 'no', 'YES'])
			expect(await refusal(s.replacePrivateLink(id, access, confirm))).toMatchObject({
				status: 400,
				message: 'To replace the private link, confirm it with “Replace the link now”. Nothing was changed.'
			});
		await expect(s.workspace(id, access)).resolves.toBeTruthy();
		const { token: next } = await s.replacePrivateLink(id, access, 'yes');
		expect(next).not.toBe(token);
		expect(Buffer.from(next, 'base64url').length * 8).toBe(256);
		expect((await refusal(s.workspace(id, access))).status).toBe(403);
		expect((await refusal(s.replacePrivateLink(id, access, 'yes'))).status).toBe(403);
		await expect(s.workspace(id, { token: next })).resolves.toMatchObject({ viaLink: true });
		// Only the hash is kept, and nothing else changed.
		const [row] = await queryRows<{ token_hash: string }>(database(), sql`select token_hash from workspaces`);
		expect(row!.token_hash).toBe(sha256(next));
		expect(await counts()).toEqual(before);
	});

	test('a plan item of another workspace cannot be changed through this one', async () => {
		const { s, id, access } = await saved();
		const other = await saved(worst, 'Other team');
		const foreignItem = (await s.workspace(other.id, other.access)).items[0]!;
		const refused = await refusal(s.updatePlanItem(id, access, { itemId: foreignItem.id, status: 'done' }));
		expect(refused).toMatchObject({ status: 404 });
		expect((await s.workspace(other.id, other.access)).items[0]!.status).toBe('todo');
	});

	test('a second milestone: differences, done items reviewed, evidence of unchanged answers carried over', async () => {
		const { s, id, access } = await saved();
		const first = await s.workspace(id, access);
		const [fixed, notFixed] = first.items;
		await s.updatePlanItem(id, access, {
			itemId: fixed!.id,
			owner: 'Platform lead',
			due: '2027-03-31',
			status: 'done'
		});
		await s.updatePlanItem(id, access, { itemId: notFixed!.id, status: 'done', notes: 'Rolled out\nin two teams' });
		// Evidence on two answers: one that will change, one that will not.
		const kept = first.milestones[0]!.bank.questions.find(
			(q) => q.kind === 'practice' && q.id !== fixed!.questionId && q.id !== notFixed!.questionId
		)!;
		await s.saveEvidence(id, 1, access, {
			questionId: kept.id,
			note: 'Policy v2',
			links: 'https://example.org/policy'
		});
		await s.saveEvidence(id, 1, access, { questionId: fixed!.questionId, links: 'https://example.org/ticket/1' });

		const improved = { ...worst, [fixed!.questionId]: best[fixed!.questionId]! };
		const second = await s.saveResult(code(improved), { target: id, savedBy: 'Grace' }, access);
		expect(second).toEqual({ workspaceId: id, seq: 2, token: null });

		const view = await s.workspace(id, access);
		expect(view.milestones.map((m) => [m.seq, m.savedBy])).toEqual([
			[1, 'Ada'],
			[2, 'Grace']
		]);
		const review = view.milestones[1]!.doneReview;
		expect(review).toEqual([
			expect.objectContaining({ itemId: fixed!.id, before: worst[fixed!.questionId], after: best[fixed!.questionId] }),
			expect.objectContaining({
				itemId: notFixed!.id,
				before: worst[notFixed!.questionId],
				after: worst[notFixed!.questionId]
			})
		]);
		const carried = view.evidence.get(view.milestones[1]!.id) ?? [];
		expect(carried).toEqual([
			{ questionId: kept.id, note: 'Policy v2', links: ['https://example.org/policy'], carriedFrom: 1 }
		]);
		// The item's owner, due date and notes are kept.
		expect(view.items.find((i) => i.id === notFixed!.id)).toMatchObject({
			notes: 'Rolled out\nin two teams',
			status: 'done'
		});
		expect(view.items.find((i) => i.id === fixed!.id)).toMatchObject({ owner: 'Platform lead', due: '2027-03-31' });

		// Editing carried evidence makes it this milestone's own.
		await s.saveEvidence(id, 2, access, { questionId: kept.id, note: 'Policy v3', links: '' });
		const own = (await s.milestone(id, 2, access)).evidence;
		expect(own).toEqual([{ questionId: kept.id, note: 'Policy v3', links: [], carriedFrom: null }]);
		// A third milestone reviews nothing new: those items were done before milestone 2.
		await s.saveResult(code(improved), { target: id }, access);
		expect((await s.workspace(id, access)).milestones[2]!.doneReview).toEqual([]);
	});

	test('evidence links are web addresses: each refusal names the link and why, and nothing is stored', async () => {
		const { s, id, access } = await saved();
		const q = CURRENT_BANK.questions.find((x) => x.kind === 'practice')!.id;
		const cases: [string, RegExp][] = [
			['javascript:alert(1)', /Link 1 starts with “javascript:”/],
			['https://example.org/ok\nftp://example.org/file', /Link 2 starts with “ftp:”/],
			['https://user:secret@example.org/', /Link 1 carries a user name or password/],
			['example.org/policy', /Link 1 \(“example.org\/policy”\) is not a web address/],
			['https://example.org/a b', /Link 1 contains a space/],
			[Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`).join('\n'), /at most 10 links/],
			[`https://example.org/${'a'.repeat(2000)}`, /longer than 2000 characters/]
		];
		for (const [links, message] of cases) {
			const e = await refusal(s.saveEvidence(id, 1, access, { questionId: q, links }));
			expect(e.status, links.slice(0, 40)).toBe(400);
			expect(e.message).toMatch(message);
		}
		const nul = await refusal(s.saveEvidence(id, 1, access, { questionId: q, note: 'a\u0000b' }));
		expect(nul.message).toMatch(/control characters/);
		const unknown = await refusal(s.saveEvidence(id, 1, access, { questionId: 'no_such_question', note: 'x' }));
		expect(unknown.message).toMatch(/no scored question “no_such_question”/);
		expect((await s.milestone(id, 1, access)).evidence).toEqual([]);
		// Repeated links are kept once, written as a browser writes them.
		const kept = await s.saveEvidence(id, 1, access, {
			questionId: q,
			links: 'HTTPS://Example.org/Policy\n\nhttps://example.org/Policy\n'
		});
		expect(kept?.links).toEqual(['https://example.org/Policy']);
	});

	test('evidence needs an answer: an unanswered question of the milestone is refused', async () => {
		const unanswered = CURRENT_BANK.questions.find((x) => x.kind === 'practice')!.id;
		const answers = { ...worst };
		delete answers[unanswered];
		const { s, id, access } = await saved(answers);
		const e = await refusal(s.saveEvidence(id, 1, access, { questionId: unanswered, note: 'x' }));
		expect(e.message).toMatch(/not answered in this milestone/);
	});

	test('plan items: a due date must be a real day, the status one of four; done is dated once and cleared when undone', async () => {
		const { s, id, access } = await saved();
		const item = (await s.workspace(id, access)).items[0]!;
		for (const due of ['2027-02-30', '31/03/2027', '1999-12-31'])
			expect((await refusal(s.updatePlanItem(id, access, { itemId: item.id, status: 'todo', due }))).message).toMatch(
				/due date must be a day written YYYY-MM-DD/
			);
		expect((await refusal(s.updatePlanItem(id, access, { itemId: item.id, status: 'finished' }))).message).toMatch(
			/Choose a status/
		);
		const done = await s.updatePlanItem(id, access, { itemId: item.id, status: 'done' });
		expect(done.doneAt).not.toBeNull();
		const again = await s.updatePlanItem(id, access, { itemId: item.id, status: 'done', owner: 'Sam' });
		expect(again.doneAt).toBe(done.doneAt);
		const undone = await s.updatePlanItem(id, access, { itemId: item.id, status: 'doing' });
		expect(undone.doneAt).toBeNull();
	});

	test('two people edit one plan item: the later save of the same version is refused, names the time, and changes nothing', async () => {
		const { s, id, access } = await saved();
		const opened = (await s.workspace(id, access)).items[0]!;
		// Both forms were opened on the same version of the item.
		const first = await s.updatePlanItem(id, access, {
			itemId: opened.id,
			status: 'doing',
			owner: 'Priya',
			updatedAt: opened.updatedAt
		});
		expect(first.updatedAt).not.toBe(opened.updatedAt);
		const e = await refusal(
			s.updatePlanItem(id, access, { itemId: opened.id, status: 'wont_do', owner: 'Sam', updatedAt: opened.updatedAt })
		);
		expect(e.status).toBe(409);
		expect(e.message).toContain(`Someone saved this item at ${first.updatedAt.slice(11, 16)} UTC`);
		expect(e.message).toMatch(/your change was not saved/);
		const kept = (await s.workspace(id, access)).items.find((i) => i.id === opened.id)!;
		expect(kept).toMatchObject({ status: 'doing', owner: 'Priya', updatedAt: first.updatedAt });
		// Reloaded, the second person saves over the version they now see.
		const second = await s.updatePlanItem(id, access, {
			itemId: opened.id,
			status: 'wont_do',
			owner: 'Sam',
			updatedAt: kept.updatedAt
		});
		expect(second).toMatchObject({ status: 'wont_do', owner: 'Sam' });
		expect(
			(await refusal(s.updatePlanItem(id, access, { itemId: opened.id, status: 'todo', updatedAt: 'yesterday' })))
				.message
		).toMatch(/Reload the page/);
	});

	test('a result of bank 2.0.0 is kept on its own bank and scored by its own model; it adds no plan items', async () => {
		const v2 = allAt(BANK_V2, 'best');
		const s = service();
		const { workspaceId, token } = await s.saveResult(
			encodeAnswerCode(BANK_V2, v2),
			{ target: 'new', name: 'Old' },
			{}
		);
		const view = await s.workspace(workspaceId, { token });
		expect(view.milestones[0]).toMatchObject({ bankVersion: '2.0.0', answers: v2 });
		expect(view.milestones[0]!.result.model).toBe(2);
		expect(view.items).toEqual([]);
	});

	test(`a workspace keeps at most ${MAX_MILESTONES} milestones`, async () => {
		const { s, id, access } = await saved();
		await database().db.execute(
			sql`insert into milestones (id, workspace_id, seq, source, bank_id, bank_version, answers)
			    select gen_random_uuid(), ${id}, n, 'result', ${CURRENT_BANK.id}, ${CURRENT_BANK.version}, ${JSON.stringify(worst)}::jsonb
			    from generate_series(2, ${MAX_MILESTONES - 1}) n`
		);
		expect((await s.saveResult(code(worst), { target: id }, access)).seq).toBe(MAX_MILESTONES);
		const full = await refusal(s.saveResult(code(worst), { target: id }, access));
		expect(full).toMatchObject({ status: 409, reason: 'full' });
	});

	describe('a closed workshop’s team result', () => {
		async function workshopWith(responses: number) {
			const w = workshops();
			const { workshop, facilitatorToken } = await w.createWorkshop({ title: 'Offsite', minGroupSize: 2 });
			for (let i = 0; i < responses; i++) {
				const { token } = await w.joinWorkshop(workshop.code);
				await w.submitResponse(workshop.id, token, { answers: i % 2 ? best : worst, idempotencyKey: `key-${i}-0000` });
			}
			return { w, workshop, facilitatorToken };
		}

		test('is added once closed, by its facilitator, frozen as it stood at close', async () => {
			const { s, id, access } = await saved();
			const { w, workshop, facilitatorToken } = await workshopWith(3);
			const open = await refusal(s.addWorkshopResult(id, access, { workshopId: workshop.id }, facilitatorToken));
			expect(open).toMatchObject({ status: 409, reason: 'not_closed' });
			await w.closeWorkshop(workshop.id, facilitatorToken);
			const notFacilitator = await refusal(
				s.addWorkshopResult(id, access, { workshopId: workshop.id }, 'x'.repeat(43))
			);
			expect(notFacilitator.status).toBe(403);
			expect(await s.addWorkshopResult(id, access, { workshopId: workshop.id }, facilitatorToken)).toEqual({ seq: 2 });
			const team = (await w.teamExport(workshop.id, facilitatorToken)).stats!;
			const duplicate = await refusal(s.addWorkshopResult(id, access, { workshopId: workshop.id }, facilitatorToken));
			expect(duplicate).toMatchObject({ status: 409, reason: 'duplicate' });

			// Reopened, more answers, closed again: the milestone still holds the team answers as they were.
			await w.reopenWorkshop(workshop.id, facilitatorToken);
			for (let i = 0; i < 2; i++) {
				const { token } = await w.joinWorkshop(workshop.code);
				await w.submitResponse(workshop.id, token, { answers: best, idempotencyKey: `late-${i}-0000` });
			}
			await w.closeWorkshop(workshop.id, facilitatorToken);
			const milestone = (await s.workspace(id, access)).milestones[1]!;
			expect(milestone).toMatchObject({
				source: 'workshop',
				answers: team.teamAnswers,
				workshop: { title: 'Offsite', size: team.size }
			});
			expect((await w.teamExport(workshop.id, facilitatorToken)).stats!.size).toBeGreaterThan(team.size);
		});

		test('below the minimum group size there is no team result to add', async () => {
			const { s, id, access } = await saved();
			const { w, workshop, facilitatorToken } = await workshopWith(1);
			await w.closeWorkshop(workshop.id, facilitatorToken);
			const e = await refusal(s.addWorkshopResult(id, access, { workshopId: workshop.id }, facilitatorToken));
			expect(e).toMatchObject({ status: 409, reason: 'too_few' });
			expect((await s.workspace(id, access)).milestones).toHaveLength(1);
		});

		test('the closed workshops this browser facilitates are offered; others are not', async () => {
			const s = service();
			const closed = await workshopWith(2);
			await closed.w.closeWorkshop(closed.workshop.id, closed.facilitatorToken);
			const open = await workshopWith(2);
			const offered = await s.closedWorkshops(
				new Map([
					[closed.workshop.id, closed.facilitatorToken],
					[open.workshop.id, open.facilitatorToken],
					['00000000-0000-4000-8000-000000000000', 'x'.repeat(43)]
				])
			);
			expect(offered).toEqual([{ id: closed.workshop.id, title: 'Offsite' }]);
		});
	});

	describe('with sign-in', () => {
		async function account(login: string): Promise<SignedIn> {
			const accounts = createAccountService(database());
			const { sessionId } = await accounts.signIn(
				{ issuer: 'https://id.example', subject: login, displayName: `Name ${login}` },
				3600
			);
			return (await accounts.session(sessionId))!;
		}

		test('a new workspace needs an account, which owns it and opens it without the link', async () => {
			const s = service(true);
			const anonymous = await refusal(s.saveResult(code(worst), { target: 'new', name: 'Team' }, {}));
			expect(anonymous).toMatchObject({ status: 403, message: expect.stringMatching(/Sign in to create/) });
			const ada = await account('ada');
			const { workspaceId } = await s.saveResult(code(worst), { target: 'new', name: 'Team' }, { account: ada });
			const view = await s.workspace(workspaceId, { account: ada });
			expect(view.role).toBe('owner');
			expect(view.milestones[0]!.savedBy).toBe('Name ada');
			expect(view.members).toEqual([{ name: 'Name ada', role: 'owner' }]);
			const mallory = await account('mallory');
			expect((await refusal(s.workspace(workspaceId, { account: mallory }))).status).toBe(403);
			expect((await s.list(new Map(), ada)).account.map((w) => w.id)).toEqual([workspaceId]);
			expect((await s.list(new Map(), mallory)).account).toEqual([]);
		});

		test('a co-owner is invited with a one-time link: it works once, for an account; others cannot invite', async () => {
			const s = service(true);
			const ada = await account('ada');
			const grace = await account('grace');
			const mallory = await account('mallory');
			const { workspaceId, token } = await s.saveResult(code(worst), { target: 'new', name: 'Team' }, { account: ada });
			// Holding the private link is not enough to invite: an account of the workspace is.
			expect((await refusal(s.createInvite(workspaceId, mallory))).status).toBe(403);
			expect((await refusal(s.createInvite(workspaceId, null))).status).toBe(403);
			const link = await s.createInvite(workspaceId, ada);
			expect(await s.invite(link)).toEqual({ workspaceId, name: 'Team' });
			expect(await s.acceptInvite(link, grace)).toEqual({ workspaceId });
			expect((await s.workspace(workspaceId, { account: grace })).role).toBe('co-owner');
			expect((await refusal(s.acceptInvite(link, mallory))).status).toBe(410);
			expect((await refusal(s.invite(link))).status).toBe(410);
			expect((await refusal(s.acceptInvite('y'.repeat(43), mallory))).status).toBe(404);
			expect((await refusal(s.workspace(workspaceId, { account: mallory }))).status).toBe(403);
			// The private link still opens it.
			await expect(s.workspace(workspaceId, { token })).resolves.toMatchObject({ viaLink: true });
			const [invite] = await queryRows<{ token_hash: string }>(
				database(),
				sql`select token_hash from workspace_invites`
			);
			expect(invite!.token_hash).toBe(sha256(link));
		});

		test('with sign-in off, accounts count for nothing', async () => {
			const ada = await account('ada');
			const { workspaceId } = await service(true).saveResult(
				code(worst),
				{ target: 'new', name: 'T' },
				{ account: ada }
			);
			expect((await refusal(service(false).workspace(workspaceId, { account: ada }))).status).toBe(403);
		});
	});
});
