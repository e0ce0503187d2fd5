import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';

import { createHTTPHandler } from '@trpc/server/adapters/standalone';

import { appRouter } from '@zonedeck/api';

import { createConsoleRelay } from './console/consoleRelay.js';
import { createRequestContext, sessionOf, type ContextDeps } from './context.js';
import { csrfRefusal } from './http/csrfGuard.js';
import { applySecurityHeaders, shareNonceWithNext } from './http/securityHeaders.js';
import {
  DEFAULT_SERVER_LIMITS,
  MAX_BODY_BYTES,
  serverOptionsOf,
  type ServerLimits,
} from './http/serverLimits.js';

/** The web app's handlers (Next.js); absent in tests that exercise only the API. */
export interface WebHandlers {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
  /** Next's own upgrades (dev-mode HMR). */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> | void;
}

export interface AppServerOptions {
  /** PEM certificate and key: serve HTTPS (and wss) instead of HTTP on the same port. */
  tls?: { cert: Buffer; key: Buffer } | null;
  /** `next dev` (loosens the CSP for React's dev build). */
  dev?: boolean;
  limits?: ServerLimits;
}

const TRPC_PREFIX = '/api/trpc';
const CONSOLE_PATH = '/api/console';

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${reason}\n`);
}

/** One server, one port: tRPC at /api/trpc, consoles at /api/console, the web app for the rest. */
export function createAppServer(deps: ContextDeps, web: WebHandlers | null, options: AppServerOptions = {}) {
  const tls = options.tls ?? null;
  const headerOptions = { tls: tls !== null, dev: options.dev ?? false };
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: `${TRPC_PREFIX}/`,
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req, res }) => createRequestContext(req, res, deps),
  });
  const consoles = createConsoleRelay({
    sessionOf: (req) => sessionOf(req, deps),
    tickets: deps.consoles,
    hosts: deps.hosts,
    audit: deps.audit,
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const csp = applySecurityHeaders(res, headerOptions);
    const path = pathOf(req);
    if (path === TRPC_PREFIX || path.startsWith(`${TRPC_PREFIX}/`)) {
      const refusal = csrfRefusal(req);
      if (refusal) {
        refuse(res, 403, refusal);
        return;
      }
      trpc(req, res);
      return;
    }
    if (path.startsWith('/api/')) {
      refuse(res, 404, 'not found');
      return;
    }
    if (!web) {
      res.writeHead(404).end();
      return;
    }
    shareNonceWithNext(req, csp);
    Promise.resolve(web.handle(req, res)).catch((err: unknown) => {
      console.error('web handler failed', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  const serverOptions = serverOptionsOf(options.limits ?? DEFAULT_SERVER_LIMITS);
  const server = tls
    ? https.createServer({ ...serverOptions, cert: tls.cert, key: tls.key }, onRequest)
    : http.createServer(serverOptions, onRequest);
  server.keepAliveTimeout = serverOptions.keepAliveTimeout;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathOf(req) === CONSOLE_PATH) {
      consoles.handleUpgrade(req, socket, head);
    } else if (web?.upgrade) {
      void web.upgrade(req, socket, head);
    } else {
      socket.destroy();
    }
  });

  return {
    server,
    async close(): Promise<void> {
      consoles.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
