/**
 * Generates the model-dependent sections of docs/methodology.md (questions and weights, survey figure links, the
 * norming with its bootstrap and sensitivity table, the golden set, the cheapest path to Pioneer) and the whole of
 * docs/frameworks.md from the code, so neither document can drift from the model.
 *   npx tsx src/cli/methodology-table.ts          print the sections
 *   npx tsx src/cli/methodology-table.ts --write  rewrite them in place (also: npm run docs)
 * tests/docs/methodology.test.ts fails when a document is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SURVEY_2026, sourceLabel, tierShares, wilson, type Benchmark } from '$scoring/content/survey';
import { CURRENT_BANK } from '$scoring/content/banks/index';
import { FRAMEWORKS, frameworkOf, frameworkReference } from '$scoring/content/frameworks';
import { MAPPING_NOT_CONFORMANCE } from '$scoring/present/result-labels';
import { GOLDEN_V3 } from '$scoring/content/golden/v3';
import { BLIND_REVIEW_V3 } from '$scoring/content/golden/v3-blind-review';
import { score } from '$scoring/model/v3/score';
import { CUTOFFS, GROUP_ORDER, MARGINS, CONTROL_WEIGHTS } from '$scoring/model/v3/tiers';
import { cheapestPathToPioneer } from '$scoring/norm/cheapest';
import {
	borderlineShare,
	candidateShare,
	fittedMargins,
	groupProfileCheck,
	liftsFalseShares,
	measurePopulation,
	parametricBootstrap,
	sensitivityTable,
	sharesOf
} from '$scoring/norm/fit';
import { SIMULATION, questionTargets, simulatePopulation } from '$scoring/norm/simulate';
import { TIER_LABELS } from '$scoring/present/labels';
import { DIMENSION_IDS, type QuestionBank } from '$scoring/schema';

/** The documented norming runs at these sizes (`npm run norm` runs the full 20,000 and 120 resamples). */
export const DOC_NORM = { size: 6000, bootstrap: 30, bootstrapSize: 1500, sensitivity: 1500, plans: 300 } as const;

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
				? 'use: AI adoption (context), and AI-driven change in exposure'
				: id === 'risk_exposure'
					? `practice: the guards, ${CONTROL_WEIGHTS[id] * 100} % of foundations; outcomes raise exposure`
					: `practice: ${CONTROL_WEIGHTS[id] * 100} % of foundations; Pioneer floor ${CUTOFFS.floor}`;
		out.push(`#### ${dimension?.label ?? id} (\`${id}\`; ${role})`, '');
		if (dimension) out.push(dimension.description, '');
		out.push(
			'| question | kind | weight | share | option scores (weakest → strongest; **critical** in bold, _weak guard_ in italics, ⚠ severe, → the level a step reaches) | in use / detected by |',
			'|---|---|---|---|---|---|'
		);
		for (const q of questions) {
			const part = questions.filter((x) => x.kind === q.kind);
			const total = part.reduce((s, x) => s + (x.weight ?? 0), 0);
			const options = q.options
				.map((o) => {
					const text = `${o.id} ${o.score}${o.reaches ? ` → ${o.reaches}` : ''}${o.severe ? ' ⚠' : ''}`;
					return o.critical ? `**${text}**` : o.weakGuard ? `_${text}_` : text;
				})
				.join(' · ');
			const asked = q.inUseUnless
				? `in use unless \`${q.inUseUnless.question}\` is ${q.inUseUnless.answers.join(' or ')}`
				: q.detectedBy
					? `detected by \`${q.detectedBy.question}\` ≥ ${q.detectedBy.atLeast}`
					: '';
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
	const unlinked = benchmark.figures.filter((f) => !linked.has(f.id) && f.base === 'all');
	out.push(
		'',
		`Figures no question is tied to (context only, never a target): ${unlinked.map((f) => `\`${f.id}\``).join(', ')}.`
	);
	return out.join('\n');
}

/** The norming: shares and the reported miss, targets, checks, bootstrap, sensitivity, borderline and lifts shares. */
export function normSection(bank: QuestionBank, benchmark: Benchmark = SURVEY_2026): string {
	const population = simulatePopulation(bank, benchmark, { ...SIMULATION, size: DOC_NORM.size });
	const measured = measurePopulation(bank, population);
	const axes = measured.map((x) => x.axes);
	const shares = sharesOf(axes, CUTOFFS);
	const survey = tierShares(benchmark);
	const boot = parametricBootstrap(bank, DOC_NORM.bootstrap, DOC_NORM.bootstrapSize, benchmark);
	const margins = fittedMargins(boot);
	const rows = sensitivityTable(bank, measured, DOC_NORM.sensitivity);
	const lifts = liftsFalseShares(bank, measured, DOC_NORM.plans);
	const c = CUTOFFS;
	const out = [
		`Simulation: ${DOC_NORM.size} organisations for this document (\`npm run norm\` runs ${SIMULATION.size}), seed ${SIMULATION.seed}; correlation(adoption, control) ${SIMULATION.correlation}; each control dimension's factor correlates ${SIMULATION.dimensionCorrelation} with the common factor; loading ${SIMULATION.loading}; outcomes follow control less ${SIMULATION.outcomeUseWeight} × adoption; findings missed without detection ${SIMULATION.missedWhenNotLooking * 100} % (less where a figure leaves no room); severe outcomes at ${SIMULATION.severeScale} of an even spread; bank \`${bank.id}\` ${bank.version}.`,
		'',
		`Shipped cut-offs: use floor ${c.useFloor}, floors ${c.floor}, severe exposure ${c.exposureSevere} and ${c.criticalWeight} points per open critical gap in use (up to 3) fixed by argument; robust foundations ≥ ${c.controlHigh}, weak foundations < ${c.controlLow}, deep use ≥ ${c.useDeep} fitted.`,
		'',
		`**Group shares.** Pioneer candidates — organisations meeting every Pioneer condition but robust foundations — are ${candidateShare(axes)} % of the simulated population.`,
		'',
		'| group | simulated | survey (95 % interval, n = 406) | difference |',
		'|---|---|---|---|',
		...GROUP_ORDER.map((t) => {
			const w = wilson(survey[t] / 100, benchmark.sample);
			return `| ${TIER_LABELS[t]} | ${pct(shares[t])} | ${pct(survey[t])} (${w.low}–${w.high} %) | ${signed(shares[t] - survey[t])} |`;
		}),
		'',
		'**Targets** — every published all-respondent figure a question is tied to:',
		'',
		'| question | figure | published | simulated |',
		'|---|---|---|---|',
		...bank.questions.flatMap((q) =>
			questionTargets(q, benchmark)
				.filter((t) => t.basis !== 'confidence')
				.map((t) => {
					const simulated =
						(population.filter((o) => t.matches.includes(o.answers[q.id] ?? '')).length / population.length) * 100;
					return `| \`${q.id}\` | \`${t.basis}\` | ${pct(t.share)} | ${pct(Math.round(simulated * 10) / 10)} |`;
				})
		),
		'',
		'**Group-profile checks** — the survey’s group profiles, reported beside the fit and never tuned to:',
		'',
		'| survey group figure | survey | simulated | gap | read from |',
		'|---|---|---|---|---|',
		...groupProfileCheck(measured, CUTOFFS, benchmark).map(
			(ch) =>
				`| ${TIER_LABELS[ch.group]}: ${cell(ch.statement)} | ${pct(ch.published)} | ${ch.simulated === null ? 'n/a' : pct(ch.simulated)} | ${ch.simulated === null ? '—' : signed(ch.simulated - ch.published)} | ${cell(ch.how)} |`
		),
		'',
		`**Parametric bootstrap over the survey’s sampling error** — ${boot.samples} resampled surveys (every figure redrawn as Binomial(406, p) / 406, the group shares as Multinomial(406)), ${boot.size} organisations each, cut-offs refitted to the redrawn shares; 5th–95th percentile: robust foundations ${boot.cutoffs.controlHigh.low}–${boot.cutoffs.controlHigh.high}, weak foundations ${boot.cutoffs.controlLow.low}–${boot.cutoffs.controlLow.high}, deep use ${boot.cutoffs.useDeep.low}–${boot.cutoffs.useDeep.high}. Margins from this run: ±${margins.controlHigh}, ±${margins.controlLow}, ±${margins.useDeep} (shipped, from the full run: ±${MARGINS.controlHigh}, ±${MARGINS.controlLow}, ±${MARGINS.useDeep}). Fixed cut-offs carry the rubric range ±5: use floor ±${MARGINS.useFloor}, floors ±${MARGINS.floor}, severe exposure ±${MARGINS.exposureSevere}.`,
		'',
		`**Borderline results:** ${borderlineShare(axes, CUTOFFS)} % of placed results are within a margin of a cut-off that decides their group.`,
		'',
		`**Plans that cannot reach the next group in five changes** (\`lifts: false\`, first ${DOC_NORM.plans} simulated organisations): ${GROUP_ORDER.filter(
			(t) => lifts[t]
		)
			.map((t) => `${TIER_LABELS[t]} ${pct(lifts[t]!.liftsFalse)} of ${lifts[t]!.n}`)
			.join('; ')}.`,
		'',
		`**Sensitivity** — one change at a time: the cut-offs a refit chooses and the shares under the shipped cut-offs. Assumption rows re-simulate ${DOC_NORM.sensitivity} organisations; rubric rows re-score the baseline population.`,
		'',
		'| kind | what | value | robust | weak | deep | Pioneer | Outpacing | Fragmented | Exposed | candidates |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
		...rows.map(
			(r) =>
				`| ${r.group} | ${cell(r.assumption)} | ${cell(r.value)} | ${r.refit.controlHigh} | ${r.refit.controlLow} | ${r.refit.useDeep} | ${GROUP_ORDER.map((t) => pct(r.shares[t])).join(' | ')} | ${pct(r.candidates)} |`
		)
	];
	return out.join('\n');
}

