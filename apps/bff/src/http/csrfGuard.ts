import type { IncomingMessage } from 'node:http';

import { fetchSiteOf, isCrossSite, isSameOrigin } from './origin.js';

/**
 * The header the web app's tRPC links send with every request. A cross-site form or `fetch` in
 * `no-cors` mode cannot set it, and setting it from another origin needs a CORS preflight this
 * server never answers.
 */
export const CSRF_HEADER = 'x-zonedeck-csrf';
export const CSRF_HEADER_VALUE = '1';

/** Methods that never change anything: tRPC maps queries and subscriptions to GET. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Why a tRPC request is refused (403), or null to let it through.
 *
 * Mutations (every non-GET: tRPC answers only POST for them) need all of: a JSON body, the
 * custom header, and proof the page is ours: an Origin naming this host or, without Origin,
 * `Sec-Fetch-Site: same-origin`. That refuses HTML forms (they cannot send JSON or the header),
 * cross-site `fetch`, and scripts that send no browser headers at all. Queries and subscriptions
 * (GET, SSE) stay readable by plain clients but are refused when the browser says another site
 * asked.
 */
export function csrfRefusal(req: IncomingMessage): string | null {
  const method = (req.method ?? 'GET').toUpperCase();
  if (SAFE_METHODS.has(method)) {
    return isCrossSite(req) ? 'cross-site request' : null;
  }
  if (mediaTypeOf(req) !== 'application/json') return 'mutations need Content-Type: application/json';
  if (req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) return `mutations need the ${CSRF_HEADER} header`;
  if (req.headers.origin !== undefined) {
    return isSameOrigin(req) ? null : 'cross-origin request';
  }
  return fetchSiteOf(req) === 'same-origin' ? null : 'mutations need a same-origin Origin or Sec-Fetch-Site';
}
