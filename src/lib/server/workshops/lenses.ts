/**
 * Lenses in workshops (docs/lenses.md, "In workshops"): the facilitator picks lenses at creation and the workshop
 * pins each as id and version; phones answer their questions after the survey's, stored in the same response under
 * `lensAnswerKey` keys, so they are released by the same rule (`release.ts`) as the survey's answers. The team
 * side reads only released answers (`teamLens`): no lens finding below the minimum group size.
 */
import { lensAnswersOf, splitLensAnswers } from '$scoring/lens/answer-key';
import { LensAnswersError, validateLensAnswers, type LensAnswers } from '$scoring/lens/findings';
import type { Lens } from '$scoring/lens/schema';
import { teamLens, type TeamLens } from '$scoring/lens/team';
import { presentTeamLens, teamLensNote, type TeamLensSection } from '$scoring/present/lens';
import type { Answers } from '$scoring/schema';
import type { LensCatalog } from '../lenses/service';
import { WorkshopError } from './errors';

/** A lens a workshop uses, as it pinned it. */
export interface LensPin {
	id: string;
	version: string;
}

/**
 * Most lenses one workshop takes. One, for now: a phone without JavaScript carries its answers between steps in an
 * answer code, and sends a facilitated vote with the lens it answers named in the form, each of which holds one lens.
 */
export const MAX_WORKSHOP_LENSES = 1;

/** How the creation form names a lens version: `<id>@<version>`. */
export function lensPinValue(pin: LensPin): string {
	return `${pin.id}@${pin.version}`;
}

/**
 * The pins of the lenses the creation form ticked (`<id>@<version>` each), checked against the catalog. In either
 * mode: a facilitated workshop votes on each lens section after the survey's dimensions.
 * @throws WorkshopError 400 naming the problem.
 */
export function pinLenses(values: readonly string[], catalog: LensCatalog): LensPin[] {
	const unique = [...new Set(values)];
	if (unique.length === 0) return [];
	if (unique.length > MAX_WORKSHOP_LENSES)
		throw new WorkshopError(
			400,
			'invalid',
			`A workshop can use at most ${MAX_WORKSHOP_LENSES} lens: a phone without JavaScript carries one lens’s answers between steps. Tick one.`
		);
	return unique.map((value) => {
		const [id = '', version = ''] = value.split('@');
		if (!catalog.find(id, version)) {
			const offered = catalog.lenses.map(lensPinValue).join(', ');
			throw new WorkshopError(
				400,
				'invalid',
				`There is no lens “${value.slice(0, 80)}” on this site${offered ? ` (it offers ${offered})` : ' (it offers none)'}.`
			);
		}
		return { id, version };
	});
}

/** The pinned lenses the site has, in pin order (a version it no longer has is left out: its questions are not asked). */
export function pinnedLenses(pins: readonly LensPin[], catalog: LensCatalog): Lens[] {
	return pins.flatMap((p) => catalog.find(p.id, p.version) ?? []);
}

/**
 * A submission's answers split into the survey's and the lenses', each lens's answers checked against the pinned
 * lens. @throws WorkshopError 400 for answers to a lens the workshop does not ask, or that its question does not take.
 */
export function checkSubmittedLensAnswers(answers: Answers, lenses: readonly Lens[]): Answers {
	const { survey, lenses: given } = splitLensAnswers(answers);
	for (const [id, lensAnswers] of given) {
		const lens = lenses.find((l) => l.id === id);
		if (!lens)
			throw new WorkshopError(400, 'invalid', `This workshop does not ask the questions of lens “${id.slice(0, 80)}”.`);
		try {
			validateLensAnswers(lens, lensAnswers);
		} catch (e) {
			if (e instanceof LensAnswersError) throw new WorkshopError(400, 'invalid', e.message);
			throw e;
		}
	}
	return survey;
}

/**
 * The team lens of one lens from the released answer sets (null below the minimum group size), with the answers a
 * facilitated workshop agreed (`agreed`: every agreed answer, lens questions under their `lensAnswerKey`).
 */
function lensTeam(
	lens: Lens,
	released: readonly Answers[] | null,
	minGroupSize: number,
	agreed: Readonly<Answers>
): TeamLens | null {
	if (!released) return null;
	const sets: LensAnswers[] = released.map((answers) => splitLensAnswers(answers).lenses.get(lens.id) ?? {});
	return teamLens(lens, sets, minGroupSize, lensAnswersOf(lens, agreed));
}

/**
 * The team lens of each pinned lens the site has (`lenses`) from the released answer sets — none while `released` is
 * null (below the minimum group size): what a facilitated workshop's reveal of a lens question shows.
 */
export function workshopLensTeams(
	lenses: readonly Lens[],
	released: readonly Answers[] | null,
	minGroupSize: number,
	agreed: Readonly<Answers> = {}
): TeamLens[] {
	return lenses.flatMap((lens) => lensTeam(lens, released, minGroupSize, agreed) ?? []);
}

/**
 * Each pinned lens's section from the released answer sets (`released`: every released response's answers, or null
 * below the minimum group size, when nothing of the team is shown). `agreed`: a facilitated workshop's agreed
 * answers, which stand for the median on their lens questions as on the survey's.
 */
export function workshopLensSections(
	pins: readonly LensPin[],
	catalog: LensCatalog,
	released: readonly Answers[] | null,
	minGroupSize: number,
	agreed: Readonly<Answers> = {}
): TeamLensSection[] {
	return pins.map((pin): TeamLensSection => {
		const lens = catalog.find(pin.id, pin.version);
		const base = { id: pin.id, version: pin.version, title: lens?.title ?? null };
		const heading = `Lens: ${lens?.title ?? `${pin.id} ${pin.version}`}`;
		if (!lens) return { ...base, heading, note: teamLensNote(base, { kind: 'missing' }), view: null };
		const team = lensTeam(lens, released, minGroupSize, agreed);
		if (!team) return { ...base, heading, note: teamLensNote(base, { kind: 'waiting', minGroupSize }), view: null };
		if (!team.result)
			return {
				...base,
				heading,
				note: teamLensNote(base, { kind: 'not_covered', answeredBy: team.answeredBy, minGroupSize }),
				view: null
			};
		return { ...base, heading, note: null, view: presentTeamLens(lens, { ...team, result: team.result }) };
	});
}
