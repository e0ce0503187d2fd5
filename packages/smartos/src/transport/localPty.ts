/** LocalTransport's terminals: node-pty, argv straight to execvp (no shell). */
import { spawn } from 'node-pty';

import { SmartosError } from '../errors.js';
import { checkPtyEnv, checkSize, createPtySession, PTY_TERM } from './ptySession.js';
import type { PtyRequest, PtySession } from './transport.js';

/** Starts argv on a new local terminal; `stop` (for transport.close) kills it. */
export function spawnLocalPty(
  request: PtyRequest,
  baseEnv: NodeJS.ProcessEnv,
): { session: PtySession; stop: () => void; ended: Promise<void> } {
  const [command, ...args] = request.argv;
  if (command === undefined || command === '') {
    throw new SmartosError({
      code: 'CommandFailed',
      argv: request.argv,
      message: 'a PTY needs a non-empty argv',
    });
  }
  const env = { ...baseEnv, ...Object.fromEntries(checkPtyEnv(request.env)), TERM: PTY_TERM };
  const pty = spawn(command, args, {
    name: PTY_TERM,
    cols: checkSize(request.cols),
    rows: checkSize(request.rows),
    env,
    // Bytes as the terminal wrote them: decoding is the reader's business (PtySession).
    encoding: null,
  });
  const handle = createPtySession({
    write: (data) => pty.write(data),
    resize: (cols, rows) => pty.resize(cols, rows),
    pause: () => pty.pause(),
    resume: () => pty.resume(),
    kill: () => pty.kill('SIGHUP'),
  });
  // With `encoding: null` node-pty hands over Buffers; its typings still say string.
  pty.onData((data: string | Buffer) => handle.emitData(Buffer.isBuffer(data) ? data : Buffer.from(data)));
  const ended = new Promise<void>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      handle.emitExit({ exitCode: signal !== undefined && signal > 0 ? 128 + signal : exitCode });
      resolve();
    });
  });
  return { session: handle.session, stop: () => handle.session.kill(), ended };
}
