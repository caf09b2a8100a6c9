/**
 * Schema-level validation of the OSCAL exports against NIST's published OSCAL 1.1.3 JSON schemas for Assessment
 * Results and POA&M (tests/fixtures/oscal/README.md: source, version, SHA-256), with ajv and ajv-formats. It checks what
 * the JSON schemas express — structure, required fields, enumerations, formats — not the Metaschema constraints that
 * NIST's oscal-cli adds; and a broken document must be refused, so the validation is known to bite. A result through a
 * lens carries the lens's high- and medium-risk findings and their steps, and both documents still validate.
 */
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { BANK_V3 } from '$scoring/content/banks';
import { isCurrent, score } from '$scoring/model';
import type { Result } from '$scoring/model/v3/result';
import { PLAN_ITEM_STATUSES, type PlanItem as WorkspacePlanItem } from '$scoring/model/workspace';
import {
	assessmentInputFromResult,
	assessmentResultsDocument,
	oscalLens,
	planInputFromResult,
	planInputFromTrackedItems,
	poamDocument,
	type Evidence,
	type TrackedItem
} from '$scoring/export/oscal';
import type { Answers } from '$scoring/schema';
import { PROFILES } from '../fixtures/profiles';
import { EXAMPLE_LENS_TEXT } from '../fixtures/lens';
import { lensFindings } from '$scoring/lens/findings';
import { parseLens } from '$scoring/lens/parse';
import { PUBLISHED_SCHEMAS, publishedSchemaValidator, readPublishedSchema } from '../fixtures/oscal/schemas';

const AT = '2026-07-01T09:30:00.000Z';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let assessmentResults: ValidateFunction;
let poam: ValidateFunction;
beforeAll(() => {
	assessmentResults = publishedSchemaValidator(PUBLISHED_SCHEMAS.assessmentResults);
	poam = publishedSchemaValidator(PUBLISHED_SCHEMAS.poam);
});

function scored(answers: Answers): Result {
	const result = score(BANK_V3, answers);
	if (!isCurrent(result)) throw new Error('bank 3.0.0 is scored by model 3.0');
	return result;
}

