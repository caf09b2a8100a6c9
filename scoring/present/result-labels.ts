/**
 * The result surfaces' headings and button labels, dependency-free (like `./team-labels`), so the results page and
 * its components import them directly and the browser loads nothing of the model for them.
 */

/** What a framework reference is: said beside every list of references, on the page, in the PDF and in OSCAL. */
export const MAPPING_NOT_CONFORMANCE = 'Mapping, not conformance';

/** Every heading and button label the result surfaces show, once. */
export const RESULT_LABELS = Object.freeze({
	eyebrow: 'Your result',
	why: 'Why this group',
	whyNone: 'Why no group yet',
	picture: 'Where you stand',
	pictureTable: 'Where you stand, as a table',
	criticalGaps: 'Critical gaps and severe findings',
	criticalGapsLead: 'These keep you out of Pioneer whatever else is true. Close them first.',
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
	methodologyNote:
		'Every weight, rule, cut-off and the norming against the survey are published on the methodology page. The group is our model’s reading of your foundations; AI adoption is shown beside it and never decides it. Framework references are a mapping, not conformance. Typical group profiles on the radar are modelled from the norming simulation, not survey data.'
});
