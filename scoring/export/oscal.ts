/**
 * OSCAL 1.1.x JSON exports of a self-assessment (docs/formats.md): Assessment Results — one finding per practice
 * question, with the answer, its evidence and the framework references — and a Plan of Action and Milestones from
 * a plan of steps, each with an optional owner, due date and status. Both say, in their metadata and in every
 * result, that they are a self-assessment and not an audit.
 *
 * Pure, no I/O: the documents are built from plain data ({@link AssessmentInput}, {@link PlanInput}), so any source
 * can supply them — a result code ({@link assessmentInputFromResult}, {@link planInputFromResult}), or a workspace
 * milestone with its evidence and the tracked plan items (their owners, due dates and statuses). UUIDs come from `crypto.randomUUID` (a CSPRNG) unless a test injects
 * its own generator.
 */
import { frameworkOf, frameworkReference } from '../content/frameworks';
import { MAPPING_NOT_CONFORMANCE } from '../present/result-labels';
import { answerText } from '../present/answer-labels';
import { TIER_LABELS } from '../present/labels';
import type { Result } from '../model/v3/result';
import type { Evidence as WorkspaceEvidence, PlanItem as WorkspacePlanItem, PlanItemStatus } from '../model/workspace';
import type { Answers, QuestionBank } from '../schema';
import type { LensResult } from '../lens/findings';
import type { Lens, LensRisk } from '../lens/schema';
import { presentLens } from '../present/lens';

/** The OSCAL version the documents declare (and are validated against in tests/scoring/oscal-schema.test.ts). */
export const OSCAL_VERSION = '1.1.3';

/**
 * The namespace of this tool's own OSCAL properties (`question-id`, `level`, `evidence`, …): an identifier, not a
 * web address to open. OSCAL requires a namespace for any property name it does not define itself.
 */
export const OSCAL_NAMESPACE = 'urn:ai-readiness-check:oscal';

/** Said in both documents' metadata and in each result: what these documents are, and are not. */
export const SELF_ASSESSMENT_NOTICE =
	'Self-assessment, not an audit: the answers are the respondent’s own and were not verified by an assessor. ' +
	'Framework references are a mapping, not conformance: answering a question well does not make an organisation ' +
	'compliant with any framework.';

/** A link given as evidence for an answer (validated by whoever collected it). */
export interface EvidenceLink {
	url: string;
	title?: string;
}

/** What backs an answer: a note and links. Absent or empty: the answer is asserted, not backed. */
export interface Evidence {
	note?: string;
	links?: readonly EvidenceLink[];
}

/** A framework reference as a finding cites it. */
export interface OscalReference {
	/** The reference id, e.g. `nist_ai_rmf:GOVERN-1.2`. */
	id: string;
	/** e.g. `NIST AI Risk Management Framework 1.0 (NIST AI 100-1) GOVERN 1.2`. */
	label: string;
	title: string;
	url: string;
}

/** One practice question and its answer: one finding. */
export interface AssessedPractice {
	questionId: string;
	question: string;
	dimension: string;
	/** The option id, a reserved answer (`dk`, `varies`), or null when unanswered. */
	answerId: string | null;
	answer: string;
	/** The answer's level, 0–100 (higher is better practice); null when the answer is not an option. */
	level: number | null;
	/** The model proposes no step here: the answer is an option at the question's strongest level, as counted. */
	satisfied: boolean;
	/** What the model says of the answer, e.g. "critical gap", "weak guard" (empty when nothing). */
	flags: readonly string[];
	references: readonly OscalReference[];
	evidence?: Evidence;
}

/** A lens question marked high or medium risk by the lens's own rules: one finding, and a plan item. */
export interface OscalLensFinding {
	/** The lens's own question id. */
	questionId: string;
	question: string;
	/** The answer as given ("Don't know", "Not answered", an option's label). */
	answer: string;
	/** What the answer counts as, when not the answer itself (e.g. "don't know" counts as the weakest option). */
	note: string | null;
	risk: LensRisk;
	because: string;
	step: { title: string; action: string } | null;
	references: readonly OscalReference[];
}

/** A result's lens, as the OSCAL documents carry it: its id@version and its high- and medium-risk findings. */
export interface OscalLens {
	id: string;
	version: string;
	title: string;
	/** The questions the lens asked. */
	questions: number;
	findings: readonly OscalLensFinding[];
}

