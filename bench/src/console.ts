/**
 * The console relay against websockify (Debian's package), a bare Node WebSocket relay (the
 * floor of any relay built on Node and ws: bench/src/bareRelayProcess.ts) and a direct
 * connection, in one interleaved run: throughput down and up, small-message round trips, a client that stops
 * reading for 3 s, terminal output and keystroke echo against the raw PTY, and VNC frames/s.
 * The relay is the production server (`apps/bff/dist`, run `pnpm build` first) with real
 * tickets; the guest is bench/src/consoleGuest.ts, in a process of its own as a VM's guest
 * is, on elk's VNC socket, which websockify (`--unix-target`) and the direct client reach too.
 * Prints a Markdown table of ratios.
 *
 *   pnpm --filter @zonedeck/bench console [rounds] [case ...]
 *
 * Cases (all when none is named): down up rtt stall vnc cat echo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { hostCommand, startServer } from '@zonedeck/e2e/productionServer';
import { createHostDriver, createLocalTransport } from '@zonedeck/smartos';
import { simEnv } from '@zonedeck/smartos-sim';

import { startBareRelay } from './bareRelayProcess.js';
import { relayProcess, type RelayProcess } from './childProcess.js';
import { catFile, down, echoes, frames, pings, prompt, Reader, rfbHandshake, up } from './consoleCases.js';
import { startGuestProcess } from './consoleGuestProcess.js';
import { directLink, login, ptyLink, relayLink, websocketLink, type Link } from './consoleLinks.js';
import { interleaved, percentile } from './stats.js';

const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';
const rounds = Number(process.argv[2] ?? 5);
const CASES = ['down', 'up', 'rtt', 'stall', 'vnc', 'cat', 'echo'] as const;
type Case = (typeof CASES)[number];
const named = process.argv.slice(3);
for (const n of named) if (!(CASES as readonly string[]).includes(n)) throw new Error(`unknown case ${n}`);
const wanted = (c: Case) => named.length === 0 || named.includes(c);
const MB = 1e6;
const THROUGHPUT_BYTES = 32 * MB;
const CAT_BYTES = 50 * MB;

// ---- processes ----------------------------------------------------------------------------

/** The sum of `measure` over a process and everything below it (websockify forks one child per link). */
function treeSum(pid: number, measure: (pid: number) => number): number {
  let sum = 0;
  try {
    sum += measure(pid);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) sum += treeSum(Number(child), measure);
    }
  } catch {
    // gone meanwhile
  }
  return sum;
}

/** RSS in bytes of a process tree. */
const treeRss = (pid: number) =>
  treeSum(pid, (p) => {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  });

/** CPU time (user + system) in ms of a process tree, from /proc/<pid>/stat (clock ticks of 10 ms). */
const treeCpuMs = (pid: number) =>
  treeSum(pid, (p) => {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  });

/** The production server's pid: the node running apps/bff/dist/main.js on this data directory. */
function serverPid(dataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (cmdline.includes('apps/bff/dist/main.js') && environ.includes(`ZONEDECK_DATA_DIR=${dataDir}\0`))
        return Number(entry);
    } catch {
      // not ours to read, or gone
    }
  }
  throw new Error('the server process was not found');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

