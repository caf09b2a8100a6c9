/**
 * Which plan items the workspace page shows: all, or only the open ones (to do and doing). A long plan is mostly
 * done items after a few quarters; the filter works once the page runs (without JavaScript every item shows).
 */
import type { PlanItemStatus } from '$scoring/model/workspace';

export type PlanShow = 'all' | 'open';

export class PlanFilter {
	show = $state<PlanShow>('all');

	/** Whether an item with this status is shown. */
	shows(status: PlanItemStatus): boolean {
		return this.show === 'all' || status === 'todo' || status === 'doing';
	}

	/** How many of `statuses` are shown. */
	count(statuses: readonly PlanItemStatus[]): number {
		return statuses.filter((s) => this.shows(s)).length;
	}
}
