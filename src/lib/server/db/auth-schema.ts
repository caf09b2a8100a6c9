/**
 * Facilitator accounts (used only when OpenID Connect sign-in is configured: OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET). Participants never have an account. As in schema.ts, no secret is stored in clear: session
 * ids, facilitator keys and invitation tokens are kept as SHA-256 hashes. A sign-in attempt's state, nonce and
 * PKCE verifier live for at most 10 minutes and are deleted when the attempt completes.
 */
import { index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { WorkshopSettings } from '../workshops/dto';
import { workshops } from './schema';

/** One person at the identity provider: issuer + subject (`sub`), as the ID token names them. */
export const accounts = pgTable(
	'accounts',
	{
		id: uuid('id').primaryKey(),
		issuer: text('issuer').notNull(),
		subject: text('subject').notNull(),
		/** The ID token's `name` (or `email`), shown to the account itself in the header; refreshed at each sign-in. */
		displayName: text('display_name'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('accounts_issuer_subject_key').on(t.issuer, t.subject)]
);

/** A signed-in browser. The cookie carries the id; only its hash is stored. A new one at every sign-in. */
export const sessions = pgTable(
	'sessions',
	{
		idHash: text('id_hash').primaryKey(),
		accountId: uuid('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)]
);

/** A sign-in in progress: what the callback must match (state, nonce) and prove (PKCE verifier). One use. */
export const loginAttempts = pgTable(
	'login_attempts',
	{
		idHash: text('id_hash').primaryKey(),
		state: text('state').notNull(),
		nonce: text('nonce').notNull(),
		codeVerifier: text('code_verifier').notNull(),
		/** A path on this site to return to after sign-in. */
		returnTo: text('return_to').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('login_attempts_expires_idx').on(t.expiresAt)]
);

export const facilitatorRole = pgEnum('facilitator_role', ['owner', 'co-facilitator']);

/** Which accounts facilitate which workshop: the creator (owner) and co-facilitators who accepted an invitation. */
export const workshopFacilitators = pgTable(
	'workshop_facilitators',
	{
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		accountId: uuid('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		role: facilitatorRole('role').notNull(),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.workshopId, t.accountId] }),
		index('workshop_facilitators_account_idx').on(t.accountId)
	]
);

/** A one-time co-facilitator link: the token travels in the link; its hash is kept until used or expired. */
export const facilitatorInvites = pgTable(
	'facilitator_invites',
	{
		tokenHash: text('token_hash').primaryKey(),
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		usedBy: uuid('used_by').references(() => accounts.id, { onDelete: 'set null' })
	},
	(t) => [index('facilitator_invites_workshop_idx').on(t.workshopId)]
);

/**
 * A facilitator credential for one workshop held by one signed-in browser: what the dashboard's facilitator cookie
 * carries when the dashboard was opened from "My workshops". It works only while its session lives and its
 * account still facilitates the workshop; signing out deletes it.
 */
export const facilitatorKeys = pgTable(
	'facilitator_keys',
	{
		tokenHash: text('token_hash').primaryKey(),
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		sessionIdHash: text('session_id_hash')
			.notNull()
			.references(() => sessions.idHash, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('facilitator_keys_session_idx').on(t.sessionIdHash)]
);

/**
 * A facilitator's named workshop template: the settings a new workshop starts from (`settings`, validated by
 * `WorkshopSettingsSchema` on the way in and out). Only the account that saved it sees or uses it.
 */
export const workshopTemplates = pgTable(
	'workshop_templates',
	{
		id: uuid('id').primaryKey(),
		accountId: uuid('account_id')
			.notNull()
			.references(() => accounts.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		settings: jsonb('settings').$type<WorkshopSettings>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('workshop_templates_account_idx').on(t.accountId)]
);

export type AccountRow = typeof accounts.$inferSelect;
export type WorkshopTemplateRow = typeof workshopTemplates.$inferSelect;
