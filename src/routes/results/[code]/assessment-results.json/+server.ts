import { oscalResponse } from '$lib/server/oscal-export';
import type { RequestHandler } from './$types';

/** The result as OSCAL Assessment Results: a finding per practice question (docs/formats.md); a self-assessment. */
export const GET: RequestHandler = ({ params, url }) => oscalResponse(params.code, 'assessment-results', url.origin);
