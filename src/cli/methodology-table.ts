/**
 * Generates the model-dependent sections of docs/methodology.md (questions and weights, survey figure links,
 * norming results with the sensitivity table, adversarial profiles) and the whole of docs/frameworks.md from the
 * code, so neither document can drift from the model.
 *   npx tsx src/cli/methodology-table.ts          print the sections
 *   npx tsx src/cli/methodology-table.ts --write  rewrite them in place
 * tests/docs/methodology.test.ts fails when a document is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ADVERSARIAL_BANK, ADVERSARIAL_PROFILES } from '../../scoring/model/v2/adversarial';
import { SURVEY_2026, sourceLabel, tierShares, type Benchmark } from '../../scoring/content/survey';
import { CURRENT_BANK } from '../../scoring/content/banks/index';
import { FRAMEWORKS, MAPPING_NOT_CONFORMANCE, frameworkOf, frameworkReference } from '../../scoring/content/frameworks';
import { MODELLED_BELOW } from '../../scoring/present/modelled';
import {
	SIMULATION,
	bootstrap,
	cutoffMargins,
	groupProfileCheck,
	populationAxes,
	sensitivityTable,
	sharesOf,
	simulatePopulation,
	simulatedFigureShares
} from '../../scoring/norm/norm';
import { DIMENSION_IDS, TIER_IDS, type QuestionBank } from '../../scoring/schema';
import { score } from '../../scoring/model/v2/score';
import { BORDERLINE_MARGINS, CONTROL_WEIGHTS, TIER_CUTOFFS, TIER_LABELS } from '../../scoring/model/v2/tiers';

/** Escapes a cell for a markdown table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const pct = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} %`;
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;

/** Every scored question, by dimension: kind, weight, share of its part, option scores, critical options, gate. */
export function weightsSection(bank: QuestionBank): string {
	const out: string[] = [`Bank \`${bank.id}\` version ${bank.version}.`, ''];
	for (const id of DIMENSION_IDS) {
		const dimension = bank.dimensions.find((d) => d.id === id);
		const questions = bank.questions.filter(
			(q) => q.dimension === id && (q.kind === 'use' || q.kind === 'practice' || q.kind === 'outcome')
		);
		const role =
			id === 'ai_integration'
				? 'use: the use axis, and AI-driven change in exposure'
				: id === 'risk_exposure'
					? `practice: the guards, ${CONTROL_WEIGHTS[id] * 100} % of the control axis; outcomes raise exposure`
					: `practice: ${CONTROL_WEIGHTS[id] * 100} % of the control axis`;
		out.push(`#### ${dimension?.label ?? id} (\`${id}\`; ${role})`, '');
		if (dimension) out.push(dimension.description, '');
		out.push(
			'| question | kind | weight | share | option scores (weakest → strongest; **critical** in bold) | asked |',
			'|---|---|---|---|---|---|'
		);
		for (const q of questions) {
			const part = questions.filter((x) => x.kind === q.kind);
			const total = part.reduce((s, x) => s + (x.weight ?? 0), 0);
			const options = q.options.map((o) => (o.critical ? `**${o.id} ${o.score}**` : `${o.id} ${o.score}`)).join(' · ');
			const asked = q.skipWhen ? `unless \`${q.skipWhen.question}\` is ${q.skipWhen.answers.join(' or ')}` : 'always';
			out.push(
				`| \`${q.id}\` ${cell(q.text)} | ${q.kind} | ${q.weight} | ${pct(Math.round(((q.weight ?? 0) / total) * 1000) / 10)} of ${q.kind} | ${options} | ${asked} |`
			);
		}
		out.push('');
	}
	return out.join('\n').trimEnd();
}

