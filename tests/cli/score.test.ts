import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeAnswerCode } from '$scoring/export/answer-code';
import { BANK_V1, BANK_V2, BANK_V3 } from '$scoring/content/banks';
import { CODE_1_0_0 } from '../fixtures/codes';
import type { Answers } from '$scoring/schema';
import { score } from '$scoring/model';
import { LegacyResultSchema as ResultSchema } from '$scoring/model/v2/result';
import { ResultSchema as ResultV3Schema } from '$scoring/model/v3/result';
import { runScoreCli } from '../../src/cli/score';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'score-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the CLI in this process (the code `npm run score -- …` runs, without a process start per case); the last
 * tests run it as a process, through tsx and through the npm script (each start of tsx takes seconds on a busy
 * machine: those two failed at vitest's default 5 s with both cores busy, so they get 60 s).
 */
function run(...args: string[]) {
	let stdout = '';
	let stderr = '';
	const status = runScoreCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
	return { status, stdout, stderr };
}

function file(name: string, content: string): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

const ANSWERS: Answers = { gov_formal_policy: 'approved', plat_platform_team: 'product', risk_rework: 'na' };
const answerSet = (over: object = {}) =>
	JSON.stringify({ bank: BANK_V1.id, version: BANK_V1.version, answers: ANSWERS, ...over });

/** Asserts exit code 2, nothing on stdout, and one line on stderr starting with `prefix`; no stack trace. */
function expectOneLineError(out: ReturnType<typeof run>, prefix: string) {
	expect(out.status).toBe(2);
	expect(out.stdout).toBe('');
	expect(out.stderr.endsWith('\n')).toBe(true);
	expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
	expect(out.stderr).not.toMatch(/\bat .*:\d+:\d+/);
	expect(out.stderr.slice(0, prefix.length)).toBe(prefix);
}

describe('npm run score', () => {
	it('prints the full result of an answers JSON file', () => {
		const out = run(file('good.json', answerSet()));
		expect(out.stderr).toBe('');
		expect(out.status).toBe(0);
		const result = ResultSchema.parse(JSON.parse(out.stdout));
		expect(result).toEqual(JSON.parse(JSON.stringify(score(BANK_V1, ANSWERS))));
	});

	it('prints the same result for the answer code, given directly or in a file', () => {
		const code = encodeAnswerCode(BANK_V1, ANSWERS);
		const expected = JSON.parse(JSON.stringify(score(BANK_V1, ANSWERS)));
		const direct = run(code);
		expect(direct.status).toBe(0);
		expect(JSON.parse(direct.stdout)).toEqual(expected);
		const fromFile = run(file('code.txt', `${code}\n`));
		expect(fromFile.status).toBe(0);
		expect(JSON.parse(fromFile.stdout)).toEqual(expected);
	});

	it.each([
		['no argument', () => [], 'error: usage: npm run score -- FILE'],
		['a missing file', () => [join(dir, 'nope.json')], `error: ${join(dir, 'nope.json')}: no such file`],
		['a directory', () => [dir], `error: ${dir}: is a directory, not a file`],
		['an empty file', () => [file('empty.json', '')], `error: ${join(dir, 'empty.json')}: empty`],
		[
			'invalid JSON',
			() => [file('broken.json', '{ "bank": "ai_readiness", ')],
			`error: ${join(dir, 'broken.json')}: invalid JSON (`
		],
		[
			'a missing field',
			() => [file('noversion.json', JSON.stringify({ bank: 'ai_readiness', answers: {} }))],
			`error: ${join(dir, 'noversion.json')}: version: `
		],
		[
			'an unexpected field',
			() => [file('extra.json', answerSet({ user: 'x' }))],
			`error: ${join(dir, 'extra.json')}: Unrecognized key: "user"`
		],
		[
			'an answer that is not an id',
			() => [file('number.json', answerSet({ answers: { gov_formal_policy: 3 } }))],
			`error: ${join(dir, 'number.json')}: answers.gov_formal_policy: `
		],
		[
			'a __proto__ answer key',
			() => [file('proto.json', '{"bank":"ai_readiness","version":"1.0.0","answers":{"__proto__":"x"}}')],
			`error: ${join(dir, 'proto.json')}: answers.__proto__: "__proto__" is not a question id or field`
		],
		[
			'an unknown bank',
			() => [file('bank.json', answerSet({ bank: 'other' }))],
			`error: ${join(dir, 'bank.json')}: question bank "other" version "1.0.0" is not known (known: ai_readiness 1.0.0, ai_readiness 2.0.0, ai_readiness 3.0.0)`
		],
		[
			'a wrong version',
			() => [file('version.json', answerSet({ version: '2.5.0' }))],
			`error: ${join(dir, 'version.json')}: question bank "ai_readiness" version "2.5.0" is not known (known: ai_readiness 1.0.0, ai_readiness 2.0.0, ai_readiness 3.0.0)`
		],
		[
			'an unknown question',
			() => [file('question.json', answerSet({ answers: { foo: 'approved' } }))],
			`error: ${join(dir, 'question.json')}: unknown question "foo" in bank ai_readiness 1.0.0`
		],
		[
			'an unknown option',
			() => [file('option.json', answerSet({ answers: { gov_formal_policy: 'zzz' } }))],
			`error: ${join(dir, 'option.json')}: "zzz" is not an option of question "gov_formal_policy" (expected one of none, informal, draft, approved, approved_full, na)`
		],
		[
			'an altered code',
			() => [encodeAnswerCode(BANK_V1, ANSWERS).replace('.a', '.b')],
			'error: This result code has been altered'
		],
		[
			'a truncated code in a file',
			() => [file('short.txt', encodeAnswerCode(BANK_V1, ANSWERS).slice(0, 30))],
			`error: ${join(dir, 'short.txt')}: This result code is incomplete`
		],
		[
			'a code for an unknown bank version',
			() => [encodeAnswerCode({ ...BANK_V1, version: '4.1.4' }, {})],
			'error: This result code was made with question bank ai_readiness version 4.1.4, which this site does not know'
		],
		[
			'text that is no code',
			() => [file('note.txt', 'hello world')],
			`error: ${join(dir, 'note.txt')}: This is not a result code`
		]
	])('rejects %s with one line and exit code 2', (_, args, message) => {
		expectOneLineError(run(...args()), message);
	});

	it('prints the current bank for tools: texts, kinds, reserved answers, scores and the flags the model reads', () => {
		const out = run('--bank');
		expect(out.status).toBe(0);
		const bank = JSON.parse(out.stdout);
		expect([bank.id, bank.version, bank.model]).toEqual(['ai_readiness', '3.0.0', 3]);
		const byId = new Map(bank.questions.map((q: { id: string }) => [q.id, q]));
		expect(byId.get('risk_ai_iac_review')).toMatchObject({
			dimension: 'risk_exposure',
			kind: 'practice',
			notApplicable: false,
			reserved: ['dk', 'varies'],
			inUseUnless: { question: 'ai_iac_generation', answers: ['none'] },
			options: expect.arrayContaining([
				expect.objectContaining({
					id: 'direct_no_review',
					score: 0,
					critical: true,
					reaches: 'peer_review',
					weakGuard: false
				}),
				expect.objectContaining({ id: 'author_glance', critical: false, weakGuard: true })
			])
		});
		// Every guard is asked of everyone now: no gate, no N/A.
		expect(byId.get('risk_agent_guardrails')).toMatchObject({ notApplicable: false });
		expect(byId.get('risk_agent_guardrails')).not.toHaveProperty('skipWhen');
		expect((byId.get('conf_governance') as { options: object[] }).options[0]).toEqual({
			id: 'not_at_all',
			label: 'Not at all',
			critical: false,
			weakGuard: false
		});
		expect(byId.get('out_misconfig_prod')).toMatchObject({
			kind: 'outcome',
			reserved: ['dk', 'not_tracked'],
			detectedBy: { question: 'auto_config_scanning', atLeast: 'scheduled' }
		});
		const v2 = JSON.parse(run('--bank', '2.0.0').stdout);
		expect(v2.version).toBe('2.0.0');
		expect(v2.questions.find((q: { id: string }) => q.id === 'risk_agent_guardrails')).toMatchObject({
			notApplicable: true
		});
		expect(JSON.parse(run('--bank', '1.0.0').stdout).version).toBe('1.0.0');
		expectOneLineError(
			run('--bank', '7.0.0'),
			'error: question bank version "7.0.0" is not known (known: 1.0.0, 2.0.0, 3.0.0)'
		);
	});

	it('scores bank 3.0.0 with the 3.0.0 contract: criticalFindings, unknownOutcomes, unanswered, inconsistencies, liftPlan.lifts, context, surveyShare', () => {
		const answers: Answers = {
			...Object.fromEntries(
				BANK_V3.questions.filter((q) => q.kind === 'practice').map((q) => [q.id, q.options.at(-1)!.id])
			),
			ai_code_share: 'pct_5_25',
			auto_policy_as_code: 'none',
			out_misconfig_prod: 'found_outside',
			out_root_cause: 'not_fixed'
		};
		const out = run(file('v3.json', JSON.stringify({ bank: 'ai_readiness', version: '3.0.0', answers })));
		expect(out.status).toBe(0);
		const result = ResultV3Schema.parse(JSON.parse(out.stdout));
		expect(result.criticalFindings).toEqual([
			{ questionId: 'out_misconfig_prod', optionId: 'found_outside', caughtBy: 'auto_config_scanning', fixed: false }
		]);
		expect(result.inconsistencies.map((i) => i.questionId)).toEqual(['auto_cost_guardrails', 'risk_ai_iac_review']);
		expect(result.unanswered).toContain('out_impact');
		expect(result.unknownOutcomes.find((u) => u.questionId === 'out_impact')?.reason).toBe('unanswered');
		expect(result.liftPlan).toMatchObject({ target: 'pioneer', lifts: false });
		expect(result.surveyShare).toMatchObject({ group: result.tier, sample: 406 });
		expect(result).not.toHaveProperty('readiness');
		expect(result).not.toHaveProperty('liftContext');
		expect(result).toEqual(JSON.parse(JSON.stringify(score(BANK_V3, answers))));
	});

	it('scores a batch in order, an invalid set giving { error } in its place, a skipped question ignored', () => {
		const path = file(
			'batch.json',
			JSON.stringify([
				{
					bank: 'ai_readiness',
					version: '2.0.0',
					answers: { ai_agents: 'none', risk_agent_guardrails: 'unrestricted' }
				},
				{ bank: 'ai_readiness', version: '2.0.0', answers: { nope: 'x' } },
				{ bank: 'ai_readiness', version: '1.0.0', answers: ANSWERS }
			])
		);
		const out = run(path);
		expect(out.status).toBe(0);
		const results = JSON.parse(out.stdout);
		expect(results).toHaveLength(3);
		expect(ResultSchema.parse(results[0]).criticalGaps).not.toContain('risk_agent_guardrails');
		expect(results[1]).toEqual({ error: '[1]: unknown question "nope" in bank ai_readiness 2.0.0' });
		expect(results[2].version).toBe('1.0.0');
		expect(results[2]).toEqual(JSON.parse(JSON.stringify(score(BANK_V1, ANSWERS))));
	});

	it('opens a 1.0.0 result code from the app before 2.0.0, scored by bank 1.0.0', () => {
		const out = run(CODE_1_0_0);
		expect(out.status).toBe(0);
		const result = ResultSchema.parse(JSON.parse(out.stdout));
		expect([result.version, result.model, result.tier, result.index]).toEqual(['1.0.0', 1, 'fragmented', 48.6]);
		expect(JSON.parse(run(encodeAnswerCode(BANK_V2, { ai_code_share: 'dk' })).stdout).version).toBe('2.0.0');
	});

	it('runs as a process: tsx src/cli/score.ts prints the result on stdout; bad input exits 2 with one line', () => {
		const tsx = (...args: string[]) =>
			spawnSync(process.execPath, [TSX, 'src/cli/score.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
		const good = tsx(file('process.json', answerSet()));
		expect([good.status, good.stderr]).toEqual([0, '']);
		expect(JSON.parse(good.stdout)).toEqual(JSON.parse(JSON.stringify(score(BANK_V1, ANSWERS))));
		const bad = tsx();
		expectOneLineError(
			{ status: bad.status ?? -1, stdout: bad.stdout, stderr: bad.stderr },
			'error: usage: npm run score -- FILE'
		);
		// A reader that stops early (`| head -c 20`) ends the CLI quietly, with no stack trace.
		const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${TSX}" src/cli/score.ts --bank | head -c 20`], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect([piped.stdout, piped.stderr]).toEqual(['{\n  "id": "ai_readin', '']);
	}, 60_000);

	it('also runs through the npm script', () => {
		mkdirSync(join(dir, 'npm'), { recursive: true });
		const path = file('npm/answers.json', answerSet());
		const out = spawnSync('npm', ['run', '--silent', 'score', '--', path], { cwd: ROOT, encoding: 'utf8' });
		expect(out.status).toBe(0);
		expect(ResultSchema.parse(JSON.parse(out.stdout)).bank).toBe(BANK_V1.id);
		const bad = spawnSync('npm', ['run', '--silent', 'score', '--', join(dir, 'missing.json')], {
			cwd: ROOT,
			encoding: 'utf8'
		});
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain(`error: ${join(dir, 'missing.json')}: no such file`);
	}, 60_000);
});
