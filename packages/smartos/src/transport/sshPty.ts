/**
 * SshTransport's terminals: an exec channel with a pty request, running `exec <argv>` (with
 * `env NAME=value …` in front for extra environment). Ending the channel makes sshd close
 * the terminal, which hangs up (SIGHUP) the command.
 */
import type { ClientChannel } from 'ssh2';

import { SmartosError } from '../errors.js';
import { exitCodeForSignal } from './exitStatus.js';
import { checkPtyEnv, checkSize, createPtySession, PTY_TERM } from './ptySession.js';
import { commandLine } from './shellQuote.js';
import type { SshLink } from './sshConnection.js';
import type { PtyRequest, PtySession } from './transport.js';

export function spawnSshPty(
  link: SshLink,
  request: PtyRequest,
  register: (stop: () => void) => () => void,
): Promise<PtySession> {
  const env = checkPtyEnv(request.env).map(([name, value]) => `${name}=${value}`);
  const argv = env.length > 0 ? ['env', ...env, ...request.argv] : [...request.argv];
  const line = `exec ${commandLine(argv)}`;
  const pty = {
    term: PTY_TERM,
    cols: checkSize(request.cols),
    rows: checkSize(request.rows),
    width: 0,
    height: 0,
  };

  return new Promise<PtySession>((resolve, reject) => {
    link.client.exec(line, { pty }, (err, channel: ClientChannel) => {
      if (err) {
        reject(
          new SmartosError({
            code: link.dropped ? 'HostUnreachable' : 'CommandFailed',
            argv: request.argv,
            message: `could not open a terminal for ${request.argv[0] ?? ''}: ${err.message}`,
            cause: err,
          }),
        );
        return;
      }
      const handle = createPtySession({
        write: (data) => channel.write(data),
        resize: (cols, rows) => channel.setWindow(rows, cols, 0, 0),
        pause: () => channel.pause(),
        resume: () => channel.resume(),
        kill: () => channel.close(),
      });
      let exit: number | undefined;
      channel.on('data', (data: Buffer) => handle.emitData(data));
      channel.stderr.on('data', (data: Buffer) => handle.emitData(data));
      channel.on('exit', (code: number | null, signal?: string) => {
        exit = code ?? exitCodeForSignal(signal);
      });
      channel.on('error', () => undefined);
      const unregister = register(() => channel.close());
      const untrack = link.track((error) => handle.emitExit({ exitCode: null, error }));
      channel.on('close', () => {
        unregister();
        untrack();
        if (exit === undefined && link.dropped) handle.emitExit({ exitCode: null, error: link.dropped });
        else handle.emitExit({ exitCode: exit ?? null });
      });
      resolve(handle.session);
    });
  });
}
