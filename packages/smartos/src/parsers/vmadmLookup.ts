/** Parsers for `vmadm lookup` (one uuid per line) and `vmadm lookup -j` (VM objects). */
import { z } from 'zod';

import { isUuid } from '../uuid.js';
import { checked, outputLines, parseError, parseJson } from './parserSupport.js';
import { VmadmVm } from './vmadmGet.js';

/** Parses `vmadm lookup [filters]`: the uuids of the matching VMs. */
export function parseVmadmLookup(stdout: string): string[] {
  return outputLines(stdout)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, i) => {
      if (!isUuid(line))
        throw parseError(`vmadm lookup line ${i + 1} is not a uuid: ${JSON.stringify(line)}`);
      return line;
    });
}

/** Parses `vmadm lookup -j [filters]` (full VM objects; not for `-o` subsets). */
export function parseVmadmLookupJson(stdout: string): VmadmVm[] {
  return checked(z.array(VmadmVm), parseJson(stdout, 'vmadm lookup -j'), 'vmadm lookup -j');
}

/** Parses `vmadm lookup -j -o <fields>`: an array of objects with (some of) those properties. */
export function parseVmadmLookupObjects(stdout: string): Record<string, unknown>[] {
  return checked(
    z.array(z.record(z.string(), z.unknown())),
    parseJson(stdout, 'vmadm lookup -j'),
    'vmadm lookup -j',
  );
}
