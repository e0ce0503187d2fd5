import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

import { createHTTPHandler } from '@trpc/server/adapters/standalone';

import { appRouter } from '@zonedeck/api';

import { createConsoleRelay } from './console/consoleRelay.js';
import { createRequestContext, sessionOf, type ContextDeps } from './context.js';

/** The web app's handlers (Next.js); absent in tests that exercise only the API. */
export interface WebHandlers {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
  /** Next's own upgrades (dev-mode HMR). */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> | void;
}

const TRPC_PREFIX = '/api/trpc';
const CONSOLE_PATH = '/api/console';

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** One HTTP server, one port: tRPC at /api/trpc, consoles at /api/console, the web app for the rest. */
export function createAppServer(deps: ContextDeps, web: WebHandlers | null) {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: `${TRPC_PREFIX}/`,
    maxBodySize: 1 << 20,
    createContext: ({ req, res }) => createRequestContext(req, res, deps),
  });
  const consoles = createConsoleRelay({
    sessionOf: (req) => sessionOf(req, deps),
    tickets: deps.consoles,
    hosts: deps.hosts,
    audit: deps.audit,
  });

  const server = http.createServer((req, res) => {
    const path = pathOf(req);
    if (path === TRPC_PREFIX || path.startsWith(`${TRPC_PREFIX}/`)) {
      trpc(req, res);
      return;
    }
    if (path.startsWith('/api/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    if (!web) {
      res.writeHead(404).end();
      return;
    }
    Promise.resolve(web.handle(req, res)).catch((err: unknown) => {
      console.error('web handler failed', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

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
