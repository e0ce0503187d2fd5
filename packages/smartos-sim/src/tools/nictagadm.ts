// The simulated nictagadm(8) list (smartos-live src/nictagadm, a shell script): NIC tags from
// sysinfo's "Network Interfaces" NIC Names; `printf "%-14s %-18s %-14s %-16s\n"` or -p with
// the -d delimiter (default `:`), nothing escaped.
import { readHost } from '../state/hostStore.js';
import type { SimLayout } from '../state/layout.js';
import { physLinks } from './dladm/links.js';
import { getopt } from './svcs/getopt.js';
import { ToolOutput, type ToolResult } from './toolResult.js';

export interface NictagadmContext {
  layout: () => SimLayout;
}

const USAGE = [
  'Usage: nictagadm <subcommand> [options]',
  '',
  'nictagadm add [-l] [-p prop=value,...] <name> [mac]',
  'nictagadm delete [-f] <name>',
  'nictagadm exists [-l] <name> [name1]...',
  'nictagadm list [-l | -L] [-p] [-d delim]',
  'nictagadm update [-p prop=value,...] <name> [mac]',
  'nictagadm vms <name>',
];

const pad = (v: string, w: number): string => v.padEnd(w);

export function nictagadm(argv: readonly string[], ctx: NictagadmContext): ToolResult {
  const out = new ToolOutput();
  const [sub, ...rest] = argv;
  if (sub !== 'list') {
    USAGE.forEach((l) => out.error(l));
    return out.result(sub === undefined || sub === 'help' ? 2 : 1);
  }
  const parsed = getopt(rest, 'lLpd:');
  if (parsed.error || parsed.operands.length > 0) {
    USAGE.forEach((l) => out.error(l));
    return out.result(2);
  }
  const parsable = parsed.options.some((o) => o.flag === 'p');
  const delim = parsed.options.find((o) => o.flag === 'd')?.value ?? ':';
  const localOnly = parsed.options.some((o) => o.flag === 'L');
  const tags = localOnly
    ? []
    : physLinks(readHost(ctx.layout())).flatMap((p) =>
        p.tags.map((tag) => ({ name: tag, mac: p.mac, link: p.link, type: 'normal' })),
      );
  if (!parsable) out.log(`${pad('NAME', 14)} ${pad('MACADDRESS', 18)} ${pad('LINK', 14)} ${pad('TYPE', 16)}`);
  for (const t of tags) {
    out.log(
      parsable
        ? [t.name, t.mac, t.link, t.type].join(delim)
        : `${pad(t.name, 14)} ${pad(t.mac, 18)} ${pad(t.link, 14)} ${pad(t.type, 16)}`,
    );
  }
  return out.result(0);
}
