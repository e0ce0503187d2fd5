/**
 * FakeTransport: replays canned replies by exact argv and records every request, like
 * noVNC's FakeWebSocket. It stands in for the wire only: the driver's real argv builders,
 * runTool and parsers all run. Unknown argv answers like a shell would: exit 127.
 */
import { SmartosError } from '../errors.js';
import type { ExecRequest, ExecResult, Transport } from './transport.js';

export interface FakeReply {
  argv: readonly string[];
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

export interface FakeTransport extends Transport {
  /** Every request in order, as received. */
  readonly calls: ExecRequest[];
  /** Adds (or, for the same argv, replaces) a reply. */
  reply(reply: FakeReply): void;
}

export function createFakeTransport(replies: readonly FakeReply[] = []): FakeTransport {
  const table = new Map<string, ExecResult>();
  const calls: ExecRequest[] = [];
  const reply = (r: FakeReply) => {
    table.set(key(r.argv), { exitCode: r.exitCode ?? 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '' });
  };
  replies.forEach(reply);

  return {
    description: 'fake',
    calls,
    reply,
    exec(request) {
      calls.push(request);
      const found = table.get(key(request.argv));
      if (found) return Promise.resolve({ ...found });
      const name = request.argv[0] ?? '';
      return Promise.resolve({ exitCode: 127, stdout: '', stderr: `sh: ${name}: not found\n` });
    },
    spawnPty(request) {
      return Promise.reject(
        new SmartosError({
          code: 'CommandFailed',
          argv: request.argv,
          message: 'the fake transport has no terminals',
        }),
      );
    },
    spawn(request) {
      // like a host whose command does not exist: a watcher falls back to polling
      const message = `the fake transport streams nothing: ${request.argv[0] ?? ''}`;
      return Promise.reject(new SmartosError({ code: 'CommandNotFound', argv: request.argv, message }));
    },
    connectSocket(path) {
      return Promise.reject(
        new SmartosError({ code: 'CommandFailed', message: `the fake transport has no sockets (${path})` }),
      );
    },
    close() {
      return Promise.resolve();
    },
  };
}

function key(argv: readonly string[]): string {
  return JSON.stringify(argv);
}