/** The golden set: each archetype with what the model says of it. */
export function goldenSection(bank: QuestionBank = CURRENT_BANK): string {
	const out = [
		'| archetype | who | group | deciding rule | foundations · adoption · exposure | gaps, weak guards, findings | first steps (→ target) |',
		'|---|---|---|---|---|---|---|'
	];
	for (const g of GOLDEN_V3) {
		const r = score(bank, g.answers);
		const marks = [
			...r.criticalGaps.map((x) => `gap \`${x}\``),
			...r.weakGuards.map((x) => `weak \`${x.questionId}\``),
			...r.criticalFindings.map((x) => `finding \`${x.questionId}\`${x.fixed ? ' (fixed)' : ''}`)
		];
		const steps = (r.liftPlan?.changes ?? []).slice(0, 3).map((c) => `\`${c.questionId}\` → ${c.to}`);
		out.push(
			`| ${cell(g.name)} | ${cell(g.who)} | ${r.tier ? TIER_LABELS[r.tier] : 'not placed'} | \`${r.rule}\` | ${r.control} · ${r.use} · ${r.exposure} | ${marks.join(', ') || '—'} | ${steps.join('; ') || '—'}${r.liftPlan ? (r.liftPlan.lifts ? ' (lifts)' : ' (first steps)') : ''} |`
		);
	}
	return out.join('\n');
}

