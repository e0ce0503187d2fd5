/**
 * One byte stream to a console endpoint, three ways: through ZoneDeck's relay (a ticket per
 * link, as the browser gets it), through a plain WebSocket relay (websockify or the bare Node
 * relay; subprotocol `binary`, as noVNC uses it) and directly (the unix socket or the PTY). The benchmark's cases only see `Link`.
 */
import { connect } from 'node:net';

import WebSocket from 'ws';

import type { ConsoleKind } from '@zonedeck/api/schemas';
import type { PtySession } from '@zonedeck/smartos';

export interface Link {
  /** Sends bytes; resolves once the link can take more (backpressure). */
  write(bytes: Buffer): Promise<void>;
  onData(listener: (chunk: Buffer) => void): void;
  /** Stops reading from the kernel (a client that stops reading). */
  pauseReading(): void;
  close(): Promise<void>;
}

/** What a relay link needs: the server, a signed-in cookie. */
export interface RelayAccess {
  url: string;
  cookie: string;
}

/** The header every tRPC mutation needs (apps/bff/src/http/csrfGuard.ts). */
const CSRF = { 'x-zonedeck-csrf': '1' };

export async function login(url: string, password: string): Promise<RelayAccess> {
  const res = await fetch(`${url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, ...CSRF },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (res.status !== 200) throw new Error(`login: HTTP ${res.status}`);
  return { url, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

async function ticketPath(access: RelayAccess, uuid: string, kind: ConsoleKind): Promise<string> {
  const res = await fetch(`${access.url}/api/trpc/console.createTicket`, {
    method: 'POST',
    headers: { cookie: access.cookie, 'content-type': 'application/json', origin: access.url, ...CSRF },
    body: JSON.stringify({ hostId: 'sim', uuid, kind }),
  });
  const body = (await res.json()) as { result?: { data: { path: string } }; error?: { message: string } };
  if (!body.result) throw new Error(`console.createTicket: ${body.error?.message ?? res.status}`);
  return body.result.data.path;
}

/** Bytes in flight on a WebSocket before `write` waits for send callbacks. */
const WS_WRITE_WINDOW = 1 << 20;

function wsLink(ws: WebSocket, onBinary: (listener: (chunk: Buffer) => void) => void): Link {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  ws.on('error', () => undefined);
  return {
    async write(bytes) {
      inFlight += bytes.length;
      ws.send(bytes, { binary: true }, () => {
        inFlight -= bytes.length;
        if (inFlight < WS_WRITE_WINDOW / 2) wake?.();
      });
      if (inFlight >= WS_WRITE_WINDOW) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    },
    onData: onBinary,
    pauseReading: () => ws.pause(),
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.terminate();
      }),
  };
}

function openWs(url: string, headers: Record<string, string>): Promise<WebSocket> {
  const ws = new WebSocket(url, ['binary'], { headers, perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/**
 * A console through the relay. Terminal kinds ack every `ackEvery` bytes received, as the
 * browser does once xterm.js has written them (docs/consoleProtocol.md#flow-control).
 */
export async function relayLink(
  access: RelayAccess,
  uuid: string,
  kind: ConsoleKind,
  ackEvery = 16 * 1024,
): Promise<Link> {
  const path = await ticketPath(access, uuid, kind);
  const ws = await openWs(`${access.url.replace('http', 'ws')}${path}`, {
    origin: access.url,
    cookie: access.cookie,
  });
  const listeners: ((chunk: Buffer) => void)[] = [];
  let unacked = 0;
  const ready = new Promise<void>((resolve, reject) => {
    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) {
        const msg = JSON.parse(data.toString('utf8')) as { type: string; reason?: string };
        if (msg.type === 'ready') resolve();
        if (msg.type === 'closed') reject(new Error(msg.reason));
        return;
      }
      for (const l of listeners) l(data);
      if (kind !== 'vnc') {
        unacked += data.length;
        if (unacked >= ackEvery) {
          ws.send(JSON.stringify({ type: 'ack', bytes: unacked }));
          unacked = 0;
        }
      }
    });
  });
  await ready;
  return wsLink(ws, (l) => listeners.push(l));
}

/** A plain WebSocket relay (websockify, the bare relay): subprotocol `binary`, no tickets. */
export async function websocketLink(port: number): Promise<Link> {
  const ws = await openWs(`ws://127.0.0.1:${port}/`, {});
  return wsLink(ws, (l) => void ws.on('message', (data: Buffer, isBinary) => isBinary && l(data)));
}

export async function directLink(socketPath: string): Promise<Link> {
  const socket = connect(socketPath);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  return {
    async write(bytes) {
      if (!socket.write(bytes)) await new Promise((resolve) => socket.once('drain', resolve));
    },
    onData: (l) => void socket.on('data', l),
    pauseReading: () => void socket.pause(),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        socket.once('close', () => resolve());
        socket.destroy();
      }),
  };
}

/** A command's PTY read in this process (the floor a terminal relay is measured against). */
export function ptyLink(pty: PtySession): Link {
  return {
    write(bytes) {
      pty.write(bytes);
      return Promise.resolve();
    },
    onData: (l) => void pty.onData(l),
    pauseReading: () => pty.pause(),
    close: async () => {
      const exited = new Promise<void>((resolve) => pty.onExit(() => resolve()));
      pty.kill();
      await exited;
    },
  };
}
