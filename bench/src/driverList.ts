/**
 * Driver time for `listVms()` (vmadm list + parse) on the simulated large host (2,000 VMs),
 * locally and over SSH, against the floor of starting a Node process (what every simulated
 * command pays) in the same interleaved run. Prints a table of medians and ratios.
 *
 *   pnpm --filter @zonedeck/bench driver [rounds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createHostDriver, createLocalTransport, createSshTransport } from '@zonedeck/smartos';
import { initSim, simEnv, startSshd } from '@zonedeck/smartos-sim';

import { interleaved, summarize } from './stats.js';

const rounds = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(path.join(tmpdir(), 'zonedeck-bench-'));
const root = path.join(dir, 'sim');
await initSim({ root, profile: 'large' });
const sshd = await startSshd({ simRoot: root });

const local = createLocalTransport({ env: simEnv(root) });
const ssh = createSshTransport({
  host: sshd.host,
  port: sshd.port,
  username: sshd.username,
  privateKey: sshd.clientKey,
  knownHostKey: sshd.hostKeyFingerprint,
});
const localDriver = createHostDriver(local);
const sshDriver = createHostDriver(ssh);

try {
  const samples = await interleaved(
    {
      'node process start (floor)': () => local.exec({ argv: [process.execPath, '-e', '0'] }),
      'listVms, LocalTransport': () => localDriver.listVms(),
      'listVms, SshTransport': () => sshDriver.listVms(),
    },
    rounds,
  );
  const floor = summarize(samples['node process start (floor)'] ?? []).median;
  console.log(`2,000 VMs, ${rounds} interleaved rounds after a warm-up; medians in ms\n`);
  console.log('| case | median | p95 | ratio to the floor |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, s] of Object.entries(samples)) {
    const { median, p95 } = summarize(s);
    console.log(`| ${name} | ${median.toFixed(0)} | ${p95.toFixed(0)} | ${(median / floor).toFixed(2)}x |`);
  }
} finally {
  await ssh.close();
  await local.close();
  await sshd.stop();
  rmSync(dir, { recursive: true, force: true });
}
