/**
 * Every SQL statement of the client portfolio, and nothing else: what an account owns — the closed workshops it
 * created (role `owner`, not co-facilitated ones) and the milestones of the workspaces it created (role `owner`).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Answers } from '$scoring/schema';
import type { Database } from '../db';
import { workshopFacilitators } from '../db/auth-schema';
import { workshops } from '../db/schema';
import { milestones, workspaceMembers, workspaces } from '../db/workspace-schema';

/** A closed workshop an account owns. */
export interface OwnedWorkshop {
	id: string;
	organisation: string | null;
	/** Null only for a workshop closed before `closed_at` existed and not migrated (never, after 0011). */
	closedAt: Date | null;
	createdAt: Date;
}

/** A milestone of a workspace an account owns, with the workspace's name (its organisation). */
export interface OwnedMilestone {
	id: string;
	workspaceName: string;
	bankId: string;
	bankVersion: string;
	answers: Answers;
	workshopId: string | null;
	createdAt: Date;
}

export function createPortfolioRepository(database: Database) {
	const db = database.db;
	return {
		async ownedClosedWorkshops(accountId: string): Promise<OwnedWorkshop[]> {
			return db
				.select({
					id: workshops.id,
					organisation: workshops.organisation,
					closedAt: workshops.closedAt,
					createdAt: workshops.createdAt
				})
				.from(workshopFacilitators)
				.innerJoin(workshops, eq(workshops.id, workshopFacilitators.workshopId))
				.where(
					and(
						eq(workshopFacilitators.accountId, accountId),
						eq(workshopFacilitators.role, 'owner'),
						eq(workshops.status, 'closed')
					)
				)
				.orderBy(asc(workshops.closedAt), asc(workshops.id));
		},

		async ownedMilestones(accountId: string): Promise<OwnedMilestone[]> {
			return db
				.select({
					id: milestones.id,
					workspaceName: workspaces.name,
					bankId: milestones.bankId,
					bankVersion: milestones.bankVersion,
					answers: milestones.answers,
					workshopId: milestones.workshopId,
					createdAt: milestones.createdAt
				})
				.from(workspaceMembers)
				.innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
				.innerJoin(milestones, eq(milestones.workspaceId, workspaces.id))
				.where(and(eq(workspaceMembers.accountId, accountId), eq(workspaceMembers.role, 'owner')))
				.orderBy(asc(milestones.createdAt), asc(milestones.id));
		}
	};
}