/** What an Assessment Results document is built from. */
export interface AssessmentInput {
	/** The organisation assessed, if the user named it. */
	organisation?: string | null;
	bank: { id: string; version: string };
	/** When the answers were given (or saved), ISO 8601 with a time zone. */
	assessedAt: string;
	/** When the document is made, ISO 8601 with a time zone. */
	exportedAt: string;
	/** One or two sentences: the group, the deciding rule. */
	summary: string;
	/** Where the method is described (the methodology page), an absolute URL if known. */
	methodologyUrl?: string;
	practices: readonly AssessedPractice[];
	/** A lens's findings beside the survey's (a result through a lens link); they never change the group. */
	lens?: OscalLens | null;
}

/** One step of a plan: one POA&M item. */
export interface PlanItem {
	/** The practice question the step improves. */
	questionId: string;
	title: string;
	description: string;
	status: PlanItemStatus;
	owner?: string | null;
	/** The due date, YYYY-MM-DD. */
	due?: string | null;
	notes?: string | null;
	/** Short facts about the step, e.g. "critical gap", "effort: low", "in the plan to the next group". */
	flags?: readonly string[];
	/** A step from a lens's finding: the lens as `id@version`, the risk its rule gives, and its references. */
	lens?: { ref: string; risk: LensRisk; references: readonly OscalReference[] };
}

/** What a POA&M document is built from. */
export interface PlanInput {
	organisation?: string | null;
	bank: { id: string; version: string };
	exportedAt: string;
	methodologyUrl?: string;
	items: readonly PlanItem[];
	/** The lens whose findings' steps are among the items, for the back matter. */
	lens?: Pick<OscalLens, 'id' | 'version' | 'title'> | null;
}

/** Options of the document builders. */
export interface OscalOptions {
	/** Makes a UUID (version 4 form); `crypto.randomUUID` unless a test needs determinism. */
	uuid?: () => string;
}

type Json = { [key: string]: unknown };

