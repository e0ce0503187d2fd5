// `smartos-sim sshd`: the simulated host reachable over SSH, for trying the console's SSH path
// by hand: a real OpenSSH sshd on a loopback port with a throwaway host key and client key,
// whose sessions find the simulator's executables on PATH. Runs until interrupted.
import { startSshd } from '../sshd/simSshd.js';
import { ToolOutput, type ToolResult } from '../tools/toolResult.js';

export async function sshdCli(root: string, write: (line: string) => void): Promise<ToolResult> {
  const sshd = await startSshd({ simRoot: root });
  write(`sshd for the simulated host in ${root}`);
  write(`  address:   ${sshd.host}:${sshd.port}`);
  write(`  user:      ${sshd.username}`);
  write(`  key:       ${sshd.clientKeyPath}`);
  write(`  host key:  ${sshd.hostKeyFingerprint}`);
  write('');
  write(
    `  ZONEDECK_SSH_HOST=${sshd.host} ZONEDECK_SSH_PORT=${sshd.port} ZONEDECK_SSH_USER=${sshd.username} ` +
      `ZONEDECK_SSH_KEY=${sshd.clientKeyPath} ZONEDECK_SSH_HOST_KEY=${sshd.hostKeyFingerprint} pnpm start`,
  );
  write('Press Ctrl-C to stop it.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sshd.stop();
  return new ToolOutput().result(0);
}
