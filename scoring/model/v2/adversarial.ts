/**
 * Named adversarial profiles: answer sets a sceptical reader would try against the model, each with the tier it
 * must get and why that is right. docs/methodology.md tabulates them (generated) and
 * `tests/scoring/adversarial.test.ts` holds the model to every one.
 */
import { BANK_V2 } from '../../content/banks';
import { DONT_KNOW, type Answers, type QuestionBank, type TierId } from '../../schema';

/** One profile: how its answers are built from the bank, the tier it must get, and why. */
export interface AdversarialProfile {
	name: string;
	/** What the profile answers, in a line. */
	answers: string;
	build: (bank: QuestionBank) => Answers;
	/** The tier it must get (null: not placed). */
	tier: TierId | null;
	why: string;
}

const scoredQuestions = (bank: QuestionBank) => bank.questions.filter((q) => q.kind !== 'profile');

/** Every question at its best option, use at its deepest. */
export function bestAnswers(bank: QuestionBank): Answers {
	return Object.fromEntries(scoredQuestions(bank).map((q) => [q.id, q.options[q.options.length - 1]!.id]));
}

/** Every practice and outcome question at its weakest option, use and confidence at their highest. */
export function worstAnswers(bank: QuestionBank): Answers {
	return Object.fromEntries(
		scoredQuestions(bank).map((q) => [
			q.id,
			(q.kind === 'use' || q.kind === 'confidence' ? q.options[q.options.length - 1] : q.options[0])!.id
		])
	);
}

function set(
	answers: Answers,
	kinds: (q: QuestionBank['questions'][number]) => boolean,
	pick: 'first' | 'last',
	bank: QuestionBank
): Answers {
	const out = { ...answers };
	for (const q of scoredQuestions(bank).filter(kinds))
		out[q.id] = (pick === 'first' ? q.options[0] : q.options[q.options.length - 1])!.id;
	return out;
}

/** Every practice question at its middle level (the option nearest 50), use deep, outcomes "one incident". */
function middling(bank: QuestionBank): Answers {
	const out = bestAnswers(bank);
	for (const q of scoredQuestions(bank).filter((x) => x.kind === 'practice')) {
		const middle = [...q.options].sort((a, b) => Math.abs(a.score - 50) - Math.abs(b.score - 50))[0]!;
		out[q.id] = middle.id;
	}
	return out;
}

