/**
 * Every SQL statement of the workspace service, and nothing else: no access checks, no rules.
 * `repository.transaction` runs a function with the same methods bound to one transaction.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Database, Db } from '../db';
import { accounts } from '../db/auth-schema';
import {
	milestoneEvidence,
	milestones,
	planItems,
	workspaceInvites,
	workspaceMembers,
	workspaces,
	type EvidenceRow,
	type MilestoneRow,
	type PlanItemRow,
	type WorkspaceRow
} from '../db/workspace-schema';

type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Transaction;

/** A workspace in a list: its name, when it was made, how many milestones and the latest one's date. */
export interface WorkspaceListRow {
	id: string;
	name: string;
	/** For checking a browser's private-link token; never shown. */
	tokenHash: string;
	createdAt: Date;
	milestones: number;
	latestAt: Date | null;
}

function bind(q: Queryable) {
	// The outer row's id, always qualified: drizzle leaves a column bare in a single-table select, where "id" inside
	// the subquery would name the milestone's own id (every count came out 0).
	const workspaceId = sql`${workspaces}.${sql.identifier(workspaces.id.name)}`;
	const listColumns = {
		id: workspaces.id,
		name: workspaces.name,
		tokenHash: workspaces.tokenHash,
		createdAt: workspaces.createdAt,
		milestones: sql<number>`(select count(*)::int from ${milestones} m where m.workspace_id = ${workspaceId})`,
		latestAt: sql<Date | null>`(select max(m.created_at) from ${milestones} m where m.workspace_id = ${workspaceId})`
	};
	const listed = (rows: WorkspaceListRow[]) =>
		rows.map((r) => ({
			...r,
			milestones: Number(r.milestones),
			latestAt: r.latestAt === null ? null : new Date(r.latestAt)
		}));

	return {
		// ── Workspaces and who may open them ────────────────────────────────────────────────────────────────────

		async insertWorkspace(values: typeof workspaces.$inferInsert): Promise<WorkspaceRow> {
			const [row] = await q.insert(workspaces).values(values).returning();
			return row!;
		},

		async workspaceById(id: string): Promise<WorkspaceRow | undefined> {
			const [row] = await q.select().from(workspaces).where(eq(workspaces.id, id));
			return row;
		},

		/** The workspace row locked FOR UPDATE until the transaction ends: milestones are numbered one at a time. */
		async workspaceForUpdate(id: string): Promise<WorkspaceRow | undefined> {
			const [row] = await q.select().from(workspaces).where(eq(workspaces.id, id)).for('update');
			return row;
		},

		/** Deletes a workspace; its milestones, evidence, plan items, members and invites go with it (cascade). */
		/** Replaces the private link's token hash: the old link opens nothing from now on. */
		async setTokenHash(id: string, tokenHash: string): Promise<void> {
			await q.update(workspaces).set({ tokenHash }).where(eq(workspaces.id, id));
		},

		async deleteWorkspace(id: string): Promise<boolean> {
			return (await q.delete(workspaces).where(eq(workspaces.id, id)).returning({ id: workspaces.id })).length > 0;
		},

		async workspacesByIds(ids: string[]): Promise<WorkspaceListRow[]> {
			if (ids.length === 0) return [];
			return listed(await q.select(listColumns).from(workspaces).where(inArray(workspaces.id, ids)));
		},

		async workspacesOfAccount(accountId: string): Promise<WorkspaceListRow[]> {
			return listed(
				await q
					.select(listColumns)
					.from(workspaceMembers)
					.innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
					.where(eq(workspaceMembers.accountId, accountId))
					.orderBy(desc(workspaces.createdAt))
			);
		},

		async addMember(workspaceId: string, accountId: string, role: 'owner' | 'co-owner'): Promise<void> {
			await q.insert(workspaceMembers).values({ workspaceId, accountId, role }).onConflictDoNothing();
		},

		async memberRole(workspaceId: string, accountId: string): Promise<'owner' | 'co-owner' | null> {
			const [row] = await q
				.select({ role: workspaceMembers.role })
				.from(workspaceMembers)
				.where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.accountId, accountId)));
			return row?.role ?? null;
		},

		async members(workspaceId: string): Promise<{ name: string | null; role: 'owner' | 'co-owner' }[]> {
			return q
				.select({ name: accounts.displayName, role: workspaceMembers.role })
				.from(workspaceMembers)
				.innerJoin(accounts, eq(accounts.id, workspaceMembers.accountId))
				.where(eq(workspaceMembers.workspaceId, workspaceId))
				.orderBy(asc(workspaceMembers.addedAt));
		},

		// ── Co-owner invitations ────────────────────────────────────────────────────────────────────────────────

		async insertInvite(values: typeof workspaceInvites.$inferInsert): Promise<void> {
			await q.insert(workspaceInvites).values(values);
		},

		async inviteByHash(tokenHash: string) {
			const [row] = await q
				.select({
					usedAt: workspaceInvites.usedAt,
					expiresAt: workspaceInvites.expiresAt,
					workspaceId: workspaces.id,
					name: workspaces.name
				})
				.from(workspaceInvites)
				.innerJoin(workspaces, eq(workspaces.id, workspaceInvites.workspaceId))
				.where(eq(workspaceInvites.tokenHash, tokenHash));
			return row;
		},

		/** Marks an unused, unexpired invitation used by `accountId`; returns its workspace, or nothing. */
		async useInvite(tokenHash: string, accountId: string): Promise<string | undefined> {
			const [row] = await q
				.update(workspaceInvites)
				.set({ usedAt: sql`now()`, usedBy: accountId })
				.where(
					and(
						eq(workspaceInvites.tokenHash, tokenHash),
						isNull(workspaceInvites.usedAt),
						gt(workspaceInvites.expiresAt, sql`now()`)
					)
				)
				.returning({ workspaceId: workspaceInvites.workspaceId });
			return row?.workspaceId;
		},

		// ── Milestones ──────────────────────────────────────────────────────────────────────────────────────────

		async milestonesOf(workspaceId: string): Promise<MilestoneRow[]> {
			return q.select().from(milestones).where(eq(milestones.workspaceId, workspaceId)).orderBy(asc(milestones.seq));
		},

		async milestoneBySeq(workspaceId: string, seq: number): Promise<MilestoneRow | undefined> {
			const [row] = await q
				.select()
				.from(milestones)
				.where(and(eq(milestones.workspaceId, workspaceId), eq(milestones.seq, seq)));
			return row;
		},

		/** The workspace's latest milestone and how many it has. */
		async lastMilestone(workspaceId: string): Promise<{ last: MilestoneRow | undefined; count: number }> {
			const [{ n = 0, top = null } = {}] = await q
				.select({ n: count(), top: max(milestones.seq) })
				.from(milestones)
				.where(eq(milestones.workspaceId, workspaceId));
			if (top === null) return { last: undefined, count: 0 };
			const [last] = await q
				.select()
				.from(milestones)
				.where(and(eq(milestones.workspaceId, workspaceId), eq(milestones.seq, top)));
			return { last, count: Number(n) };
		},

		async insertMilestone(values: typeof milestones.$inferInsert): Promise<MilestoneRow> {
			const [row] = await q.insert(milestones).values(values).returning();
			return row!;
		},

		/** Whether this workshop's team result at this data version is already a milestone of the workspace. */
		async hasWorkshopMilestone(workspaceId: string, workshopId: string, version: number): Promise<boolean> {
			const [row] = await q
				.select({ id: milestones.id })
				.from(milestones)
				.where(
					and(
						eq(milestones.workspaceId, workspaceId),
						eq(milestones.workshopId, workshopId),
						eq(milestones.workshopVersion, version)
					)
				);
			return row !== undefined;
		},

		// ── Evidence ────────────────────────────────────────────────────────────────────────────────────────────

		async evidenceOf(milestoneIds: string[]): Promise<EvidenceRow[]> {
			if (milestoneIds.length === 0) return [];
			return q.select().from(milestoneEvidence).where(inArray(milestoneEvidence.milestoneId, milestoneIds));
		},

		async insertEvidence(rows: (typeof milestoneEvidence.$inferInsert)[]): Promise<void> {
			if (rows.length) await q.insert(milestoneEvidence).values(rows);
		},

		async upsertEvidence(values: typeof milestoneEvidence.$inferInsert): Promise<void> {
			await q
				.insert(milestoneEvidence)
				.values(values)
				.onConflictDoUpdate({
					target: [milestoneEvidence.milestoneId, milestoneEvidence.questionId],
					set: { note: values.note, links: values.links, carriedFrom: null, updatedAt: sql`now()` }
				});
		},

		async deleteEvidence(milestoneId: string, questionId: string): Promise<void> {
			await q
				.delete(milestoneEvidence)
				.where(and(eq(milestoneEvidence.milestoneId, milestoneId), eq(milestoneEvidence.questionId, questionId)));
		},

		// ── The tracked plan ────────────────────────────────────────────────────────────────────────────────────

		async planItemsOf(workspaceId: string): Promise<PlanItemRow[]> {
			return q
				.select()
				.from(planItems)
				.where(eq(planItems.workspaceId, workspaceId))
				.orderBy(asc(planItems.fromMilestone), asc(planItems.position));
		},

		/** Inserts plan items; one whose key the workspace already tracks is left as it is. */
		async insertPlanItems(rows: (typeof planItems.$inferInsert)[]): Promise<void> {
			if (rows.length) await q.insert(planItems).values(rows).onConflictDoNothing();
		},

		/** Updates one item of this workspace; nothing (undefined) when the workspace has no such item. */
		async updatePlanItem(
			workspaceId: string,
			itemId: string,
			set: Omit<Partial<typeof planItems.$inferInsert>, 'doneAt'>,
			done: 'keep' | 'now' | 'clear'
		): Promise<PlanItemRow | undefined> {
			const doneAt = done === 'now' ? sql`now()` : done === 'clear' ? null : undefined;
			const [row] = await q
				.update(planItems)
				.set({ ...set, ...(doneAt === undefined ? {} : { doneAt }), updatedAt: sql`now()` })
				.where(and(eq(planItems.workspaceId, workspaceId), eq(planItems.id, itemId)))
				.returning();
			return row;
		},

		/** One item of this workspace; `lock` holds it (FOR UPDATE) until the transaction ends, so a save checks and writes as one. */
		async planItemById(
			workspaceId: string,
			itemId: string,
			{ lock = false }: { lock?: boolean } = {}
		): Promise<PlanItemRow | undefined> {
			const query = q
				.select()
				.from(planItems)
				.where(and(eq(planItems.workspaceId, workspaceId), eq(planItems.id, itemId)));
			const [row] = lock ? await query.for('update') : await query;
			return row;
		}
	};
}

export type WorkspaceStatements = ReturnType<typeof bind>;

export type WorkspaceRepository = WorkspaceStatements & {
	/** Runs `work` in one transaction, with every statement bound to it. */
	transaction: <T>(work: (tx: WorkspaceStatements) => Promise<T>) => Promise<T>;
};

/** The workspace statements over one database. */
export function createWorkspaceRepository(database: Database): WorkspaceRepository {
	return {
		...bind(database.db),
		transaction: (work) => database.db.transaction((tx) => work(bind(tx)))
	};
}
