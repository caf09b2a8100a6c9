/**
 * The client portfolio of a signed-in consultant: the team results of the closed workshops they own and the
 * milestones of the workspaces they own, one result per organisation (rules and privacy: `scoring/norm/portfolio`,
 * docs/portfolio.md). Read-only; computed afresh on each request, since any close or save may change it.
 */
import { CURRENT_BANK, findBank } from '$scoring/content/banks';
import { placement } from '$scoring/model';
import { portfolioBenchmarkCsv, portfolioOf, type Portfolio, type PortfolioResult } from '$scoring/norm/portfolio';
import { presentPortfolio, type PortfolioView } from '$scoring/present/portfolio';
import { teamDimensionRows } from '$scoring/present/team';
import { getDb, type Database } from '../db';
import { WorkshopError } from '../workshops/errors';
import { getWorkshops, type WorkshopService } from '../workshops/service';
import { createPortfolioRepository } from './repository';

/** The name the exported CSV gives the benchmark (shown on a result as "Compared with Client portfolio"). */
export const PORTFOLIO_BENCHMARK_NAME = 'Client portfolio';

export interface PortfolioServiceOptions {
	/** The workshop service, for the team results (default: the app's). */
	workshops?: () => Promise<WorkshopService>;
}

export function createPortfolioService(database: Database, options: PortfolioServiceOptions = {}) {
	const repository = createPortfolioRepository(database);
	const workshops = options.workshops ?? getWorkshops;

	/** Every owned result that places in a group (a result too sparse to place is no result of the organisation). */
	async function results(accountId: string): Promise<PortfolioResult[]> {
		const service = await workshops();
		const owned = await repository.ownedClosedWorkshops(accountId);
		const fromWorkshops: PortfolioResult[] = [];
		for (const w of owned) {
			const summary = await service.summary(w.id).catch((e: unknown) => {
				if (e instanceof WorkshopError && e.status === 404) return null; // deleted meanwhile
				throw e;
			});
			const stats = summary?.stats;
			const bank = stats ? findBank(stats.bank, stats.version) : undefined;
			if (!stats || !bank || stats.result.tier === null) continue;
			fromWorkshops.push({
				id: `workshop:${w.id}`,
				organisation: w.organisation,
				at: (w.closedAt ?? w.createdAt).getTime(),
				tier: stats.result.tier,
				// A dimension fewer than the minimum group size answered has no team score.
				dimensions: Object.fromEntries(
					teamDimensionRows(bank, stats).map((d) => [d.dimension, d.covered ? d.score : null])
				),
				answers: stats.teamAnswers
			});
		}
		const counted = new Set(owned.map((w) => w.id));
		const fromMilestones: PortfolioResult[] = [];
		for (const m of await repository.ownedMilestones(accountId)) {
			// A milestone taken from an owned closed workshop is that workshop's result: counted once, as the workshop.
			if (m.workshopId !== null && counted.has(m.workshopId)) continue;
			const bank = findBank(m.bankId, m.bankVersion);
			if (!bank) continue;
			const placed = placement(bank, m.answers);
			if (placed.tier === null) continue;
			fromMilestones.push({
				id: `milestone:${m.id}`,
				organisation: m.workspaceName,
				at: m.createdAt.getTime(),
				tier: placed.tier,
				dimensions: Object.fromEntries(placed.dimensions.map((d) => [d.dimension, d.score])),
				answers: m.answers
			});
		}
		return [...fromWorkshops, ...fromMilestones];
	}

	return {
		/** The account's portfolio: who counts and, from 5 organisations on, its figures. */
		async portfolio(accountId: string): Promise<Portfolio> {
			return portfolioOf(await results(accountId));
		},

		/** The portfolio as the page shows it (labels, no answers). */
		async view(accountId: string): Promise<PortfolioView> {
			return presentPortfolio(await this.portfolio(accountId), CURRENT_BANK);
		},

		/** The portfolio as a custom benchmark CSV for the current bank; null below the threshold. */
		async benchmarkCsv(accountId: string): Promise<string | null> {
			const { figures } = await this.portfolio(accountId);
			return figures && portfolioBenchmarkCsv(figures, CURRENT_BANK, PORTFOLIO_BENCHMARK_NAME);
		}
	};
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;

const GLOBAL_KEY = Symbol.for('readiness.portfolio');
type Holder = { [GLOBAL_KEY]?: Promise<PortfolioService> };

/** The app's portfolio service over {@link getDb}. */
export function getPortfolios(): Promise<PortfolioService> {
	const holder = globalThis as Holder;
	holder[GLOBAL_KEY] ??= getDb().then((database) => createPortfolioService(database));
	return holder[GLOBAL_KEY];
}
