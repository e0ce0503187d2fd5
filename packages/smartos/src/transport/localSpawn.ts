/**
 * LocalTransport's streamed commands: child_process.spawn without a shell, in its own process
 * group so kill() ends the command and everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';

import { describeArgv, SmartosError } from '../errors.js';
import { exitCodeForSignal } from './exitStatus.js';
import { createProcessHandle } from './spawnedProcess.js';
import type { SpawnedProcess, SpawnRequest } from './transport.js';

/** Starts argv; resolves once it runs. `stop` (for transport.close) kills it. */
export function spawnLocal(
  request: SpawnRequest,
  env: NodeJS.ProcessEnv,
  register: (stop: () => void) => () => void,
): Promise<SpawnedProcess> {
  const argv = [...request.argv];
  const command = argv[0];
  const shown = describeArgv(argv);
  return new Promise((resolve, reject) => {
    if (command === undefined || command === '') {
      throw new SmartosError({ code: 'CommandFailed', argv, message: 'spawn needs a non-empty argv' });
    }
    let child: ChildProcess;
    try {
      child = spawn(command, argv.slice(1), {
        shell: false,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        windowsHide: true,
      });
    } catch (cause) {
      throw new SmartosError({ code: 'CommandFailed', argv, message: `${shown} could not start`, cause });
    }
    const handle = createProcessHandle(() => killGroup(child));
    const unregister = register(() => killGroup(child));
    child.stdout?.on('data', (chunk: Buffer) => handle.stdout(chunk));
    child.stderr?.on('data', (chunk: Buffer) => handle.stderr(chunk));
    child.once('spawn', () => resolve(handle.process));
    child.once('error', (err: NodeJS.ErrnoException) => {
      unregister();
      const error =
        err.code === 'ENOENT'
          ? new SmartosError({
              code: 'CommandNotFound',
              argv,
              message: `command not found: ${command}`,
              cause: err,
            })
          : new SmartosError({
              code: 'CommandFailed',
              argv,
              message: `${shown} could not run: ${err.message}`,
              cause: err,
            });
      reject(error);
      handle.exit({ exitCode: null, error });
    });
    child.once('close', (code, signal) => {
      unregister();
      handle.exit({ exitCode: code ?? exitCodeForSignal(signal) });
    });
  });
}

/** Kills the command's whole process group (it was spawned detached), or the command alone. */
export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid === undefined) throw new Error('no pid');
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
