/**
 * The bench guest in a process of its own, as a VM's guest is (QEMU): its writes do not wait
 * for the benchmark's client, which shares nothing with it but the machine. Messages over IPC:
 * `stall` is answered with the bytes the stall connection got accepted, `close` ends it.
 *
 * Run as a child: `consoleGuestProcess.ts <socket path>`.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { startBenchGuest, type BenchGuest } from './consoleGuest.js';

type Reply = { ready: true } | { accepted: number };

export async function startGuestProcess(socketPath: string): Promise<BenchGuest> {
  const child = fork(fileURLToPath(import.meta.url), [socketPath], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies: ((r: Reply) => void)[] = [];
  child.on('message', (r: Reply) => replies.shift()?.(r));
  const next = () => new Promise<Reply>((resolve) => replies.push(resolve));
  const ready = next();
  await Promise.race([
    ready,
    new Promise((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the bench guest exited with ${code}`))),
    ),
  ]);
  return {
    async stallAccepted() {
      const reply = next();
      child.send('stall');
      const r = await reply;
      return 'accepted' in r ? r.accepted : 0;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const socketPath = process.argv[2];
  if (!socketPath || !process.send) throw new Error('run by startGuestProcess');
  const guest = await startBenchGuest(socketPath);
  process.on('message', (msg: string) => {
    if (msg === 'stall') void guest.stallAccepted().then((accepted) => process.send?.({ accepted }));
    if (msg === 'close') void guest.close().then(() => process.exit(0));
  });
  process.send({ ready: true });
}
