import { describe, expect, it } from 'vitest';

import { fixtureText } from '../../test/fixtureFiles.js';
import { isSmartosError } from '../errors.js';
import { outputLines } from './parserSupport.js';
import { parseVmadmEventLine } from './vmadmEvents.js';
import { vmObjectToSummary } from './vmSummary.js';

const ZONE = '3d6d023b-50f0-42e1-9a84-e1c558c16224';

describe('parseVmadmEventLine', () => {
  it('reads the captured `vmadm events -jr` lines (a bare ready, modify events without vm)', () => {
    const events = outputLines(fixtureText('vmadm-events-jr.jsonl')).map(parseVmadmEventLine);
    expect(events[0]).toEqual({ type: 'ready', vms: null });
    expect(events[1]).toEqual({ type: 'modify', uuid: ZONE, vm: null, changes: ['state'] });
    expect(events[2]).toEqual({ type: 'modify', uuid: ZONE, vm: null, changes: ['zone_state', 'state'] });
  });

  it('reads a ready with the VMs by zonename, and create / delete', () => {
    const vm = { uuid: ZONE, zonename: ZONE, brand: 'joyent', state: 'running', max_physical_memory: 128 };
    expect(parseVmadmEventLine(JSON.stringify({ type: 'ready', vms: { [ZONE]: vm } }))).toEqual({
      type: 'ready',
      vms: [vmObjectToSummary(vm)],
    });
    expect(parseVmadmEventLine(JSON.stringify({ type: 'create', uuid: ZONE, vm }))).toMatchObject({
      type: 'create',
      vm: { uuid: ZONE, ramMiB: 128 },
    });
    expect(parseVmadmEventLine(JSON.stringify({ type: 'delete', uuid: ZONE }))).toEqual({
      type: 'delete',
      uuid: ZONE,
    });
  });

  it('refuses a line that is not an event with a ParseError', () => {
    for (const line of ['{"type":"explode"}', '{not json', '{"type":"modify"}']) {
      let code: string | undefined;
      try {
        parseVmadmEventLine(line);
      } catch (err) {
        if (isSmartosError(err)) code = err.code;
      }
      expect(code, line).toBe('ParseError');
    }
  });
});
