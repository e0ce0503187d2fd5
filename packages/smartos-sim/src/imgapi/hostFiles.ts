// Where a simulated host keeps its image server's bookkeeping:
//
//   <root>/imgapi/port     the loopback port, chosen once (at init, or first use) and kept, so
//                          the source URL in <root>/imgadm/sources.json survives restarts
//   <root>/imgapi/pid      the pid of the detached daemon serving it (smartos-sim imgapi serve)
//   <root>/imgapi/server.log   the daemon's output
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const LOOPBACK = '127.0.0.1';

export function imgapiDir(root: string): string {
  return join(root, 'imgapi');
}

export function portFile(root: string): string {
  return join(imgapiDir(root), 'port');
}

export function pidFile(root: string): string {
  return join(imgapiDir(root), 'pid');
}

export function logFile(root: string): string {
  return join(imgapiDir(root), 'server.log');
}

export function imageServerUrl(port: number): string {
  return `http://${LOOPBACK}:${port}`;
}

function readNumber(path: string): number | undefined {
  try {
    const n = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

export function readHostPort(root: string): number | undefined {
  return readNumber(portFile(root));
}

export function readServerPid(root: string): number | undefined {
  return readNumber(pidFile(root));
}

/** A port nothing listens on right now (the kernel's pick for a loopback bind to port 0). */
export function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, LOOPBACK, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The host's image server port: the one already chosen, or a new one, recorded. */
export async function hostImgapiPort(root: string): Promise<number> {
  const known = readHostPort(root);
  if (known !== undefined) return known;
  const port = await pickFreePort();
  mkdirSync(imgapiDir(root), { recursive: true });
  writeFileSync(portFile(root), `${port}\n`);
  return port;
}
