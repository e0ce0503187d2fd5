/**
 * The console relay behind `/api/console`: checks Origin, session and ticket before the
 * upgrade, opens the VM's console on its host through the adapter of the ticket's kind, and
 * pipes bytes both ways with flow control. The protocol is docs/consoleProtocol.md.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import type { HostsPort } from '@zonedeck/api';
import {
  CONSOLE_ACK_WINDOW,
  CONSOLE_SUBPROTOCOL,
  ConsoleClientMessage,
  type ConsoleServerMessage,
} from '@zonedeck/api/schemas';

import type { AuditRecord } from '../audit/auditLog.js';
import type { SessionInfo } from '../auth/sessions.js';
import { isSameOrigin } from '../http/origin.js';
import { MAX_CONSOLE_MESSAGE_BYTES } from '../http/serverLimits.js';
import { adapterFor } from './adapters.js';
import type { ConsoleSource, SourceEnd } from './consoleSource.js';
import type { ConsoleGrant, ConsoleTickets } from './consoleTickets.js';
import { AckWindow, BufferedWindow } from './flowControl.js';
import { OutputBatch } from './outputBatch.js';
import { ReadBuffers, type Release } from './readBuffers.js';

export interface ConsoleRelayDeps {
  sessionOf(req: IncomingMessage): SessionInfo | null;
  tickets: ConsoleTickets;
  hosts: HostsPort;
  audit: { record(r: AuditRecord): void };
  /** Server pings this often; a peer that has not answered a ping by the next one is terminated. */
  pingIntervalMs?: number;
  /** The terminal window (unacked bytes) above which the source pauses. */
  ackWindow?: number;
}

/** VNC: pause the guest's socket while more than this is waiting in the WebSocket's send buffer. */
const VNC_HIGH_WATER = 1 << 20;
const VNC_LOW_WATER = 256 << 10;
const INITIAL_COLS = 80;
const INITIAL_ROWS = 24;

