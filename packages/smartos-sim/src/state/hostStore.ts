import { readFileSync } from 'node:fs';

import { writeJsonAtomic } from './atomicWrite.js';
import { isJsonObject, type JsonObject } from './json.js';
import type { SimLayout } from './layout.js';

export interface SimMeta {
  profile: string;
  createdAt: string;
}

export interface Counters {
  nextZoneid: number;
  nextPid: number;
}

function readJsonObject(path: string): JsonObject {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isJsonObject(value)) throw new Error(`${path}: expected a JSON object`);
  return value;
}

/** sysinfo's data, in sysinfo's key order. */
export function readHost(layout: SimLayout): JsonObject {
  return readJsonObject(layout.hostFile);
}

export function readSimMeta(layout: SimLayout): SimMeta {
  const obj = readJsonObject(layout.simFile);
  if (typeof obj.profile !== 'string') throw new Error(`${layout.simFile}: no profile`);
  return { profile: obj.profile, createdAt: typeof obj.createdAt === 'string' ? obj.createdAt : '' };
}

export function readCounters(layout: SimLayout): Counters {
  const obj = readJsonObject(layout.countersFile);
  return {
    nextZoneid: typeof obj.nextZoneid === 'number' ? obj.nextZoneid : 1,
    nextPid: typeof obj.nextPid === 'number' ? obj.nextPid : 1000,
  };
}

/** Hands out the next zoneid and pid. Call with the state lock held. */
export function allocateZoneIdAndPid(layout: SimLayout): { zoneid: number; pid: number } {
  const counters = readCounters(layout);
  const pid = counters.nextPid;
  const zoneid = counters.nextZoneid;
  writeJsonAtomic(layout.countersFile, { nextZoneid: zoneid + 1, nextPid: pid + 7 + (pid % 13) });
  return { zoneid, pid };
}
