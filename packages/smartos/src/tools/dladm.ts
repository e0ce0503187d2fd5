/** dladm(8): argv builders and thin calls, always `-p -o <fields>` (libofmt parsable output). */
import type { DataLink, PhysLink, Vnic } from '../model/network.js';
import { parseDladmShowLink, parseDladmShowPhys, parseDladmShowVnic } from '../parsers/dladm.js';
import { assertFields, assertLinkName } from './operands.js';
import { runAndParse } from './runTool.js';
import type { CallOptions, ToolContext } from './tool.js';

export const DLADM_PHYS_FIELDS = ['link', 'media', 'state', 'speed', 'duplex', 'device'] as const;
export const DLADM_VNIC_FIELDS = [
  'link',
  'over',
  'speed',
  'macaddress',
  'macaddrtype',
  'vid',
  'zone',
] as const;
export const DLADM_LINK_FIELDS = ['link', 'class', 'mtu', 'state', 'over'] as const;

export function dladmShowArgv(
  command: string,
  subcommand: 'show-phys' | 'show-vnic' | 'show-link',
  fields: readonly string[],
  link?: string,
): string[] {
  const argv = [command, subcommand, '-p', '-o', assertFields(fields).join(',')];
  return link === undefined ? argv : [...argv, '--', assertLinkName(link)];
}

export async function dladmShowPhys(ctx: ToolContext, call: CallOptions, link?: string): Promise<PhysLink[]> {
  const fields = DLADM_PHYS_FIELDS;
  return runAndParse(
    ctx.transport,
    { argv: dladmShowArgv(ctx.command, 'show-phys', fields, link), ...call },
    (out) => parseDladmShowPhys(out, { fields }),
  );
}

export async function dladmShowVnic(ctx: ToolContext, call: CallOptions, link?: string): Promise<Vnic[]> {
  const fields = DLADM_VNIC_FIELDS;
  return runAndParse(
    ctx.transport,
    { argv: dladmShowArgv(ctx.command, 'show-vnic', fields, link), ...call },
    (out) => parseDladmShowVnic(out, { fields }),
  );
}

export async function dladmShowLink(ctx: ToolContext, call: CallOptions, link?: string): Promise<DataLink[]> {
  const fields = DLADM_LINK_FIELDS;
  return runAndParse(
    ctx.transport,
    { argv: dladmShowArgv(ctx.command, 'show-link', fields, link), ...call },
    (out) => parseDladmShowLink(out, { fields }),
  );
}
