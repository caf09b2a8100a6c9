/**
 * Carrying answers from one bank version to another: what an earlier result's answers become in the bank a retake
 * uses, and which did not carry over (and why), so a retake starts from what still holds and says what it asks
 * again. Questions and options carry by id; the renames and re-cuts of bank 2.0.0 are listed in
 * {@link RENAMES}. An answer whose meaning changed (bank 1.0.0's agent guardrails scored intentions; its risk
 * questions bundled an outcome with a control) is not carried: the retake asks it again.
 */
import { answerOf, validateAnswers } from '../answers';
import { DONT_KNOW, NOT_APPLICABLE, type Answers, type QuestionBank } from '../schema';

/** A question that moved or was re-cut between versions, and how its options map (unlisted options do not carry). */
export interface QuestionRename {
	fromVersion: string;
	from: string;
	to: string;
	/** Option id in the earlier version → option id in the later one. */
	options: Readonly<Record<string, string>>;
}

const same = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, id]));

/** The question renames and option re-cuts of bank 2.0.0 against 1.0.0. */
export const RENAMES: readonly QuestionRename[] = [
	{
		fromVersion: '1.0.0',
		from: 'gov_app_code_review',
		to: 'risk_app_code_review',
		options: same('unreviewed', 'author_only', 'skim', 'peer_review_tests', 'ai_aware_review')
	},
	{
		fromVersion: '1.0.0',
		from: 'risk_secrets_least_privilege',
		to: 'risk_ai_credentials',
		options: {
			...same('shared_admin', 'service_broad', 'least_privilege', 'short_lived_scoped'),
			personal_keys: 'personal_admin'
		}
	},
	{
		fromVersion: '1.0.0',
		from: 'ai_agentic_plans',
		to: 'ai_agents',
		options: {
			no_plans: 'none',
			exploring: 'planned',
			planned: 'planned',
			piloting: 'non_prod',
			in_production: 'prod_scoped'
		}
	},
	{
		fromVersion: '1.0.0',
		from: 'plat_platform_team',
		to: 'plat_platform_team',
		options: { ...same('ops_tickets', 'part_time', 'dedicated', 'product'), none: 'own_way' }
	},
	{
		fromVersion: '1.0.0',
		from: 'risk_ai_incidents',
		to: 'out_ai_incidents',
		options: { repeated_customer: 'several_customer', several_contained: 'several_contained', one: 'one' }
	},
	{
		fromVersion: '1.0.0',
		from: 'risk_rework',
		to: 'out_rework',
		options: same('monthly', 'several', 'once')
	},
	{
		fromVersion: '1.0.0',
		from: 'risk_agentic_incidents',
		to: 'out_agent_incidents',
		options: same('repeated_prod', 'once_prod', 'non_prod_only')
	},
	{
		fromVersion: '1.0.0',
		from: 'risk_drift_incidents',
		to: 'out_drift',
		options: same('outage', 'broke_deploys', 'found_fixed')
	},
	{
		fromVersion: '1.0.0',
		from: 'risk_compliance_violations',
		to: 'out_compliance',
		options: { found_by_auditors: 'found_by_auditors', found_internally: 'found_late' }
	},
	// Bank 1.0.0 scored intentions here ("would apply"); 2.0.0 asks what is in place, so nothing carries.
	{ fromVersion: '1.0.0', from: 'gov_agent_guardrails', to: 'risk_agent_guardrails', options: {} },
	{
		fromVersion: '1.0.0',
		from: 'risk_misconfig_prod',
		to: 'out_misconfig_prod',
		options: { found_externally: 'found_externally' }
	}
];

/** Why an earlier answer did not carry over. */
export type NotCarriedReason = 'question_retired' | 'option_changed' | 'meaning_changed';

export interface NotCarried {
	questionId: string;
	optionId: string;
	reason: NotCarriedReason;
}

/** An earlier answer set as it reads in another bank version. */
export interface CarriedAnswers {
	answers: Answers;
	/** Question ids (of the target bank) whose answer came from the earlier one, in target bank order. */
	carried: string[];
	/** Earlier answers that did not carry, in the earlier bank's order. */
	notCarried: NotCarried[];
}

/**
 * Maps answers to `from` onto `to`: same question and option id, or a listed rename. "Not applicable / don't know"
 * of bank 1.x becomes "don't know" (it never helps in 2.0.0); skipped questions stay skipped. Only answers the
 * target accepts are kept, so the result always validates against `to`.
 */
export function carryAnswers(from: QuestionBank, answers: Answers, to: QuestionBank): CarriedAnswers {
	const out: Answers = {};
	const notCarried: NotCarried[] = [];
	const target = new Map(to.questions.map((q) => [q.id, q]));
	const renames = new Map(
		RENAMES.filter((r) => r.fromVersion === from.version && from.id === to.id).map((r) => [r.from, r])
	);
	for (const q of from.questions) {
		const optionId = answerOf(answers, q.id);
		if (optionId === undefined) continue;
		const rename = renames.get(q.id);
		const toId = rename?.to ?? q.id;
		const toQuestion = target.get(toId);
		if (!toQuestion) {
			notCarried.push({ questionId: q.id, optionId, reason: 'question_retired' });
			continue;
		}
		let mapped: string | undefined;
		if (rename && Object.keys(rename.options).length === 0) mapped = undefined;
		else if (optionId === NOT_APPLICABLE || optionId === DONT_KNOW)
			mapped = toQuestion.kind === 'profile' ? undefined : to.model === 1 ? NOT_APPLICABLE : DONT_KNOW;
		else
			mapped = rename
				? rename.options[optionId]
				: toQuestion.options.some((o) => o.id === optionId)
					? optionId
					: undefined;
		if (mapped === undefined) {
			notCarried.push({ questionId: q.id, optionId, reason: rename ? 'meaning_changed' : 'option_changed' });
			continue;
		}
		out[toId] = mapped;
	}
	// Keep only what the target accepts (e.g. an answer to a question its gate now skips is fine; "na" elsewhere is not).
	for (const [id, value] of Object.entries(out)) {
		try {
			validateAnswers(to, { [id]: value });
		} catch {
			delete out[id];
			notCarried.push({ questionId: id, optionId: value, reason: 'option_changed' });
		}
	}
	return { answers: out, carried: to.questions.filter((q) => Object.hasOwn(out, q.id)).map((q) => q.id), notCarried };
}
