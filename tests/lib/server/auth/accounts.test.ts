/**
 * Accounts, sessions, ownership, one-time co-facilitator links and session-bound facilitator keys, on PGlite and
 * (with TEST_DATABASE_URL) PostgreSQL. Sign-in is configured for this file, so the workshop service accepts
 * facilitator keys.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { createAccountService } from '$lib/server/auth/accounts';
import { WorkshopError } from '$lib/server/workshops/errors';
import { createWorkshopService } from '$lib/server/workshops/service';
import { DATABASE_KINDS, queryRows, useDatabase } from '../databases';

beforeAll(() => {
	vi.stubEnv('OIDC_ISSUER', 'https://login.example.org');
	vi.stubEnv('OIDC_CLIENT_ID', 'readiness');
	vi.stubEnv('OIDC_CLIENT_SECRET', 'secret');
});

const HOUR = 3600;
const ada = { issuer: 'https://login.example.org', subject: 'ada', displayName: 'Ada Lovelace' };
const grace = { issuer: 'https://login.example.org', subject: 'grace', displayName: 'Grace Hopper' };

describe.each(DATABASE_KINDS)('accounts on $name', (kind) => {
	const database = useDatabase(kind);
	const accounts = () => createAccountService(database());
	const workshops = () => createWorkshopService(database());
	const count = async (table: string) =>
		(await queryRows<{ n: number }>(database(), sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

	async function signedIn(identity: typeof ada) {
		const a = accounts();
		const { sessionId } = await a.signIn(identity, HOUR);
		return { sessionId, session: (await a.session(sessionId))! };
	}

	test('signing in creates one account per issuer and subject, and a new session every time (rotation)', async () => {
		const a = accounts();
		const first = await a.signIn(ada, HOUR);
		const second = await a.signIn({ ...ada, displayName: 'Ada L.' }, HOUR, first.sessionId);
		expect(second.accountId).toBe(first.accountId);
		expect(second.sessionId).not.toBe(first.sessionId);
		expect(await a.session(first.sessionId)).toBeNull();
		expect((await a.session(second.sessionId))?.displayName).toBe('Ada L.');
		expect(await count('accounts')).toBe(1);
		// Session ids are stored only as hashes.
		const stored = await queryRows<{ id_hash: string }>(database(), sql`select id_hash from sessions`);
		expect(stored.map((r) => r.id_hash)).not.toContain(second.sessionId);
		expect(stored).toHaveLength(1);
	});

	test('an expired, unknown or malformed session is nobody; signing out ends the session', async () => {
		const a = accounts();
		const { sessionId } = await a.signIn(ada, HOUR);
		await database().db.execute(sql`update sessions set expires_at = now() - interval '1 second'`);
		expect(await a.session(sessionId)).toBeNull();
		expect(await a.session('x'.repeat(43))).toBeNull();
		expect(await a.session("' or 1=1 --")).toBeNull();
		const again = await a.signIn(ada, HOUR);
		await a.signOut(again.sessionId);
		expect(await a.session(again.sessionId)).toBeNull();
		expect(await count('sessions')).toBe(0);
	});

	test('a sign-in attempt can be taken once, and not after it expired', async () => {
		const a = accounts();
		const secrets = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/my-workshops' };
		const id = await a.createLoginAttempt(secrets);
		expect(await a.takeLoginAttempt(id)).toMatchObject(secrets);
		expect(await a.takeLoginAttempt(id)).toBeNull();
		const late = await a.createLoginAttempt(secrets);
		await database().db.execute(sql`update login_attempts set expires_at = now() - interval '1 second'`);
		expect(await a.takeLoginAttempt(late)).toBeNull();
		expect(await a.takeLoginAttempt(undefined)).toBeNull();
	});

	test('"My workshops" lists the workshops an account owns with status and counts, and nobody else’s', async () => {
		const a = accounts();
		const owner = await signedIn(ada);
		const other = await signedIn(grace);
		const { workshop } = await workshops().createWorkshop({ title: 'Platform team', minGroupSize: 2 });
		await workshops().createWorkshop({ title: 'Somebody else’s' });
		await a.claimWorkshop(owner.session.accountId, workshop.id);
		await workshops().joinWorkshop(workshop.code);
		await workshops().joinWorkshop(workshop.code);
		const mine = await a.myWorkshops(owner.session.accountId);
		expect(mine).toEqual([
			expect.objectContaining({
				id: workshop.id,
				title: 'Platform team',
				status: 'open',
				role: 'owner',
				joined: 2,
				submitted: 0
			})
		]);
		expect(await a.myWorkshops(other.session.accountId)).toEqual([]);
	});

	test('a co-facilitator link works once, only for a facilitator of the workshop, and not after it expired', async () => {
		const a = accounts();
		const owner = await signedIn(ada);
		const guest = await signedIn(grace);
		const third = await signedIn({ ...grace, subject: 'third' });
		const { workshop } = await workshops().createWorkshop({ title: 'Platform team' });
		expect(await a.createInvite(owner.session.accountId, workshop.id)).toBeNull();
		await a.claimWorkshop(owner.session.accountId, workshop.id);
		const token = (await a.createInvite(owner.session.accountId, workshop.id))!;
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect((await a.invite(token))?.state).toBe('valid');

		// Two browsers racing with the same link: exactly one wins.
		const [x, y] = await Promise.all([
			a.acceptInvite(token, guest.session.accountId),
			a.acceptInvite(token, third.session.accountId)
		]);
		expect([x.outcome, y.outcome].sort()).toEqual(['accepted', 'used']);
		expect((await a.invite(token))?.state).toBe('used');
		const winner = x.outcome === 'accepted' ? guest : third;
		const loser = x.outcome === 'accepted' ? third : guest;
		expect((await a.myWorkshops(winner.session.accountId)).map((w) => w.role)).toEqual(['co-facilitator']);
		expect(await a.myWorkshops(loser.session.accountId)).toEqual([]);

		expect((await a.acceptInvite('A'.repeat(43), guest.session.accountId)).outcome).toBe('unknown');
		expect((await a.acceptInvite('not a token', guest.session.accountId)).outcome).toBe('unknown');
		const late = (await a.createInvite(owner.session.accountId, workshop.id))!;
		await database().db.execute(sql`update facilitator_invites set expires_at = now() - interval '1 second'`);
		expect((await a.acceptInvite(late, loser.session.accountId)).outcome).toBe('expired');
		// Invitation tokens are stored only as hashes.
		const stored = await queryRows<{ token_hash: string }>(database(), sql`select token_hash from facilitator_invites`);
		expect(stored.map((r) => r.token_hash)).not.toContain(token);
	});

	test('a facilitator key opens the dashboard for its session only, and stops working at sign-out', async () => {
		const a = accounts();
		const owner = await signedIn(ada);
		const stranger = await signedIn(grace);
		const { workshop, facilitatorToken } = await workshops().createWorkshop({ title: 'Platform team' });
		await a.claimWorkshop(owner.session.accountId, workshop.id);
		expect(await a.mintFacilitatorKey(stranger.session, workshop.id)).toBeNull();
		const key = (await a.mintFacilitatorKey(owner.session, workshop.id))!;
		expect((await workshops().getForFacilitator(workshop.id, key)).title).toBe('Platform team');
		// The private link keeps working alongside.
		expect((await workshops().getForFacilitator(workshop.id, facilitatorToken)).id).toBe(workshop.id);
		// A key is for one workshop.
		const { workshop: other } = await workshops().createWorkshop({ title: 'Other' });
		await expect(workshops().getForFacilitator(other.id, key)).rejects.toBeInstanceOf(WorkshopError);
		await a.signOut(owner.sessionId);
		const refused = await workshops()
			.getForFacilitator(workshop.id, key)
			.catch((e: WorkshopError) => e);
		expect(refused).toMatchObject({ status: 403 });
		expect(await count('facilitator_keys')).toBe(0);
	});
});
