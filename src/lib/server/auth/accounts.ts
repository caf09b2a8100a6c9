/**
 * Accounts, sessions, sign-in attempts, workshop ownership, co-facilitator invitations and facilitator keys.
 * Every secret handed out (session id, attempt id, invitation token, facilitator key) is a 256-bit CSPRNG token
 * of which only the SHA-256 hash is stored.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { getDb, type Database } from '../db';
import {
	accounts,
	facilitatorInvites,
	facilitatorKeys,
	loginAttempts,
	sessions,
	workshopFacilitators
} from '../db/auth-schema';
import { participants, responses, workshops } from '../db/schema';
import { hashToken, newToken } from '../workshops/tokens';

/** A sign-in attempt lives this long: time enough to type a password at the identity provider. */
export const LOGIN_ATTEMPT_TTL_MS = 10 * 60_000;
/** A co-facilitator invitation works once, within this time. */
export const INVITE_TTL_MS = 7 * 24 * 3600_000;

export interface SignedIn {
	accountId: string;
	displayName: string | null;
	/** SHA-256 of the session id (what facilitator keys hang off). */
	sessionIdHash: string;
}

export interface Identity {
	issuer: string;
	subject: string;
	displayName: string | null;
}

export interface MyWorkshop {
	id: string;
	title: string;
	organisation: string | null;
	status: 'open' | 'closed';
	role: 'owner' | 'co-facilitator';
	createdAt: Date;
	joined: number;
	submitted: number;
}

