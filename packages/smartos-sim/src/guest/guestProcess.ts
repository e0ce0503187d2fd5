// Is a pid one of our guests? vm.pid may be a made-up number from the seed, so a pid is only
// ever signalled when its command line names this VM's zonepath (QEMU's socket paths, the
// guest daemon's --zonepath): never a stranger's process.
import { readFileSync } from 'node:fs';

export function commandLine(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((a) => a !== '');
  } catch {
    return undefined;
  }
}

export function isGuestProcess(pid: unknown, zonepath: string): pid is number {
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 1) return false;
  const argv = commandLine(pid);
  if (argv === undefined) return false;
  const mark = `${zonepath}/root/`;
  return argv.some((a) => a === zonepath || a.includes(mark));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
