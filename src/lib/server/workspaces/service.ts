/**
 * The workspace service: saving a result (or a closed workshop's team result) as a milestone, the evidence per
 * answer, the tracked plan, and who may open a workspace. This is the public API and where access is checked; every
 * statement is in `repository.ts`, the rules without words in `scoring/model/workspace.ts`.
 *
 * Access: a workspace opens with its private link's token (a 256-bit CSPRNG secret stored only as its SHA-256 hash)
 * or, with sign-in configured, for an account it belongs to (the creator, and co-owners who accepted a one-time
 * link). Nothing of a result is stored until someone saves it here.
 */
import { randomUUID } from 'node:crypto';
import { answerOf } from '$scoring/answers';
import { CURRENT_BANK, findBank } from '$scoring/content/banks';
import { milestoneRecord, type MilestoneRecord } from '$scoring/export/milestone-record';
import type { PlanSource } from '$scoring/export/plan-jira';
import { score } from '$scoring/model';
import { ResultCodeError, scoreCode } from '$scoring/model/result-code';
import {
	carryEvidence,
	reviewDoneItems,
	type Evidence,
	type MilestoneSource,
	type PlanItem
} from '$scoring/model/workspace';
import { trackedSteps, type ScoredMilestone } from '$scoring/present/workspace';
import { isoDate } from '$scoring/present/format';
import type { Answers, QuestionBank } from '$scoring/schema';
import type { SignedIn } from '../auth/accounts';
import { signInEnabled } from '../auth/config';
import { getDb, type Database } from '../db';
import type { MilestoneRow, WorkspaceRow } from '../db/workspace-schema';
import { Lru } from '../lru';
import { WorkshopError } from '../workshops/errors';
import { getWorkshops, type WorkshopService } from '../workshops/service';
import { hashToken, newToken, tokenMatches } from '../workshops/tokens';
import {
	AddWorkshopSchema,
	EvidenceSchema,
	isUuid,
	MAX_MILESTONES,
	PlanItemUpdateSchema,
	SaveResultSchema,
	WorkspaceNameSchema,
	evidenceOf,
	milestoneOf,
	planItemOf,
	type WorkspaceSummary
} from './dto';
import {
	DELETE_NOT_CONFIRMED,
	REPLACE_NOT_CONFIRMED,
	INVITE_GONE,
	INVITE_UNKNOWN,
	NOT_AN_OWNER,
	NOT_FOUND,
	NOT_MEMBER,
	NO_ITEM,
	itemChanged,
	NO_MILESTONE,
	SIGN_IN_TO_CREATE,
	WorkspaceError,
	invalid
} from './errors';
import { createWorkspaceRepository, type WorkspaceListRow, type WorkspaceStatements } from './repository';

/** Who is asking: the private-link token this browser holds for the workspace, and the signed-in account. */
export interface WorkspaceAccess {
	token?: string | null;
	account?: SignedIn | null;
}

/** A co-owner invitation works once, within this time. */
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
/** Tokens we issue are 43 base64url characters; anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A result to store as a milestone. */
interface NewMilestone {
	source: MilestoneSource;
	bank: QuestionBank;
	answers: Answers;
	savedBy: string | null;
	savedByAccount: string | null;
	workshop?: { id: string; version: number; title: string; size: number };
}

export interface WorkspaceServiceOptions {
	/** The workshop service, for adding a closed workshop's team result (default: the app's). */
	workshops?: () => Promise<WorkshopService>;
	/** Whether sign-in is configured (default: from the environment). */
	signIn?: () => boolean;
}

