import { signedInOrRedirect } from '$lib/server/auth/signed-in';
import { getPortfolios } from '$lib/server/portfolio/service';
import { PORTFOLIO_STEP } from '$scoring/norm/portfolio';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	const account = signedInOrRedirect(locals, '/portfolio');
	setHeaders({ 'cache-control': 'no-store' });
	return { portfolio: await (await getPortfolios()).view(account.accountId), step: PORTFOLIO_STEP };
};
