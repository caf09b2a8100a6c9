/**
 * The one place the workshop service asks about accounts: whether a facilitator credential that is not the
 * workshop's own token is a facilitator key minted for a signed-in browser (see `facilitatorKeys` in
 * db/auth-schema.ts). A key counts only while its session is unexpired and its account still facilitates the
 * workshop. With sign-in off nothing is looked up.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { facilitatorKeys, sessions, workshopFacilitators } from '../db/auth-schema';
import { signInEnabled } from './config';

/** Whether `tokenHash` (SHA-256 hex of the presented token) is a live facilitator key for `workshopId`. */
export async function isFacilitatorKey(db: Db, workshopId: string, tokenHash: string): Promise<boolean> {
	if (!signInEnabled()) return false;
	const [row] = await db
		.select({ one: sql<number>`1` })
		.from(facilitatorKeys)
		.innerJoin(sessions, eq(sessions.idHash, facilitatorKeys.sessionIdHash))
		.innerJoin(
			workshopFacilitators,
			and(
				eq(workshopFacilitators.workshopId, facilitatorKeys.workshopId),
				eq(workshopFacilitators.accountId, sessions.accountId)
			)
		)
		.where(
			and(
				eq(facilitatorKeys.tokenHash, tokenHash),
				eq(facilitatorKeys.workshopId, workshopId),
				gt(sessions.expiresAt, sql`now()`)
			)
		)
		.limit(1);
	return row !== undefined;
}