/** The errors, one line each, for a readable failure. */
function errors(validate: ValidateFunction): string[] {
	return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

const CASES: { name: string; answers: Answers; evidence?: Map<string, Evidence>; tracked?: boolean }[] = [
	...PROFILES.map((p) => ({ name: p.name, answers: p.answers })),
	{ name: 'nothing answered', answers: {} },
	{
		name: 'typical, with evidence and a tracked plan',
		answers: PROFILES.at(-1)!.answers,
		evidence: new Map([
			[
				'auto_drift_detection',
				{
					note: 'Nightly drift report.\n\nSecond paragraph.',
					links: [{ url: 'https://wiki.example/a b?x=1' }, { url: 'not a link' }]
				}
			],
			['gov_formal_policy', { links: [{ url: 'https://wiki.example/policy', title: 'Policy v2' }] }]
		]),
		tracked: true
	}
];

describe('against NIST’s OSCAL 1.1.3 JSON schemas (schema-level validation)', () => {
	it('uses the published schema files, checked by SHA-256 and $id', () => {
		for (const schema of Object.values(PUBLISHED_SCHEMAS))
			expect((readPublishedSchema(schema) as Json).$id, schema.file).toBe(schema.id);
	});

	it.each(CASES)('$name: the Assessment Results validate', ({ answers, evidence }) => {
		const input = assessmentInputFromResult(BANK_V3, answers, scored(answers), {
			assessedAt: AT,
			exportedAt: AT,
			organisation: 'Globex <Ops> & Co',
			methodologyUrl: 'https://readiness.example.org/methodology',
			evidence
		});
		const valid = assessmentResults(assessmentResultsDocument(input));
		expect(errors(assessmentResults)).toEqual([]);
		expect(valid).toBe(true);
	});

	it.each(CASES)('$name: the POA&M validates', ({ answers, tracked }) => {
		const result = scored(answers);
		const items = new Map<string, TrackedItem>(
			tracked
				? result.recommendations.map((r, i) => [
						r.questionId,
						{
							status: PLAN_ITEM_STATUSES[i % 4]!,
							owner: i % 2 ? 'Jo Bloggs' : null,
							due: i % 3 ? '2026-10-31' : null,
							notes: 'n'
						}
					])
				: []
		);
		const valid = poam(poamDocument(planInputFromResult(BANK_V3, result, { exportedAt: AT, tracked: items })));
		expect(errors(poam)).toEqual([]);
		expect(valid).toBe(true);
	});

	it('a workspace’s tracked plan (items of earlier milestones, every status, free-text owners): the POA&M validates', () => {
		const result = scored(CASES[0]!.answers);
		const items = result.recommendations.map((r, i): WorkspacePlanItem => ({
			id: `item-${i}`,
			key: `${r.questionId}:${r.to}`,
			questionId: r.questionId,
			title: r.title,
			action: r.action,
			fromTo: 'Now: something. Next: something better.',
			horizon: null,
			critical: r.critical,
			references: [],
			owner: i % 2 ? '  Platform   lead ' : null,
			due: i % 3 ? '2027-03-31' : null,
			status: PLAN_ITEM_STATUSES[i % 4]!,
			notes: i % 2 ? 'Rolled out\nto every repository' : null,
			fromMilestone: 1 + (i % 2),
			doneAt: null,
			updatedAt: '2026-11-02T09:30:00.000Z'
		}));
		const input = planInputFromTrackedItems(items, {
			organisation: 'Acme',
			bank: { id: BANK_V3.id, version: BANK_V3.version },
			exportedAt: AT
		});
		const document = poamDocument(input);
		const valid = poam(document);
		expect(errors(poam)).toEqual([]);
		expect(valid).toBe(true);
		const out = (document['plan-of-action-and-milestones'] as Json)['poam-items'] as Json[];
		expect(out.map((i) => i.title)).toEqual(items.map((i) => i.title));
		expect((out[1]!.props as Json[]).find((p) => p.name === 'owner')?.value).toBe('Platform lead');
	});
});

describe('a result through a lens: its findings in both documents, still valid', () => {
	const lens = parseLens(EXAMPLE_LENS_TEXT);
	const lensResult = lensFindings(lens, {
		framework_covers_ai: 'informal',
		ai_inventory: 'partial',
		ai_risk_assessment: 'always',
		agent_monitoring: 'dk'
	});
	const exported = oscalLens(lens, lensResult);
	const answers = PROFILES.at(-1)!.answers;
	const result = scored(answers);
	const ref = `${lens.id}@${lens.version}`;
	const propsOf = (o: Json) => Object.fromEntries((o.props as Json[]).map((p) => [p.name, p.value]));

	it('Assessment Results: a finding per high- or medium-risk lens answer, with the lens, the risk and the references', () => {
		const document = assessmentResultsDocument(
			assessmentInputFromResult(BANK_V3, answers, result, { assessedAt: AT, exportedAt: AT, lens: exported })
		);
		const valid = assessmentResults(document);
		expect(errors(assessmentResults)).toEqual([]);
		expect(valid).toBe(true);
		expect(lensResult.high.length).toBeGreaterThan(0);
		expect(lensResult.medium.length).toBeGreaterThan(0);
		const findings = ((document['assessment-results'] as Json).results[0].findings as Json[]).filter(
			(f) => propsOf(f).lens === ref
		);
		// Unanswered questions count as their weakest option, so they are findings too; the best answer is not.
		expect(findings.map((f) => propsOf(f)['question-id'])).toEqual(
			[...lensResult.high, ...lensResult.medium]
				.sort(
					(a, b) =>
						lensResult.findings.findIndex((f) => f.questionId === a) -
						lensResult.findings.findIndex((f) => f.questionId === b)
				)
				.map((id) => `${lens.id}.${id}`)
		);
		expect(findings.map((f) => f.target['target-id'])).not.toContain(`${lens.id}.ai_risk_assessment`);
		const inventory = findings.find((f) => f.target['target-id'] === `${lens.id}.ai_inventory`)!;
		expect(propsOf(inventory).risk).toBe(lensResult.findings.find((f) => f.questionId === 'ai_inventory')!.risk);
		expect(inventory.links.length).toBeGreaterThan(0);
		expect(inventory.links[0].href).toMatch(/^https:\/\//);
		expect((inventory.props as Json[]).filter((p) => p.name === 'framework-reference').length).toBe(
			inventory.links.length
		);
		expect((document['assessment-results'] as Json).results[0].description).toContain(
			`(${ref}): ${lensResult.high.length} high-risk and ${lensResult.medium.length} medium-risk findings in 12 questions`
		);
	});

	it('POA&M: the survey’s steps, then a lens item per finding, high risk first, with its risk and references', () => {
		const document = poamDocument(planInputFromResult(BANK_V3, result, { exportedAt: AT, lens: exported }));
		const valid = poam(document);
		expect(errors(poam)).toEqual([]);
		expect(valid).toBe(true);
		const items = (document['plan-of-action-and-milestones'] as Json)['poam-items'] as Json[];
		const lensItems = items.filter((i) => propsOf(i).lens === ref);
		expect(items.length - lensItems.length).toBe(result.recommendations.length);
		expect(lensItems).toHaveLength(lensResult.high.length + lensResult.medium.length);
		const flags = lensItems.map((i) => (i.props as Json[]).find((p) => p.name === 'flag')!.value);
		expect(flags).toEqual([
			...Array(lensResult.high.length).fill('high risk'),
			...Array(lensResult.medium.length).fill('medium risk')
		]);
		const risks = (document['plan-of-action-and-milestones'] as Json).risks as Json[];
		expect(risks.filter((r) => propsOf(r).lens === ref).map((r) => propsOf(r).risk)).toEqual(
			flags.map((f) => f.replace(' risk', ''))
		);
	});
});

describe('a broken document is refused', () => {
	const answers = PROFILES.at(-1)!.answers;
	const result = scored(answers);
	const ar = () =>
		assessmentResultsDocument(
			assessmentInputFromResult(BANK_V3, answers, result, { assessedAt: AT, exportedAt: AT })
		) as Json;
	const plan = () => poamDocument(planInputFromResult(BANK_V3, result, { exportedAt: AT })) as Json;

	it.each([
		[
			'without its assessment plan import',
			(d: Json) => delete d['assessment-results']['import-ap'],
			/^\/assessment-results must have required property 'import-ap'/m
		],
		[
			'with a finding status OSCAL does not define',
			(d: Json) => (d['assessment-results'].results[0].findings[0].target.status.state = 'passed'),
			/findings\/0\/target\/status\/state must be equal to one of the allowed values/
		],
		[
			'with a UUID that is not one',
			(d: Json) => (d['assessment-results'].uuid = 'not-a-uuid'),
			/^\/assessment-results\/uuid must match pattern/m
		],
		[
			'with a time without its time zone',
			(d: Json) => (d['assessment-results'].metadata['last-modified'] = '2026-07-01T09:30:00'),
			/metadata\/last-modified must match pattern/
		],
		[
			'with a property of its own at the top',
			(d: Json) => (d['assessment-results'].score = 42),
			/must NOT have additional properties/
		]
	])('Assessment Results %s', (_, breakIt, message) => {
		const document = ar();
		expect(assessmentResults(document)).toBe(true);
		breakIt(document);
		expect(assessmentResults(document)).toBe(false);
		expect(errors(assessmentResults).join('\n')).toMatch(message);
	});

	it.each([
		[
			'with no items',
			(d: Json) => (d['plan-of-action-and-milestones']['poam-items'] = []),
			/poam-items must NOT have fewer than 1 items/
		],
		[
			'with a risk without its statement',
			(d: Json) => delete d['plan-of-action-and-milestones'].risks[0].statement,
			/risks\/0 must have required property 'statement'/
		],
		[
			'with a deadline that is not a date and time',
			(d: Json) => (d['plan-of-action-and-milestones'].risks[0].deadline = '30/09/2026'),
			/risks\/0\/deadline must match pattern/
		],
		[
			'with a property value that starts with a space',
			(d: Json) => (d['plan-of-action-and-milestones']['poam-items'][0].props[0].value = ' x'),
			/props\/0\/value must match pattern/
		]
	])('POA&M %s', (_, breakIt, message) => {
		const document = plan();
		expect(poam(document)).toBe(true);
		breakIt(document);
		expect(poam(document)).toBe(false);
		expect(errors(poam).join('\n')).toMatch(message);
	});
});