function refuse(socket: Duplex, status: 401 | 403, reason: string): void {
  const text = status === 401 ? 'Unauthorized' : 'Forbidden';
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(reason) + 1}\r\n\r\n${reason}\n`,
  );
}

function ticketOf(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get('ticket');
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function bufferOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

interface Connection {
  ws: WebSocket;
  grant: ConsoleGrant;
}

export function createConsoleRelay(deps: ConsoleRelayDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CONSOLE_MESSAGE_BYTES,
    // Console bytes are mostly incompressible (RFB raw, terminal output acked in small windows).
    perMessageDeflate: false,
    // websockify's `binary` when offered (noVNC offers it); otherwise no subprotocol.
    handleProtocols: (offered) => (offered.has(CONSOLE_SUBPROTOCOL) ? CONSOLE_SUBPROTOCOL : false),
  });
  const pingIntervalMs = deps.pingIntervalMs ?? 15_000;
  const ackWindow = deps.ackWindow ?? CONSOLE_ACK_WINDOW;
  /** Open consoles per VM, for `viewers`. */
  const open = new Map<string, Set<Connection>>();
  /** Read buffers shared by every console's guest socket. */
  const buffers = new ReadBuffers();
  /** Buffers OutputBatch joins small chunks into: a join is at most 64 KiB plus one chunk. */
  const joinBuffers = new ReadBuffers(128 << 10);

  const vmKey = (g: ConsoleGrant) => `${g.hostId}/${g.uuid}`;

  function send(ws: WebSocket, msg: ConsoleServerMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  }

  function announceViewers(key: string): void {
    const conns = open.get(key);
    if (!conns) return;
    for (const conn of conns) {
      const users = [...conns].filter((c) => c !== conn).map((c) => c.grant.user.username);
      send(conn.ws, { type: 'viewers', users });
    }
  }

  function closeWith(ws: WebSocket, end: SourceEnd): void {
    send(ws, { type: 'closed', reason: end.reason, code: end.code });
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) {
      // Close reasons are limited to 123 bytes; the `closed` message carries the full text.
      ws.close(end.code, Buffer.from(end.reason).subarray(0, 120).toString());
    }
  }

  /** Pings every interval; a peer that has not answered the last ping by the next is gone (half-open). */
  function keepAlive(ws: WebSocket): () => void {
    let awaitingPong = false;
    ws.on('pong', () => (awaitingPong = false));
    const timer = setInterval(() => {
      if (awaitingPong) {
        ws.terminate();
        return;
      }
      awaitingPong = true;
      ws.ping();
    }, pingIntervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async function serve(ws: WebSocket, grant: ConsoleGrant): Promise<void> {
    // Nothing is read from the client until the source is there to take it.
    ws.pause();
    const stopPings = keepAlive(ws);
    const adapter = adapterFor(grant.kind);
    let source: ConsoleSource | null = null;
    let clientGone = false;
    const conn: Connection = { ws, grant };

    ws.on('close', () => {
      clientGone = true;
      stopPings();
      source?.close();
      const conns = open.get(vmKey(grant));
      if (conns?.delete(conn)) {
        if (conns.size === 0) open.delete(vmKey(grant));
        announceViewers(vmKey(grant));
      }
    });
    ws.on('error', () => ws.terminate());

    const audit = (result: AuditRecord['result'], detail: string | null) =>
      deps.audit.record({
        user: { id: grant.user.id, username: grant.user.username },
        action: `console.${grant.kind}`,
        hostId: grant.hostId,
        target: grant.uuid,
        args: { kind: grant.kind },
        result,
        detail,
      });

    try {
      const driver = deps.hosts.driver(grant.hostId);
      const endpoints = await driver.consoleEndpoints(grant.uuid);
      source = await adapter.open({
        transport: driver.transport,
        buffers,
        endpoints,
        cols: INITIAL_COLS,
        rows: INITIAL_ROWS,
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      audit('error', message);
      closeWith(ws, { reason: `could not open the ${grant.kind} console: ${message}`, code: 1011 });
      return;
    }
    if (clientGone) {
      source.close();
      return;
    }
    audit('ok', null);
    const src = source;

    send(ws, { type: 'ready', kind: grant.kind, vm: { uuid: grant.uuid, alias: grant.alias } });
    const key = vmKey(grant);
    const conns = open.get(key) ?? new Set<Connection>();
    conns.add(conn);
    open.set(key, conns);
    announceViewers(key);

    // Source → client, bounded, small chunks joined into fewer frames. A chunk's memory goes
    // back to the read buffers once the WebSocket has written it (or has closed).
    let onControl: (msg: ConsoleClientMessage) => void = () => undefined;
    let batch: OutputBatch;
    if (adapter.flow === 'ack') {
      const window = new AckWindow(ackWindow, src);
      batch = new OutputBatch(
        (chunk, release) => {
          ws.send(chunk, { binary: true }, release);
          window.sentBytes(chunk.length);
        },
        { joinBuffers },
      );
      onControl = (msg) => {
        if (msg.type === 'ack') window.ackedBytes(msg.bytes);
      };
    } else {
      const window = new BufferedWindow(VNC_HIGH_WATER, VNC_LOW_WATER, src);
      batch = new OutputBatch(
        (chunk, release: Release) => {
          ws.send(chunk, { binary: true }, () => {
            release();
            window.update(ws.bufferedAmount);
          });
          window.update(ws.bufferedAmount);
        },
        { joinBuffers },
      );
    }
    src.onData((chunk, release) => {
      if (clientGone) release();
      else batch.push(chunk, release);
    });
    src.onEnd((end) => {
      batch.flush();
      closeWith(ws, end);
    });
    ws.on('close', () => batch.dispose());

    // Client → source: binary frames are input; a full source stops reading the client.
    src.onDrain(() => ws.resume());
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        if (!src.write(bufferOf(data))) ws.pause();
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(textOf(data));
      } catch {
        closeWith(ws, { reason: 'control messages are JSON', code: 1011 });
        return;
      }
      const msg = ConsoleClientMessage.safeParse(parsed);
      if (!msg.success) {
        ws.close(1008, 'unknown control message');
        return;
      }
      switch (msg.data.type) {
        case 'ping':
          send(ws, { type: 'pong', id: msg.data.id });
          break;
        case 'resize':
          src.resize(msg.data.cols, msg.data.rows);
          break;
        case 'ack':
          onControl(msg.data);
          break;
      }
    });
    ws.resume();
  }

  return {
    /** Checks Origin, session and ticket (consuming it), then upgrades; refuses with 401/403 otherwise. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      if (!isSameOrigin(req)) return refuse(socket, 403, 'cross-origin console request');
      const session = deps.sessionOf(req);
      if (!session) return refuse(socket, 401, 'sign in first');
      const ticket = ticketOf(req);
      if (!ticket) return refuse(socket, 403, 'a console needs a ticket (console.createTicket)');
      const check = deps.tickets.consume(ticket, session.sessionId);
      if (!check.ok) return refuse(socket, 403, `console ticket refused: ${check.reason}`);
      if (check.grant.user.id !== session.user.id) return refuse(socket, 403, 'console ticket refused');
      wss.handleUpgrade(req, socket, head, (ws) => {
        serve(ws, check.grant).catch((err: unknown) => {
          console.error('console relay failed', err);
          ws.terminate();
        });
      });
    },
    /** Open consoles (for tests and shutdown). */
    get connections(): number {
      return wss.clients.size;
    },
    close(): void {
      for (const client of wss.clients) {
        send(client, { type: 'closed', reason: 'the console server is shutting down', code: 1001 });
        client.close(1001, 'server shutting down');
      }
      wss.close();
    },
  };
}
