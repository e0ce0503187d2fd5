/**
 * How SshTransport can kill a remote command. OpenSSH ignores the SSH "signal" request for
 * root sessions ("session signalling requires privilege separation"), and closing a channel
 * does not stop a command without a terminal. So the command line first reports the shell's
 * pid on stderr, then execs the command in its place: sshd started that shell with setsid(),
 * so the pid names the command's process group, which `kill -s KILL -- -<pid>` ends whole.
 */
import type { Client } from 'ssh2';

import { commandLine } from './shellQuote.js';

const MARKER = 'zonedeck-pid:';
const MARKER_BYTES = Buffer.from(MARKER);
/** Give up looking for the marker after this much stderr (a login shell that prints a lot first). */
const MAX_PREFIX = 64 * 1024;

/** `echo zonedeck-pid:$$ >&2; exec 'arg0' 'arg1' …` */
export function reportingCommandLine(argv: readonly string[]): string {
  return `echo ${MARKER}$$ >&2; exec ${commandLine(argv)}`;
}

/** The argv that kills a reported command's process group. */
export function killGroupArgv(pid: number): string[] {
  return ['kill', '-s', 'KILL', '--', `-${pid}`];
}

/** Kills a reported command's process group on its own channel (best effort: the result does not matter). */
export function killRemoteGroup(client: Client, pid: number): void {
  client.exec(commandLine(killGroupArgv(pid)), (err, killer) => {
    if (err) return;
    killer.on('data', () => undefined).on('error', () => undefined);
    killer.stderr.resume();
    killer.end();
  });
}

/** Takes the marker line out of a command's stderr and keeps the pid it names. */
export class PidReportFilter {
  pid: number | undefined;
  private pending: Buffer | undefined = Buffer.alloc(0);

  /** Feeds a chunk of stderr; returns the bytes that belong to the command. */
  push(chunk: Buffer): Buffer {
    if (this.pending === undefined) return chunk;
    const text = Buffer.concat([this.pending, chunk]);
    let at = text.indexOf(MARKER_BYTES);
    while (at > 0 && text[at - 1] !== 0x0a) at = text.indexOf(MARKER_BYTES, at + 1);
    const eol = at >= 0 ? text.indexOf(0x0a, at) : -1;
    if (at >= 0 && eol >= 0) {
      const digits = text.subarray(at + MARKER_BYTES.length, eol).toString('latin1');
      if (/^\d+$/.test(digits)) this.pid = Number(digits);
      this.pending = undefined;
      return Buffer.concat([text.subarray(0, at), text.subarray(eol + 1)]);
    }
    if (text.length > MAX_PREFIX) return this.end(text);
    this.pending = text;
    return Buffer.alloc(0);
  }

  /** No more stderr: returns whatever was held back. */
  end(rest: Buffer = this.pending ?? Buffer.alloc(0)): Buffer {
    this.pending = undefined;
    return rest;
  }
}