async function startWebsockify(target: string): Promise<RelayProcess> {
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn('websockify', [`--unix-target=${target}`, `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  child.on('error', (err) => (out += `\n${err.message} (apt-get install websockify)`));
  for (let i = 0; ; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (up) break;
    if (i > 100 || child.exitCode !== null) throw new Error(`websockify did not start:\n${out}`);
    await sleep(100);
  }
  return relayProcess(child, port);
}

// ---- output -------------------------------------------------------------------------------

const rows: string[][] = [];
function row(...cells: (string | number)[]): void {
  rows.push(cells.map(String));
  console.error(`  ${cells.join(' | ')}`);
}
const f = (n: number, digits = 1) => n.toFixed(digits);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const verdict = (met: boolean) => (met ? 'met' : 'missed');
const median = (xs: readonly number[] | undefined) => percentile(xs ?? [], 0.5);

type Peer = 'relay' | 'websockify' | 'bare' | 'direct';
const PEERS: readonly Peer[] = ['relay', 'websockify', 'bare', 'direct'];
type Terminal = 'relay' | 'raw PTY';
const TERMINALS: readonly Terminal[] = ['relay', 'raw PTY'];

/** A row of one figure per peer ('–' for none), the relay against its peer, the target, the verdict. */
function peerRow(
  name: string,
  values: Partial<Record<Peer, number>>,
  digits: number,
  versus: string,
  target = '',
  met?: boolean,
): void {
  const cell = (v: number | undefined) => (v === undefined ? '–' : f(v, digits));
  row(name, ...PEERS.map((p) => cell(values[p])), versus, target, met === undefined ? '' : verdict(met));
}

function each<K extends string, T>(keys: readonly K[], fn: (key: K) => T): Record<K, T> {
  return Object.fromEntries(keys.map((k) => [k, fn(k)])) as Record<K, T>;
}

// ---- run ----------------------------------------------------------------------------------

const loadBefore = loadavg();
const server = await startServer({ SMARTOS_SIM_GUEST: 'none' });
const tmp = mkdtempSync(path.join(tmpdir(), 'zonedeck-console-bench-'));
const cleanups: (() => Promise<void>)[] = [
  () => Promise.resolve(rmSync(tmp, { recursive: true, force: true })),
  () => server.stop(),
];
try {
  const bffPid = serverPid(server.dataDir);
  const zonepath = (JSON.parse(hostCommand(server, ['vmadm', 'get', ELK])) as { zonepath: string }).zonepath;
  const vncSocket = path.join(zonepath, 'root', 'tmp', 'vm.vnc');
  const guest = await startGuestProcess(vncSocket);
  cleanups.unshift(() => guest.close());
  const websockify = await startWebsockify(vncSocket);
  cleanups.unshift(() => websockify.stop());
  const bare = await startBareRelay(vncSocket);
  cleanups.unshift(() => bare.stop());
  const access = await login(server.url, server.adminPassword);
  console.error(`console bench: ${rounds} rounds, load ${loadBefore.map((l) => f(l, 2)).join(' ')}`);

  /** CPU per MB moved, warm-up round included (10 ms ticks: a rough figure). */
  const cpuRow = (what: string, cpuMs: Record<Peer, number>) => {
    const perMb = (p: Peer) => cpuMs[p] / (((rounds + 1) * THROUGHPUT_BYTES) / MB);
    peerRow(
      `CPU ${what}, ms per MB (process tree)`,
      { relay: perMb('relay'), websockify: perMb('websockify'), bare: perMb('bare') },
      2,
      ratio(perMb('relay'), perMb('websockify')),
    );
  };
  const open: Record<Peer, () => Promise<Link>> = {
    relay: () => relayLink(access, ELK, 'vnc'),
    websockify: () => websocketLink(websockify.port),
    bare: () => websocketLink(bare.port),
    direct: () => directLink(vncSocket),
  };
  const pidOf: Record<Peer, number | null> = {
    relay: bffPid,
    websockify: websockify.pid,
    bare: bare.pid,
    direct: null,
  };
  /** Runs a peer's case, adding the CPU time its relay process tree spent to `cpuMs`. */
  const metered = (peer: Peer, cpuMs: Record<Peer, number>, run: () => Promise<void>) => async () => {
    const pid = pidOf[peer];
    const before = pid ? treeCpuMs(pid) : 0;
    await run();
    cpuMs[peer] += pid ? treeCpuMs(pid) - before : 0;
  };
  const command = {} as Record<Peer, Reader>;
  for (const peer of PEERS) {
    command[peer] = new Reader(await open[peer]());
    await command[peer].link.write(Buffer.from('C'));
  }

  // Throughput, MB/s (median over rounds).
  if (wanted('down')) {
    const cpu = each(PEERS, () => 0);
    const downMs = await interleaved(
      each(PEERS, (p) => metered(p, cpu, () => down(command[p], THROUGHPUT_BYTES))),
      rounds,
    );
    const downRate = each(PEERS, (p) => THROUGHPUT_BYTES / MB / (median(downMs[p]) / 1000));
    peerRow(
      'throughput down, MB/s',
      downRate,
      1,
      ratio(downRate.relay, downRate.websockify),
      '≥ 1.10x websockify',
      downRate.relay / downRate.websockify >= 1.1,
    );
    cpuRow('down', cpu);
  }
  if (wanted('up')) {
    const cpu = each(PEERS, () => 0);
    const upMs = await interleaved(
      each(PEERS, (p) => metered(p, cpu, () => up(command[p], THROUGHPUT_BYTES))),
      rounds,
    );
    const upRate = each(PEERS, (p) => THROUGHPUT_BYTES / MB / (median(upMs[p]) / 1000));
    peerRow(
      'throughput up, MB/s',
      upRate,
      1,
      ratio(upRate.relay, upRate.websockify),
      '≥ 3.00x websockify',
      upRate.relay / upRate.websockify >= 3,
    );
    cpuRow('up', cpu);
  }

  // Round trips of 16-byte messages, µs.
  if (wanted('rtt')) {
    const rtt = each(PEERS, (): number[] => []);
    await interleaved(
      each(PEERS, (p) => () => pings(command[p], 200, rtt[p])),
      rounds,
    );
    const at = (q: number) => each(PEERS, (p) => percentile(rtt[p], q));
    const [p50, p99] = [at(0.5), at(0.99)];
    peerRow(
      'RTT p50, µs',
      p50,
      0,
      `+${f(p50.relay - p50.direct, 0)} µs`,
      '≤ direct + 60 µs',
      p50.relay - p50.direct <= 60,
    );
    peerRow('RTT p99, µs', p99, 0, `+${f(p99.relay - p99.direct, 0)} µs`);
  }

  for (const peer of PEERS) await command[peer].link.close();

  // A client that stops reading for 3 s: what the guest got rid of, and the relay's RSS growth.
  // The bare relay has no flow control: it buffers all it reads (1.6 GB in 3 s here), left out.
  if (wanted('stall')) {
    const STALLED = PEERS.filter((p): p is Exclude<Peer, 'bare'> => p !== 'bare');
    const accepted = each(STALLED, (): number[] => []);
    const growth = each(STALLED, (): number[] => []);
    const stall = async (peer: (typeof STALLED)[number]) => {
      const link = await open[peer]();
      const pid = pidOf[peer];
      const before = pid ? treeRss(pid) : 0;
      link.pauseReading();
      await link.write(Buffer.from('S'));
      await sleep(3000);
      accepted[peer].push(await guest.stallAccepted());
      growth[peer].push(pid ? treeRss(pid) - before : 0);
      await link.close();
      await sleep(300);
    };
    await interleaved(
      each(STALLED, (p) => () => stall(p)),
      Math.min(rounds, 3),
    );
    const acc = each(STALLED, (p) => Math.max(...accepted[p]) / MB);
    const rss = each(STALLED, (p) => Math.max(...growth[p]) / MB);
    peerRow('stalled client: MB accepted (max)', acc, 2, ratio(acc.relay, acc.websockify));
    peerRow(
      'stalled client: RSS growth, MB (max)',
      { relay: rss.relay, websockify: rss.websockify },
      2,
      '',
      '≤ 1 MB',
      rss.relay <= 1,
    );
  }

  // VNC: full 1280x800 raw frames per second.
  if (wanted('vnc')) {
    const vnc = {} as Record<Peer, Reader>;
    for (const peer of PEERS) {
      vnc[peer] = new Reader(await open[peer]());
      await rfbHandshake(vnc[peer]);
    }
    const FRAMES = 10;
    const vncMs = await interleaved(
      each(PEERS, (p) => () => frames(vnc[p], FRAMES)),
      rounds,
    );
    const fps = each(PEERS, (p) => FRAMES / (median(vncMs[p]) / 1000));
    peerRow(
      'VNC 1280x800 raw, frames/s',
      fps,
      1,
      ratio(fps.relay, fps.direct),
      '≥ 0.95x direct',
      fps.relay / fps.direct >= 0.95,
    );
    for (const peer of PEERS) await vnc[peer].link.close();
  }

  // Terminals: the shell through the relay against the same zlogin's PTY read here.
  if (wanted('cat') || wanted('echo')) {
    const bigFile = path.join(tmp, 'big.txt');
    const line = `${'0123456789abcdefghijklmnopqrstuvwxyz'.repeat(2)}\n`;
    writeFileSync(bigFile, line.repeat(Math.ceil(CAT_BYTES / line.length)).slice(0, CAT_BYTES));
    const transport = createLocalTransport({ env: simEnv(path.join(server.dataDir, 'sim')) });
    cleanups.unshift(() => transport.close());
    const { shell } = await createHostDriver(transport).consoleEndpoints(DHCP);
    const openTerminal: Record<Terminal, () => Promise<Link>> = {
      relay: () => relayLink(access, DHCP, 'shell'),
      'raw PTY': async () => ptyLink(await transport.spawnPty({ argv: shell, cols: 80, rows: 24 })),
    };
    const term = {} as Record<Terminal, Reader>;
    for (const t of TERMINALS) {
      term[t] = new Reader(await openTerminal[t](), true);
      await prompt(term[t]);
    }
    if (wanted('cat')) {
      const catMs = await interleaved(
        each(TERMINALS, (t) => () => catFile(term[t], bigFile)),
        rounds,
      );
      const cat = each(TERMINALS, (t) => CAT_BYTES / MB / (median(catMs[t]) / 1000));
      peerRow(
        'terminal: cat 50 MB, MB/s',
        { relay: cat.relay, direct: cat['raw PTY'] },
        1,
        ratio(cat.relay, cat['raw PTY']),
        '≥ 0.90x raw PTY',
        cat.relay / cat['raw PTY'] >= 0.9,
      );
    }

    if (wanted('echo')) {
      const echo = each(TERMINALS, (): number[] => []);
      for (const t of TERMINALS) {
        const started = term[t].text(/\n/);
        await term[t].link.write(Buffer.from('cat > /dev/null\r'));
        await started;
        await sleep(300);
      }
      await interleaved(
        each(TERMINALS, (t) => () => echoes(term[t], 200, echo[t])),
        rounds,
      );
      const e = (q: number) => ({ relay: percentile(echo.relay, q), direct: percentile(echo['raw PTY'], q) });
      const [p50, p99] = [e(0.5), e(0.99)];
      peerRow(
        'keystroke echo p50, µs',
        p50,
        0,
        `+${f(p50.relay - p50.direct, 0)} µs`,
        '≤ 200 µs',
        p50.relay <= 200,
      );
      peerRow('keystroke echo p99, µs', p99, 0, `+${f(p99.relay - p99.direct, 0)} µs`);
    }
    for (const t of TERMINALS) await term[t].link.close();
  }
} finally {
  for (const c of cleanups) await c().catch((err: unknown) => console.error('cleanup:', err));
}

const loadAfter = loadavg();
console.log(
  `\nRun on ${new Date().toISOString().slice(0, 10)}, ${rounds} rounds, load average ` +
    `${f(loadBefore[0] ?? 0, 2)} before, ${f(loadAfter[0] ?? 0, 2)} after:\n`,
);
const head = [
  'case',
  'relay',
  'websockify',
  'bare ws relay',
  'direct / raw PTY',
  'relay vs peer',
  'target',
  '',
];
const table = [head, head.map(() => '---'), ...rows];
for (const r of table) console.log(`| ${r.join(' | ')} |`);