/** Every survey figure a question is compared with: share, matched options, what matching says, source. */
export function figuresSection(bank: QuestionBank, benchmark: Benchmark = SURVEY_2026): string {
	const out = [
		'| question | figure | share | answer matches when | matching is | source |',
		'|---|---|---|---|---|---|'
	];
	for (const q of bank.questions)
		for (const link of q.benchmarks ?? []) {
			const figure = benchmark.figures.find((f) => f.id === link.figure);
			if (!figure) continue;
			out.push(
				`| \`${q.id}\` | ${cell(figure.statement)} (\`${figure.id}\`${figure.base === 'all' ? '' : `, ${TIER_LABELS[figure.base]} only`}) | ${pct(figure.share)} | ${link.matches.join(', ')} | ${link.direction} | ${cell(sourceLabel(benchmark, figure))} |`
			);
		}
	const linked = new Set(bank.questions.flatMap((q) => (q.benchmarks ?? []).map((b) => b.figure)));
	const group = new Set([
		'pioneer_enforce_policy',
		'pioneer_ai_iac_governed',
		'exposed_confident',
		'exposed_formal_policy',
		'exposed_ai_iac'
	]);
	const unlinked = benchmark.figures.filter((f) => !linked.has(f.id) && !group.has(f.id));
	out.push(
		'',
		`Figures no question is tied to (context only, never a target): ${unlinked.map((f) => `\`${f.id}\``).join(', ')}.`
	);
	return out.join('\n');
}

/** The norming results: shares, targets, validation checks, sensitivity, bootstrap, margins and modelled figures. */
export function normSection(bank: QuestionBank, benchmark: Benchmark = SURVEY_2026): string {
	const population = simulatePopulation(bank, benchmark);
	const axes = populationAxes(bank, population);
	const shares = sharesOf(axes, TIER_CUTOFFS);
	const survey = tierShares(benchmark);
	const rows = sensitivityTable(bank);
	const boot = bootstrap(axes);
	const margins = cutoffMargins(rows, boot);
	const c = TIER_CUTOFFS;
	const out = [
		`Simulation: ${SIMULATION.size} organisations, seed ${SIMULATION.seed}; correlation(use, control) ${SIMULATION.correlation}; loading ${SIMULATION.loading}; outcomes follow control less ${SIMULATION.outcomeUseWeight} × use; confidence loading ${SIMULATION.confidenceLoading}; bank \`${bank.id}\` ${bank.version}.`,
		'',
		`Shipped cut-offs: use floor ${c.useFloor} and exposure bars ${c.exposureHigh} / ${c.exposureSevere} fixed by argument; deep use ≥ ${c.useDeep}, robust control ≥ ${c.controlHigh}, weak control < ${c.controlLow} fitted.`,
		'',
		'**Tier shares — a match by construction** (three fitted cut-offs, three free shares):',
		'',
		'| tier | simulated | survey | difference |',
		'|---|---|---|---|',
		...TIER_IDS.map(
			(t) => `| ${TIER_LABELS[t]} | ${pct(shares[t])} | ${pct(survey[t])} | ${signed(shares[t] - survey[t])} |`
		),
		'',
		'**Targets** — every published figure for all respondents that a question is tied to (the simulation draws answers to reproduce them):',
		'',
		'| question | figure | published | simulated |',
		'|---|---|---|---|',
		...simulatedFigureShares(bank, population, benchmark).map(
			(r) =>
				`| \`${r.questionId}\` | \`${r.figure}\`${r.target ? '' : ' (check: overlaps the two figures above)'} | ${pct(r.published)} | ${pct(r.simulated)} |`
		),
		'',
		'**Validation checks** — the survey’s group profiles, reported beside the fit and never tuned to:',
		'',
		'| survey group figure | survey | simulated | gap | read from |',
		'|---|---|---|---|---|',
		...groupProfileCheck(bank, population, TIER_CUTOFFS, benchmark).map(
			(ch) =>
				`| ${TIER_LABELS[ch.group]}: ${cell(ch.statement)} | ${pct(ch.published)} | ${ch.simulated === null ? 'n/a' : pct(ch.simulated)} | ${ch.simulated === null ? '—' : signed(ch.simulated - ch.published)} | ${cell(ch.how)} |`
		),
		'',
		`**Sensitivity** — one assumption changed at a time (${SIMULATION.size} organisations each): the cut-offs a refit would choose, and the shares under the shipped cut-offs. \`near\` rows are neighbouring values we cannot rule out; \`stress\` rows are far off.`,
		'',
		'| band | assumption | value | deep use | robust control | weak control | Exposed | Fragmented | Outpacing | Pioneer |',
		'|---|---|---|---|---|---|---|---|---|---|',
		...rows.map(
			(r) =>
				`| ${r.band} | ${cell(r.assumption)} | ${cell(r.value)} | ${r.refit.useDeep} | ${r.refit.controlHigh} | ${r.refit.controlLow} | ${TIER_IDS.map((t) => pct(r.shares[t])).join(' | ')} |`
		),
		'',
		`**Bootstrap** — ${boot.samples} samples of ${boot.sampleSize} (the survey’s size), 5th–95th percentile: ${TIER_IDS.map((t) => `${TIER_LABELS[t]} ${pct(boot.shares[t].low)}–${pct(boot.shares[t].high)}`).join('; ')}; refitted deep use ${boot.cutoffs.useDeep.low}–${boot.cutoffs.useDeep.high}, robust control ${boot.cutoffs.controlHigh.low}–${boot.cutoffs.controlHigh.high}, weak control ${boot.cutoffs.controlLow.low}–${boot.cutoffs.controlLow.high}.`,
		'',
		`**Borderline margins** (the larger of the near rows’ half-range and the bootstrap half-width, rounded up): deep use ±${margins.useDeep}, robust control ±${margins.controlHigh}, weak control ±${margins.controlLow} points (shipped: ±${BORDERLINE_MARGINS.useDeep}, ±${BORDERLINE_MARGINS.controlHigh}, ±${BORDERLINE_MARGINS.controlLow}).`,
		'',
		`**Placed lower, as the model reads it** (what a result says about the survey): ${TIER_IDS.map((t) => `${TIER_LABELS[t]} ${MODELLED_BELOW[t].share} % (±${MODELLED_BELOW[t].plusMinus})`).join('; ')}.`
	];
	return out.join('\n');
}

