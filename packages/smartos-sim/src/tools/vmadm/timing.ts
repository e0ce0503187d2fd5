// How long simulated operations take. SMARTOS_SIM_SPEED (a float, default 1) divides every
// delay: 1 is about what a real host takes, tests run at 50-100.
import { setTimeout as sleep } from 'node:timers/promises';

export const SPEED_ENV = 'SMARTOS_SIM_SPEED';

export function simSpeed(env: NodeJS.ProcessEnv): number {
  const raw = env[SPEED_ENV];
  const speed = raw === undefined || raw === '' ? 1 : Number(raw);
  return Number.isFinite(speed) && speed > 0 ? speed : 1;
}

/** Waits `ms` real-host milliseconds, scaled by the simulator speed. */
export async function simDelay(env: NodeJS.ProcessEnv, ms: number): Promise<void> {
  await sleep(Math.max(0, Math.round(ms / simSpeed(env))));
}

/** Real-host durations (ms) of the steps vmadm waits for. */
export const DELAYS = {
  /** zfs clone of the image + zonecfg + zoneadm install */
  install: 1200,
  /** zoneadm boot: installed -> ready -> running */
  boot: 600,
  /** zone setup inside the guest until /var/svc/provisioning moves */
  provision: 1800,
  /** HVM: creating empty zvols */
  zvol: 300,
  /** a clean shutdown: running -> shutting_down -> down */
  shutdown: 1500,
  /** down -> installed (zone teardown) */
  teardown: 300,
  /** a forced halt */
  halt: 300,
  /** zfs destroy -r and zonecfg delete */
  destroy: 700,
  /** zfs snapshot / destroy of a snapshot */
  snapshot: 200,
} as const;
