import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer } from 'ws';
import { z } from 'zod';

import type { SessionInfo } from '../auth/sessions.js';

/** Control messages a client may send on /api/console (text frames). Consoles come later. */
const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), id: z.number().int().optional() }),
]);

/** True when the request's Origin names the host it was sent to (a same-origin page). */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The console WebSocket endpoint. For now it accepts an authenticated, same-origin upgrade and
 * answers pings; VNC, serial and shell streams plug in here.
 */
export function createConsoleEndpoint(sessionOf: (req: IncomingMessage) => SessionInfo | null) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });

  wss.on('connection', (ws) => {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : Buffer.from(data).toString('utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        ws.close(1007, 'control messages are JSON');
        return;
      }
      const msg = ClientMessage.safeParse(parsed);
      if (!msg.success) {
        ws.close(1008, 'unknown control message');
        return;
      }
      ws.send(JSON.stringify({ type: 'pong', id: msg.data.id }));
    });
  });

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      if (!isSameOrigin(req)) return refuse(socket, 403, 'Forbidden');
      if (!sessionOf(req)) return refuse(socket, 401, 'Unauthorized');
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close(): void {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
