/**
 * Parser for one line of `vmadm events -j -r` (REFERENCE 1.9): a `ready` event (with the full
 * VM objects in `vms`, keyed by zonename, where the platform sends them), then create, modify
 * and delete events with the `changes` and (where sent) the new `vm`. VM objects become
 * VmSummary exactly as listVms reads them (vmObjectToSummary in vmSummary.ts).
 */
import { z } from 'zod';

import type { VmSummary } from '../model/vm.js';
import { checked, parseJson } from './parserSupport.js';
import { vmObjectToSummary } from './vmSummary.js';

export type VmadmEvent =
  /** `vms` is null when the platform sends a bare `ready`: read the list instead. */
  | { type: 'ready'; vms: VmSummary[] | null }
  /** `vm` is null when the event carries only the changes. */
  | { type: 'create' | 'modify'; uuid: string; vm: VmSummary | null; changes: string[] }
  | { type: 'delete'; uuid: string };

const vmObject = z.record(z.string(), z.unknown());
const EventLine = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('ready'),
    vms: z.record(z.string(), vmObject).or(z.array(vmObject)).optional(),
  }),
  z.looseObject({
    type: z.enum(['create', 'modify']),
    uuid: z.string(),
    vm: vmObject.optional(),
    changes: z.array(z.looseObject({ prettyPath: z.string().optional() })).optional(),
  }),
  z.looseObject({ type: z.literal('delete'), uuid: z.string() }),
]);

export function parseVmadmEventLine(line: string): VmadmEvent {
  const ev = checked(EventLine, parseJson(line, 'vmadm events'), 'vmadm events');
  switch (ev.type) {
    case 'ready': {
      if (ev.vms === undefined) return { type: 'ready', vms: null };
      const vms: Record<string, unknown>[] = Array.isArray(ev.vms) ? ev.vms : Object.values(ev.vms);
      return { type: 'ready', vms: vms.map(vmObjectToSummary) };
    }
    case 'delete':
      return { type: 'delete', uuid: ev.uuid };
    case 'create':
    case 'modify':
      return {
        type: ev.type,
        uuid: ev.uuid,
        vm: ev.vm ? vmObjectToSummary(ev.vm) : null,
        changes: (ev.changes ?? []).flatMap((c) => (c.prettyPath === undefined ? [] : [c.prettyPath])),
      };
  }
}
