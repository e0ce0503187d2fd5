// The host's image server as a detached daemon: `smartos-sim imgapi serve --root R` runs it
// (pid in <root>/imgapi/pid); ensureImageServer() - called by imgadm when a configured source
// is the host's own server - starts it on the host's port when nothing answers there.
// The daemon exits by itself when its state directory disappears or another took its place.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { simBinDir } from '../simBin.js';
import { writeFileAtomic } from '../state/atomicWrite.js';
import { withLock } from '../state/lock.js';
import { hostImgapiPort, imageServerUrl, imgapiDir, logFile, pidFile, readServerPid } from './hostFiles.js';
import { pingImgapi } from './ping.js';
import { startImageServer, type ImageServer } from './server.js';

const START_TIMEOUT_MS = 20_000;
const WATCH_MS = 2000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs the host's server in this process until SIGTERM/SIGINT (or the host goes away):
 * the body of `smartos-sim imgapi serve`. `onListening` gets the URL once it serves.
 */
export async function serveImageDaemon(opts: {
  root: string;
  port?: number;
  fileMiB?: number;
  onListening?: (url: string) => void;
}): Promise<void> {
  const server: ImageServer = await startImageServer({
    root: opts.root,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.fileMiB !== undefined ? { fileMiB: opts.fileMiB } : {}),
  });
  mkdirSync(imgapiDir(opts.root), { recursive: true });
  writeFileAtomic(pidFile(opts.root), `${process.pid}\n`);
  opts.onListening?.(server.url);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      clearInterval(watch);
      for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.off(sig, stop);
      resolve();
    };
    const watch = setInterval(() => {
      if (!existsSync(opts.root) || readServerPid(opts.root) !== process.pid) stop();
    }, WATCH_MS);
    for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, stop);
  });
  if (readServerPid(opts.root) === process.pid) rmSync(pidFile(opts.root), { force: true });
  await server.close();
}

/**
 * The URL of the host's image server, started as a daemon if nothing answers on its port.
 * Resolves once it answers `/ping` (or after a timeout: callers then meet the connection
 * error a dead source gives).
 */
export async function ensureImageServer(root: string): Promise<string> {
  const port = await hostImgapiPort(root);
  const url = imageServerUrl(port);
  if (await pingImgapi(url, 500)) return url;
  mkdirSync(imgapiDir(root), { recursive: true });
  await withLock(
    join(imgapiDir(root), '.start.lock'),
    async () => {
      if (await pingImgapi(url, 500)) return;
      const log = openSync(logFile(root), 'a');
      const child = spawn(
        process.execPath,
        [join(simBinDir, 'smartos-sim'), 'imgapi', 'serve', '--root', root, '--port', String(port)],
        { detached: true, stdio: ['ignore', log, log], env: process.env },
      );
      let exited = false;
      child.on('exit', () => {
        exited = true;
      });
      child.unref();
      const started = Date.now();
      while (!exited && Date.now() - started < START_TIMEOUT_MS) {
        if (await pingImgapi(url, 500)) return;
        await sleep(40);
      }
    },
    { timeoutMs: START_TIMEOUT_MS + 5000, staleMs: START_TIMEOUT_MS + 5000 },
  );
  return url;
}

/** Stops the host's daemon, if one runs; resolves when it has exited (or after 5 s). */
export async function stopImageServer(root: string): Promise<boolean> {
  const pid = readServerPid(root);
  if (pid === undefined || !alive(pid)) return false;
  const cmdline = ((): string => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  })();
  // never signal a process that is not our daemon (a recycled pid)
  if (cmdline !== '' && !cmdline.includes('imgapi')) return false;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(pid); i += 1) await sleep(50);
  return true;
}