/** The adversarial profiles with the tier each gets, its numbers and why that is right. */
export function adversarialSection(): string {
	const out = [
		'| profile | answers | tier | use · control · exposure · critical gaps | why that is right |',
		'|---|---|---|---|---|'
	];
	for (const p of ADVERSARIAL_PROFILES) {
		const r = score(ADVERSARIAL_BANK, p.build(ADVERSARIAL_BANK));
		const exposure = r.dimensions.find((d) => d.dimension === 'risk_exposure')?.score;
		out.push(
			`| ${cell(p.name)} | ${cell(p.answers)} | ${r.tier ? TIER_LABELS[r.tier] : 'not placed'} | ${r.use} · ${r.control} · ${exposure} · ${r.criticalGaps.length} | ${cell(p.why)} |`
		);
	}
	return out.join('\n');
}

/** docs/frameworks.md: every framework, every reference, and which practice questions cite it. */
export function frameworksDocument(bank: QuestionBank = CURRENT_BANK): string {
	const practice = bank.questions.filter((q) => q.kind === 'practice');
	const out = [
		'# Framework references',
		'',
		`<!-- Generated by \`npx tsx src/cli/methodology-table.ts --write\` from scoring/content/frameworks.ts and bank ${bank.version}; tests/docs/methodology.test.ts keeps it fresh. -->`,
		'<!-- prettier-ignore-start -->',
		'',
		`**${MAPPING_NOT_CONFORMANCE}.** Each practice question of bank ${bank.version} names the framework items it relates to, so a reader can go from an answer to the text that asks for the same practice. Answering a question well does not make an organisation conformant with, certified against or compliant with any of them. Every identifier below was checked against the framework’s own text, except ISO/IEC 42001:2023, which is paywalled: its control numbers and titles were checked against public listings.`,
		'',
		'The EU AI Act is cited only where an article applies to organisations using AI tools in engineering: Article 4 (AI literacy) applies to providers and deployers of any AI system. Articles for high-risk systems (for example 12, 14, 26, 73) are not mapped, because infrastructure tooling is normally not a high-risk system; check Annex III point 2 (critical digital infrastructure) if AI is a safety component of yours.',
		'',
		'## Frameworks',
		'',
		'| framework | version | where to read it |',
		'|---|---|---|',
		...FRAMEWORKS.map((f) => `| ${cell(f.name)} | ${cell(f.version)} | ${f.url} |`),
		'',
		'## By question',
		''
	];
	for (const q of practice) {
		out.push(`### \`${q.id}\` — ${cell(q.text)}`, '', '| framework | item | what it asks |', '|---|---|---|');
		for (const id of q.references ?? []) {
			const ref = frameworkReference(id)!;
			out.push(`| ${cell(frameworkOf(ref).name)} | [${cell(ref.code)}](${ref.url}) | ${cell(ref.title)} |`);
		}
		out.push('');
	}
	out.push('## By item', '', '| item | framework | cited by |', '|---|---|---|');
	const cited = new Map<string, string[]>();
	for (const q of practice) for (const id of q.references ?? []) cited.set(id, [...(cited.get(id) ?? []), q.id]);
	for (const [id, questions] of [...cited].sort(([a], [b]) => a.localeCompare(b))) {
		const ref = frameworkReference(id)!;
		out.push(`| ${cell(ref.code)} | ${cell(frameworkOf(ref).name)} | ${questions.map((x) => `\`${x}\``).join(', ')} |`);
	}
	out.push('', '<!-- prettier-ignore-end -->', '');
	return out.join('\n');
}

/** The generated sections of docs/methodology.md by marker name. */
export function generatedSections(bank: QuestionBank = CURRENT_BANK): Record<string, string> {
	return {
		weights: weightsSection(bank),
		figures: figuresSection(bank),
		norm: normSection(bank),
		adversarial: adversarialSection()
	};
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
		writeFileSync('docs/frameworks.md', frameworksDocument());
		console.log(`updated ${path} and docs/frameworks.md`);
	} else for (const [name, body] of Object.entries(sections)) console.log(`<!-- ${name} -->\n${body}\n`);
}
