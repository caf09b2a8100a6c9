import { oscalResponse } from '$lib/server/oscal-export';
import type { RequestHandler } from './$types';

/** The result as OSCAL Plan of Action and Milestones: its plan (docs/formats.md); a self-assessment. */
export const GET: RequestHandler = ({ params, url }) => oscalResponse(params.code, 'poam', url.origin);
