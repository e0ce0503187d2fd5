/**
 * The simulated SmartOS host reachable over SSH: a real OpenSSH sshd on loopback whose
 * sessions find the simulator's executables on PATH, so the driver's SshTransport runs
 * against it exactly as against a SmartOS box (and LocalTransport runs the simulator directly).
 *
 * Everything lives in a throwaway directory under os.tmpdir(): an ed25519 host key, a client
 * key, authorized_keys, sshd_config and the pid file. sshd runs in the foreground (-D -e) as
 * the current user (root in CI). It is not skipped when missing: CI installs openssh-server,
 * so a missing /usr/sbin/sshd fails loudly.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

import { simBinDir } from '../index.js';

export const SSHD = '/usr/sbin/sshd';
const SSH_KEYGEN = '/usr/bin/ssh-keygen';

export interface SshdOptions {
  /** The simulator state directory sessions see as $SMARTOS_SIM_ROOT. */
  simRoot: string;
  /** sshd's LogLevel; its log is kept and readable through logs(). Default ERROR. */
  logLevel?: 'ERROR' | 'INFO' | 'VERBOSE' | 'DEBUG' | 'DEBUG3';
  /** More environment for every session (SetEnv), e.g. SMARTOS_SIM_SPEED. */
  env?: Record<string, string>;
}

export interface TestSshd {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The user sshd lets in with clientKey (the current user). */
  readonly username: string;
  /** The host key's fingerprint as ssh-keygen -l prints it, 'SHA256:…'. Changes on restartWithNewHostKey. */
  readonly hostKeyFingerprint: string;
  /** The client's private key (OpenSSH format, no passphrase). */
  readonly clientKey: Buffer;
  readonly clientKeyPath: string;
  /** Kills sshd and every session it started, as a host that died would; the port stops answering. */
  kill(): Promise<void>;
  /** Stops (SIGSTOP) sshd and its sessions: a host that hangs without closing anything. */
  freeze(): void;
  /** Lets a frozen sshd go on (SIGCONT). */
  thaw(): void;
  /** Starts sshd again on the same port with the same host key (after kill). */
  restart(): Promise<void>;
  /** Kills sshd, makes a new host key and starts again on the same port. */
  restartWithNewHostKey(): Promise<void>;
  /** What sshd has written to stderr so far (-e), for failure messages. */
  logs(): string;
  /** Kills everything and removes the directory. */
  stop(): Promise<void>;
}

