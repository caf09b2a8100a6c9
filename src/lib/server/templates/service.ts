/**
 * Workshop templates: a signed-in facilitator saves a workshop's settings (`WorkshopSettingsSchema`: mode, minimum
 * and expected group size — and whatever a workshop gains later) under a name, and starts new workshops from it
 * (the creation form, prefilled). A template belongs to the account that saved it: to any other account it does
 * not exist (404), whether asked to show, use or delete it.
 */
import { lensPinValue } from '$lib/server/workshops/lenses';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createAccountService, type SignedIn } from '../auth/accounts';
import { getDb, type Database } from '../db';
import type { WorkshopTemplateRow } from '../db/auth-schema';
import { requiredLine } from '../text';
import { WorkshopSettingsSchema, type WorkshopSettings } from '../workshops/dto';
import { WorkshopError, invalid } from '../workshops/errors';
import { getWorkshops, type WorkshopService } from '../workshops/service';
import { createTemplateRepository } from './repository';

/** Longest template name. */
export const TEMPLATE_NAME_MAX = 80;
/** Most templates one account keeps: plenty for real use, and a bound on what one account can store. */
export const MAX_TEMPLATES = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const TEMPLATE_NOT_FOUND = 'No such template among yours.';

export const SaveTemplateSchema = z.strictObject({
	name: requiredLine('The template name', TEMPLATE_NAME_MAX, 'Name the template'),
	settings: WorkshopSettingsSchema
});

/** A template as pages show it. */
export interface TemplateView {
	id: string;
	name: string;
	settings: WorkshopSettings;
	createdAt: string;
}

export interface TemplateServiceOptions {
	/** The workshop service, for a workshop's settings (default: the app's). */
	workshops?: () => Promise<WorkshopService>;
	/** Whether an account facilitates a workshop (default: the accounts service's). */
	facilitates?: (accountId: string, workshopId: string) => Promise<boolean>;
}

export function createTemplateService(database: Database, options: TemplateServiceOptions = {}) {
	const repository = createTemplateRepository(database);
	const workshops = options.workshops ?? getWorkshops;
	const accounts = createAccountService(database);
	const facilitates =
		options.facilitates ??
		(async (accountId: string, workshopId: string) => (await accounts.role(accountId, workshopId)) !== null);

	function viewOf(row: WorkshopTemplateRow): TemplateView {
		// Parsed on the way out too: a stored template written before a setting existed gets its default.
		return {
			id: row.id,
			name: row.name,
			settings: WorkshopSettingsSchema.parse(row.settings),
			createdAt: row.createdAt.toISOString()
		};
	}

	async function owned(account: SignedIn, id: string): Promise<WorkshopTemplateRow> {
		const row = UUID.test(id) ? await repository.ownedBy(account.accountId, id) : undefined;
		if (!row) throw new WorkshopError(404, 'not_found', TEMPLATE_NOT_FOUND);
		return row;
	}

	return {
		/** Saves `input` ({ name, settings }) as a new template. @throws WorkshopError 400 naming what is wrong. */
		async save(account: SignedIn, input: unknown): Promise<TemplateView> {
			const parsed = SaveTemplateSchema.safeParse(input);
			if (!parsed.success) throw invalid(parsed.error);
			if ((await repository.countOf(account.accountId)) >= MAX_TEMPLATES)
				throw new WorkshopError(
					409,
					'full',
					`You have ${MAX_TEMPLATES} templates, the most one account keeps: delete one you no longer use first.`
				);
			return viewOf(
				await repository.insert({
					id: randomUUID(),
					accountId: account.accountId,
					name: parsed.data.name,
					settings: parsed.data.settings
				})
			);
		},

		/**
		 * Saves the settings of a workshop the account facilitates as a template named `name`.
		 * @throws WorkshopError 404 for a workshop the account does not facilitate, 400 for a bad name.
		 */
		async saveFromWorkshop(account: SignedIn, workshopId: string, name: unknown): Promise<TemplateView> {
			if (!UUID.test(workshopId) || !(await facilitates(account.accountId, workshopId)))
				throw new WorkshopError(404, 'not_found', 'No such workshop among yours.');
			const { workshop } = await (await workshops()).summary(workshopId);
			return this.save(account, {
				name,
				settings: {
					mode: workshop.mode,
					minGroupSize: workshop.minGroupSize,
					expectedGroupSize: workshop.expectedGroupSize,
					lenses: workshop.lenses.map(lensPinValue)
				}
			});
		},

		/** The account's templates, newest first. */
		async list(account: SignedIn): Promise<TemplateView[]> {
			return (await repository.listOf(account.accountId)).map(viewOf);
		},

		/** One of the account's templates. @throws WorkshopError 404 for any other id. */
		async get(account: SignedIn, id: string): Promise<TemplateView> {
			return viewOf(await owned(account, id));
		},

		/** Deletes one of the account's templates. @throws WorkshopError 404 for any other id. */
		async delete(account: SignedIn, id: string): Promise<void> {
			if (!UUID.test(id) || !(await repository.deleteOwned(account.accountId, id)))
				throw new WorkshopError(404, 'not_found', TEMPLATE_NOT_FOUND);
		}
	};
}

export type TemplateService = ReturnType<typeof createTemplateService>;

const GLOBAL_KEY = Symbol.for('readiness.templates');
type Holder = { [GLOBAL_KEY]?: Promise<TemplateService> };

/** The app's template service over {@link getDb}. */
export function getTemplates(): Promise<TemplateService> {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= getDb().then((database) => createTemplateService(database));
	return holder[GLOBAL_KEY];
}
