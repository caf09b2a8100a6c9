/**
 * The result surfaces' headings and button labels, dependency-free (like `./team-labels`), so the results page and
 * its components import them directly and the browser loads nothing of the model for them.
 */

/** What a framework reference is: said beside every list of references, on the page, in the PDF and in OSCAL. */
export const MAPPING_NOT_CONFORMANCE = 'Mapping, not conformance';

/**
 * What AI adoption does and does not decide, in one sentence for every surface that says it (the landing page, the
 * report's methodology note, the CSV's label): adoption is context; it tells the two middle groups apart and is a
 * condition of Exposed, but it never moves a result into or out of Pioneer (scoring/model/v3/tiers.ts).
 */
export const ADOPTION_ROLE =
	'How much you use AI never moves a result into or out of Pioneer, and using more is never the way up: it tells Outpacing (deep adoption ahead of the foundations) from Fragmented, and Exposed needs AI in real use.';

/** Why confidence in AI integration is shown without a gap, on a person's result and on a team's. */
export const ADOPTION_CONFIDENCE_NOT_COMPARED =
	'it is not compared with a practice score: this dimension measures how much AI is used, which is context, and using more is never the advice';

/** Every heading and button label the result surfaces show, once. */
export const RESULT_LABELS = Object.freeze({
	eyebrow: 'Your result',
	why: 'Why this group',
	whyNone: 'Why no group yet',
	picture: 'Where you stand',
	pictureTable: 'Where you stand, as a table',
	criticalGaps: 'Critical gaps, weak guards and severe findings',
	criticalGapsLead: 'These keep you out of Pioneer whatever else is true. Close them first.',
	/** What each line of that list is, said before it on the page and in the PDF. */
	gapKinds: {
		critical_gap: 'Critical gap',
		severe_finding: 'Severe finding',
		weak_guard: 'Weak guard',
		not_ruled_out: 'Not ruled out'
	},
	/** Under every table of confidence against practice. */
	practiceNote:
		'Practice is the dimension’s score as it enters the index (for risk exposure, 100 − exposure). A gap of + means your confidence is higher than the evidence.',
	/** A lift plan's change: "From “…” to “…”". */
	liftFrom: 'From',
	liftTo: 'to',
	notRuledOut: 'Not ruled out',
	gapsInDetail: 'Gaps, findings and what is not ruled out, in detail',
	unanswered: 'Unanswered questions',
	topActions: 'Your first three actions',
	plan: 'Your 30 / 60 / 90-day plan',
	appendix: 'More steps, after the plan',
	lift: 'What would move you',
	scores: 'Your scores',
	survey: 'You against the survey',
	practices: 'Your practices against the survey’s figures',
	confidence: 'Confidence against practice',
	since: 'Since last time',
	/** The table of scores then and now, where a result is set beside an earlier one (results page, workspace). */
	sinceTable: {
		caption: 'Scores then and now, 0–100',
		dimension: 'Dimension',
		then: 'Then',
		now: 'Now',
		change: 'Change'
	},
	sinceAnswers: 'Answers that changed',
	sinceAnswersQuestion: 'Question',
	consultant: 'For consultants: compare with your own benchmark',
	keep: 'Keep, share or change these results',
	download: 'Download',
	downloadPdf: 'Download PDF',
	downloadCsv: 'Download CSV',
	share: 'Share',
	editAnswers: 'Edit answers',
	retake: 'Retake, starting from my last answers',
	retired: 'An earlier version of the questions',
	retireRetake: 'Retake on the current questions, starting from these answers',
	methodology: 'How this was worked out',
	frameworks: MAPPING_NOT_CONFORMANCE,
	modelled: 'modelled, not survey data',
	executiveSummary: 'Executive summary',
	critical: 'Critical',
	youAreHere: 'you are here',
	lowerIsBetter: 'lower is better',
	columns: {
		group: 'Group',
		share: 'Share',
		practice: 'Your practice',
		verdict: 'Against most',
		survey: 'Survey',
		dimension: 'Dimension',
		score: 'Score',
		answered: 'Answered',
		confidence: 'Confidence',
		evidence: 'Practice',
		gap: 'Gap',
		figure: 'Figure',
		value: 'Value'
	},
	coverTitle: 'Readiness for AI-driven change',
	methodologyNote: `Every weight, rule, cut-off and the norming against the survey are published on the methodology page. The group is our model’s reading of your foundations. ${ADOPTION_ROLE} Framework references are a mapping, not conformance. Typical group profiles on the radar are modelled from the norming simulation, not survey data.`
});
