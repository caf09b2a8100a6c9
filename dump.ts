import { writeFileSync, mkdirSync } from 'node:fs';
import { BANK_V2, CURRENT_BANK } from './scoring/bank';
import { presentResult } from './scoring/present';
import { score } from './scoring/score';
import { buildReportPdf } from './src/lib/report/pdf-node';
import { CUSTOM_SAMPLE, PROFILES } from './tests/fixtures/profiles';
mkdirSync('/tmp/pdfs', { recursive: true });
for (const [i, p] of PROFILES.entries()) {
	const result = score(BANK_V2, p.answers);
	const view = presentResult({ bank: BANK_V2, answers: p.answers, result, current: CURRENT_BANK, custom: p.custom ? CUSTOM_SAMPLE() : null, organisation: p.organisation ?? null });
	const bytes = await buildReportPdf({ view, generatedAt: new Date(), methodologyUrl: 'https://readiness.example/methodology' });
	writeFileSync(`/tmp/pdfs/p${i}.pdf`, bytes);
}
