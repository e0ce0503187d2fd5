import type { ChildProcess } from 'node:child_process';

/** A relay the benchmark started in a process of its own: its port, its pid, and its end. */
export interface RelayProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** The RelayProcess of `child` on `port`: stop ends it with SIGTERM and waits for its exit. */
export function relayProcess(child: ChildProcess, port: number): RelayProcess {
  return {
    port,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
