/**
 * The OSCAL exports' content: what a reader of the Assessment Results and the POA&M finds in them. Their validity
 * against NIST's schemas is tests/scoring/oscal-schema.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { BANK_V3 } from '$scoring/content/banks';
import { frameworkReference } from '$scoring/content/frameworks';
import { isCurrent, score } from '$scoring/model';
import type { Result } from '$scoring/model/v3/result';
import { PLAN_ITEM_STATUSES } from '$scoring/model/workspace';
import {
	assessmentInputFromResult,
	assessmentResultsDocument,
	OSCAL_NAMESPACE,
	OSCAL_VERSION,
	planInputFromResult,
	poamDocument,
	SELF_ASSESSMENT_NOTICE,
	type Evidence
} from '$scoring/export/oscal';
import { DONT_KNOW, type Answers } from '$scoring/schema';
import { typicalAnswers } from '../fixtures/profiles';

const AT = '2026-07-01T09:30:00.000Z';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** UUIDs 00000000-0000-4000-8000-000000000001, …: deterministic, in version-4 form. */
function counterUuids(): () => string {
	let n = 0;
	return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

function scored(answers: Answers): Result {
	const result = score(BANK_V3, answers);
	if (!isCurrent(result)) throw new Error('bank 3.0.0 is scored by model 3.0');
	return result;
}

/** The question's strongest option. */
const topOf = (id: string) =>
	BANK_V3.questions.find((q) => q.id === id)!.options.reduce((a, b) => (b.score > a.score ? b : a)).id;
const answers: Answers = {
	...typicalAnswers(),
	gov_formal_policy: DONT_KNOW,
	auto_drift_detection: topOf('auto_drift_detection'),
	plat_platform_team: topOf('plat_platform_team')
};
const result = scored(answers);
const practice = BANK_V3.questions.filter((q) => q.kind === 'practice');
const evidence = new Map<string, Evidence>([
	[
		'auto_drift_detection',
		{
			note: 'Drift report every night.\nOwner: platform team.',
			links: [{ url: 'https://wiki.example/drift', title: 'Runbook' }]
		}
	],
	['plat_platform_team', { links: [{ url: 'https://wiki.example/team' }] }]
]);

function assessment(options: { evidence?: Map<string, Evidence>; organisation?: string } = {}): Json {
	const input = assessmentInputFromResult(BANK_V3, answers, result, { assessedAt: AT, exportedAt: AT, ...options });
	return assessmentResultsDocument(input, { uuid: counterUuids() })['assessment-results'] as Json;
}

describe('Assessment Results', () => {
	const ar = assessment({ evidence, organisation: '  Acme\n Bank plc ' });
	const run = ar.results[0] as Json;
	const findings = run.findings as Json[];
	const observations = run.observations as Json[];
	const finding = (id: string) => findings.find((f) => f.target['target-id'] === id)!;
	const observationOf = (f: Json) =>
		observations.find((o) => o.uuid === f['related-observations'][0]['observation-uuid'])!;

	it('has one finding per practice question, in bank order, each tied to the observation of its answer', () => {
		expect(findings.map((f) => f.target['target-id'])).toEqual(practice.map((q) => q.id));
		expect(findings.map((f) => f.title)).toEqual(practice.map((q) => q.text));
		for (const f of findings) expect(observationOf(f)).toBeDefined();
	});

	it('gives the answer and its level, satisfied where the strongest option leaves the plan no step', () => {
		for (const id of ['auto_drift_detection', 'plat_platform_team']) {
			const option = BANK_V3.questions.find((q) => q.id === id)!.options.find((o) => o.id === answers[id])!;
			expect(finding(id).description).toContain(`Self-assessed answer: ${option.label} (level ${option.score} of 100)`);
			expect(finding(id).target.status).toEqual({ state: 'satisfied', reason: 'pass' });
		}
		const weaker = practice.find((q) => answers[q.id] === q.options[0]!.id && q.options[0]!.score < 100)!;
		expect(finding(weaker.id).target.status).toEqual({ state: 'not-satisfied', reason: 'fail' });
		// "Don't know" is not satisfied and says why: the answer is not known, not a failed practice.
		expect(finding('gov_formal_policy').description).toContain('Self-assessed answer: Don’t know.');
		expect(finding('gov_formal_policy').target.status).toEqual({ state: 'not-satisfied', reason: 'other' });
		// The satisfied findings are exactly the practices the plan has no step for.
		const steps = new Set(result.recommendations.map((r) => r.questionId));
		for (const f of findings)
			expect(f.target.status.state === 'satisfied', f.target['target-id']).toBe(!steps.has(f.target['target-id']));
	});

	it('names what the model flags: the critical gaps of the result', () => {
		expect(result.criticalGaps.length).toBeGreaterThan(0);
		for (const id of result.criticalGaps) expect(finding(id).description).toContain('critical gap');
	});

	it("cites the question's framework references as links and properties, marked a mapping, not conformance", () => {
		const q = practice.find((x) => (x.references?.length ?? 0) >= 2)!;
		const f = finding(q.id);
		const reference = frameworkReference(q.references![0]!)!;
		expect(f.links).toContainEqual(
			expect.objectContaining({ href: reference.url, rel: 'reference', text: expect.stringContaining(reference.title) })
		);
		expect(f.props.filter((p: Json) => p.name === 'framework-reference').map((p: Json) => p.value)).toEqual(
			q.references
		);
		expect(f.remarks).toBe('Framework references: mapping, not conformance.');
	});

	it('carries evidence: the note and links, and says which answers are backed and which asserted', () => {
		const drift = observationOf(finding('auto_drift_detection'));
		expect(drift.remarks).toBe('Drift report every night.\nOwner: platform team.');
		expect(drift['relevant-evidence']).toEqual([{ href: 'https://wiki.example/drift', description: 'Runbook' }]);
		expect(drift.props).toContainEqual({ name: 'evidence', ns: OSCAL_NAMESPACE, value: 'backed' });
		expect(observationOf(finding('plat_platform_team'))['relevant-evidence']).toEqual([
			{ href: 'https://wiki.example/team', description: 'A link given as evidence for this answer.' }
		]);
		const asserted = observationOf(finding('gov_formal_policy'));
		expect(asserted.props).toContainEqual({ name: 'evidence', ns: OSCAL_NAMESPACE, value: 'asserted' });
		expect(asserted['relevant-evidence']).toBeUndefined();
		expect(run.description).toContain(
			`${practice.length} practice answers: 2 backed by evidence, ${practice.length - 2} asserted.`
		);
	});

	it('writes a link address as a URI reference, and keeps a link that is not an address as text only', () => {
		const links = [{ url: 'https://wiki.example/a b' }, { url: 'see the wiki' }];
		const doc = assessment({ evidence: new Map([['auto_drift_detection', { links }]]) });
		const run = doc.results[0] as Json;
		const f = (run.findings as Json[]).find((x) => x.target['target-id'] === 'auto_drift_detection')!;
		const o = (run.observations as Json[]).find((x) => x.uuid === f['related-observations'][0]['observation-uuid'])!;
		expect(o['relevant-evidence']).toEqual([
			{ href: 'https://wiki.example/a%20b', description: 'A link given as evidence for this answer.' },
			{ description: 'A link given as evidence, not a valid address: see the wiki' }
		]);
	});

	it('is labelled a self-assessment, not an audit, in its metadata and its result', () => {
		expect(ar.metadata.title).toContain('self-assessment');
		expect(ar.metadata.remarks).toBe(SELF_ASSESSMENT_NOTICE);
		expect(SELF_ASSESSMENT_NOTICE).toMatch(/^Self-assessment, not an audit/);
		expect(ar.metadata.props).toContainEqual({
			name: 'assessment-type',
			ns: OSCAL_NAMESPACE,
			value: 'self-assessment'
		});
		expect(run.title).toBe('Self-assessment (not an audit)');
		expect(run.description).toContain(SELF_ASSESSMENT_NOTICE);
		expect(ar.metadata['oscal-version']).toBe(OSCAL_VERSION);
	});

	it('names the organisation on one line when given, and no party otherwise', () => {
		expect(ar.metadata.parties).toEqual([
			{ uuid: expect.stringMatching(UUID_V4), type: 'organization', name: 'Acme Bank plc' }
		]);
		expect(assessment().metadata.parties).toBeUndefined();
	});

	it('points its assessment plan at the question bank it was answered on', () => {
		const resource = ar['back-matter'].resources[0];
		expect(ar['import-ap'].href).toBe(`#${resource.uuid}`);
		expect(resource.title).toBe('Question bank ai_readiness 3.0.0 and its methodology');
	});
});

describe('POA&M', () => {
	const first = result.recommendations[0]!;
	const tracked = new Map([
		[
			first.questionId,
			{ status: 'doing' as const, owner: ' Jo Bloggs ', due: '2026-09-30', notes: 'Started with the staging account.' }
		]
	]);
	const poam = poamDocument(planInputFromResult(BANK_V3, result, { exportedAt: AT, tracked }), {
		uuid: counterUuids()
	})['plan-of-action-and-milestones'] as Json;
	const items = poam['poam-items'] as Json[];
	const risks = poam.risks as Json[];
	const propOf = (item: Json, name: string) => item.props.find((p: Json) => p.name === name)?.value;
	const riskOf = (item: Json) => risks.find((r) => r.uuid === item['related-risks'][0]['risk-uuid'])!;

	it("has one item per step of the result's plan, in roadmap order, with the step's action", () => {
		expect(items.map((i) => propOf(i, 'question-id'))).toEqual(result.recommendations.map((r) => r.questionId));
		expect(items.map((i) => i.title)).toEqual(result.recommendations.map((r) => r.title));
		expect(items[0]!.description).toContain(first.action);
	});

	it('keeps a tracked owner, due date, status and notes; an untracked step is "to do" without owner or date', () => {
		const item = items[0]!;
		expect(propOf(item, 'status')).toBe('doing');
		expect(propOf(item, 'owner')).toBe('Jo Bloggs');
		expect(propOf(item, 'due-date')).toBe('2026-09-30');
		expect(item.remarks).toBe('Started with the staging account.');
		expect(riskOf(item)).toMatchObject({ status: 'remediating', deadline: '2026-09-30T23:59:59Z' });
		const untracked = items[1]!;
		expect(propOf(untracked, 'status')).toBe('to-do');
		expect(propOf(untracked, 'owner')).toBeUndefined();
		expect(riskOf(untracked).status).toBe('open');
		expect(riskOf(untracked).deadline).toBeUndefined();
	});

	it('maps every status to an OSCAL risk status', () => {
		const statuses = PLAN_ITEM_STATUSES;
		const plan = planInputFromResult(BANK_V3, result, {
			exportedAt: AT,
			tracked: new Map(result.recommendations.slice(0, 4).map((r, i) => [r.questionId, { status: statuses[i]! }]))
		});
		const doc = poamDocument(plan, { uuid: counterUuids() })['plan-of-action-and-milestones'] as Json;
		expect((doc.risks as Json[]).slice(0, 4).map((r) => r.status)).toEqual([
			'open',
			'remediating',
			'closed',
			'deviation-approved'
		]);
	});

	it('flags critical steps and those in the plan to the next group, and is labelled a self-assessment', () => {
		const critical = items.find((i) => i.props.some((p: Json) => p.value === 'critical gap'));
		expect(critical).toBeDefined();
		expect(poam.metadata.remarks).toBe(SELF_ASSESSMENT_NOTICE);
		expect(poam.metadata.title).toContain('self-assessment');
	});
});

describe('UUIDs', () => {
	it('come from crypto.randomUUID by default: version 4, all different, different on every export', () => {
		const input = assessmentInputFromResult(BANK_V3, answers, result, { assessedAt: AT, exportedAt: AT });
		const uuids = (doc: object) =>
			[...JSON.stringify(doc).matchAll(/"(?:uuid|observation-uuid)":"([^"]+)"/g)].map((m) => m[1]!);
		const one = uuids(assessmentResultsDocument(input));
		const two = uuids(assessmentResultsDocument(input));
		for (const u of one) expect(u).toMatch(UUID_V4);
		const own = new Set(one);
		expect(own.size).toBe(one.length - practice.length); // each observation uuid appears again in its finding
		expect(two.some((u) => own.has(u))).toBe(false);
	});

	it('are the injected ones when a test needs the same document twice', () => {
		const input = planInputFromResult(BANK_V3, result, { exportedAt: AT });
		expect(JSON.stringify(poamDocument(input, { uuid: counterUuids() }))).toBe(
			JSON.stringify(poamDocument(input, { uuid: counterUuids() }))
		);
	});
});
