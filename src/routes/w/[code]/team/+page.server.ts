import { error, redirect } from '@sveltejs/kit';
import { findBank } from '$scoring/content/banks';
import { leftOutLine, presentTeamPage } from '$scoring/present/team';
import { joinCodeMessage } from '$scoring/present/team-labels';
import { participantToken } from '$lib/server/http';
import { getWorkshops } from '$lib/server/workshops/service';
import { joinCodeProblem, normaliseJoinCode } from '$lib/server/workshops/tokens';
import type { PageServerLoad } from './$types';

/**
 * The team result a participant opens from their phone once the workshop is closed: the team's group, every
 * dimension (or that it is not covered), its first steps and each pinned lens's team findings — worded about the team. Participants of this
 * workshop only (its cookie); the same released figures the facilitator's team PDF holds.
 */
export const load: PageServerLoad = async ({ params, url, cookies, setHeaders }) => {
	const code = normaliseJoinCode(params.code);
	if (!code)
		error(404, { error: 'not_found', message: joinCodeMessage(joinCodeProblem(params.code) ?? { kind: 'empty' }) });
	if (code !== params.code) redirect(308, `/w/${code}/team`);
	const service = await getWorkshops();
	const token = participantToken(cookies, url, code);
	const id = await service.recognise(code, token);
	if (!id)
		error(403, { error: 'forbidden', message: 'Join this workshop first: the team result is for its participants.' });
	const summary = await service.summary(id);
	const { workshop } = summary;
	if (workshop.status !== 'closed')
		error(403, {
			error: 'forbidden',
			message: 'The team result is shown once the facilitator closes the workshop.'
		});
	const bank = findBank(workshop.bank, workshop.version);
	if (!bank)
		error(500, {
			error: 'server_error',
			message: 'This workshop uses a questionnaire version this site no longer has.'
		});
	setHeaders({ 'cache-control': 'no-store' });
	const participant = await service.participant(id, token);
	return {
		workshop: { code, title: workshop.title, organisation: workshop.organisation },
		view: presentTeamPage({ bank, stats: summary.stats, mode: workshop.mode, minGroupSize: workshop.minGroupSize }),
		// Each pinned lens's findings from the team answers (the released ones, with any agreed), as on the dashboard.
		lenses: summary.lenses,
		// This participant's latest answers came too late for the team result (release.ts, rule 3).
		leftOut:
			summary.stats && workshop.mode === 'self_paced' && participant?.pending
				? leftOutLine(workshop.minGroupSize, participant.released)
				: null
	};
};