export const ADVERSARIAL_PROFILES: readonly AdversarialProfile[] = [
	{
		name: 'All best',
		answers: 'Deep use, the strongest answer to every practice, no incidents',
		build: bestAnswers,
		tier: 'pioneer',
		why: 'Deep use with robust control, exposure low and no critical gap: the survey’s Pioneer.'
	},
	{
		name: 'All worst, AI in use',
		answers: 'Deepest use; the weakest answer to every practice; the worst outcome on every question',
		build: worstAnswers,
		tier: 'exposed',
		why: 'AI in use with weak control and severe exposure: uses AI without the governance to support it.'
	},
	{
		name: 'Maximum risk exposure',
		answers: 'All best except every risk-exposure answer (guards and outcomes) at its worst',
		build: (bank) =>
			set(bestAnswers(bank), (q) => q.dimension === 'risk_exposure' && q.kind !== 'confidence', 'first', bank),
		tier: 'exposed',
		why: 'Exposure 100 (deep AI-driven change through no guards, confirmed by incidents) is severe: Exposed however good the policy. Bank 1.0.0 called this Pioneer.'
	},
	{
		name: 'Four unacceptable answers',
		answers:
			'All best except: AI-generated HCL applied to production unreviewed, shared admin keys in prompts, AI code merged unreviewed, misconfigurations found by attackers',
		build: (bank) => ({
			...bestAnswers(bank),
			risk_ai_iac_review: 'direct_no_review',
			risk_ai_credentials: 'shared_admin',
			risk_app_code_review: 'unreviewed',
			out_misconfig_prod: 'found_externally'
		}),
		tier: 'outpacing',
		why: 'Three critical gaps cap it below Pioneer and head its plan; its other controls are robust, so it is not Exposed. Bank 1.0.0 called this Pioneer.'
	},
	{
		name: 'One critical gap',
		answers: 'All best except AI agents acting in production with no guardrails',
		build: (bank) => ({ ...bestAnswers(bank), risk_agent_guardrails: 'unrestricted' }),
		tier: 'outpacing',
		why: 'Any critical gap caps the tier below Pioneer, whatever else is true; closing it is the whole lift plan.'
	},
	{
		name: 'No AI, perfect control',
		answers: 'The lowest answer to every use question; the strongest to every practice',
		build: (bank) => set(bestAnswers(bank), (q) => q.kind === 'use', 'first', bank),
		tier: 'fragmented',
		why: 'Not yet using AI at depth, so neither Pioneer nor Outpacing; ready for deeper use. Its result says so, with no “use more AI” lift plan.'
	},
	{
		name: 'No AI, no controls',
		answers: 'The lowest answer to every use question; the weakest to every practice; worst outcomes',
		build: (bank) => set(worstAnswers(bank), (q) => q.kind === 'use', 'first', bank),
		tier: 'fragmented',
		why: 'Barely using AI is never Exposed; its result names what to have in place before AI use deepens.'
	},
	{
		name: 'Don’t know everything',
		answers: '“Don’t know” to every scored question',
		build: (bank) => Object.fromEntries(scoredQuestions(bank).map((q) => [q.id, DONT_KNOW])),
		tier: null,
		why: 'Nothing is known, so no group is placed; “don’t know” never earns a better one.'
	},
	{
		name: 'Middling, “don’t know” on the weak spots',
		answers: 'Every practice at its middle level, then the 14 weakest-scoring practices answered “don’t know”',
		build: (bank) => {
			const out = middling(bank);
			const weakest = scoredQuestions(bank)
				.filter((q) => q.kind === 'practice')
				.sort(
					(a, b) => a.options.find((o) => o.id === out[a.id])!.score - b.options.find((o) => o.id === out[b.id])!.score
				)
				.slice(0, 14);
			for (const q of weakest) out[q.id] = DONT_KNOW;
			return out;
		},
		tier: 'outpacing',
		why: 'No higher than answering honestly (“Deep use, middling control”): “don’t know” scores as the weakest answer and cannot rule out critical gaps, so control falls and gaps open. In bank 1.0.0 the same trick raised a third of organisations a tier.'
	},
	{
		name: 'Deep use, middling control',
		answers: 'Deep use; every practice at its middle level; one incident last year',
		build: middling,
		tier: 'outpacing',
		why: 'Use ahead of control: advancing with AI but not yet with the governance to match.'
	},
	{
		name: 'Some AI, weak control',
		answers: 'AI in use at a moderate level; the weakest answer to every practice',
		build: (bank) => ({
			...worstAnswers(bank),
			ai_code_share: 'pct_5_25',
			ai_iac_generation: 'snippets',
			ai_pipelines_ops: 'ad_hoc_chat',
			ai_agents: 'planned',
			ai_tool_access: 'individuals',
			ai_strategic_priority: 'one_of_many'
		}),
		tier: 'exposed',
		why: 'AI is in use (above the floor) without the control to support it: Exposed does not need deep use.'
	},
	{
		name: 'Strong practice, bad year',
		answers: 'All best practice and deep use, but the worst outcome on every question',
		build: (bank) => set(bestAnswers(bank), (q) => q.kind === 'outcome', 'first', bank),
		tier: 'outpacing',
		why: 'Incidents are evidence that raises exposure: with the worst record on every question exposure reaches the “high” bar and blocks Pioneer — but strong practice keeps it out of Exposed.'
	},
	{
		name: 'Strong practice, one incident caught by its own scans',
		answers: 'All best, except one AI-caused incident and a misconfiguration found by its own scans',
		build: (bank) => ({ ...bestAnswers(bank), out_ai_incidents: 'one', out_misconfig_prod: 'found_by_automation' }),
		tier: 'pioneer',
		why: '93 % of surveyed organisations had an AI-caused incident; one, caught by its own automation, does not undo robust control.'
	},
	{
		name: 'No agents',
		answers: 'All best, with no AI agents acting (the agent questions are skipped)',
		build: (bank) => ({ ...bestAnswers(bank), ai_agents: 'none' }),
		tier: 'pioneer',
		why: 'Questions that do not apply are skipped, not held against it; its use is still deep.'
	},
	{
		name: 'Unknown agents',
		answers: 'All best, but “don’t know” whether AI agents act',
		build: (bank) => ({ ...bestAnswers(bank), ai_agents: DONT_KNOW }),
		tier: 'outpacing',
		why: 'Agents it does not know about cannot be shown to be guarded: the agent questions count as their weakest answers, which opens two critical gaps.'
	}
];

/** The bank the profiles are written for. */
export const ADVERSARIAL_BANK = BANK_V2;
