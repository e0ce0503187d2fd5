/**
 * A VNC console in the browser: owns noVNC's RFB on the console socket (subprotocol `binary`,
 * raw RFB bytes; docs/consoleProtocol.md). RFB gets the socket as a raw channel, so the relay's
 * control messages (ready, viewers, closed) stay here. No React in here; VncConsole mounts it.
 */
import type RFB from '@novnc/novnc';

import { ConsoleSocket } from './consoleSocket';
import { StateCell, type ConsoleState } from './consoleState';
import { GuestReconnect } from './guestReconnect';

const XK_RETURN = 0xff0d;
const XK_TAB = 0xff09;
const PING_INTERVAL_MS = 20_000;

/** The X keysym of one character (ASCII/Latin-1 as is, the rest as Unicode keysyms). */
export function keysymOf(char: string): number | null {
  const cp = char.codePointAt(0);
  if (cp === undefined) return null;
  if (char === '\n' || char === '\r') return XK_RETURN;
  if (char === '\t') return XK_TAB;
  if (cp < 0x20 || cp === 0x7f) return null;
  if (cp <= 0xff) return cp;
  return 0x01000000 + cp;
}

export interface VncSessionOptions {
  openTicket: () => Promise<string>;
}

export class VncSession {
  readonly state = new StateCell<ConsoleState>({ status: 'connecting' });
  private rfb: RFB | null = null;
  private socket: ConsoleSocket | null = null;
  private target: HTMLElement | null = null;
  private rfbClass: typeof RFB | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private disposed = false;
  /** Reconnects by itself when the guest reboots. */
  private readonly guest = new GuestReconnect(this.state, () => void this.connect(true));

  constructor(private readonly options: VncSessionOptions) {}

  async mount(target: HTMLElement): Promise<void> {
    const { default: RfbClass } = await import('@novnc/novnc');
    if (this.disposed) return;
    this.rfbClass = RfbClass;
    this.target = target;
    await this.connect();
  }

  /**
   * Opens a new link with a new ticket: the Reconnect button, or `auto` after the guest went
   * away (the state stays "reconnecting" then).
   */
  async connect(auto = false): Promise<void> {
    if (!auto) this.guest.cancel();
    this.teardown('reconnecting');
    if (!auto) this.state.set({ status: 'connecting' });
    const path = await this.guest.newTicket(
      () => this.options.openTicket(),
      () => this.disposed,
    );
    const RfbClass = this.rfbClass;
    const target = this.target;
    if (path === null || this.disposed || !RfbClass || !target) return;

    const socket: ConsoleSocket = new ConsoleSocket(path, {
      onReady: (vm) => {
        if (this.socket !== socket) return;
        this.guest.cancel();
        this.state.set({ status: 'connected', alias: vm.alias, viewers: [] });
      },
      onData: () => undefined,
      onViewers: (users) => {
        const s = this.state.get();
        if (this.socket === socket && s.status === 'connected') this.state.set({ ...s, viewers: users });
      },
      onClose: ({ reason }) => {
        if (this.socket !== socket) return;
        this.stopPings();
        if (this.guest.linkEnded(reason)) return;
        this.guest.cancel();
        this.state.set({ status: 'disconnected', reason, guestStopped: false });
      },
    });
    this.socket = socket;
    const rfb = new RfbClass(target, socket.rfbChannel(), { shared: true });
    rfb.scaleViewport = true;
    rfb.resizeSession = false;
    rfb.background = '#0b0f14';
    rfb.addEventListener('securityfailure', () => socket.close('the guest refused the VNC security type'));
    this.rfb = rfb;
    this.pingTimer = setInterval(
      () => socket.sendControl({ type: 'ping', id: Date.now() }),
      PING_INTERVAL_MS,
    );
  }

  sendCtrlAltDel(): void {
    this.rfb?.sendCtrlAltDel();
  }

  /** Types `text` into the guest, one key press per character. */
  typeText(text: string): void {
    const rfb = this.rfb;
    if (!rfb) return;
    for (const char of text.replace(/\r\n/g, '\n')) {
      const keysym = keysymOf(char);
      if (keysym !== null) rfb.sendKey(keysym, null);
    }
  }

  focus(): void {
    this.rfb?.focus({ preventScroll: true });
  }

  private stopPings(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private teardown(reason: string): void {
    this.stopPings();
    const socket = this.socket;
    this.socket = null;
    socket?.close(reason);
    const rfb = this.rfb;
    this.rfb = null;
    if (rfb) {
      try {
        rfb.disconnect();
      } catch {
        // already disconnected
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.guest.cancel();
    this.teardown('closed in this window');
  }
}