/** The workspace service over one database. */
export function createWorkspaceService(database: Database, options: WorkspaceServiceOptions = {}) {
	const repository = createWorkspaceRepository(database);
	const workshops = options.workshops ?? getWorkshops;
	const signIn = options.signIn ?? signInEnabled;
	/** A milestone's answers never change: its scored result is kept once computed. */
	const scoredById = new Lru<string, ScoredMilestone>(2_000);

	function scored(row: MilestoneRow): ScoredMilestone {
		const known = scoredById.get(row.id);
		if (known) return known;
		const bank = findBank(row.bankId, row.bankVersion);
		if (!bank) throw new Error(`milestone ${row.id} uses unknown bank ${row.bankId} ${row.bankVersion}`);
		const milestone = { ...milestoneOf(row), bank, result: score(bank, row.answers) };
		scoredById.set(row.id, milestone);
		return milestone;
	}

	/**
	 * The workspace if this access may open it: its private-link token, or (sign-in on) an account it belongs to.
	 * @throws WorkspaceError 404 (no such workspace) or 403.
	 */
	async function opened(
		id: string,
		access: WorkspaceAccess
	): Promise<{ row: WorkspaceRow; role: 'owner' | 'co-owner' | null; viaLink: boolean }> {
		if (!isUuid(id)) throw new WorkspaceError(404, 'not_found', NOT_FOUND);
		const row = await repository.workspaceById(id);
		if (!row) throw new WorkspaceError(404, 'not_found', NOT_FOUND);
		const viaLink = tokenMatches(access.token, row.tokenHash);
		const role = signIn() && access.account ? await repository.memberRole(id, access.account.accountId) : null;
		if (!viaLink && !role) throw new WorkspaceError(403, 'forbidden', NOT_MEMBER);
		return { row, role, viaLink };
	}

	/**
	 * Appends a milestone to a workspace (locked, so milestones are numbered one at a time): reviews the plan items
	 * done since the last milestone, carries the evidence of unchanged answers over (same bank version), and tracks
	 * the steps of the new plan the workspace does not track yet.
	 */
	async function appendMilestone(tx: WorkspaceStatements, workspaceId: string, m: NewMilestone) {
		await tx.workspaceForUpdate(workspaceId);
		const { last, count } = await tx.lastMilestone(workspaceId);
		if (count >= MAX_MILESTONES)
			throw new WorkspaceError(
				409,
				'full',
				`This workspace holds ${MAX_MILESTONES} milestones, the most it keeps. Start a new workspace for later results.`
			);
		if (m.workshop && (await tx.hasWorkshopMilestone(workspaceId, m.workshop.id, m.workshop.version)))
			throw new WorkspaceError(
				409,
				'duplicate',
				'This workshop’s team result is already a milestone of this workspace, as it stands now.'
			);
		const items = (await tx.planItemsOf(workspaceId)).map(planItemOf);
		const seq = (last?.seq ?? 0) + 1;
		const row = await tx.insertMilestone({
			id: randomUUID(),
			workspaceId,
			seq,
			source: m.source,
			bankId: m.bank.id,
			bankVersion: m.bank.version,
			answers: m.answers,
			savedBy: m.savedBy,
			savedByAccount: m.savedByAccount,
			workshopId: m.workshop?.id ?? null,
			workshopVersion: m.workshop?.version ?? null,
			workshopTitle: m.workshop?.title ?? null,
			teamSize: m.workshop?.size ?? null,
			doneReview: reviewDoneItems(items, last ? { createdAt: last.createdAt, answers: last.answers } : null, m.answers)
		});
		if (last && last.bankId === m.bank.id && last.bankVersion === m.bank.version) {
			const previous = (await tx.evidenceOf([last.id])).map(evidenceOf);
			const carried = carryEvidence({ seq: last.seq, answers: last.answers, evidence: previous }, m.answers);
			await tx.insertEvidence(carried.map((e) => ({ milestoneId: row.id, ...e })));
		}
		const tracked = new Set(items.map((i) => i.key));
		const steps = trackedSteps(m.bank, scored(row).result).filter((s) => !tracked.has(s.key));
		await tx.insertPlanItems(
			steps.map((s, position) => ({
				id: randomUUID(),
				workspaceId,
				key: s.key,
				questionId: s.questionId,
				title: s.title,
				action: s.action,
				fromTo: s.fromTo,
				horizon: s.horizon,
				critical: s.critical,
				references: s.references,
				fromMilestone: seq,
				position
			}))
		);
		return row;
	}

	function summaryOf(row: WorkspaceListRow): WorkspaceSummary {
		return { id: row.id, name: row.name, createdAt: row.createdAt, milestones: row.milestones, latestAt: row.latestAt };
	}

	return {
		/** Whether this access may open the workspace. @throws WorkspaceError 404/403. */
		async open(id: string, access: WorkspaceAccess): Promise<void> {
			await opened(id, access);
		},

		/**
		 * Saves a result (its answer code) to a new workspace or to one this access may open. A new workspace's
		 * private-link token is returned once (only its hash is kept); with sign-in on, a new workspace needs an
		 * account, which becomes its owner.
		 * @throws WorkspaceError 400 (bad code or form), 403/404 (an existing workspace this access may not open; a
		 *   new one without an account when sign-in is on), 409 (the workspace is full).
		 */
		async saveResult(
			code: string,
			input: unknown,
			access: WorkspaceAccess
		): Promise<{ workspaceId: string; seq: number; token: string | null }> {
			const parsed = SaveResultSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			let result: ReturnType<typeof scoreCode>;
			try {
				result = scoreCode(code);
			} catch (e) {
				if (e instanceof ResultCodeError) throw new WorkspaceError(400, 'invalid', e.message);
				throw e;
			}
			const account = signIn() ? (access.account ?? null) : null;
			const milestone: NewMilestone = {
				source: 'result',
				bank: result.bank,
				answers: result.answers,
				savedBy: parsed.data.savedBy ?? account?.displayName ?? null,
				savedByAccount: account?.accountId ?? null
			};
			if (parsed.data.target !== 'new') {
				const { row } = await opened(parsed.data.target, access);
				const saved = await repository.transaction((tx) => appendMilestone(tx, row.id, milestone));
				return { workspaceId: row.id, seq: saved.seq, token: null };
			}
			if (signIn() && !account) throw new WorkspaceError(403, 'forbidden', SIGN_IN_TO_CREATE);
			const name = WorkspaceNameSchema.safeParse(parsed.data.name);
			if (!name.success) throw invalid(name.error);
			const token = newToken();
			const id = randomUUID();
			const saved = await repository.transaction(async (tx) => {
				await tx.insertWorkspace({ id, name: name.data, tokenHash: hashToken(token) });
				if (account) await tx.addMember(id, account.accountId, 'owner');
				return appendMilestone(tx, id, milestone);
			});
			return { workspaceId: id, seq: saved.seq, token };
		},

		/**
		 * Adds a closed workshop's team result as a milestone: the team answers the workshop service computes, as they
		 * stand now that it is closed, copied (frozen). `facilitatorToken` must be the workshop's facilitator credential
		 * (its private link's token or a signed-in facilitator's key).
		 * @throws WorkspaceError 400, 403/404 (the workspace, or a workshop this browser does not facilitate), 409
		 *   (still open, below the minimum group size, already added, full).
		 */
		async addWorkshopResult(
			id: string,
			access: WorkspaceAccess,
			input: unknown,
			facilitatorToken: string | null | undefined
		): Promise<{ seq: number }> {
			const parsed = AddWorkshopSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const { row } = await opened(id, access);
			let team: Awaited<ReturnType<WorkshopService['teamExport']>>;
			try {
				team = await (await workshops()).teamExport(parsed.data.workshopId, facilitatorToken);
			} catch (e) {
				if (e instanceof WorkshopError)
					throw new WorkspaceError(
						e.status === 404 ? 404 : 403,
						e.status === 404 ? 'not_found' : 'forbidden',
						e.status === 404
							? 'No workshop with that id.'
							: 'This browser does not facilitate that workshop: open its dashboard with its private link (or from “My workshops”) first.'
					);
				throw e;
			}
			if (team.workshop.status !== 'closed')
				throw new WorkspaceError(
					409,
					'not_closed',
					'Close the workshop first: a team result is added as it stands at close, so it cannot change afterwards.'
				);
			if (!team.stats)
				throw new WorkspaceError(
					409,
					'too_few',
					`The workshop has no team result: fewer than its minimum group size (${team.workshop.minGroupSize}) of responses are in it.`
				);
			const account = signIn() ? (access.account ?? null) : null;
			const stats = team.stats;
			const saved = await repository.transaction((tx) =>
				appendMilestone(tx, row.id, {
					source: 'workshop',
					bank: team.bank,
					answers: stats.teamAnswers,
					savedBy: parsed.data.savedBy ?? account?.displayName ?? null,
					savedByAccount: account?.accountId ?? null,
					workshop: { id: team.workshop.id, version: team.dataVersion, title: team.workshop.title, size: stats.size }
				})
			);
			return { seq: saved.seq };
		},

		/** The closed workshops among those this browser facilitates (`tokens`: workshop id → facilitator credential). */
		async closedWorkshops(tokens: ReadonlyMap<string, string>): Promise<{ id: string; title: string }[]> {
			const service = await workshops();
			const found = await Promise.all(
				[...tokens].map(([id, token]) =>
					service.getForFacilitator(id, token).then(
						(w) => (w.status === 'closed' ? [{ id: w.id, title: w.title }] : []),
						() => []
					)
				)
			);
			return found.flat();
		},

		/**
		 * Everything the workspace page shows, for an access that may open it: the milestones (each scored by its
		 * bank's model), the plan items, the evidence per milestone, the accounts it belongs to.
		 * @throws WorkspaceError 404/403.
		 */
		async workspace(id: string, access: WorkspaceAccess) {
			const { row, role, viaLink } = await opened(id, access);
			const rows = await repository.milestonesOf(row.id);
			const evidence = new Map<string, Evidence[]>();
			for (const e of await repository.evidenceOf(rows.map((m) => m.id)))
				evidence.set(e.milestoneId, [...(evidence.get(e.milestoneId) ?? []), evidenceOf(e)]);
			return {
				workspace: { id: row.id, name: row.name, createdAt: row.createdAt },
				milestones: rows.map(scored),
				items: (await repository.planItemsOf(row.id)).map(planItemOf),
				evidence,
				members: signIn() ? await repository.members(row.id) : [],
				role,
				viaLink
			};
		},

		/** One milestone with the one before it and its evidence. @throws WorkspaceError 404/403. */
		async milestone(id: string, seq: number, access: WorkspaceAccess) {
			const { row } = await opened(id, access);
			const found = Number.isInteger(seq) && seq >= 1 ? await repository.milestoneBySeq(row.id, seq) : undefined;
			if (!found) throw new WorkspaceError(404, 'not_found', NO_MILESTONE);
			const previous = seq > 1 ? await repository.milestoneBySeq(row.id, seq - 1) : undefined;
			return {
				workspace: { id: row.id, name: row.name },
				milestone: scored(found),
				previous: previous ? scored(previous) : null,
				evidence: (await repository.evidenceOf([found.id])).map(evidenceOf)
			};
		},

		/**
		 * Sets the evidence for one answer of a milestone (both empty removes it); evidence carried over from an
		 * earlier milestone becomes this milestone's own. @throws WorkspaceError 400 (bad form, a question the
		 * milestone did not answer), 404/403.
		 */
		async saveEvidence(id: string, seq: number, access: WorkspaceAccess, input: unknown): Promise<Evidence | null> {
			const parsed = EvidenceSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const { row } = await opened(id, access);
			const found = Number.isInteger(seq) && seq >= 1 ? await repository.milestoneBySeq(row.id, seq) : undefined;
			if (!found) throw new WorkspaceError(404, 'not_found', NO_MILESTONE);
			const { bank } = scored(found);
			const { questionId, note, links } = parsed.data;
			const question = bank.questions.find((q) => q.id === questionId);
			if (!question || !(question.kind === 'practice' || question.kind === 'outcome' || question.kind === 'use'))
				throw new WorkspaceError(
					400,
					'invalid',
					`Question bank ${bank.version} has no scored question “${questionId}” to give evidence for.`
				);
			if (answerOf(found.answers, questionId) === undefined)
				throw new WorkspaceError(
					400,
					'invalid',
					'This question was not answered in this milestone, so there is no answer to back with evidence.'
				);
			if (note === null && links.length === 0) {
				await repository.deleteEvidence(found.id, questionId);
				return null;
			}
			await repository.upsertEvidence({ milestoneId: found.id, questionId, note, links });
			return { questionId, note, links, carriedFrom: null };
		},

		/**
		 * Deletes the workspace and everything in it — milestones with their answers and names, evidence, plan items,
		 * members, invites — for whoever may open it, once confirmed by typing its name (what the save notice promises:
		 * answers are kept until the workspace is deleted). @throws WorkspaceError 400 (name not confirmed), 404/403.
		 */
		async deleteWorkspace(id: string, access: WorkspaceAccess, confirmName: unknown): Promise<void> {
			const { row } = await opened(id, access);
			if (typeof confirmName !== 'string' || confirmName.trim() !== row.name.trim())
				throw new WorkspaceError(400, 'invalid', DELETE_NOT_CONFIRMED);
			await repository.deleteWorkspace(row.id);
		},

		/**
		 * Replaces the private link: a new token (returned once, only its hash kept), and the old link opens nothing from
		 * then on — for a link sent to the wrong person, or someone who should no longer see the workspace. Accounts it
		 * belongs to keep their access. @throws WorkspaceError 404/403.
		 */
		async replacePrivateLink(id: string, access: WorkspaceAccess, confirm: unknown): Promise<{ token: string }> {
			const { row } = await opened(id, access);
			if (confirm !== 'yes') throw new WorkspaceError(400, 'invalid', REPLACE_NOT_CONFIRMED);
			const token = newToken();
			await repository.setTokenHash(row.id, hashToken(token));
			return { token };
		},

		/** Sets a plan item's owner, due date, status and notes. @throws WorkspaceError 400, 404 (no such item)/403. */
		async updatePlanItem(id: string, access: WorkspaceAccess, input: unknown): Promise<PlanItem> {
			const parsed = PlanItemUpdateSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			const { row } = await opened(id, access);
			const { itemId, owner, due, status, notes, updatedAt } = parsed.data;
			const updated = await repository.transaction(async (tx) => {
				const existing = await tx.planItemById(row.id, itemId, { lock: true });
				if (!existing) throw new WorkspaceError(404, 'not_found', NO_ITEM);
				if (updatedAt !== undefined && existing.updatedAt.getTime() !== Date.parse(updatedAt))
					throw new WorkspaceError(409, 'conflict', itemChanged(existing.updatedAt));
				// Done keeps the time it was first set to done (the database's clock, as milestones'); anything else clears it.
				const done = status !== 'done' ? 'clear' : existing.doneAt ? 'keep' : 'now';
				return tx.updatePlanItem(row.id, itemId, { owner, dueDate: due, status, notes }, done);
			});
			return planItemOf(updated!);
		},

		/** The plan items and where they come from, for the Jira CSV and the checklist. @throws WorkspaceError 404/403. */
		async planExport(id: string, access: WorkspaceAccess): Promise<{ items: PlanItem[]; source: PlanSource }> {
			const { row } = await opened(id, access);
			const { last } = await repository.lastMilestone(row.id);
			if (!last) throw new WorkspaceError(404, 'not_found', NO_MILESTONE);
			return {
				items: (await repository.planItemsOf(row.id)).map(planItemOf),
				source: {
					workspace: row.name,
					milestone: { seq: last.seq, date: isoDate(last.createdAt), bankVersion: last.bankVersion }
				}
			};
		},

		/**
		 * One milestone as plain data for exporters (answers, evidence, framework references and the plan items):
		 * what an OSCAL writer reads. @throws WorkspaceError 404/403.
		 */
		async record(id: string, seq: number, access: WorkspaceAccess): Promise<MilestoneRecord> {
			const { workspace, milestone, evidence } = await this.milestone(id, seq, access);
			return milestoneRecord({
				workspaceName: workspace.name,
				milestone,
				bank: milestone.bank,
				evidence,
				items: (await repository.planItemsOf(id)).map(planItemOf)
			});
		},

		/** The workspaces a browser (its private-link tokens) and an account can open, newest first. */
		async list(
			tokens: ReadonlyMap<string, string>,
			account: SignedIn | null
		): Promise<{ browser: WorkspaceSummary[]; account: WorkspaceSummary[] }> {
			const held = await repository.workspacesByIds([...tokens.keys()].filter(isUuid));
			const browser = held
				.filter((w) => tokenMatches(tokens.get(w.id), w.tokenHash))
				.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
				.map(summaryOf);
			const mine = signIn() && account ? (await repository.workspacesOfAccount(account.accountId)).map(summaryOf) : [];
			return { browser, account: mine };
		},

		/**
		 * A one-time co-owner link's token for a workspace the account belongs to (sign-in on). @throws
		 * WorkspaceError 403 (not an account of the workspace), 404.
		 */
		async createInvite(id: string, account: SignedIn | null): Promise<string> {
			if (!signIn() || !account) throw new WorkspaceError(403, 'forbidden', NOT_AN_OWNER);
			const { role } = await opened(id, { account });
			if (!role) throw new WorkspaceError(403, 'forbidden', NOT_AN_OWNER);
			const token = newToken();
			await repository.insertInvite({
				tokenHash: hashToken(token),
				workspaceId: id,
				createdBy: account.accountId,
				expiresAt: new Date(Date.now() + INVITE_TTL_MS)
			});
			return token;
		},

		/** What a co-owner link leads to. @throws WorkspaceError 404 (never issued), 410 (used or expired). */
		async invite(token: string): Promise<{ workspaceId: string; name: string }> {
			const found = TOKEN.test(token) ? await repository.inviteByHash(hashToken(token)) : undefined;
			if (!found) throw new WorkspaceError(404, 'not_found', INVITE_UNKNOWN);
			if (found.usedAt || found.expiresAt.getTime() <= Date.now()) throw new WorkspaceError(410, 'gone', INVITE_GONE);
			return { workspaceId: found.workspaceId, name: found.name };
		},

		/**
		 * Accepts a co-owner link for the account: marks it used (atomically, so two browsers racing with one link
		 * cannot both succeed) and adds the account as co-owner. @throws WorkspaceError 403 (sign-in off or not signed
		 * in), 404, 410.
		 */
		async acceptInvite(token: string, account: SignedIn | null): Promise<{ workspaceId: string }> {
			if (!signIn() || !account)
				throw new WorkspaceError(403, 'forbidden', 'Sign in first, then accept the invitation.');
			if (!TOKEN.test(token)) throw new WorkspaceError(404, 'not_found', INVITE_UNKNOWN);
			const tokenHash = hashToken(token);
			return repository.transaction(async (tx) => {
				const workspaceId = await tx.useInvite(tokenHash, account.accountId);
				if (!workspaceId) {
					const found = await tx.inviteByHash(tokenHash);
					throw found
						? new WorkspaceError(410, 'gone', INVITE_GONE)
						: new WorkspaceError(404, 'not_found', INVITE_UNKNOWN);
				}
				await tx.addMember(workspaceId, account.accountId, 'co-owner');
				return { workspaceId };
			});
		},

		/** The bank new assessments use (for the page's "re-assess from the latest answers"). */
		current: CURRENT_BANK
	};
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;

const GLOBAL_KEY = Symbol.for('readiness.workspaces');
type Holder = { [GLOBAL_KEY]?: Promise<WorkspaceService> };

/** The app's workspace service over {@link getDb}. */
export function getWorkspaces(): Promise<WorkspaceService> {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= getDb().then((database) => createWorkspaceService(database));
	return holder[GLOBAL_KEY];
}