export async function startSshd(opts: SshdOptions): Promise<TestSshd> {
  if (!existsSync(SSHD)) {
    throw new Error(`${SSHD} is missing: install openssh-server (apt-get install openssh-server)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'zonedeck-sshd-'));
  const hostKeyPath = join(dir, 'ssh_host_ed25519_key');
  const clientKeyPath = join(dir, 'client_ed25519');
  const configPath = join(dir, 'sshd_config');
  keygen(hostKeyPath, 'zonedeck-test-host');
  keygen(clientKeyPath, 'zonedeck-test-client');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKeyPath}.pub`));
  const port = await freePort();
  const logLevel = opts.logLevel ?? 'ERROR';
  const env = opts.env ?? {};
  writeFileSync(configPath, sshdConfig({ dir, port, hostKeyPath, simRoot: opts.simRoot, logLevel, env }));
  // sshd's privilege separation needs its empty chroot directory.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  let hostKeyFingerprint = fingerprintOf(hostKeyPath);
  const log = { text: '' };
  let child: ChildProcess | undefined = await launch(configPath, port, log);

  // A test process that ends without stop() must not leave sshd listening (it would outlive it).
  const onProcessExit = () => {
    signalTree(child, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onProcessExit);

  const kill = async () => {
    if (child === undefined) return;
    const listener = child;
    child = undefined;
    await killTree(listener);
  };

  return {
    host: '127.0.0.1',
    port,
    username: userInfo().username,
    get hostKeyFingerprint() {
      return hostKeyFingerprint;
    },
    clientKey: readFileSync(clientKeyPath),
    clientKeyPath,
    kill,
    freeze: () => signalTree(child, 'SIGSTOP'),
    thaw: () => signalTree(child, 'SIGCONT'),
    async restart() {
      await kill();
      child = await launch(configPath, port, log);
    },
    async restartWithNewHostKey() {
      await kill();
      rmSync(hostKeyPath, { force: true });
      rmSync(`${hostKeyPath}.pub`, { force: true });
      keygen(hostKeyPath, 'zonedeck-test-host-2');
      hostKeyFingerprint = fingerprintOf(hostKeyPath);
      child = await launch(configPath, port, log);
    },
    logs: () => log.text,
    async stop() {
      process.off('exit', onProcessExit);
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface ConfigValues {
  dir: string;
  port: number;
  hostKeyPath: string;
  simRoot: string;
  logLevel: string;
  env: Record<string, string>;
}

function sshdConfig(c: ConfigValues): string {
  // SetEnv (sshd_config(5), OpenSSH 9.2): applies to every session and overrides the
  // default environment, PATH included; no PermitUserEnvironment needed.
  const path = [simBinDir, '/usr/bin', '/bin'].join(':');
  const extra = Object.entries(c.env).map(([name, value]) => ` ${name}="${value}"`);
  return [
    `Port ${c.port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${c.hostKeyPath}`,
    `PidFile ${join(c.dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(c.dir, 'authorized_keys')}`,
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    'UseDNS no',
    'AllowStreamLocalForwarding yes',
    // OpenSSH 9.2 grants direct-streamlocal channels only where local TCP forwarding is
    // allowed too (session.c: "XXX - streamlocal?"): with "no", connectSocket is denied.
    'AllowTcpForwarding local',
    'X11Forwarding no',
    'PrintMotd no',
    'PrintLastLog no',
    // MaxSessions stays at OpenSSH's default (10 channels per connection), as on a real host
    `LogLevel ${c.logLevel}`,
    // SHLVL=1 makes bash count itself nested, so it skips the ~/.bashrc it would otherwise
    // source for ssh commands: this machine's rc files (pyenv…) stay out of every command.
    `SetEnv PATH="${path}" SMARTOS_SIM_ROOT="${c.simRoot}" SHLVL=1${extra.join('')}`,
    '',
  ].join('\n');
}

function keygen(path: string, comment: string): void {
  execFileSync(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], { stdio: 'pipe' });
}

/** `ssh-keygen -l` prints "256 SHA256:… comment (ED25519)". */
function fingerprintOf(keyPath: string): string {
  const out = execFileSync(SSH_KEYGEN, ['-l', '-E', 'sha256', '-f', `${keyPath}.pub`], { encoding: 'utf8' });
  const found = out.split(' ')[1];
  if (found?.startsWith('SHA256:') !== true) throw new Error(`unexpected ssh-keygen -l output: ${out}`);
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function launch(configPath: string, port: number, log: { text: string }): Promise<ChildProcess> {
  const child = spawn(SSHD, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  const start = log.text.length;
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (log.text += s));
  const stderr = () => log.text.slice(start).trim();
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `sshd exited (${code ?? signal}): ${stderr()}`));
  child.once('error', (err) => (exited = `sshd could not start: ${err.message}`));

  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (exited !== undefined) throw new Error(exited);
    if (Date.now() > deadline) {
      await killTree(child);
      throw new Error(`sshd did not listen on 127.0.0.1:${port} within 10 s: ${stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return child;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * SIGKILLs sshd and every process below it. Each connection's sshd calls setsid(), so a
 * process-group kill would miss them: walk /proc for descendants first, then kill them all.
 */
async function killTree(listener: ChildProcess): Promise<void> {
  const pid = listener.pid;
  if (pid === undefined || listener.exitCode !== null || listener.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => listener.once('exit', () => resolve()));
  const pids = [pid, ...descendants(pid)];
  for (const p of pids) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await exited;
}

function signalTree(listener: ChildProcess | undefined, signal: NodeJS.Signals): void {
  const pid = listener?.pid;
  if (pid === undefined) return;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      process.kill(p, signal);
    } catch {
      // already gone
    }
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const found: number[] = [];
  const queue = [root];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}
