import type { IncomingMessage } from 'node:http';

/**
 * Same-origin checks for browser requests. The server's own origin is the Host the request was
 * sent to: a page served from this host sends that host in Origin, any other page its own.
 */

/** True when the request's Origin names the host it was sent to (a same-origin page). */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The request's `Sec-Fetch-Site`, lower-cased, or null when the browser sent none. */
export function fetchSiteOf(req: IncomingMessage): string | null {
  const site = req.headers['sec-fetch-site'];
  return typeof site === 'string' ? site.toLowerCase() : null;
}

/**
 * True when the browser says the request came from another site or origin: an Origin naming
 * another host, or `Sec-Fetch-Site` other than `same-origin` / `none` (typed in the address bar).
 * A request with neither header (curl, a script) is not cross-site by this test.
 */
export function isCrossSite(req: IncomingMessage): boolean {
  if (req.headers.origin !== undefined && !isSameOrigin(req)) return true;
  const site = fetchSiteOf(req);
  return site !== null && site !== 'same-origin' && site !== 'none';
}
