import { getAccounts, type SignedIn } from './accounts';

/** Makes the signed-in creator the owner of a new workshop; nothing when nobody is signed in (sign-in off). */
export async function recordOwner(account: SignedIn | null, workshopId: string): Promise<void> {
	if (account) await (await getAccounts()).claimWorkshop(account.accountId, workshopId);
}
