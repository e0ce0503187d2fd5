/**
 * A serial or shell console in the browser: owns an xterm.js Terminal and the console socket,
 * acks rendered bytes from xterm's write callback (flow control, docs/consoleProtocol.md) and
 * sends the terminal size on every fit. No React in here; TerminalConsole mounts it.
 */
import type { FitAddon } from '@xterm/addon-fit';
import type { Terminal } from '@xterm/xterm';

import { ConsoleSocket } from './consoleSocket';
import { StateCell, type ConsoleState } from './consoleState';
import { GuestReconnect } from './guestReconnect';

/** Ack once this much was rendered, or after ACK_DELAY_MS, whichever comes first. */
const ACK_BATCH = 16 * 1024;
const ACK_DELAY_MS = 20;
const PING_INTERVAL_MS = 20_000;

/** Opens a guest's hyperlink only when it is http(s) and the user says so. */
function openConfirmedWebLink(_event: MouseEvent, uri: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  if (window.confirm(`The guest's terminal links to\n\n${url.href}\n\nOpen it in a new tab?`)) {
    window.open(url.href, '_blank', 'noopener,noreferrer');
  }
}

export interface TerminalSessionOptions {
  /** Asks the control plane for a fresh ticket; resolves with the socket path. */
  openTicket: () => Promise<string>;
}

export class TerminalSession {
  readonly state = new StateCell<ConsoleState>({ status: 'connecting' });
  private term: Terminal | null = null;
  private fit: FitAddon | null = null;
  private socket: ConsoleSocket | null = null;
  private observer: ResizeObserver | null = null;
  private unacked = 0;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private disposed = false;
  private readonly encoder = new TextEncoder();
  /** Reconnects by itself when the guest reboots. */
  private readonly guest = new GuestReconnect(this.state, () => void this.connect(true));

  constructor(private readonly options: TerminalSessionOptions) {}

  /** Creates the terminal in `element` and connects. */
  async mount(element: HTMLElement): Promise<void> {
    const [{ Terminal }, { FitAddon }] = await Promise.all([
      import('@xterm/xterm'),
      import('@xterm/addon-fit'),
    ]);
    if (this.disposed) return;
    const term = new Terminal({
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: { background: '#0b0f14', foreground: '#d6dde6', cursor: '#9ecbff' },
      // Guest output is untrusted: an OSC 8 hyperlink opens only an http(s) URL the user confirms,
      // in a new tab without opener or referrer. No clipboard addon is loaded, so OSC 52 cannot
      // write the clipboard, and the title sequence (onTitleChange) is not listened to.
      linkHandler: { activate: openConfirmedWebLink, allowNonHttpProtocols: false },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    this.term = term;
    this.fit = fit;
    term.onData((data) => this.socket?.send(this.encoder.encode(data)));
    // Binary input (some mouse reports) is one byte per char.
    term.onBinary((data) => this.socket?.send(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff)));
    term.onResize(({ cols, rows }) => this.socket?.sendControl({ type: 'resize', cols, rows }));
    let frame = 0;
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.refit());
    });
    this.observer.observe(element);
    this.refit();
    await this.connect();
  }

  private refit(): void {
    if (!this.term || !this.fit || this.disposed) return;
    try {
      this.fit.fit();
    } catch {
      // not laid out yet
    }
  }

  /**
   * Opens a new link with a new ticket: the Reconnect button, or `auto` after the guest went
   * away (the state stays "reconnecting" then).
   */
  async connect(auto = false): Promise<void> {
    if (!auto) this.guest.cancel();
    this.socket?.close('reconnecting');
    this.socket = null;
    this.resetAcks();
    if (!auto) this.state.set({ status: 'connecting' });
    const path = await this.guest.newTicket(
      () => this.options.openTicket(),
      () => this.disposed,
    );
    if (path === null || this.disposed) return;
    const socket: ConsoleSocket = new ConsoleSocket(path, {
      onReady: (vm) => {
        if (this.socket !== socket) return;
        this.guest.cancel();
        this.state.set({ status: 'connected', alias: vm.alias, viewers: [] });
        const term = this.term;
        if (term) {
          socket.sendControl({ type: 'resize', cols: term.cols, rows: term.rows });
          term.focus();
        }
      },
      onData: (bytes) => {
        if (this.socket !== socket || !this.term) return;
        this.term.write(bytes, () => this.rendered(socket, bytes.length));
      },
      onViewers: (users) => {
        const s = this.state.get();
        if (this.socket === socket && s.status === 'connected') this.state.set({ ...s, viewers: users });
      },
      onClose: ({ reason }) => {
        if (this.socket !== socket) return;
        this.stopPings();
        const wasRetrying = this.guest.active;
        if (this.guest.linkEnded(reason)) {
          const s = this.state.get();
          if (!wasRetrying && s.status === 'reconnecting') this.note(s.reason);
          return;
        }
        this.guest.cancel();
        this.note(reason);
        this.state.set({ status: 'disconnected', reason, guestStopped: false });
      },
    });
    this.socket = socket;
    this.stopPings();
    this.pingTimer = setInterval(
      () => socket.sendControl({ type: 'ping', id: Date.now() }),
      PING_INTERVAL_MS,
    );
  }

  /** A dim line in the terminal saying what happened to the link. */
  private note(text: string): void {
    this.term?.write(`\r\n\x1b[2m[${text}]\x1b[0m\r\n`);
  }

  private rendered(socket: ConsoleSocket, bytes: number): void {
    if (this.socket !== socket) return;
    this.unacked += bytes;
    if (this.unacked >= ACK_BATCH) this.flushAck();
    else this.ackTimer ??= setTimeout(() => this.flushAck(), ACK_DELAY_MS);
  }

  private flushAck(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    if (this.unacked > 0) this.socket?.sendControl({ type: 'ack', bytes: this.unacked });
    this.unacked = 0;
  }

  private resetAcks(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    this.unacked = 0;
  }

  private stopPings(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  focus(): void {
    this.term?.focus();
  }

  dispose(): void {
    this.disposed = true;
    this.guest.cancel();
    this.stopPings();
    this.resetAcks();
    this.socket?.close();
    this.socket = null;
    this.observer?.disconnect();
    this.term?.dispose();
    this.term = null;
  }
}