export type InviteState = 'valid' | 'used' | 'expired';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Tokens we issue are 43 base64url characters; anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function createAccountService(database: Database) {
	const { db } = database;

	async function role(accountId: string, workshopId: string) {
		if (!UUID.test(workshopId)) return null;
		const [row] = await db
			.select({ role: workshopFacilitators.role })
			.from(workshopFacilitators)
			.where(and(eq(workshopFacilitators.accountId, accountId), eq(workshopFacilitators.workshopId, workshopId)));
		return row?.role ?? null;
	}

	return {
		/** Stores a sign-in attempt; returns its id for the browser's cookie. Expired attempts are swept. */
		async createLoginAttempt(input: {
			state: string;
			nonce: string;
			codeVerifier: string;
			returnTo: string;
		}): Promise<string> {
			const id = newToken();
			await db.delete(loginAttempts).where(lte(loginAttempts.expiresAt, sql`now()`));
			await db.insert(loginAttempts).values({
				idHash: hashToken(id),
				...input,
				expiresAt: new Date(Date.now() + LOGIN_ATTEMPT_TTL_MS)
			});
			return id;
		},

		/** Takes (deletes and returns) an unexpired sign-in attempt: each one can complete at most once. */
		async takeLoginAttempt(id: string | undefined) {
			if (!id || !TOKEN.test(id)) return null;
			const [row] = await db
				.delete(loginAttempts)
				.where(eq(loginAttempts.idHash, hashToken(id)))
				.returning();
			return row && row.expiresAt.getTime() > Date.now() ? row : null;
		},

		/**
		 * Signs an identity in: creates or refreshes its account, ends `previousSessionId` (no session survives a
		 * sign-in: rotation), and starts a new session. Returns the new session id for the cookie.
		 */
		async signIn(identity: Identity, maxAgeSeconds: number, previousSessionId?: string) {
			return db.transaction(async (tx) => {
				const [account] = await tx
					.insert(accounts)
					.values({ id: randomUUID(), ...identity })
					.onConflictDoUpdate({
						target: [accounts.issuer, accounts.subject],
						set: { displayName: identity.displayName, lastSignInAt: sql`now()` }
					})
					.returning({ id: accounts.id });
				if (previousSessionId && TOKEN.test(previousSessionId))
					await tx.delete(sessions).where(eq(sessions.idHash, hashToken(previousSessionId)));
				await tx.delete(sessions).where(lte(sessions.expiresAt, sql`now()`));
				const sessionId = newToken();
				await tx.insert(sessions).values({
					idHash: hashToken(sessionId),
					accountId: account!.id,
					expiresAt: new Date(Date.now() + maxAgeSeconds * 1000)
				});
				return { sessionId, accountId: account!.id };
			});
		},

		/** The signed-in account of a session id, or null (unknown, expired or malformed). */
		async session(sessionId: string | undefined): Promise<SignedIn | null> {
			if (!sessionId || !TOKEN.test(sessionId)) return null;
			const idHash = hashToken(sessionId);
			const [row] = await db
				.select({ accountId: accounts.id, displayName: accounts.displayName })
				.from(sessions)
				.innerJoin(accounts, eq(accounts.id, sessions.accountId))
				.where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, sql`now()`)));
			return row ? { ...row, sessionIdHash: idHash } : null;
		},

		/** Ends a session; its facilitator keys go with it. */
		async signOut(sessionId: string | undefined): Promise<void> {
			if (!sessionId || !TOKEN.test(sessionId)) return;
			await db.delete(sessions).where(eq(sessions.idHash, hashToken(sessionId)));
		},

		/** Records `accountId` as the owner of a workshop it just created. */
		async claimWorkshop(accountId: string, workshopId: string): Promise<void> {
			await db.insert(workshopFacilitators).values({ workshopId, accountId, role: 'owner' }).onConflictDoNothing();
		},

		/** The account's role in a workshop, or null. */
		role,

		/** The workshops an account facilitates, newest first, with status and counts. */
		async myWorkshops(accountId: string): Promise<MyWorkshop[]> {
			const rows = await db
				.select({
					id: workshops.id,
					title: workshops.title,
					organisation: workshops.organisation,
					status: workshops.status,
					role: workshopFacilitators.role,
					createdAt: workshops.createdAt,
					joined: sql<number>`(select count(*)::int from ${participants} where ${participants.workshopId} = ${workshops.id})`,
					submitted: sql<number>`(select count(*)::int from ${responses} where ${responses.workshopId} = ${workshops.id})`
				})
				.from(workshopFacilitators)
				.innerJoin(workshops, eq(workshops.id, workshopFacilitators.workshopId))
				.where(eq(workshopFacilitators.accountId, accountId))
				.orderBy(desc(workshops.createdAt));
			return rows.map((r) => ({ ...r, joined: Number(r.joined), submitted: Number(r.submitted) }));
		},

		/** A one-time co-facilitator invitation token, or null when the account does not facilitate the workshop. */
		async createInvite(accountId: string, workshopId: string): Promise<string | null> {
			if (!(await role(accountId, workshopId))) return null;
			const token = newToken();
			await db.insert(facilitatorInvites).values({
				tokenHash: hashToken(token),
				workshopId,
				createdBy: accountId,
				expiresAt: new Date(Date.now() + INVITE_TTL_MS)
			});
			return token;
		},

		/** What an invitation link leads to, or null when it was never issued. */
		async invite(token: string): Promise<{ state: InviteState; workshopId: string; title: string } | null> {
			if (!TOKEN.test(token)) return null;
			const [row] = await db
				.select({
					usedAt: facilitatorInvites.usedAt,
					expiresAt: facilitatorInvites.expiresAt,
					workshopId: workshops.id,
					title: workshops.title
				})
				.from(facilitatorInvites)
				.innerJoin(workshops, eq(workshops.id, facilitatorInvites.workshopId))
				.where(eq(facilitatorInvites.tokenHash, hashToken(token)));
			if (!row) return null;
			const state: InviteState = row.usedAt ? 'used' : row.expiresAt.getTime() <= Date.now() ? 'expired' : 'valid';
			return { state, workshopId: row.workshopId, title: row.title };
		},

		/**
		 * Accepts an invitation for `accountId`: marks it used (atomically, so two browsers racing with one link
		 * cannot both succeed) and adds the account as co-facilitator.
		 */
		async acceptInvite(
			token: string,
			accountId: string
		): Promise<{ outcome: 'accepted'; workshopId: string } | { outcome: InviteState | 'unknown' }> {
			if (!TOKEN.test(token)) return { outcome: 'unknown' };
			const tokenHash = hashToken(token);
			return db.transaction(async (tx) => {
				const [used] = await tx
					.update(facilitatorInvites)
					.set({ usedAt: sql`now()`, usedBy: accountId })
					.where(
						and(
							eq(facilitatorInvites.tokenHash, tokenHash),
							isNull(facilitatorInvites.usedAt),
							gt(facilitatorInvites.expiresAt, sql`now()`)
						)
					)
					.returning({ workshopId: facilitatorInvites.workshopId });
				if (!used) {
					const [row] = await tx
						.select({ usedAt: facilitatorInvites.usedAt })
						.from(facilitatorInvites)
						.where(eq(facilitatorInvites.tokenHash, tokenHash));
					return { outcome: !row ? 'unknown' : row.usedAt ? 'used' : 'expired' };
				}
				await tx
					.insert(workshopFacilitators)
					.values({ workshopId: used.workshopId, accountId, role: 'co-facilitator' })
					.onConflictDoNothing();
				return { outcome: 'accepted' as const, workshopId: used.workshopId };
			});
		},

		/**
		 * A facilitator key for this browser's session and one workshop the account facilitates (for the dashboard's
		 * facilitator cookie), or null when it does not facilitate it.
		 */
		async mintFacilitatorKey(signedIn: SignedIn, workshopId: string): Promise<string | null> {
			if (!(await role(signedIn.accountId, workshopId))) return null;
			const key = newToken();
			await db
				.insert(facilitatorKeys)
				.values({ tokenHash: hashToken(key), workshopId, sessionIdHash: signedIn.sessionIdHash });
			return key;
		}
	};
}

export type AccountService = ReturnType<typeof createAccountService>;

const GLOBAL_KEY = Symbol.for('readiness.accounts');
type Holder = { [GLOBAL_KEY]?: Promise<AccountService> };

/** The app's account service over {@link getDb}. */
export function getAccounts(): Promise<AccountService> {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= getDb().then(createAccountService);
	return holder[GLOBAL_KEY];
}
