// One terminal line of the built-in guest, as getty + login + a shell make it: a login prompt,
// a password (not echoed), then a real shell in a PTY; when the shell exits, a new prompt.
// Bytes in come from a console socket (or VNC keys); bytes out go to every listener.
import { spawn as spawnPty, type IPty } from 'node-pty';

import type { ShellCommand } from '../../zone/zoneShell.js';

export interface LoginLineOptions {
  hostname: string;
  /** the tty name shown in the issue line (ttyS0, tty1) */
  tty: string;
  password: string;
  /** the prompt's word: "login" (getty), "console login" (a zone console) */
  promptWord?: string;
  /** what the line shows before its first prompt */
  issue: string;
  shell: () => ShellCommand;
  cols?: number;
  rows?: number;
}

type Phase = 'login' | 'password' | 'shell';

export class LoginLine {
  private phase: Phase = 'login';
  private typed = '';
  private user = '';
  private pty: IPty | undefined;
  private readonly listeners = new Set<(data: string) => void>();
  private closed = false;

  constructor(private readonly opts: LoginLineOptions) {}

  onOutput(listener: (data: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Shows the issue text and the first prompt (getty starting on the line). */
  boot(): void {
    this.emit(this.opts.issue.replace(/\n/g, '\r\n'));
    this.prompt();
  }

  input(data: string): void {
    if (this.closed) return;
    if (this.phase === 'shell') {
      this.pty?.write(data);
      return;
    }
    for (const ch of data) this.key(ch);
  }

  /** A reboot: the shell is hung up, the line starts over with the issue and a prompt. */
  restart(): void {
    const pty = this.pty;
    this.pty = undefined;
    pty?.kill('SIGHUP');
    this.boot();
  }

  resize(cols: number, rows: number): void {
    this.pty?.resize(cols, rows);
  }

  close(): void {
    this.closed = true;
    this.pty?.kill('SIGHUP');
    this.pty = undefined;
  }

  private emit(data: string): void {
    for (const listener of this.listeners) listener(data);
  }

  private prompt(): void {
    this.phase = 'login';
    this.typed = '';
    this.emit(`\r\n${this.opts.hostname} ${this.opts.promptWord ?? 'login'}: `);
  }

  private key(ch: string): void {
    if (ch === '\r' || ch === '\n') {
      this.enter();
      return;
    }
    if (ch === '\x7f' || ch === '\b') {
      if (this.typed.length > 0) {
        this.typed = this.typed.slice(0, -1);
        if (this.phase === 'login') this.emit('\b \b');
      }
      return;
    }
    if (ch === '\x03' || ch === '\x15') {
      this.prompt();
      return;
    }
    if (ch < ' ') return;
    this.typed += ch;
    if (this.phase === 'login') this.emit(ch);
  }

  private enter(): void {
    const text = this.typed;
    this.typed = '';
    if (this.phase === 'login') {
      if (text === '') {
        this.prompt();
        return;
      }
      this.user = text;
      this.phase = 'password';
      this.emit('\r\nPassword: ');
      return;
    }
    this.emit('\r\n');
    if (this.user === 'root' && text === this.opts.password) this.startShell();
    else {
      this.emit('Login incorrect\r\n');
      this.prompt();
    }
  }

  private startShell(): void {
    this.phase = 'shell';
    const cmd = this.opts.shell();
    const pty = spawnPty(cmd.file, cmd.args, {
      name: cmd.env.TERM ?? 'xterm',
      cols: this.opts.cols ?? 80,
      rows: this.opts.rows ?? 25,
      cwd: cmd.cwd,
      env: cmd.env,
    });
    this.pty = pty;
    pty.onData((data) => this.emit(data));
    pty.onExit(() => {
      if (this.pty !== pty) return;
      this.pty = undefined;
      if (!this.closed) this.prompt();
    });
  }
}
