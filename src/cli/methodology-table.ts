/**
 * Generates the bank- and norm-dependent sections of docs/methodology.md (question weights, survey figure links,
 * norming results) from the code, so the document cannot drift from the model.
 *   npx tsx src/cli/methodology-table.ts          print the sections
 *   npx tsx src/cli/methodology-table.ts --write  rewrite them in docs/methodology.md between their markers
 * tests/docs/methodology.test.ts fails when the document is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SURVEY_2026, sourceLabel, tierShares, type Benchmark } from '../../scoring/benchmark';
import { CURRENT_BANK } from '../../scoring/bank/index';
import {
	SIMULATION,
	fitCutoffs,
	groupProfileCheck,
	populationAxes,
	questionTarget,
	sharesOf,
	simulatePopulation,
	simulatedFigureShares
} from '../../scoring/norm';
import { DIMENSION_IDS, TIER_IDS, type QuestionBank } from '../../scoring/schema';
import { CONTROL_WEIGHTS, TIER_CUTOFFS, TIER_LABELS } from '../../scoring/tiers';

/** Escapes a cell for a markdown table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const pct = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} %`;

/** The question weight table: one section per dimension, every practice question with weight and option scores. */
export function weightsSection(bank: QuestionBank): string {
	const out: string[] = [`Bank \`${bank.id}\` version ${bank.version}.`, ''];
	for (const id of DIMENSION_IDS) {
		const dimension = bank.dimensions.find((d) => d.id === id);
		const questions = bank.questions.filter((q) => q.kind === 'practice' && q.dimension === id);
		const total = questions.reduce((s, q) => s + (q.weight ?? 0), 0);
		const control = id === 'ai_integration' ? 'the use axis' : `${CONTROL_WEIGHTS[id] * 100} % of the control axis`;
		out.push(`#### ${dimension?.label ?? id} (\`${id}\`, ${control})`, '');
		if (dimension) out.push(dimension.description, '');
		out.push('| question | weight | share of dimension | option scores (worst → best) |', '|---|---|---|---|');
		for (const q of questions) {
			const options = [...q.options]
				.sort((a, b) => a.score - b.score)
				.map((o) => `${o.id} ${o.score}`)
				.join(' · ');
			out.push(
				`| \`${q.id}\` ${cell(q.text)} | ${q.weight} | ${pct(Math.round(((q.weight ?? 0) / total) * 1000) / 10)} | ${options} |`
			);
		}
		out.push('');
	}
	return out.join('\n').trimEnd();
}

/** Every survey figure a question is tied to, with its share, matched options and source. */
export function figuresSection(bank: QuestionBank, benchmark: Benchmark = SURVEY_2026): string {
	const out = ['| question | figure | share | your answer matches when | source |', '|---|---|---|---|---|'];
	for (const q of bank.questions) {
		if (!q.benchmark) continue;
		const figure = benchmark.figures.find((f) => f.id === q.benchmark?.figure);
		if (!figure) continue;
		out.push(
			`| \`${q.id}\` | ${cell(figure.statement)} (\`${figure.id}\`${figure.base === 'all' ? '' : `, ${TIER_LABELS[figure.base]} only`}) | ${pct(figure.share)} | ${q.benchmark.matches.join(', ')} | ${cell(sourceLabel(benchmark, figure))} |`
		);
	}
	return out.join('\n');
}

/** The norming results: simulated tier shares, reproduced figures and the group profile check. */
export function normSection(bank: QuestionBank, benchmark: Benchmark = SURVEY_2026): string {
	const population = simulatePopulation(bank, benchmark);
	const axes = populationAxes(bank, population);
	const shares = sharesOf(axes, TIER_CUTOFFS);
	const survey = tierShares(benchmark);
	const fitted = fitCutoffs(axes);
	const same = JSON.stringify(fitted) === JSON.stringify(TIER_CUTOFFS);
	const out = [
		`Simulation: ${SIMULATION.size} organisations, seed ${SIMULATION.seed}, correlation(use, control) ${SIMULATION.correlation}, practice loading ${SIMULATION.loading}, confidence loading ${SIMULATION.confidenceLoading}, bank \`${bank.id}\` ${bank.version}.`,
		'',
		`Shipped cut-offs: use ≥ ${TIER_CUTOFFS.use}; control ≥ ${TIER_CUTOFFS.controlHigh} (robust); control < ${TIER_CUTOFFS.controlLow} (weak); exposure ≥ ${TIER_CUTOFFS.exposureHigh} (high)${same ? ' — exactly what the fit chooses.' : ` — a fresh fit would choose ${JSON.stringify(fitted)}.`}`,
		'',
		'| tier | simulated | survey | difference |',
		'|---|---|---|---|',
		...TIER_IDS.map(
			(t) =>
				`| ${TIER_LABELS[t]} | ${pct(shares[t])} | ${pct(survey[t])} | ${(shares[t] - survey[t] >= 0 ? '+' : '') + (shares[t] - survey[t]).toFixed(1)} |`
		),
		'',
		'Per-question shares the simulation reproduces (all respondents):',
		'',
		'| question | figure | published | simulated |',
		'|---|---|---|---|',
		...simulatedFigureShares(bank, population, benchmark).map(
			(r) => `| \`${r.questionId}\` | \`${r.figure}\` | ${pct(r.published)} | ${pct(r.simulated)} |`
		),
		'',
		'Questions drawn with the even default spread: ' +
			bank.questions
				.filter((q) => q.kind !== 'profile' && questionTarget(q, benchmark).basis === 'default')
				.map((q) => `\`${q.id}\``)
				.join(', ') +
			'.',
		'',
		'Group profile check (the bank is not tuned to these):',
		'',
		'| survey group figure | survey | simulated | told by |',
		'|---|---|---|---|',
		...groupProfileCheck(bank, population, TIER_CUTOFFS, benchmark).map(
			(c) =>
				`| ${TIER_LABELS[c.group]}: ${cell(c.statement)} | ${pct(c.published)} | ${c.simulated === null ? 'n/a' : pct(c.simulated)} | \`${c.questionId ?? '—'}\` = ${c.matches.join(' or ')} |`
		)
	];
	return out.join('\n');
}

/** The generated sections by marker name. */
export function generatedSections(bank: QuestionBank = CURRENT_BANK): Record<string, string> {
	return { weights: weightsSection(bank), figures: figuresSection(bank), norm: normSection(bank) };
}

/**
 * Replaces each `<!-- name:start -->…<!-- name:end -->` block of `doc` with its generated section, fenced from
 * Prettier so the generated tables stay byte-for-byte what the code produces.
 */
export function fillSections(doc: string, sections: Record<string, string>): string {
	let out = doc;
	for (const [name, body] of Object.entries(sections)) {
		const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
		if (!pattern.test(out)) throw new Error(`docs/methodology.md has no <!-- ${name}:start --> marker`);
		out = out.replace(
			pattern,
			(_m, start: string, end: string) =>
				`${start}\n<!-- prettier-ignore-start -->\n\n${body}\n\n<!-- prettier-ignore-end -->\n${end}`
		);
	}
	return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const sections = generatedSections();
	if (process.argv.includes('--write')) {
		const path = 'docs/methodology.md';
		writeFileSync(path, fillSections(readFileSync(path, 'utf8'), sections));
		console.log(`updated ${path}`);
	} else for (const [name, body] of Object.entries(sections)) console.log(`<!-- ${name} -->\n${body}\n`);
}
