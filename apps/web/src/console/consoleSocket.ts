/**
 * The browser's end of `/api/console` (docs/consoleProtocol.md): one WebSocket, binary frames
 * for the stream, JSON text frames for control messages. It knows nothing of xterm or noVNC.
 */
import type { RfbChannel } from '@novnc/novnc';

import {
  CONSOLE_SUBPROTOCOL,
  ConsoleServerMessage,
  type ConsoleClientMessage,
} from '@zonedeck/api/schemas/consoleProtocol';

export interface ConsoleSocketHandlers {
  /** The relay opened the console (`ready`). */
  onReady(vm: { uuid: string; alias: string | null }): void;
  onData(bytes: Uint8Array): void;
  onViewers(users: string[]): void;
  /** The link ended; `reason` is the server's `closed` reason, or what the browser saw. */
  onClose(end: { reason: string; code: number }): void;
}

/** Why a console could not be opened before any socket existed (the ticket was refused). */
export class ConsoleUnavailable extends Error {
  constructor(
    message: string,
    /** The guest is not running: the UI offers Start. */
    readonly guestStopped: boolean,
  ) {
    super(message);
  }
}

/** `ws://…/api/console?ticket=…` for the page's own origin. */
export function consoleUrl(path: string): string {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function closeReason(code: number, reason: string): string {
  if (reason) return reason;
  if (code === 1006) return 'the connection to the console server was lost';
  if (code === 1000) return 'the console closed';
  return `the console closed (code ${code})`;
}

export class ConsoleSocket {
  private readonly ws: WebSocket;
  private closed: { reason: string; code: number } | null = null;
  private serverReason: { reason: string; code: number } | null = null;
  /** noVNC's side of the socket, when a VncSession attached one. */
  private channel: ConsoleRfbChannel | null = null;

  constructor(
    path: string,
    private readonly handlers: ConsoleSocketHandlers,
  ) {
    this.ws = new WebSocket(consoleUrl(path), [CONSOLE_SUBPROTOCOL]);
    this.ws.binaryType = 'arraybuffer';
    this.ws.onopen = (e) => this.channel?.onopen?.(e);
    this.ws.onerror = (e) => this.channel?.onerror?.(e);
    this.ws.onmessage = (e: MessageEvent<ArrayBuffer | string>) => {
      if (typeof e.data === 'string') this.control(e.data);
      else if (this.channel) this.channel.onmessage?.(new MessageEvent('message', { data: e.data }));
      else this.handlers.onData(new Uint8Array(e.data));
    };
    this.ws.onclose = (e) => {
      this.channel?.onclose?.(e);
      this.finish(this.serverReason ?? { reason: closeReason(e.code, e.reason), code: e.code });
    };
  }

  private control(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    const msg = ConsoleServerMessage.safeParse(parsed);
    if (!msg.success) return;
    switch (msg.data.type) {
      case 'ready':
        this.handlers.onReady(msg.data.vm);
        break;
      case 'viewers':
        this.handlers.onViewers(msg.data.users);
        break;
      case 'closed':
        this.serverReason = { reason: msg.data.reason, code: msg.data.code };
        break;
      case 'pong':
        break;
    }
  }

  private finish(end: { reason: string; code: number }): void {
    if (this.closed) return;
    this.closed = end;
    this.handlers.onClose(end);
  }

  send(bytes: Uint8Array | ArrayBuffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }

  sendControl(msg: ConsoleClientMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  /** Closes the link from this side (the user left or reconnects). */
  close(reason = 'closed in this window'): void {
    this.finish({ reason, code: 1000 });
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(1000);
    }
  }

  /** The socket as the raw channel noVNC's RFB accepts: binary frames only, control frames stay here. */
  rfbChannel(): RfbChannel {
    this.channel ??= new ConsoleRfbChannel(this.ws);
    return this.channel;
  }
}

/** What noVNC's websock.js needs of a channel (its `rawChannelProps`). */
class ConsoleRfbChannel implements RfbChannel {
  binaryType = 'arraybuffer';
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(private readonly ws: WebSocket) {}

  get protocol(): string {
    return this.ws.protocol;
  }

  get readyState(): number {
    return this.ws.readyState;
  }

  send(data: ArrayBuffer | Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data);
  }

  close(): void {
    this.ws.close(1000);
  }
}
