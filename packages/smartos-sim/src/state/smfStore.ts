// SMF state of the simulated global zone: <root>/smf.json. Created from the seed on first
// use (and again after `smartos-sim reset`, noticed by sim.json's createdAt changing).
// State changes that take time are stored as pending steps and applied when read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { officeSmfServices } from '../seed/officeSmf.js';
import { writeJsonAtomic } from './atomicWrite.js';
import { readSimMeta } from './hostStore.js';
import type { SimLayout } from './layout.js';

export type SmfStateName = 'online' | 'offline' | 'disabled' | 'maintenance' | 'degraded' | 'uninitialized';

/** A state the service reaches at `at` (ISO time). */
export interface SmfStep {
  at: string;
  state: SmfStateName;
  nextState: SmfStateName | null;
}

export interface SmfService {
  fmri: string;
  description: string;
  state: SmfStateName;
  /** Set while the service moves to another state (svcs shows `*`). */
  nextState: SmfStateName | null;
  /** When it entered its state (ISO). */
  stime: string;
  enabled: boolean;
  pending: SmfStep[];
  /** For services in maintenance: what `svcs -x` says. */
  reason?: string;
  see?: string[];
}

interface SmfFile {
  simCreatedAt: string;
  services: SmfService[];
}

export function smfFile(layout: SimLayout): string {
  return join(layout.root, 'smf.json');
}

/** Applies the pending steps due by `now`. */
export function settle(service: SmfService, now: Date): SmfService {
  const due = service.pending.filter((s) => Date.parse(s.at) <= now.getTime());
  if (due.length === 0) return service;
  const last = due[due.length - 1];
  if (!last) return service;
  return {
    ...service,
    state: last.state,
    nextState: last.nextState,
    stime: last.at,
    pending: service.pending.filter((s) => Date.parse(s.at) > now.getTime()),
  };
}

/** Every service, settled at `now`; seeds smf.json when missing or left from before a reset. */
export function readServices(layout: SimLayout, now: Date = new Date()): SmfService[] {
  const path = smfFile(layout);
  const createdAt = readSimMeta(layout).createdAt;
  if (existsSync(path)) {
    const file = JSON.parse(readFileSync(path, 'utf8')) as SmfFile;
    if (file.simCreatedAt === createdAt) return file.services.map((s) => settle(s, now));
  }
  const services = officeSmfServices();
  writeServices(layout, services);
  return services;
}

/** Writes the services. Callers that read-modify-write hold the state lock. */
export function writeServices(layout: SimLayout, services: readonly SmfService[]): void {
  const file: SmfFile = { simCreatedAt: readSimMeta(layout).createdAt, services: [...services] };
  writeJsonAtomic(smfFile(layout), file);
}

/** How long one step of a state change takes: 500 ms divided by $SMARTOS_SIM_SPEED. */
export function stepMs(env: NodeJS.ProcessEnv): number {
  const speed = Number(env.SMARTOS_SIM_SPEED ?? '1');
  return 500 / (Number.isFinite(speed) && speed > 0 ? speed : 1);
}
