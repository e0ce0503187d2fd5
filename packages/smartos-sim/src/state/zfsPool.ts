// Pool health from its vdev tree, and the progress of a scrub over (simulated) time.
import type { PoolRecord, ScanRecord, VdevNode, VdevState } from './zfsStore.js';

/** A vdev's state as zpool status prints it: leaves their own, others from their children. */
export function vdevState(v: VdevNode): VdevState {
  if (v.kind === 'disk') return v.state;
  const kids = v.children.map(vdevState);
  const down = kids.filter((s) => s !== 'ONLINE' && s !== 'DEGRADED').length;
  const degraded = kids.some((s) => s === 'DEGRADED');
  if (v.kind === 'root') {
    if (down > 0) return 'UNAVAIL';
    return degraded ? 'DEGRADED' : 'ONLINE';
  }
  const tolerated = v.kind === 'mirror' ? kids.length - 1 : 1;
  if (down > tolerated) return 'UNAVAIL';
  return down > 0 || degraded ? 'DEGRADED' : 'ONLINE';
}

export function poolHealth(pool: PoolRecord): VdevState {
  return vdevState(pool.vdev);
}

/** A leaf vdev by name, or undefined. */
export function findVdev(root: VdevNode, name: string): VdevNode | undefined {
  if (root.kind === 'disk' && root.name === name) return root;
  for (const c of root.children) {
    const hit = findVdev(c, name);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** SMARTOS_SIM_SPEED: how many simulated seconds pass per real second (default 1). */
export function simSpeed(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.SMARTOS_SIM_SPEED ?? '1');
  return Number.isFinite(v) && v > 0 ? v : 1;
}

export type ScanProgress =
  | { phase: 'finished'; startMs: number; endMs: number; seconds: number; errors: number }
  | { phase: 'canceled'; endMs: number }
  | {
      phase: 'scanning';
      startMs: number;
      /** simulated seconds since it started */
      elapsed: number;
      scanned: number;
      issued: number;
      total: number;
      secondsLeft: number;
    };

/** Where a scan stands at `nowMs`, with simulated time running `speed` times faster. */
export function scanProgress(scan: ScanRecord, nowMs: number, speed: number): ScanProgress {
  if (scan.canceledMs !== undefined) return { phase: 'canceled', endMs: scan.canceledMs };
  const seconds = scan.durationSec ?? Math.ceil(scan.totalBytes / scan.rateBytesPerSec);
  const elapsed = Math.max(0, ((nowMs - scan.startMs) / 1000) * speed);
  if (scan.durationSec !== undefined || elapsed >= seconds) {
    const endMs = scan.startMs + (seconds * 1000) / (scan.durationSec !== undefined ? 1 : speed);
    return { phase: 'finished', startMs: scan.startMs, endMs, seconds, errors: scan.errors };
  }
  const issued = Math.min(scan.totalBytes, Math.floor(elapsed * scan.rateBytesPerSec));
  const scanned = Math.min(scan.totalBytes, Math.floor(issued * 1.25));
  return {
    phase: 'scanning',
    startMs: scan.startMs,
    elapsed,
    scanned,
    issued,
    total: scan.totalBytes,
    secondsLeft: Math.ceil((scan.totalBytes - issued) / scan.rateBytesPerSec),
  };
}
