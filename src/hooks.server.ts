import { dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { csrfGuard } from '$lib/server/csrf';
import { reportServerError } from '$lib/server/errors';
import { installNodeSecurityHeaders, securityHeaders } from '$lib/server/security';

// Outside dev, static files and prerendered pages bypass `handle`: cover them at the Node server.
if (!dev) installNodeSecurityHeaders();

// securityHeaders first, so the CSRF guard's 403 carries the headers too.
export const handle = sequence(securityHeaders, csrfGuard);

export const handleError = reportServerError;
