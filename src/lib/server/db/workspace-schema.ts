/**
 * Workspaces (opt-in): a result is stored only when someone saves it to a workspace. A workspace holds milestones
 * (saved results and closed workshops' team results, frozen), the evidence given per answer of each milestone, and
 * the tracked plan. As elsewhere, no secret is kept in clear: the private link's token and one-time co-owner
 * invitations are stored as SHA-256 hashes. With sign-in configured a workspace also belongs to accounts.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { Answers } from '$scoring/schema';
import type { DoneReview } from '$scoring/model/workspace';
import { accounts } from './auth-schema';
import { workshops } from './schema';

export const workspaces = pgTable('workspaces', {
	id: uuid('id').primaryKey(),
	/** The organisation or team the workspace is for, as typed. */
	name: text('name').notNull(),
	/** SHA-256 of the private link's token, hex. */
	tokenHash: text('token_hash').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const workspaceRole = pgEnum('workspace_role', ['owner', 'co-owner']);

/** With sign-in configured: the accounts a workspace belongs to — whoever created it, and co-owners who accepted. */
export const workspaceMembers = pgTable(
	'workspace_members',
	{
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		accountId: uuid('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		role: workspaceRole('role').notNull(),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.accountId] }), index('workspace_members_account_idx').on(t.accountId)]
);

/** A one-time co-owner link: the token travels in the link; its hash is kept until used or expired. */
export const workspaceInvites = pgTable(
	'workspace_invites',
	{
		tokenHash: text('token_hash').primaryKey(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		usedBy: uuid('used_by').references(() => accounts.id, { onDelete: 'set null' })
	},
	(t) => [index('workspace_invites_workspace_idx').on(t.workspaceId)]
);

export const milestoneSource = pgEnum('milestone_source', ['result', 'workshop']);

/**
 * One milestone: the answers as they were saved (a result) or as a closed workshop's team answers stood when added
 * (`workshop_id` and `workshop_version` name the workshop and its data version, so it is not added twice).
 */
export const milestones = pgTable(
	'milestones',
	{
		id: uuid('id').primaryKey(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		/** 1, 2, 3, … within the workspace. */
		seq: integer('seq').notNull(),
		source: milestoneSource('source').notNull(),
		bankId: text('bank_id').notNull(),
		bankVersion: text('bank_version').notNull(),
		answers: jsonb('answers').$type<Answers>().notNull(),
		/** The name the saver gave, or the signed-in account's display name at the time. */
		savedBy: text('saved_by'),
		savedByAccount: uuid('saved_by_account').references(() => accounts.id, { onDelete: 'set null' }),
		workshopId: uuid('workshop_id').references(() => workshops.id, { onDelete: 'set null' }),
		workshopVersion: bigint('workshop_version', { mode: 'number' }),
		/** A team result: the workshop's title and how many responses formed it, as they were when added. */
		workshopTitle: text('workshop_title'),
		teamSize: integer('team_size'),
		/** The plan items done since the milestone before, with their question's answer then and now. */
		doneReview: jsonb('done_review').$type<DoneReview[]>().notNull().default([]),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('milestones_workspace_seq_key').on(t.workspaceId, t.seq),
		uniqueIndex('milestones_workshop_version_key').on(t.workspaceId, t.workshopId, t.workshopVersion),
		check('milestones_seq_check', sql`${t.seq} >= 1`)
	]
);

/** Evidence for one answer of one milestone: a note and links (validated web addresses; nothing uploaded). */
export const milestoneEvidence = pgTable(
	'milestone_evidence',
	{
		milestoneId: uuid('milestone_id')
			.notNull()
			.references(() => milestones.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		note: text('note'),
		links: jsonb('links').$type<string[]>().notNull().default([]),
		/** The milestone number this evidence was first given on, when carried over with an unchanged answer. */
		carriedFrom: integer('carried_from'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ name: 'milestone_evidence_pkey', columns: [t.milestoneId, t.questionId] })]
);

export const planItemStatus = pgEnum('plan_item_status', ['todo', 'doing', 'done', 'wont_do']);

/** A plan step the workspace tracks: created once (per key) from a milestone's plan, then kept up to date by people. */
export const planItems = pgTable(
	'plan_items',
	{
		id: uuid('id').primaryKey(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		/** `<question id>:<option the step reaches>`: the same step in a later plan is the same item. */
		key: text('key').notNull(),
		questionId: text('question_id').notNull(),
		title: text('title').notNull(),
		action: text('action').notNull(),
		fromTo: text('from_to').notNull(),
		/** `d30`, `d60` or `d90`. */
		horizon: text('horizon'),
		critical: boolean('critical').notNull().default(false),
		references: jsonb('references').$type<string[]>().notNull().default([]),
		/** The milestone number whose plan first held it, and its place in that plan. */
		fromMilestone: integer('from_milestone').notNull(),
		position: integer('position').notNull(),
		owner: text('owner'),
		dueDate: date('due_date', { mode: 'string' }),
		status: planItemStatus('status').notNull().default('todo'),
		notes: text('notes'),
		doneAt: timestamp('done_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('plan_items_workspace_key').on(t.workspaceId, t.key)]
);

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
export type EvidenceRow = typeof milestoneEvidence.$inferSelect;
export type PlanItemRow = typeof planItems.$inferSelect;