/** OSCAL text fields must not start or end with whitespace; markup lines hold no line break. */
function line(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function prop(name: string, value: string, extra: Json = {}): Json {
	return { name, ns: OSCAL_NAMESPACE, value: line(value), ...extra };
}

/** A calendar date as OSCAL's date-time with a time zone: the end of that day, UTC. */
function endOfDay(date: string): string {
	return `${date}T23:59:59Z`;
}

/** A step's status as an OSCAL property value (a token: no spaces or underscores). */
const STATUS_TOKEN: Record<PlanItemStatus, string> = {
	todo: 'to-do',
	doing: 'doing',
	done: 'done',
	wont_do: 'wont-do'
};

const RISK_STATUS: Record<PlanItemStatus, string> = {
	todo: 'open',
	doing: 'remediating',
	done: 'closed',
	// OSCAL's word for a remediation the organisation decided not to do.
	wont_do: 'deviation-approved'
};

/** A link's address as OSCAL's URI reference (spaces and the like percent-encoded); null when it is not a URL. */
function href(url: string): string | null {
	try {
		return new URL(url.trim()).href;
	} catch {
		return null;
	}
}

/** A link given as evidence, as OSCAL's relevant evidence (a link that is not a URL keeps its text, no address). */
function relevantEvidence(link: EvidenceLink): Json {
	const address = href(link.url);
	const title = line(link.title ?? '');
	if (!address) return { description: line(`A link given as evidence, not a valid address: ${link.url}`) };
	return { href: address, description: title || 'A link given as evidence for this answer.' };
}

function metadata(
	title: string,
	exportedAt: string,
	version: string,
	organisation: string | null | undefined,
	uuid: () => string
): Json {
	const name = organisation ? line(organisation) : '';
	return {
		title,
		'last-modified': exportedAt,
		version,
		'oscal-version': OSCAL_VERSION,
		props: [prop('assessment-type', 'self-assessment'), prop('audit', 'no')],
		...(name ? { parties: [{ uuid: uuid(), type: 'organization', name }] } : {}),
		remarks: SELF_ASSESSMENT_NOTICE
	};
}

/** The back-matter resource describing the method: the question bank and its methodology. */
function methodResource(bank: { id: string; version: string }, methodologyUrl: string | undefined, uuid: string): Json {
	return {
		uuid,
		title: `Question bank ${bank.id} ${bank.version} and its methodology`,
		description:
			'The questionnaire answered and how its answers are scored. No assessment plan or control catalog exists: the practice questions are the objectives assessed.',
		...(methodologyUrl ? { rlinks: [{ href: methodologyUrl }] } : {})
	};
}

function hasEvidence(evidence: Evidence | undefined): boolean {
	return Boolean(evidence?.note?.trim() || evidence?.links?.length);
}

/**
 * The OSCAL Assessment Results document (`{ "assessment-results": … }`) of a self-assessment: one result holding an
 * observation (the answer and its evidence) and a finding (the answer against the question, with its framework
 * references) per practice question.
 */
export function assessmentResultsDocument(
	input: AssessmentInput,
	{ uuid = () => crypto.randomUUID() }: OscalOptions = {}
): Json {
	const resource = uuid();
	const observations: Json[] = [];
	const findings: Json[] = [];
	for (const p of input.practices) {
		const observation = uuid();
		const backed = hasEvidence(p.evidence);
		const level = p.level === null ? '' : ` (level ${p.level} of 100)`;
		observations.push({
			uuid: observation,
			title: line(`Answer to ${p.questionId}`),
			description: `${line(p.question)}\n\nAnswer given: ${line(p.answer)}${level}.`,
			props: [
				prop('question-id', p.questionId),
				...(p.answerId ? [prop('answer-id', p.answerId)] : []),
				...(p.level === null ? [] : [prop('level', String(p.level))]),
				prop('evidence', backed ? 'backed' : 'asserted')
			],
			methods: ['INTERVIEW'],
			...(p.evidence?.links?.length
				? {
						'relevant-evidence': p.evidence.links.map(relevantEvidence)
					}
				: {}),
			collected: input.assessedAt,
			...(p.evidence?.note?.trim() ? { remarks: p.evidence.note.trim() } : {})
		});
		const flags = p.flags.length ? ` The model flags it: ${p.flags.join(', ')}.` : '';
		findings.push({
			uuid: uuid(),
			title: line(p.question),
			description: `Self-assessed answer: ${line(p.answer)}${level}.${flags}`,
			props: [
				prop('question-id', p.questionId),
				prop('dimension', p.dimension),
				...p.references.map((r) => prop('framework-reference', r.id))
			],
			...(p.references.length
				? { links: p.references.map((r) => ({ href: r.url, rel: 'reference', text: line(`${r.label}: ${r.title}`) })) }
				: {}),
			target: {
				type: 'objective-id',
				'target-id': p.questionId,
				title: line(p.question),
				status: {
					state: p.satisfied ? 'satisfied' : 'not-satisfied',
					reason: p.satisfied ? 'pass' : p.level === null ? 'other' : 'fail'
				}
			},
			'related-observations': [{ 'observation-uuid': observation }],
			...(p.references.length ? { remarks: `Framework references: ${MAPPING_NOT_CONFORMANCE.toLowerCase()}.` } : {})
		});
	}
	const lens = input.lens;
	const lensRef = lens ? `${lens.id}@${lens.version}` : '';
	for (const f of lens?.findings ?? []) {
		const observation = uuid();
		// The answer key's `:` (scoring/lens/answer-key.ts) is not allowed in an OSCAL token: `.` here.
		const objective = `${lens!.id}.${f.questionId}`;
		observations.push({
			uuid: observation,
			title: line(`Answer to ${objective} (lens ${lensRef})`),
			description: `${line(f.question)}\n\nAnswer given: ${line(f.answer)}.${f.note ? ` ${line(f.note)}` : ''}`,
			props: [prop('lens', lensRef), prop('question-id', objective), prop('evidence', 'asserted')],
			methods: ['INTERVIEW'],
			collected: input.assessedAt
		});
		findings.push({
			uuid: uuid(),
			title: line(f.question),
			description: `Lens ${line(lens!.title)} (${lensRef}): ${f.risk} risk. ${line(f.because)}${f.step ? `\n\nNext step: ${line(f.step.title)}. ${line(f.step.action)}` : ''}`,
			props: [
				prop('lens', lensRef),
				prop('question-id', objective),
				prop('risk', f.risk),
				...f.references.map((r) => prop('framework-reference', r.id))
			],
			...(f.references.length
				? { links: f.references.map((r) => ({ href: r.url, rel: 'reference', text: line(`${r.label}: ${r.title}`) })) }
				: {}),
			target: {
				type: 'objective-id',
				'target-id': objective,
				title: line(f.question),
				status: { state: 'not-satisfied', reason: 'fail' }
			},
			'related-observations': [{ 'observation-uuid': observation }],
			remarks: `A finding of the lens ${lensRef}, beside the survey model: it does not change the group.${f.references.length ? ` Framework references: ${MAPPING_NOT_CONFORMANCE.toLowerCase()}.` : ''}`
		});
	}
	const lensLine = lens
		? `\n\nLens ${line(lens.title)} (${lensRef}): ${lens.findings.filter((f) => f.risk === 'high').length} high-risk and ${lens.findings.filter((f) => f.risk === 'medium').length} medium-risk findings in ${lens.questions} questions, beside the survey model (they do not change the group).`
		: '';
	const backed = input.practices.filter((p) => hasEvidence(p.evidence)).length;
	return {
		'assessment-results': {
			uuid: uuid(),
			metadata: metadata(
				line(`AI infrastructure readiness: self-assessment results (${input.bank.id} ${input.bank.version})`),
				input.exportedAt,
				input.assessedAt.slice(0, 10),
				input.organisation,
				uuid
			),
			'import-ap': {
				href: `#${resource}`,
				remarks: 'No assessment plan exists for a self-assessment; this points to the question bank that served as one.'
			},
			results: [
				{
					uuid: uuid(),
					title: 'Self-assessment (not an audit)',
					description: `${line(input.summary)}\n\n${input.practices.length} practice answers: ${backed} backed by evidence, ${input.practices.length - backed} asserted.${lensLine}\n\n${SELF_ASSESSMENT_NOTICE}`,
					start: input.assessedAt,
					props: [prop('assessment-type', 'self-assessment')],
					'reviewed-controls': {
						description: `The practice questions of question bank ${input.bank.id} ${input.bank.version}; no control catalog.`,
						'control-selections': [{ 'include-all': {} }]
					},
					...(observations.length ? { observations } : {}),
					...(findings.length ? { findings } : {})
				}
			],
			'back-matter': {
				resources: [
					methodResource(input.bank, input.methodologyUrl, resource),
					...(lens ? [lensResource(lens, uuid())] : [])
				]
			}
		}
	};
}

/** The back-matter resource naming the lens whose findings a document carries. */
function lensResource(lens: Pick<OscalLens, 'id' | 'version' | 'title'>, uuid: string): Json {
	return {
		uuid,
		title: line(`Lens ${lens.title} (${lens.id}@${lens.version})`),
		description:
			'A question set beside the survey model, with its own risk rules, next steps and framework references. Its findings never change the group.',
		props: [prop('lens', `${lens.id}@${lens.version}`)]
	};
}

/**
 * The OSCAL Plan of Action and Milestones document (`{ "plan-of-action-and-milestones": … }`) of a plan: a POA&M item
 * per step with its status, owner and due date as properties, and a risk per step carrying the status and due date
 * in OSCAL's own fields (`status`, `deadline`).
 */
export function poamDocument(input: PlanInput, { uuid = () => crypto.randomUUID() }: OscalOptions = {}): Json {
	const risks: Json[] = [];
	const items: Json[] = input.items.map((item) => {
		const risk = uuid();
		const owner = item.owner ? line(item.owner) : '';
		risks.push({
			uuid: risk,
			title: line(item.title),
			description: line(item.description) || line(item.title),
			statement: item.lens
				? `The answer to question ${item.questionId} of the lens ${item.lens.ref} is ${item.lens.risk} risk by the lens's own rules, by the self-assessment's own answer.`
				: `The practice behind question ${item.questionId} is below its strongest level, by the self-assessment's own answer.`,
			props: [
				prop('question-id', item.questionId),
				...(item.lens ? [prop('lens', item.lens.ref), prop('risk', item.lens.risk)] : [])
			],
			status: RISK_STATUS[item.status],
			...(item.due ? { deadline: endOfDay(item.due) } : {})
		});
		return {
			uuid: uuid(),
			title: line(item.title),
			description: item.description.trim() || line(item.title),
			props: [
				prop('question-id', item.questionId),
				prop('status', STATUS_TOKEN[item.status]),
				...(owner ? [prop('owner', owner)] : []),
				...(item.due ? [prop('due-date', item.due)] : []),
				...(item.flags ?? []).map((f) => prop('flag', f)),
				...(item.lens
					? [prop('lens', item.lens.ref), ...item.lens.references.map((r) => prop('framework-reference', r.id))]
					: [])
			],
			...(item.lens?.references.length
				? {
						links: item.lens.references.map((r) => ({
							href: r.url,
							rel: 'reference',
							text: line(`${r.label}: ${r.title}`)
						}))
					}
				: {}),
			'related-risks': [{ 'risk-uuid': risk }],
			...(item.notes?.trim() ? { remarks: item.notes.trim() } : {})
		};
	});
	return {
		'plan-of-action-and-milestones': {
			uuid: uuid(),
			metadata: metadata(
				line(
					`AI infrastructure readiness: plan of action from a self-assessment (${input.bank.id} ${input.bank.version})`
				),
				input.exportedAt,
				input.exportedAt.slice(0, 10),
				input.organisation,
				uuid
			),
			...(risks.length ? { risks } : {}),
			'poam-items': items,
			'back-matter': {
				resources: [
					methodResource(input.bank, input.methodologyUrl, uuid()),
					...(input.lens ? [lensResource(input.lens, uuid())] : [])
				]
			}
		}
	};
}

/** The references of a question as findings cite them (unknown ids are skipped; the bank is checked against them). */
function referencesOf(ids: readonly string[] | undefined): OscalReference[] {
	return (ids ?? []).flatMap((id) => {
		const reference = frameworkReference(id);
		if (!reference) return [];
		return [
			{ id, label: `${frameworkOf(reference).name} ${reference.code}`, title: reference.title, url: reference.url }
		];
	});
}

/** Options for the inputs built from a result. */
export interface FromResultOptions {
	organisation?: string | null;
	assessedAt: string;
	exportedAt: string;
	methodologyUrl?: string;
	/** Evidence per question id (a workspace's notes and links). */
	evidence?: ReadonlyMap<string, Evidence>;
	/** The result's lens findings ({@link oscalLens}), when it was made through a lens. */
	lens?: OscalLens | null;
}

/** The Assessment Results input of a bank 3.0.0 result: every practice question in bank order. */
export function assessmentInputFromResult(
	bank: QuestionBank,
	answers: Answers,
	result: Result,
	{ organisation, assessedAt, exportedAt, methodologyUrl, evidence, lens }: FromResultOptions
): AssessmentInput {
	const dimensions = new Map(bank.dimensions.map((d) => [d.id, d.label]));
	const critical = new Set(result.criticalOpen.map((g) => g.questionId));
	const weak = new Set(result.weakGuards.map((g) => g.questionId));
	const inconsistent = new Set(result.inconsistencies.map((i) => i.questionId));
	const steps = new Set(result.recommendations.map((r) => r.questionId));
	const practices = bank.questions
		.filter((q) => q.kind === 'practice')
		.map((q): AssessedPractice => {
			const answerId = Object.hasOwn(answers, q.id) ? (answers[q.id] ?? null) : null;
			const option = q.options.find((o) => o.id === answerId);
			const flags = [
				...(critical.has(q.id) ? ['critical gap'] : []),
				...(weak.has(q.id) ? ['weak guard'] : []),
				...(inconsistent.has(q.id) ? ['inconsistent with another answer'] : [])
			];
			return {
				questionId: q.id,
				question: q.text,
				dimension: (q.dimension && dimensions.get(q.dimension)) || q.dimension || '',
				answerId,
				answer: answerText(q, answerId ?? undefined),
				level: option ? option.score : null,
				satisfied: option !== undefined && !steps.has(q.id),
				flags,
				references: referencesOf(q.references),
				...(evidence?.has(q.id) ? { evidence: evidence.get(q.id) } : {})
			};
		});
	const group = result.tier ? TIER_LABELS[result.tier] : 'not placed (too few answers)';
	return {
		organisation,
		bank: { id: bank.id, version: bank.version },
		assessedAt,
		exportedAt,
		methodologyUrl,
		summary: `Group: ${group} (deciding rule: ${result.rule}${result.provisional ? '; provisional' : ''}).`,
		practices,
		lens: lens ?? null
	};
}

/** A tracked state for a plan step (a workspace's owner, due date, status and notes), by question id. */
export type TrackedItem = Pick<PlanItem, 'status' | 'owner' | 'due' | 'notes'>;

/** The POA&M input of a bank 3.0.0 result: its recommendations in roadmap order, "to do" unless tracked. */
export function planInputFromResult(
	bank: QuestionBank,
	result: Result,
	{
		organisation,
		exportedAt,
		methodologyUrl,
		tracked,
		lens
	}: {
		organisation?: string | null;
		exportedAt: string;
		methodologyUrl?: string;
		tracked?: ReadonlyMap<string, TrackedItem>;
		/** The result's lens findings: each one with a next step becomes an item after the survey's steps. */
		lens?: OscalLens | null;
	}
): PlanInput {
	const questions = new Map(bank.questions.map((q) => [q.id, q]));
	const items = result.recommendations.map((r): PlanItem => {
		const q = questions.get(r.questionId);
		const from = q ? answerText(q, r.from ?? undefined) : (r.from ?? 'not known');
		const to = q ? answerText(q, r.to) : r.to;
		return {
			questionId: r.questionId,
			title: r.title,
			description: `${r.action}\n\nFrom: ${r.from === null ? 'not known — start by finding out' : from}. To: ${to}.`,
			status: 'todo',
			flags: [
				...(r.critical ? ['critical gap'] : []),
				...(r.weakGuard ? ['weak guard'] : []),
				...(r.lifts ? ['in the plan to the next group'] : []),
				`effort: ${r.effort}`
			],
			...tracked?.get(r.questionId)
		};
	});
	return {
		organisation,
		bank: { id: bank.id, version: bank.version },
		exportedAt,
		methodologyUrl,
		items: lens ? [...items, ...lensPlanItems(lens)] : items,
		lens: lens ?? null
	};
}

/** The steps of a lens's findings, high risk first, each "to do". */
function lensPlanItems(lens: OscalLens): PlanItem[] {
	const ref = `${lens.id}@${lens.version}`;
	return [...lens.findings]
		.sort((a, b) => (a.risk === b.risk ? 0 : a.risk === 'high' ? -1 : 1))
		.map((f) => ({
			questionId: `${lens.id}.${f.questionId}`,
			title: f.step?.title ?? f.question,
			description: `${f.step ? `${f.step.action}\n\n` : ''}Lens ${lens.title} (${ref}), ${f.risk} risk: ${f.because} Answer given: ${f.answer}.`,
			status: 'todo',
			flags: [`${f.risk} risk`, `lens ${ref}`],
			lens: { ref, risk: f.risk, references: f.references }
		}));
}

/** A result's lens findings for the OSCAL documents: the questions its rules mark high or medium risk, in lens order. */
export function oscalLens(lens: Lens, result: LensResult): OscalLens {
	const view = presentLens(lens, result);
	const sources = new Map(lens.sources.map((s) => [s.id, s]));
	const references = new Map(
		(lens.references ?? []).map((r) => {
			const source = sources.get(r.source);
			return [
				r.id,
				{
					id: `${lens.id}:${r.id}`,
					label: `${source?.title ?? r.source} ${r.code}`,
					title: r.title,
					url: r.url ?? source?.url ?? ''
				}
			];
		})
	);
	const questions = new Map(lens.sections.flatMap((s) => s.questions.map((q) => [q.id, q])));
	const risky = new Set([...result.high, ...result.medium]);
	return {
		id: lens.id,
		version: lens.version,
		title: lens.title,
		questions: result.findings.length,
		findings: [...view.high, ...view.medium]
			.filter((item) => risky.has(item.questionId))
			.sort(
				(a, b) =>
					result.findings.findIndex((f) => f.questionId === a.questionId) -
					result.findings.findIndex((f) => f.questionId === b.questionId)
			)
			.map((item) => ({
				questionId: item.questionId,
				question: item.question,
				answer: item.answer,
				note: item.note,
				risk: item.risk!,
				because: item.because ?? '',
				step: item.step,
				references: (questions.get(item.questionId)?.references ?? []).flatMap((id) => {
					const r = references.get(id);
					return r ? [r] : [];
				})
			}))
	};
}

/** A workspace's evidence for one answer (a note and link addresses) as OSCAL evidence. */
export function oscalEvidence(evidence: Pick<WorkspaceEvidence, 'note' | 'links'>): Evidence {
	return { ...(evidence.note ? { note: evidence.note } : {}), links: evidence.links.map((url) => ({ url })) };
}

/**
 * The POA&M input of a workspace's tracked plan: every item as it stands — its owner, due date, status and notes —
 * in the order the workspace lists them, including steps of earlier milestones that are done or dropped.
 */
export function planInputFromTrackedItems(
	items: readonly WorkspacePlanItem[],
	{
		organisation,
		bank,
		exportedAt,
		methodologyUrl
	}: {
		organisation?: string | null;
		bank: { id: string; version: string };
		exportedAt: string;
		methodologyUrl?: string;
	}
): PlanInput {
	return {
		organisation,
		bank,
		exportedAt,
		methodologyUrl,
		items: items.map((item): PlanItem => ({
			questionId: item.questionId,
			title: item.title,
			description: `${item.action}\n\n${item.fromTo}`,
			status: item.status,
			owner: item.owner,
			due: item.due,
			notes: item.notes,
			flags: [...(item.critical ? ['critical gap'] : []), `from milestone ${item.fromMilestone}`]
		}))
	};
}
