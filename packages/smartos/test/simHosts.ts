/**
 * The simulated SmartOS host reached through either transport, for tests that must pass the
 * same way on both: 'local' runs the simulator's executables through LocalTransport, 'ssh'
 * reaches them through SshTransport and a real OpenSSH sshd on loopback (@zonedeck/smartos-sim's startSshd).
 */
import { initSim, simEnv, startSshd, type TestSshd } from '@zonedeck/smartos-sim';

import { createLocalTransport } from '../src/transport/localTransport.js';
import { createSshTransport, type SshTransport } from '../src/transport/sshTransport.js';
import type { Transport } from '../src/transport/transport.js';

export const TRANSPORT_KINDS = ['local', 'ssh'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

export interface SimHost {
  kind: TransportKind;
  /** The simulator's state directory. */
  root: string;
  transport: Transport;
  /** Set for 'ssh'. */
  sshd?: TestSshd;
  close(): Promise<void>;
}

/** Simulated delays divided by this: a power operation takes milliseconds, not seconds. */
const SIM_SPEED = { SMARTOS_SIM_SPEED: '50' };

export async function openSimHost(
  kind: TransportKind,
  root: string,
  profile: 'office' | 'large' = 'office',
): Promise<SimHost> {
  await initSim({ root, profile });
  if (kind === 'local') {
    const transport = createLocalTransport({ env: { ...simEnv(root), ...SIM_SPEED } });
    return { kind, root, transport, close: () => transport.close() };
  }
  const sshd = await startSshd({ simRoot: root, env: SIM_SPEED });
  const transport = sshTransportTo(sshd);
  return {
    kind,
    root,
    transport,
    sshd,
    async close() {
      await transport.close();
      await sshd.stop();
    },
  };
}

/** An SshTransport to the test sshd with its host key pinned (override anything). */
export function sshTransportTo(
  sshd: TestSshd,
  overrides: Partial<Parameters<typeof createSshTransport>[0]> = {},
): SshTransport {
  return createSshTransport({
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    privateKey: sshd.clientKey,
    knownHostKey: sshd.hostKeyFingerprint,
    ...overrides,
  });
}
