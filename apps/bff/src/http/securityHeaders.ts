import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SecurityHeaderOptions {
  /** Served over TLS: adds Strict-Transport-Security and upgrade-insecure-requests. */
  tls: boolean;
  /** `next dev`: React's dev build evaluates strings, so script-src also needs 'unsafe-eval'. */
  dev: boolean;
}

/**
 * The Content-Security-Policy of one response.
 *
 * - script-src: a fresh nonce per response with 'strict-dynamic'. Next's App Router emits inline
 *   scripts (the RSC payload) and loads chunks from scripts; it reads the nonce from the request's
 *   CSP header and puts it on every script it renders (see applySecurityHeaders). No 'self':
 *   'strict-dynamic' ignores it, and a file on our origin is not trusted for being there.
 * - style-src 'unsafe-inline': xterm.js 6 creates <style> elements at run time (its theme and
 *   dimensions; it has no nonce option) and sets `style` attributes on coloured cells; the meters
 *   and progress bars set inline widths. A nonce in style-src would switch 'unsafe-inline' off and
 *   break the terminal. Styles cannot run script; the text-only rendering keeps markup out.
 * - connect-src 'self': tRPC, SSE and the console WebSocket (CSP 3 'self' matches ws:/wss: on our
 *   host); img-src allows data:/blob: for noVNC's cursor and the app icon.
 */
export function contentSecurityPolicy(nonce: string, options: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.tls) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Browser features the console never uses, switched off for it and anything it could embed. */
const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'display-capture=()',
].join(', ');

/**
 * Sets the security headers on a response before anyone writes it (tRPC, Next, the 404s) and
 * returns the CSP. The caller hands Next the same policy as a request header, which is how Next
 * finds the nonce to put on its scripts (Next's documented nonce flow, done here instead of in a
 * Next proxy because the BFF owns the HTTP server).
 */
export function applySecurityHeaders(res: ServerResponse, options: SecurityHeaderOptions): string {
  const csp = contentSecurityPolicy(randomBytes(18).toString('base64'), options);
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  if (options.tls) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
  return csp;
}

/** Passes the response's policy to Next so the page it renders carries the nonce. */
export function shareNonceWithNext(req: IncomingMessage, csp: string): void {
  req.headers['content-security-policy'] = csp;
  delete req.headers['content-security-policy-report-only'];
}