/** The blind reviewer's archetypes: what the reviewer expected, what the model says, and where we decided otherwise. */
export function reviewSection(bank: QuestionBank = CURRENT_BANK): string {
	const out = [
		'| archetype | the reviewer expected | the model says | where we decided otherwise |',
		'|---|---|---|---|'
	];
	for (const g of BLIND_REVIEW_V3) {
		const r = score(bank, g.answers);
		const says = `${r.tier ? TIER_LABELS[r.tier] : 'not placed'} (\`${r.rule}\`)${r.context ? `, ${r.context.replace(/_/g, ' ')}` : ''}${r.provisional ? ', provisional' : ''}`;
		out.push(
			`| ${cell(g.name)} | ${cell(g.reviewer.group)} | ${says} | ${cell(g.history.map((h) => h.reason).join(' ')) || '—'} |`
		);
	}
	return out.join('\n');
}

/** The cheapest path to Pioneer, as the search finds it. */
export function cheapestSection(bank: QuestionBank = CURRENT_BANK): string {
	const path = cheapestPathToPioneer(bank);
	const m = path.measurement;
	const practice = bank.questions.filter((q) => q.kind === 'practice').length;
	const out = [
		`The search reaches **${m.tier ? TIER_LABELS[m.tier] : 'no group'}** with ${path.levels} levels raised on ${path.raised.length} of ${practice} practice questions (${path.raised.filter((x) => x.top).length} of them to the top), every practice question answered: foundations ${m.control} (robust ≥ ${CUTOFFS.controlHigh}); governance ${m.axes.floors.governance}, automation ${m.axes.floors.automation}, platform ${m.axes.floors.platform} (floors ${CUTOFFS.floor}); no critical gap and no weak guard (every other question at its weakest level that is neither); no AI in use, nothing found, and every practice that would detect a severe outcome at the level that counts as looking. Leaving ${Math.floor(practice * 0.2)} of the non-guard questions unanswered would still be at least 80 % answered, but could only lower foundations.`,
		'',
		'| question | answer on the cheapest path |',
		'|---|---|',
		...path.raised.map((x) => {
			const q = bank.questions.find((y) => y.id === x.questionId)!;
			return `| \`${x.questionId}\` ${cell(q.text)} | ${cell(q.options.find((o) => o.id === x.optionId)!.label)}${x.top ? ' (top)' : ''} |`;
		})
	];
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
		`**${MAPPING_NOT_CONFORMANCE}.** Each practice question of bank ${bank.version} names the framework items it relates to, so a reader can go from an answer to the text that asks for the same practice. Answering a question well does not make an organisation conformant with, certified against or compliant with any of them. Every identifier below was checked against the framework’s own text, except the paywalled ISO/IEC 42001:2023 and ISO/IEC 27001:2022, whose control numbers and titles were checked against public listings, and the OWASP Top 10 for Agentic Applications, checked against OWASP’s own GenAI project repository rather than the published document. No framework has a control for telling AI-assisted changes apart; the one reference on tracking AI-generated volume is about content provenance.`,
		'',
		'The EU AI Act is cited only where an article applies to organisations using AI tools in engineering: Article 4 (AI literacy) applies to providers and deployers of any AI system. Articles for high-risk systems (for example 12, 14, 26, 73) are not mapped, because infrastructure tooling is normally not a high-risk system; check Annex III point 2 (critical digital infrastructure) if AI is a safety component of yours.',
		'',
		'NIS2 (Directive (EU) 2022/2555) is cited by the measure an answer bears on: Article 20(1) (management bodies approve and oversee), the points of Article 21(2) (the minimum cybersecurity risk-management measures) and Article 23(4) (incident reporting deadlines). It binds essential and important entities through each Member State’s law, which may add to it, and Commission Implementing Regulation (EU) 2024/2690 sets technical requirements for some digital providers; neither is mapped here. An AI tool or agent is one more way to change network and information systems, so the measures apply to it as to any other.',
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

/** docs/survey.md: every survey figure the product may show, with who it is of and its source. */
export function surveyDocument(benchmark: Benchmark = SURVEY_2026): string {
	const group = (base: string) =>
		base === 'all' ? 'all respondents' : `${TIER_LABELS[base as keyof typeof TIER_LABELS]} organisations`;
	return [
		'# The survey benchmark',
		'',
		`Generated from \`scoring/content/survey.ts\` by \`npm run docs\`; \`tests/docs/methodology.test.ts\` fails when it is out of date. Every figure any surface shows comes from this list and is shown with its source.`,
		'',
		`**${benchmark.name}.** ${benchmark.sample} ${benchmark.population}; fielded ${benchmark.fielded}, published ${benchmark.published}. The survey did not publish its method, weights or cut-offs; group descriptions other than the figures are paraphrases of the sources.`,
		'',
		'## Sources',
		'',
		...benchmark.sources.map((s) => `- \`${s.id}\`: ${s.label}, ${s.date}${s.url ? `, <${s.url}>` : ''}`),
		'',
		'## Groups',
		'',
		'| group | share of respondents | description |',
		'|---|---|---|',
		...GROUP_ORDER.map((t) => {
			const tier = benchmark.tiers.find((x) => x.id === t)!;
			return `| ${tier.label} | ${pct(tier.share)} | ${cell(tier.summary)} |`;
		}),
		'',
		'## Figures',
		'',
		'| id | share | of | statement | source |',
		'|---|---|---|---|---|',
		...benchmark.figures.map(
			(f) =>
				`| \`${f.id}\` | ${pct(f.share)} | ${group(f.base)} | ${cell(f.statement)} | ${cell(sourceLabel(benchmark, f))} |`
		),
		''
	].join('\n');
}

/** The generated sections of docs/methodology.md by marker name. */
export function generatedSections(bank: QuestionBank = CURRENT_BANK, { norm = true } = {}): Record<string, string> {
	return {
		weights: weightsSection(bank),
		figures: figuresSection(bank),
		...(norm ? { norm: normSection(bank) } : {}),
		golden: goldenSection(bank),
		review: reviewSection(bank),
		cheapest: cheapestSection(bank)
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
		writeFileSync('docs/survey.md', surveyDocument());
		console.log(`updated ${path}, docs/frameworks.md and docs/survey.md`);
	} else for (const [name, body] of Object.entries(sections)) console.log(`<!-- ${name} -->\n${body}\n`);
}
